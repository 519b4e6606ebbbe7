"""A parsed entry made ready to store: normalised, serialised, keyed; no database needed.

Everything here is pure and per record, so it can run in a second process while the
first one writes (see pipeline.py). A `PreparedRecord` holds only plain values: it
pickles cheaply, where a pydantic `Record` costs more to unpickle than to validate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .citekeys import base_key
from .identifiers import doi_key
from .normalize import normalize
from .parsers import ParsedEntry
from .records import Record
from .text import match_key

# The `record` columns written from a record, in the order of `PreparedRecord.columns`.
RECORD_COLUMNS = ("type", "title", "authors", "container_title", "year", "abstract",
                  "keywords", "doi_norm", "pmid", "pmcid", "title_key", "data")
# The `citation` columns written per reference, in the order of `PreparedRecord.citations`.
CITATION_COLUMNS = ("position", "title", "container_title", "year", "doi_norm", "title_key")
# What a reference list needs of a record, by type: the ingest report names what is missing
# (a cut-off page, a reader that found no journal line) rather than storing it silently.
_JOURNAL = ("title", "author", "container_title", "issued", "volume", "issue", "page", "doi")
EXPECTED: dict[str, tuple[str, ...]] = {
    "article-journal": _JOURNAL, "review": _JOURNAL,
    "paper-conference": ("title", "author", "container_title", "issued"),
    "chapter": ("title", "author", "container_title", "issued", "publisher"),
    "book": ("title", "author", "issued", "publisher"),
}
DEFAULT_EXPECTED = ("title", "author", "issued")
LABELS = {"container_title": "journal", "issued": "year", "page": "pages", "author": "authors",
          "doi": "DOI"}
_YEAR, _DOI, _TITLE_KEY = (RECORD_COLUMNS.index(name) for name in ("year", "doi_norm", "title_key"))


def record_values(record: Record) -> tuple[Any, ...]:
    """The searchable and matchable copies kept beside the JSON document, and the document."""
    terms = record.keywords + [m.descriptor for m in record.mesh] + record.substances
    return (
        record.type,
        record.title,
        "; ".join(name.display() for name in record.author) or None,
        record.container_title,
        record.year,
        record.abstract,
        "; ".join(dict.fromkeys(terms)) or None,
        doi_key(record.doi),
        record.pmid,
        record.pmcid,
        match_key(record.title) if record.title else None,
        # model_dump_json runs in pydantic's core: about 5x cheaper than model_dump + json.
        record.model_dump_json(by_alias=True, exclude_defaults=True),
    )


def identifier_keys(record: Record) -> tuple[str, ...]:
    """`doi_norm:…`, `pmid:…`, `pmcid:…` for the identifiers the record has."""
    pairs = (("doi_norm", doi_key(record.doi)), ("pmid", record.pmid), ("pmcid", record.pmcid))
    return tuple(f"{column}:{value}" for column, value in pairs if value)


def citation_values(record: Record, start: int = 0) -> list[tuple[Any, ...]]:
    """Rows for the record's references after the first `start` (already stored)."""
    return [
        (n, ref.title, ref.container_title, ref.year, doi_key(ref.doi),
         match_key(ref.title) if ref.title else None)
        for n, ref in enumerate(record.references[start:], start=start + 1)
    ]


def lacking(record: Record) -> tuple[str, ...]:
    """The expected fields this record has no value for, as the report names them."""
    expected = EXPECTED.get(record.type, DEFAULT_EXPECTED)
    return tuple(LABELS.get(name, name) for name in expected if not getattr(record, name))


@dataclass(slots=True)
class PreparedRecord:
    """One entry as the writer needs it. `record` is None once it crossed a process."""

    line: int
    warnings: tuple[str, ...]
    columns: tuple[Any, ...]
    base_key: str
    identifier_keys: tuple[str, ...]
    citations: list[tuple[Any, ...]]
    lacking: tuple[str, ...] = ()
    record: Record | None = field(default=None, compare=False)

    @property
    def data_json(self) -> str:
        value: str = self.columns[-1]
        return value

    @property
    def doi_norm(self) -> str | None:
        value: str | None = self.columns[_DOI]
        return value

    @property
    def title_key(self) -> str | None:
        value: str | None = self.columns[_TITLE_KEY]
        return value

    @property
    def year(self) -> int | None:
        value: int | None = self.columns[_YEAR]
        return value

    def full(self) -> Record:
        """The record itself; rebuilt from its JSON when it came from another process."""
        if self.record is None:
            self.record = Record.model_validate_json(self.data_json)
        return self.record

    def portable(self) -> PreparedRecord:
        """A copy without the pydantic object, for sending to another process."""
        return PreparedRecord(self.line, self.warnings, self.columns, self.base_key,
                              self.identifier_keys, self.citations, self.lacking)


def prepare(entry: ParsedEntry) -> PreparedRecord:
    record = normalize(entry.record)
    return PreparedRecord(
        line=entry.line, warnings=entry.warnings, columns=record_values(record),
        base_key=base_key(record), identifier_keys=identifier_keys(record),
        citations=citation_values(record), lacking=lacking(record), record=record,
    )
