"""RIS (`TY  - JOUR` ... `ER  - `), formats.md §2; spec: the 2011 RefMan tag table.

Lines and record boundaries are read by `_tagged.ris_records`, which accepts every
dialect in §2: one space before the hyphen (Ingenta), a BOM, `ER` without its trailing
space, a missing `ER`, wrapped continuation lines, blank lines. This module maps tags:
* the journal may be in T2, JF, JO (full) or JA, J2 (abbreviated); JO is full unless dotted;
* repeated SN lines hold ISSNs and ISBNs (print + electronic), all kept;
* dates `2010/05/01/`, `/2009`, `2009-03-01T00:00:00`, `2010///Spring`; DA refines PY;
* the DOI may carry `doi:` or a resolver, or sit in M3 / N1 when DO is empty;
* `SP  - 100-110` holds the whole range; `AN` is a PMID only in PubMed-derived files.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, TextIO

from ..dates import SEASONS, parse_written_date
from ..identifiers import normalize_doi, normalize_pmcid, normalize_pmid
from ..names import INITIALS, family_given, is_corporate, vancouver
from . import InputFormat, ParsedEntry, ParseProblem, build_entry, text_parser
from ._tagged import (
    RIS_SIGNATURE,
    TaggedRecord,
    by_tag,
    first,
    first_tag,
    isbn13,
    issns,
    ris_records,
    unknown_tags,
    year_only,
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

_DOI_IN_NOTE = re.compile(r"\bdoi:?\s*(10\.[0-9]{4,9}/\S+)", re.IGNORECASE)
_DOI_LIKE = re.compile(r"^\s*(?:doi\b|https?://(?:dx\.)?doi\.org/|10\.\d)", re.IGNORECASE)
# `Smith J.A.` (Scopus) and `Doe JA` (Vancouver): a person even without a comma.
_DOTTED = re.compile(r"^(?P<family>\S.*?)\s(?P<given>(?:[A-Z]\.[\s-]?)+)$")
_VANCOUVER = re.compile(rf"^\S.*\s{INITIALS}(?:\s(?:Jr|Sr|2nd|3rd|II|III|IV))?$")
_PUBMED_DB = ("pubmed", "medline", "nlm")
_LABELLED_ID = re.compile(r"\b(PMID|PMCID)\s*:\s*((?:PMC)?[0-9]{1,8})\b", re.IGNORECASE)


def detect(head: str) -> int:
    return 100 if RIS_SIGNATURE.search(head) else 0


def person(value: str) -> dict[str, Any] | None:
    """`Family, Given[, Suffix]`; without a comma a name is a literal (Zotero's single field,
    EndNote's corporate authors), unless it is `Doe JA` / `Smith J.A.` shaped."""
    text = " ".join(value.split())
    if "," in text:
        return family_given(text)
    if not text or is_corporate(text):
        return {"literal": text} if text else None
    dotted = _DOTTED.match(text)
    if dotted:
        return family_given(f"{dotted['family']}, {dotted['given'].strip()}")
    return vancouver(text) if _VANCOUVER.match(text) else {"literal": text}


def _named(values: dict[str, list[str]], tags: tuple[str, ...]) -> list[dict[str, Any]]:
    return [name for name in map(person, first_tag(values, tags)) if name]


def ris_date(value: str) -> dict[str, Any] | None:
    """`2010/05/01/`, `2010///Spring`, `/2009`, `2009-03-01T00:00:00`; else a written date."""
    text = value.strip().lstrip("/")
    if "/" not in text and "T" in text:
        text = text.split("T", 1)[0]
    parts = [part.strip() for part in (text.split("/") if "/" in text else text.split("-"))]
    if not (len(parts[0]) == 4 and parts[0].isascii() and parts[0].isdigit()):
        return parse_written_date(value) or year_only(value)
    date = [int(parts[0])]
    for part, limit in zip(parts[1:3], (12, 31), strict=False):
        if not (part.isascii() and part.isdigit() and 1 <= int(part) <= limit):
            break
        date.append(int(part))
    result: dict[str, Any] = {"date_parts": [date], "raw": value}
    season = SEASONS.get(parts[3].lower()) if len(parts) > 3 else None
    if season and len(date) == 1:
        result["season"] = season
    return result


def _precision(date: dict[str, Any]) -> tuple[int, bool]:
    return len(date["date_parts"][0]), "season" in date


def _issued(values: dict[str, list[str]]) -> dict[str, Any] | None:
    """PY (or legacy Y1); DA when it has the same year and says more (Zotero: PY 2010, DA
    2010/05/01/)."""
    year = next(filter(None, map(ris_date, first_tag(values, ("PY", "Y1")))), None)
    full = next(filter(None, map(ris_date, values.get("DA", []))), None)
    if full and (year is None or (
        full["date_parts"][0][0] == year["date_parts"][0][0]
        and _precision(full) > _precision(year)
    )):
        return full
    return year


def _page(values: dict[str, list[str]]) -> str | None:
    start, end = first(values, ("SP",)), first(values, ("EP",))
    if start and end and end != start and not any(mark in start for mark in "-–,;"):
        return f"{start}-{end}"
    return start or end  # `SP  - 100-110` already holds the range (§2)


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


def _serials(values: dict[str, list[str]]) -> tuple[list[str], list[str]]:
    """ISSNs (`1234-567X`) and ISBN-13s from every SN line, in order, without repeats."""
    found_issns: list[str] = []
    isbns: list[str] = []
    for value in values.get("SN", []):
        found = issns(value)
        found_issns.extend(issn for issn in found if issn not in found_issns)
        if not found:
            for chunk in value.split(";"):
                isbn = isbn13(chunk)
                if isbn and isbn not in isbns:
                    isbns.append(isbn)
    return found_issns, isbns


def _doi(values: dict[str, list[str]], warnings: list[str]) -> str | None:
    """DO (prefix or resolver stripped); when it is empty, a DOI in M3 or N1 (§2)."""
    printed = first(values, ("DO",))
    doi = normalize_doi(printed)
    if printed and not doi:
        warnings.append(f"DO {printed!r} is not a DOI; kept in the source only")
    for value in values.get("M3", []) if not doi else ():
        doi = doi or (normalize_doi(value) if _DOI_LIKE.match(value) else None)
    for value in values.get("N1", []) if not doi else ():
        match = _DOI_IN_NOTE.search(value)
        doi = doi or (normalize_doi(match.group(1)) if match else None)
    return doi


def _ids(values: dict[str, list[str]]) -> dict[str, str | None]:
    """AN is a PMID in PubMed-derived files (DB/DP names PubMed) or when it says `PMID`.
    C2 is a PMCID (EndNote); in Scopus files (DB Scopus) bare digits there are the PubMed
    ID. A note may name them (`PMID: 123`). An unlabelled number is never taken for a PMID
    elsewhere: a wrong one would merge unrelated records at ingest."""
    database = " ".join(values.get("DB", []) + values.get("DP", [])).lower()
    from_pubmed = any(name in database for name in _PUBMED_DB)
    accessions = [v for v in values.get("AN", []) if from_pubmed or v.lower().startswith("pmid")]
    pmid = next(filter(None, map(normalize_pmid, accessions)), None)
    pmcid = None
    for value in values.get("C2", []):
        pmcid = pmcid or normalize_pmcid(value)
        if "scopus" in database and value.strip().isascii() and value.strip().isdigit():
            pmid = pmid or normalize_pmid(value)
    for note in values.get("N1", []) if not (pmid and pmcid) else ():
        labelled = _LABELLED_ID.findall(note)  # `PMID: 123`, `PMCID: PMC45` in a note
        pmid = pmid or next((normalize_pmid(n) for k, n in labelled if k.upper() == "PMID"), None)
        pmcid = pmcid or next((normalize_pmcid(n) for k, n in labelled if k.upper() != "PMID"),
                              None)
    return {"pmid": pmid, "pmcid": pmcid}


def _dates(values: dict[str, list[str]], csl_type: str) -> dict[str, Any]:
    """issued, accessed (Y2), and ET: an edition, or the epub date on journal types."""
    fields: dict[str, Any] = {"issued": _issued(values), "accessed": _first_date(values, "Y2")}
    edition = first(values, ("ET",))
    if edition and csl_type not in BOOK_TYPES and edition[:4].isascii() and edition[:4].isdigit():
        fields["available_date"] = ris_date(edition)
    else:
        fields["edition"] = edition
    return fields


def _first_date(values: dict[str, list[str]], tag: str) -> dict[str, Any] | None:
    return next(filter(None, map(ris_date, values.get(tag, []))), None)


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
    fields["issn"], fields["isbn"] = _serials(values)
    fields |= _dates(values, fields["type"]) | _ids(values)
    fields["page"] = _page(values)
    fields["doi"] = _doi(values, warnings)
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
