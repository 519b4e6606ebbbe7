"""CSV writer: one row per record under a fixed header, for spreadsheets and scripts.

RFC 4180 quoting by the csv module, `\\n` line ends, UTF-8 (no BOM: Excel needs "Data >
From Text/CSV" to read it as UTF-8, and a BOM would break every other reader's header).
Lists share one cell, joined by "; " (keywords and MeSH terms can hold commas). Line
breaks inside a cell are written as `\\n`: the csv module quotes a cell for the characters
of its line terminator only, so a bare CR would go out unquoted and split the row.

Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with
`=`, `+`, `-` or `@` as a formula (`=HYPERLINK(...)`, `-2+3+cmd|...`), and tab, CR or LF
in front of one can be skipped on import. Any cell starting with one of those seven
characters gets a `'` in front, which the spreadsheet shows as text. There is no exception
for numbers such as `-5`: no column holds a negative number (ids, years, volumes and pages
are positive), so an exception would protect nothing while adding a rule that must match
every spreadsheet's idea of a number. Readers that need the exact value drop a leading `'`
before those seven.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence

from ..records import DateParts, Name, Record, StoredRecord
from . import Exporter

LIST_SEPARATOR = "; "
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def _name(name: Name) -> str:
    """`Family, Given` (particle kept with the family, `, Jr` after), or the literal."""
    if name.literal:
        return name.literal
    family = " ".join(part for part in (name.non_dropping_particle, name.family) if part)
    return ", ".join(part for part in (family, name.given, name.suffix) if part)


def _names(names: list[Name], truncated: bool = False) -> str:
    listed = [_name(name) for name in names]
    if truncated:
        listed.append("et al.")  # the source named only these
    return LIST_SEPARATOR.join(listed)


def _date(issued: DateParts | None) -> str:
    """The (first) date at the precision given: `2007`, `2003-06`, `2007-01-17`."""
    if issued is None:
        return ""
    year, *rest = issued.date_parts[0]
    return "-".join([str(year), *(f"{part:02d}" for part in rest)])


def _mesh(record: Record) -> str:
    """MEDLINE's own notation: `Descriptor/qualifier`, `*` for a major topic."""
    return LIST_SEPARATOR.join(
        "/".join(part for part in (heading.descriptor, heading.qualifier) if part)
        + ("*" if heading.major else "")
        for heading in record.mesh
    )


def _text(value: str | None) -> str:
    return value or ""


# Header -> cell, in column order. Each cell is a plain string before neutralising.
COLUMNS: dict[str, Callable[[StoredRecord], str]] = {
    "key": lambda item: item.key,
    "id": lambda item: str(item.id),
    "type": lambda item: item.record.type,
    "title": lambda item: _text(item.record.title),
    "authors": lambda item: _names(item.record.author, item.record.authors_truncated),
    "editors": lambda item: _names(item.record.editor),
    "journal": lambda item: _text(item.record.container_title),
    "journal_abbrev": lambda item: _text(item.record.container_title_short),
    "year": lambda item: str(item.record.year or ""),
    "date": lambda item: _date(item.record.issued),
    "volume": lambda item: _text(item.record.volume),
    "issue": lambda item: _text(item.record.issue),
    "pages": lambda item: _text(item.record.page),
    "article_number": lambda item: _text(item.record.number),
    "publisher": lambda item: _text(item.record.publisher),
    "place": lambda item: _text(item.record.publisher_place),
    "DOI": lambda item: _text(item.record.doi),
    "PMID": lambda item: _text(item.record.pmid),
    "PMCID": lambda item: _text(item.record.pmcid),
    "ISSN": lambda item: LIST_SEPARATOR.join(item.record.issn),
    "ISBN": lambda item: LIST_SEPARATOR.join(item.record.isbn),
    "URL": lambda item: _text(item.record.url),
    "language": lambda item: _text(item.record.language),
    "publication_types": lambda item: LIST_SEPARATOR.join(item.record.publication_types),
    "keywords": lambda item: LIST_SEPARATOR.join(item.record.keywords),
    "mesh": lambda item: _mesh(item.record),
    "abstract": lambda item: _text(item.record.abstract),
    "note": lambda item: _text(item.record.note),
}
HEADER = tuple(COLUMNS)

# The Record attributes some column holds (issued as its first date only).
CARRIES = frozenset({
    "type", "title", "author", "authors_truncated", "editor", "container_title",
    "container_title_short", "issued", "volume", "issue", "page", "number", "publisher",
    "publisher_place", "doi", "pmid", "pmcid", "issn", "isbn", "url", "language",
    "publication_types", "keywords", "mesh", "abstract", "note",
})


def neutralise(cell: str) -> str:
    """`'=SUM(A1)` for `=SUM(A1)`: a cell a spreadsheet would run becomes text."""
    return "'" + cell if cell.startswith(FORMULA_TRIGGERS) else cell


def _cell(value: str) -> str:
    return neutralise(value).replace("\r\n", "\n").replace("\r", "\n")


def _rows(rows: Iterable[Iterable[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows(rows)
    return out.getvalue()


def stream(batches: Iterable[Sequence[StoredRecord]]) -> Iterator[str]:
    """The header, then the rows of each batch in the given order."""
    yield _rows([HEADER])
    for batch in batches:
        yield _rows([_cell(cell(item)) for cell in COLUMNS.values()] for item in batch)


def export(items: Sequence[StoredRecord]) -> str:
    """The header, then one row per record in the given order."""
    return "".join(stream([items]))


EXPORTER = Exporter(
    name="csv",
    description="CSV, one row per record, for spreadsheets (formula cells neutralised)",
    suffix=".csv",
    export=export,
    carries=CARRIES,
    stream=stream,
)
