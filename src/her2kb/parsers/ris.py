"""RIS (`TY  - JOUR` ... `ER  - `), formats.md §2; spec: the 2011 RefMan tag table.

Lines and record boundaries are read by `_tagged.ris_records`, which accepts every
dialect in §2: one space before the hyphen (Ingenta), a BOM, `ER` without its trailing
space, a missing `ER`, wrapped continuation lines, blank lines. This module maps tags
(the value readers are in `_ris_values`):
* the journal may be in T2, JF, JO (full) or JA, J2 (abbreviated); JO is full unless dotted;
* repeated SN lines hold ISSNs and ISBNs (print + electronic), all kept;
* dates `2010/05/01/`, `/2009`, `2009-03-01T00:00:00`, `2010///Spring`; DA refines PY;
* the DOI may carry `doi:` or a resolver, or sit in M3 / N1 when DO is empty;
* `SP  - 100-110` holds the whole range; `AN` is a PMID only in PubMed-derived files.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TextIO

from . import InputFormat, ParsedEntry, ParseProblem, build_entry, text_parser
from ._ris_values import (
    doi_field,
    first_date,
    issued_date,
    page_range,
    person,
    pubmed_ids,
    ris_date,
    serials,
)
from ._tagged import (
    RIS_SIGNATURE,
    TaggedRecord,
    by_tag,
    first,
    first_tag,
    ris_records,
    unknown_tags,
)

# Tag -> Record attribute. Among tags of one attribute, the earlier tag wins.
# None: known, deliberately not mapped; the raw source keeps it.
FIELD_MAP: dict[str, str | None] = {
    "TY": "original_type", "TI": "title", "T1": "title", "CT": "title",
    "AU": "author", "A1": "author", "A2": "editor", "ED": "editor",
    "JF": "container_title", "T2": "container_title", "JO": "container_title",
    "BT": "container_title",  # legacy: the book title of a chapter, the title of a BOOK
    "JA": "container_title_short", "J2": "container_title_short", "T3": "collection_title",
    "PB": "publisher", "CY": "publisher_place",
    "ET": "edition",  # an epub date on journal types (then available_date)
    "PY": "issued", "Y1": "issued", "DA": "issued", "Y2": "accessed",
    "VL": "volume", "IS": "issue", "CP": "issue", "M1": "issue",
    "SP": "page", "EP": "page", "C7": "number", "SN": "issn",  # ISBNs go to isbn
    "DO": "doi", "AN": "pmid", "C2": "pmcid", "UR": "url", "AB": "abstract", "N2": "abstract",
    "N1": "note", "KW": "keywords", "LA": "language",
    "M3": None,  # type of work; a DOI there is taken when DO is empty (JabRef)
    "ID": None,  # the exporter's reference ID, our citation key on export
    "DB": None, "DP": None,  # database / provider: decide whether AN is a PMID
    "AD": None,  # author address, not tied to one author in RIS
    "A3": None, "A4": None, "ST": None, "C1": None, "C3": None, "C4": None, "C5": None,
    "C6": None, "C8": None, "CA": None, "CN": None, "CR": None, "H1": None, "H2": None,
    "L1": None, "L2": None, "L3": None, "L4": None, "LB": None, "M2": None, "NV": None,
    "OP": None, "RI": None, "RN": None, "RP": None, "SE": None, "TA": None, "TT": None,
    "U1": None, "U2": None, "U3": None, "U4": None, "U5": None, "Y3": None, "AV": None,
    "ER": None,
}
# The rest of the 2011 type list: no closer CSL type than "article".
_ARTICLE_TYPES = (
    "ABST", "ADVS", "AGGR", "ANCIENT", "ART", "BILL", "CASE", "CHART", "CLSWK", "COMP", "CTLG",
    "EQUA", "FIGURE", "GEN", "GOVDOC", "GRANT", "HEAR", "ICOMM", "JFULL", "LEGAL", "MAP", "MPCT",
    "MULTI", "MUSIC", "PAMP", "PCOMM", "SER", "SLIDE", "SOUND", "STAND", "STAT", "UNBILL", "VIDEO",
)
# RIS type -> CSL type (formats.md §12.12); every other TY value is "article", with a warning.
TYPE_MAP: dict[str, str] = dict.fromkeys(_ARTICLE_TYPES, "article") | {
    "JOUR": "article-journal", "EJOUR": "article-journal", "INPR": "article-journal",
    "MGZN": "article-magazine", "NEWS": "article-newspaper", "BOOK": "book", "EBOOK": "book",
    "EDBOOK": "book", "CHAP": "chapter", "ECHAP": "chapter", "CONF": "paper-conference",
    "CPAPER": "paper-conference", "RPRT": "report", "THES": "thesis", "ELEC": "webpage",
    "WEB": "webpage", "BLOG": "webpage", "DATA": "dataset", "DBASE": "dataset", "PAT": "patent",
    "UNPB": "manuscript", "MANSCPT": "manuscript", "ENCYC": "entry-encyclopedia",
    "DICT": "entry-encyclopedia",
}
BOOK_TYPES = frozenset({"book", "chapter"})  # ET is an edition there, never an epub date
NEWLINE_TAGS = frozenset({"AB", "N1", "N2"})  # continuation lines keep their line break (§2)
TEXT_FIELDS = ("title", "collection_title", "publisher", "publisher_place", "volume", "issue",
               "number", "abstract", "language")
_TAGS: dict[str, tuple[str, ...]] = {}
for _tag, _attr in FIELD_MAP.items():
    if _attr:
        _TAGS[_attr] = (*_TAGS.get(_attr, ()), _tag)



def detect(head: str) -> int:
    return 100 if RIS_SIGNATURE.search(head) else 0


def _named(values: dict[str, list[str]], tags: tuple[str, ...]) -> list[dict[str, Any]]:
    return [name for name in map(person, first_tag(values, tags)) if name]


def _journal(values: dict[str, list[str]], ris_type: str) -> tuple[str | None, str | None]:
    """(full, abbreviated): JF/T2 full, JA/J2 short; JO (ScienceDirect) full unless dotted.
    With only an abbreviation in the file, it is the journal as printed as well."""
    full, short = first(values, ("JF", "T2")), first(values, ("JA", "J2"))
    journal_only = first(values, ("JO",))
    if journal_only and journal_only != full:
        if full is None and "." not in journal_only:
            full = journal_only
        elif short is None:
            short = journal_only
    book_title = first(values, ("BT",))
    if book_title and TYPE_MAP.get(ris_type) != "book":
        full = full or book_title
    return full or short, short


def _dates(values: dict[str, list[str]], csl_type: str) -> dict[str, Any]:
    """issued, accessed (Y2), and ET: an edition, or the epub date on journal types."""
    fields: dict[str, Any] = {"issued": issued_date(values), "accessed": first_date(values, "Y2")}
    edition = first(values, ("ET",))
    if edition and csl_type not in BOOK_TYPES and edition[:4].isascii() and edition[:4].isdigit():
        fields["available_date"] = ris_date(edition)
    else:
        fields["edition"] = edition
    return fields


def to_fields(block: TaggedRecord) -> tuple[dict[str, Any], list[str]]:
    """Record fields (as printed; ingest normalises) and warnings for one RIS record."""
    values = by_tag(block.pairs)
    warnings = list(block.warnings)
    printed_type = first(values, ("TY",)) or ""
    ris_type = printed_type.upper()
    if ris_type not in TYPE_MAP:
        warnings.append(f"unknown RIS type {printed_type!r}; read as a generic article")
    fields: dict[str, Any] = {attr: first(values, _TAGS[attr]) for attr in TEXT_FIELDS}
    fields["type"] = TYPE_MAP.get(ris_type, "article")
    fields["original_type"] = printed_type or None
    if fields["title"] is None and TYPE_MAP.get(ris_type) == "book":
        fields["title"] = first(values, ("BT",))
    fields["container_title"], fields["container_title_short"] = _journal(values, ris_type)
    fields["author"] = _named(values, _TAGS["author"])
    fields["editor"] = _named(values, _TAGS["editor"])
    fields["issn"], fields["isbn"] = serials(values)
    fields |= _dates(values, fields["type"]) | pubmed_ids(values)
    fields["page"] = page_range(values)
    fields["doi"] = doi_field(values, warnings)
    fields["url"] = first(values, ("UR",))
    fields["note"] = "\n".join(values.get("N1", [])) or None
    keywords = (word.strip() for value in values.get("KW", []) for word in value.split(";"))
    fields["keywords"] = [word for word in keywords if word]
    warnings.extend(unknown_tags(block.pairs, FIELD_MAP))
    return fields, warnings


def read(stream: TextIO, origin: str) -> Iterator[ParsedEntry | ParseProblem]:
    for block in ris_records(stream, NEWLINE_TAGS):
        if block.orphan:
            reason = "RIS fields outside a record: no TY line before them"
            yield ParseProblem(origin, block.line, reason, block.raw)
            continue
        fields, warnings = to_fields(block)
        yield build_entry(fields, origin, block.line, block.raw, warnings)


FORMAT = InputFormat(
    name="ris",
    description="RIS (TY ... ER), from Zotero, EndNote, Mendeley, JabRef, Scopus, WoS, Ingenta",
    suffixes=(".ris",),
    detect=detect,
    parse=text_parser(read),
    stream=read,
)
