"""EndNote tagged writer (`.enw`), the inverse of parsers/refer.py (formats.md §1).

A record is `%0 <type>` and then one `%X value` line per field, in FIELD_TAGS order,
with the citation key as the label `%F`; a blank line follows each record. A value with
line breaks goes on over untagged lines, which the reader joins back. Two guards keep
that safe: a continuation line starting with `%` gets a leading space, so it cannot pass
for a tag, and blank lines inside a value are dropped, as they would end the record.
EndNote labels some fields per type; TAGS_BY_TYPE mirrors the reader's BY_TYPE. Names
are `Family, Given[, Suffix]`; a corporate name ends with a comma, EndNote's mark for a
name not to invert.

Round trip (tests/test_export_endnote.py): reading the output and normalising gives the
record projected on CARRIES, except where EndNote has no place for the difference:
* CSL `review` has no EndNote type: written as Generic, it comes back as `article`;
* a journal article's `%7` is its Epub Date: journal articles have no edition, and only
  they carry `available_date`;
* a book's `%E` is its series editor: a book with authors loses its editors, a book
  with editors only is written as an Edited Book (editors in `%A`);
* names lose ORCID and affiliations; a person with no given name and a family name of
  several words comes back as a corporate name (EndNote writes both as `Name,`);
* a date's `raw` becomes the text written: the printed form when it reads back as the
  same date, else `2010 May 12`, `2009 Dec 30-2010 Jan 5`, `2010 Summer`; a range
  whose ends differ in precision keeps its start only;
* keywords and publication types cannot contain `;` or line breaks (the reader splits
  on them); ISSNs and ISBNs are read back only in their own shapes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..parsers._refer_map import BY_TYPE
from ..parsers._refer_values import looks_like_citation, read_date
from ..records import DateParts, Name, Record, StoredRecord
from . import Exporter

# CSL type -> EndNote reference type; the reader's TYPE_MAP gives each back.
TYPE_NAMES: dict[str, str] = {
    "article-journal": "Journal Article", "article": "Generic", "review": "Generic",
    "article-magazine": "Magazine Article", "article-newspaper": "Newspaper Article",
    "book": "Book", "chapter": "Book Section", "paper-conference": "Conference Proceedings",
    "report": "Report", "thesis": "Thesis", "webpage": "Web Page", "dataset": "Dataset",
    "patent": "Patent", "manuscript": "Manuscript", "entry-encyclopedia": "Encyclopedia",
}
# Record attribute -> tag, in output order. None: EndNote has no place for it.
FIELD_TAGS: dict[str, str | None] = {
    "author": "A", "editor": "E", "title": "T", "container_title": "J",
    "collection_title": "S", "edition": "7",
    "available_date": None,  # journal articles: %7, see TAGS_BY_TYPE
    "issued": "D",  # plus %8 for a date finer than the year
    "volume": "V", "issue": "N", "page": "P", "number": "O",  # `%O Artn 123`
    "publisher": "I", "publisher_place": "C", "issn": "@", "isbn": "@", "doi": "R",
    "pmid": "M", "pmcid": "2", "url": "U", "accessed": "[", "keywords": "K",
    "publication_types": "9", "language": "G", "abstract": "X", "note": "Z",
    "type": None,  # the %0 line
    "container_title_short": None, "authors_truncated": None, "page_as_printed": None,
    "number_of_pages": None, "pii": None, "mesh": None, "substances": None,
    "original_type": None, "open_access": None, "top_cited": None, "relations": None,
    "references": None, "references_total_stated": None, "full_text_excerpt": None,
}
TAGS_BY_TYPE: dict[str, dict[str, str | None]] = {
    "Journal Article": {"edition": None, "available_date": "7", "number": "]"},
    "Book": {"collection_title": "B", "editor": None},
    "Edited Book": {"author": None, "editor": "A", "collection_title": "B"},
    "Book Section": {"container_title": "B"},
    "Conference Proceedings": {"container_title": "B"},
}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SEASONS = {1: "Spring", 2: "Summer", 3: "Fall", 4: "Winter"}


def type_name(record: Record) -> str:
    name = TYPE_NAMES.get(record.type, "Generic")
    return "Edited Book" if name == "Book" and record.editor and not record.author else name


def format_name(name: Name) -> str:
    """`de la Cruz, María`, `Doe, John, Jr`, `World Health Organization,`."""
    if name.literal:
        return f"{name.literal},"
    family = " ".join(part for part in (name.non_dropping_particle, name.family) if part)
    if name.given or name.suffix:
        return f"{family}, {name.given or ''}" + (f", {name.suffix}" if name.suffix else "")
    return f"{family}," if " " in family else family


def _point(part: list[int]) -> str:
    """`2010`, `2010 May`, `2010 May 12`: the MEDLINE grammar the reader tries first."""
    words = [str(part[0]), *(MONTHS[month - 1] for month in part[1:2]), *map(str, part[2:])]
    return " ".join(words)


def _range(start: list[int], end: list[int]) -> str:
    if len(start) != len(end):
        return _point(start)  # no grammar for mixed precision
    if len(start) == 1 or start[0] != end[0]:
        return f"{_point(start)}-{_point(end)}"
    if len(start) == 2:
        return f"{_point(start)}-{MONTHS[end[1] - 1]}"
    tail = str(end[2]) if start[1] == end[1] else f"{MONTHS[end[1] - 1]} {end[2]}"
    return f"{_point(start)}-{tail}"


def date_text(date: DateParts, year: str | None = None) -> str:
    """The printed form when it reads back as the same date, else a canonical one."""
    if date.raw and "\n" not in date.raw:
        again = read_date(date.raw, year)
        if again and (again["date_parts"], again.get("season")) == (date.date_parts,
                                                                     date.season):
            return date.raw
    parts = date.date_parts
    if date.season and parts == [[parts[0][0]]]:
        return f"{parts[0][0]} {SEASONS[date.season]}"
    return _range(*parts) if len(parts) == 2 else _point(parts[0])


def _values(attr: str, tag: str, value: object) -> Iterator[str]:
    if isinstance(value, list):
        for item in value:
            yield format_name(item) if isinstance(item, Name) else str(item)
    elif isinstance(value, DateParts):
        yield date_text(value)
    elif attr == "number" and tag == "O":
        yield f"Artn {value}"
    else:
        yield str(value)


def field_lines(tag: str, value: str) -> list[str]:
    """`%X first line` and its continuation lines; nothing for an empty value."""
    text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    lines = [line.rstrip() for line in text.split("\n") if line.strip()]
    rest = [f" {line}" if line.startswith("%") else line for line in lines[1:]]
    return [f"%{tag} {lines[0]}", *rest] if lines else []


def _issued(date: DateParts) -> list[str]:
    year = str(date.year)
    lines = field_lines("D", year)
    if date.date_parts != [[date.year]] or date.season:
        lines += field_lines("8", date_text(date, year))
    return lines


def _b_is_container(name: str) -> bool:
    return BY_TYPE.get(name.lower(), {}).get("B", "container_title") == "container_title"


def entry(item: StoredRecord) -> str:
    """One record, `%0` first and the label `%F` last, ending with a newline."""
    record, name = item.record, type_name(item.record)
    lines = [f"%0 {name}"]
    for attr, tag in (FIELD_TAGS | TAGS_BY_TYPE.get(name, {})).items():
        value = getattr(record, attr)
        if tag is None or value is None or value in ("", []):
            continue
        if attr == "issued":
            lines += _issued(value)
            continue
        if tag == "J" and looks_like_citation(value) and _b_is_container(name):
            tag = "B"  # the reader would split `%J` as a whole citation; %B is the journal too
        for text in _values(attr, tag, value):
            lines += field_lines(tag, text)
    lines += field_lines("F", item.key)
    return "\n".join(lines) + "\n"


def export(items: Sequence[StoredRecord]) -> str:
    """EndNote tagged text: records in the given order, a blank line between them."""
    return "\n".join(entry(item) for item in items)


CARRIES = frozenset(
    attr for tags in (FIELD_TAGS, *TAGS_BY_TYPE.values()) for attr, tag in tags.items() if tag
) | {"type"}

EXPORTER = Exporter(
    name="endnote",
    description="EndNote tagged (.enw, %0 %T %A ...), for EndNote, Zotero and refer tools",
    suffix=".enw",
    export=export,
    carries=CARRIES,
    aliases=("refer", "enw"),
    joiner="\n",
)
