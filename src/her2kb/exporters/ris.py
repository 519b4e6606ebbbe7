"""RIS writer (formats.md §2): the reader's maps in reverse, read back by rispy and Zotero.

Layout is the spec's: `XX  - value`, `TY` first, `ER  - ` (trailing space) last, a blank
line between records. What the reader needs to give the record back unchanged:
* names are `Family, Given[, Suffix]`; a family-only name keeps a trailing comma, because
  a name without a comma reads as a single-field (corporate) name;
* `PY` holds the year and `DA` the full date (`2010/05/01/`, `2010/05//`, `2010///Fall`),
  as Zotero writes them; `ET` is the edition, or the epub date on journal types;
* pages go out expanded as `SP`/`EP` when they are one plain range, else whole in `SP`;
* abstract paragraphs continue on lines indented by six spaces (never read as tags);
* a PMID is `AN` under `DB  - PubMed`, the reader's rule for PubMed-derived files.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..parsers.ris import BOOK_TYPES
from ..parsers.ris import TYPE_MAP as READ_TYPES
from ..records import DateParts, Name, Record, StoredRecord
from . import Exporter

# Record attribute -> RIS tag, in output order. None: RIS has no place for it.
FIELD_MAP: dict[str, str | None] = {
    "type": "TY", "title": "TI", "author": "AU", "editor": "A2", "container_title": "T2",
    "container_title_short": "J2", "collection_title": "T3", "issued": "PY",  # and DA
    "accessed": "Y2", "edition": "ET", "available_date": "ET", "volume": "VL", "issue": "IS",
    "page": "SP",  # and EP
    "number": "C7", "publisher": "PB", "publisher_place": "CY", "issn": "SN", "isbn": "SN",
    "doi": "DO", "pmid": "AN", "pmcid": "C2", "url": "UR", "language": "LA", "keywords": "KW",
    "abstract": "AB", "note": "N1",
    "authors_truncated": None, "page_as_printed": None, "number_of_pages": None, "pii": None,
    "mesh": None, "substances": None, "publication_types": None,
    "original_type": None,  # written as TY when it is a RIS type of the same CSL type
    "open_access": None, "top_cited": None, "relations": None, "references": None,
    "references_total_stated": None, "full_text_excerpt": None,
}
# CSL type -> RIS type. CSL `review` has no RIS type and goes out as JOUR.
TYPE_MAP: dict[str, str] = {
    "article-journal": "JOUR", "article-magazine": "MGZN", "article-newspaper": "NEWS",
    "book": "BOOK", "chapter": "CHAP", "paper-conference": "CPAPER", "report": "RPRT",
    "thesis": "THES", "webpage": "ELEC", "dataset": "DATA", "patent": "PAT",
    "manuscript": "UNPB", "entry-encyclopedia": "ENCYC", "review": "JOUR", "article": "GEN",
}
SEASON_NAMES = ("Spring", "Summer", "Fall", "Winter")
CONTINUATION = " " * 6
_PLAIN_RANGE = re.compile(r"^([^\s,;-]+)-([^\s,;-]+)$")


SEPARATOR = "\x1f"  # joins a record's values for one check; never in a printable value


def _line(value: str) -> str:
    """The value on one line, single-spaced: no line break can start a false tag."""
    if value.isprintable() and "  " not in value and value[:1] != " " != value[-1:]:
        return value  # stored values are already clean; isprintable is false for any break
    return " ".join(value.split())


def ris_type(record: Record) -> str:
    """The source's own RIS type when it means the same CSL type (EJOUR, ABST ...)."""
    printed = (record.original_type or "").strip().upper()
    if READ_TYPES.get(printed) == record.type:
        return printed
    return TYPE_MAP.get(record.type, "GEN")


def ris_name(name: Name) -> str:
    """`de la Cruz, Maria`, `Doe, John, Jr`, `Doe, , Jr`, `万征,`, or a literal as is."""
    return _line(_name_text(name))


def _name_text(name: Name) -> str:
    """ris_name before the one-line clean-up, which entry() does for the whole record."""
    if name.literal:
        return name.literal
    family = name.family or ""
    if name.non_dropping_particle:
        family = f"{name.non_dropping_particle} {family}"
    if name.suffix:
        return f"{family}, {name.given or ''}, {name.suffix}"
    return f"{family}, {name.given}" if name.given else f"{family},"


def ris_date(date: DateParts) -> str:
    """`2010/05/01/`, `2010/05//`, `2010///`, `2010///Fall` at the precision stored."""
    year, *rest = date.date_parts[0]
    month, day = (f"{part:02d}" for part in [*rest, 0, 0][:2])
    season = SEASON_NAMES[date.season - 1] if date.season and not rest else ""
    return f"{year}/{month if rest else ''}/{day if len(rest) > 1 else ''}/{season}"


def _dates(record: Record) -> Iterator[tuple[str, str | None]]:
    if record.issued:
        yield "PY", str(record.issued.year)
        if len(record.issued.date_parts[0]) > 1 or record.issued.season:
            yield "DA", ris_date(record.issued)
    if record.accessed:
        yield "Y2", ris_date(record.accessed)
    if record.type in BOOK_TYPES or not record.available_date:
        if record.edition:
            yield "ET", _line(record.edition)
    else:
        yield "ET", ris_date(record.available_date)


def _pages(page: str) -> Iterator[tuple[str, str | None]]:
    match = _PLAIN_RANGE.match(page)
    if match and match.group(1) != match.group(2):
        yield "SP", match.group(1)
        yield "EP", match.group(2)
    else:
        yield "SP", _line(page)


def _fields(item: StoredRecord) -> list[tuple[str, str | None]]:
    """(tag, value) pairs in output order; empty values are dropped by the caller.

    A list literal rather than a generator: this runs once per record, and at 100k
    records the generator's per-field resumption was a third of the writer's time.
    """
    record = item.record
    fields: list[tuple[str, str | None]] = [
        ("TY", ris_type(record)), ("ID", item.key), ("TI", record.title)]
    fields += [("AU", _name_text(name)) for name in record.author]
    fields += [("A2", _name_text(name)) for name in record.editor]
    fields += [("T2", record.container_title), ("J2", record.container_title_short),
               ("T3", record.collection_title)]
    fields += _dates(record)
    fields += [("VL", record.volume), ("IS", record.issue)]
    fields += _pages(record.page or "")
    fields += [("C7", record.number), ("PB", record.publisher), ("CY", record.publisher_place)]
    fields += [("SN", serial) for serial in [*record.issn, *record.isbn]]
    fields.append(("DO", record.doi))
    if record.pmid:
        fields += [("DB", "PubMed"), ("AN", record.pmid)]
    fields += [("C2", record.pmcid), ("UR", record.url), ("LA", record.language)]
    fields += [("KW", keyword) for keyword in record.keywords]
    return fields


def _abstract_lines(value: str) -> list[str]:
    first, *more = [_line(part) for part in value.split("\n") if part.strip()] or [""]
    return ([f"AB  - {first}"] if first else []) + [CONTINUATION + part for part in more]


def entry(item: StoredRecord) -> str:
    """One record, `TY` to `ER  - `, each line ending with `\\n`."""
    fields = [(tag, value) for tag, value in _fields(item) if value]
    values = [value for _, value in fields]
    # One check for the whole record: stored values are already single-spaced lines, so
    # the per-value clean-up below is the rare path.
    joined = SEPARATOR.join(values)
    if not (joined.replace(SEPARATOR, "").isprintable() and "  " not in joined
            and f" {SEPARATOR}" not in joined and f"{SEPARATOR} " not in joined
            and joined[:1] != " " != joined[-1:]):
        fields = [(tag, _line(value)) for tag, value in fields]
    lines = [f"{tag}  - {value}" for tag, value in fields if value]
    record = item.record
    if record.abstract:
        lines += _abstract_lines(record.abstract)
    if record.note and (note := _line(record.note)):
        lines.append(f"N1  - {note}")
    lines.append("ER  - ")
    return "\n".join(lines) + "\n"


def export(items: Sequence[StoredRecord]) -> str:
    """An RIS file: the records in the given order, a blank line between them."""
    return "\n".join(entry(item) for item in items)


CARRIES = frozenset(attr for attr, tag in FIELD_MAP.items() if tag)

EXPORTER = Exporter(
    name="ris",
    description="RIS, for Zotero, EndNote, Mendeley, JabRef and reference managers",
    suffix=".ris",
    export=export,
    carries=CARRIES,
    joiner="\n",
)
