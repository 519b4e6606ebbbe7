"""MEDLINE / PubMed nbib writer (formats.md §3), read back by Bio.Medline and nbib.

Tags in PubMed's order, left-aligned in four columns (`PMID- `, `AU  - `, `FAU - `), a
blank line between records. What the reader needs to give the record back unchanged:
* each author is FAU then AU, with AUID (`ORCID: …`) and one AD per affiliation after
  it; a corporate author is CN in sequence;
* TI gets MEDLINE's closing period, which the reader removes again (`Why?` gets none);
* DP is a date the §12.7 grammar reads: `2010 May 3`, `2010 Fall`, `2010 May-Jun`;
* the DOI goes in LID and AID, the pii in AID, an e-locator article number in LID;
* MH lines group a descriptor's qualifiers (`Descriptor/*major/minor`), RN is `0 (name)`;
* IS says `(Unknown)` where PubMed says Print / Electronic / Linking: records keep no kind.
Long TI, AB, JT, AD and MH values wrap at 80 columns with six-space continuation lines,
as PubMed writes them; Bio.Medline would split other tags' continuations into new values.
MEDLINE has no paragraph breaks: abstract lines are joined with spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..parsers.medline import RELATIONS
from ..records import DateParts, MeshHeading, Name, Record, StoredRecord
from . import Exporter

# Record attribute -> MEDLINE tag, in output order. None: MEDLINE has no place for it.
FIELD_MAP: dict[str, str | None] = {
    "pmid": "PMID", "issn": "IS", "isbn": "ISBN", "volume": "VI", "issue": "IP",
    "issued": "DP", "title": "TI", "collection_title": "CTI", "edition": "EN", "page": "PG",
    "number": "LID",  # `e2051 [pii]`: only an e-locator reads back as the article number
    "doi": "LID",  # `… [doi]`, repeated in AID as PubMed does
    "abstract": "AB", "author": "FAU",  # with AU, AUID, AD; CN for a corporate name
    "editor": "FED", "language": "LA", "publication_types": "PT", "available_date": "DEP",
    "publisher": "PB", "container_title_short": "TA", "container_title": "JT",
    "substances": "RN", "mesh": "MH", "keywords": "OT",
    "relations": "CIN",  # one tag per kind: parsers.medline.RELATIONS
    "note": "GN", "pmcid": "PMC", "pii": "AID",
    "type": None,  # every record is written as a journal article
    "url": None, "publisher_place": None, "accessed": None, "original_type": None,
    "authors_truncated": None, "page_as_printed": None, "number_of_pages": None,
    "open_access": None, "top_cited": None, "references": None,
    "references_total_stated": None, "full_text_excerpt": None,
}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SEASON_NAMES = ("Spring", "Summer", "Fall", "Winter")
# IS needs a kind in parentheses (nbib refuses a bare ISSN), but a Record keeps no kind:
# say so rather than guess Print / Electronic / Linking. Readers take the ISSN either way.
ISSN_KIND = "(Unknown)"
WRAPPED = frozenset({"TI", "AB", "JT", "AD", "MH"})
WIDTH = 80
CONTINUATION = " " * 6
RELATION_TAGS = {kind: tag for tag, kind in RELATIONS.items()}
_E_LOCATOR = re.compile(r"^[A-Za-z]{0,2}[0-9]{1,10}$")
_INITIAL_SPLIT = re.compile(r"[\s.\-]+")


def _line(value: str) -> str:
    return " ".join(value.split())


def _day(part: list[int]) -> str:
    return " ".join([str(part[0]), *([MONTHS[part[1] - 1]] if len(part) > 1 else []),
                     *([str(part[2])] if len(part) > 2 else [])])


def medline_date(date: DateParts) -> str:
    """DP at the precision stored; a range in the shortest form the grammar reads back."""
    start = date.date_parts[0]
    if date.season and len(start) == 1:
        return f"{start[0]} {SEASON_NAMES[date.season - 1]}"
    if len(date.date_parts) == 1 or len(date.date_parts[1]) != len(start):
        return _day(start)  # mixed-precision ranges have no DP form: the start date only
    end = date.date_parts[1]
    if len(start) == 1 or end[0] != start[0]:
        return f"{_day(start)}-{_day(end)}"
    if len(start) == 3 and end[1] == start[1]:
        return f"{_day(start)}-{end[2]}"
    return f"{_day(start)}-{_day(end).split(' ', 1)[1]}"


def compact_date(date: DateParts) -> str:
    """DEP `YYYYMMDD`, shorter when the date is less precise."""
    year, *rest = date.date_parts[0]
    return f"{year:04d}" + "".join(f"{part:02d}" for part in rest)


def initials(given: str) -> str:
    return "".join(w[0] for w in _INITIAL_SPLIT.split(given) if w and w[0].isalpha()).upper()


def _person(name: Name) -> tuple[str, str]:
    """(FAU, AU): `de la Cruz, Maria` / `de la Cruz M`, `Doe, John, Jr` / `Doe J Jr`."""
    family = " ".join(part for part in (name.non_dropping_particle, name.family) if part)
    full = [family, name.given or ""] + ([name.suffix] if name.suffix else [])
    short = [family, initials(name.given or ""), name.suffix or ""]
    return (", ".join(full) if len(full) > 2 or name.given else family,
            " ".join(part for part in short if part))


def _authors(names: list[Name]) -> Iterator[tuple[str, str]]:
    for name in names:
        if name.literal:
            yield "CN", name.literal
        else:
            full, short = _person(name)
            yield "FAU", full
            yield "AU", short
        if name.orcid:
            yield "AUID", f"ORCID: {name.orcid}"
        yield from (("AD", affiliation) for affiliation in name.affiliations)


def mesh_lines(headings: list[MeshHeading]) -> list[str]:
    """Consecutive headings of one descriptor share a line: `Descriptor/*major/minor`."""
    lines: list[str] = []
    previous = None
    for heading in headings:
        star = "*" if heading.major else ""
        if heading.qualifier is None:
            lines.append(star + heading.descriptor)
            previous = None
        elif heading.descriptor == previous:
            lines[-1] += f"/{star}{heading.qualifier}"
        else:
            lines.append(f"{heading.descriptor}/{star}{heading.qualifier}")
            previous = heading.descriptor
    return lines


def _title(title: str | None) -> str:
    if not title:
        return ""
    return title if title.endswith(("?", "!")) else title + "."


def _ids(record: Record) -> Iterator[tuple[str, str]]:
    if record.number and _E_LOCATOR.match(record.number):
        yield "LID", f"{record.number} [pii]"
    if record.doi:
        yield "LID", f"{record.doi} [doi]"


def _fields(record: Record) -> Iterator[tuple[str, str]]:
    """(tag, value) pairs in PubMed's order; empty values are never written."""
    yield "PMID", record.pmid or ""
    yield from (("IS", f"{issn} {ISSN_KIND}") for issn in record.issn)
    yield from (("ISBN", isbn) for isbn in record.isbn)
    yield "VI", record.volume or ""
    yield "IP", record.issue or ""
    yield "DP", medline_date(record.issued) if record.issued else ""
    yield "TI", _title(record.title)
    yield "CTI", record.collection_title or ""
    yield "EN", record.edition or ""
    yield "PG", record.page or ""
    yield from _ids(record)
    yield "AB", record.abstract or ""
    yield from _authors(record.author)
    yield from (("FED", _person(name)[0] if not name.literal else name.literal)
                for name in record.editor)
    yield "LA", record.language or ""
    yield from (("PT", kind) for kind in record.publication_types)
    yield "DEP", compact_date(record.available_date) if record.available_date else ""
    yield "PB", record.publisher or ""
    yield "TA", record.container_title_short or ""
    yield "JT", record.container_title or ""
    yield from (("RN", f"0 ({substance})") for substance in record.substances)
    yield from (("MH", line) for line in mesh_lines(record.mesh))
    yield from (("OT", keyword) for keyword in record.keywords)
    yield from ((RELATION_TAGS[r.kind], r.citation) for r in record.relations
                if r.kind in RELATION_TAGS)
    yield "GN", record.note or ""
    yield "PMC", record.pmcid or ""
    yield "AID", f"{record.doi} [doi]" if record.doi else ""
    yield "AID", f"{record.pii} [pii]" if record.pii else ""


def _wrap(value: str, room: int) -> list[str]:
    """Greedy word wrap; a word longer than the line stays whole."""
    lines: list[str] = []
    for word in value.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= room:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def entry(record: Record) -> str:
    """One record, each line ending with `\\n`."""
    lines = []
    for tag, value in _fields(record):
        text = _line(value)
        if not text:
            continue
        first, *more = _wrap(text, WIDTH - len(CONTINUATION)) if tag in WRAPPED else [text]
        lines.append(f"{tag:<4}- {first}")
        lines.extend(CONTINUATION + part for part in more)
    return "".join(line + "\n" for line in lines)


def export(items: Sequence[StoredRecord]) -> str:
    """A MEDLINE file: the records in the given order, a blank line between them."""
    return "\n".join(entry(item.record) for item in items)


CARRIES = frozenset(attr for attr, tag in FIELD_MAP.items() if tag)

EXPORTER = Exporter(
    name="medline",
    description="MEDLINE / PubMed .nbib, for PubMed-aware tools (Bio.Medline, EndNote, Zotero)",
    suffix=".nbib",
    export=export,
    carries=CARRIES,
    aliases=("nbib",),
    joiner="\n",
)
