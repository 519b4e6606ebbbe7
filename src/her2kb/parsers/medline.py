"""MEDLINE / PubMed nbib (`PMID- `, `AU  - `), formats.md §3.

Element list: https://www.nlm.nih.gov/bsd/mms/medlineelements.html. Lines and record
boundaries come from `_tagged.medline_records`; this module maps tags and
`_medline_values` reads what is in them:
* authors are grouped in document order: FAU starts an author and the AU after it joins
  it; an AU with no FAU before it (old records) is an author of its own; CN is a
  corporate author in sequence; AD and AUID belong to the author before them;
* TI ends with a period MEDLINE adds (not part of the title); a bracketed title is an
  English translation and keeps its brackets;
* LID/AID carry `… [doi]` and `… [pii]`; an e-locator pii (`e2051`) is the article number;
* MH is `Descriptor/*Qualifier/Qualifier`, one heading per qualifier, `*` = major;
* the collapsed one-line record (all fields on one line, `TI - `) is split on known tags.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, TextIO

from ..dates import parse_medline_date
from ..identifiers import normalize_pmcid, normalize_pmid
from ..names import family_given
from . import InputFormat, ParsedEntry, ParseProblem, build_entry, text_parser
from ._medline_values import article_ids, authors, compact_date, mesh_headings, substance
from ._tagged import (
    RIS_SIGNATURE,
    TaggedRecord,
    by_tag,
    first,
    isbn13,
    issns,
    medline_records,
    unknown_tags,
    year_only,
)

# Tag -> Record attribute; `author` tags are grouped (_medline_values.authors). Among tags of one
# attribute the earlier wins. None: known, deliberately not mapped (the raw keeps it).
FIELD_MAP: dict[str, str | None] = {
    "PMID": "pmid", "PMC": "pmcid", "TI": "title", "BTI": "title", "CTI": "collection_title",
    "AB": "abstract", "FAU": "author", "AU": "author", "CN": "author", "AD": "author",
    "AUID": "author", "FED": "editor", "DP": "issued", "DEP": "available_date",
    "JT": "container_title", "TA": "container_title_short", "IS": "issn", "ISBN": "isbn",
    "VI": "volume", "IP": "issue", "PG": "page", "LID": "doi", "AID": "doi",  # also pii, number
    "LA": "language", "PT": "publication_types", "MH": "mesh", "OT": "keywords",
    "RN": "substances", "GN": "note", "EN": "edition", "PB": "publisher",
    "OWN": None, "STAT": None, "DCOM": None, "LR": None, "DA": None, "PUBM": None, "CI": None,
    "COIS": None, "GR": None, "OID": None, "OTO": None, "PHST": None, "PST": None, "SO": None,
    "PL": None,  # the journal's country, not a publisher's place
    "JID": None, "SB": None, "EDAT": None, "MHDA": None, "CRDT": None, "SI": None, "GS": None,
    "NM": None, "PS": None, "FPS": None, "IR": None, "FIR": None, "IRAD": None, "MID": None,
    "OAB": None, "OABL": None, "OCI": None, "RF": None, "SFM": None, "TT": None, "VTI": None,
    "PMCR": None,
    # ED, EP and CP are left out on purpose: other tools inject them (§3), so a record
    # that has them gets the unknown-tags warning and keeps them in the raw text.
}
# Related-item tags -> Record relation kind (the PubMed page reader's names).
RELATIONS: dict[str, str] = {
    "CIN": "comment_in", "CON": "comment_on", "EIN": "erratum_in", "EFR": "erratum_for",
    "RIN": "retraction_in", "ROF": "retraction_of", "UIN": "updated_in", "UOF": "update_of",
    "CRI": "corrected_and_republished_in", "CRF": "corrected_and_republished_from",
    "PRIN": "partial_retraction_in", "PROF": "partial_retraction_of", "RPI": "republished_in",
    "RPF": "republished_from", "SPIN": "summary_for_patients_in", "ORI": "original_report_in",
    "ECI": "expression_of_concern_in", "ECF": "expression_of_concern_for",
    "DRIN": "dataset_use_reported_in", "DDIN": "dataset_described_in",
    "RRI": "retracted_and_republished_in", "RRF": "retracted_and_republished_from",
}
TEXT_FIELDS = ("pmid", "collection_title", "abstract", "volume", "issue", "page", "language",
               "edition", "publisher")
_TAGS: dict[str, tuple[str, ...]] = {}
for _tag, _attr in FIELD_MAP.items():
    if _attr:
        _TAGS[_attr] = (*_TAGS.get(_attr, ()), _tag)
_KNOWN = set(FIELD_MAP) | set(RELATIONS)

_PMID_LINE = re.compile(r"^\ufeff?PMID- ?[0-9]", re.MULTILINE)
# Tags only MEDLINE has, for files that lack a PMID line (§0, order 2).
_MEDLINE_ONLY = re.compile(
    r"^(FAU|DP|TA|JT|PG|LID|AID|MH|PT|VI|IP|STAT|OWN|DEP|JID|EDAT|CRDT|PHST|MHDA) {0,2}- ",
    re.MULTILINE,
)
# §3 collapsed form: split before a known tag only, never a generic `[A-Z]{2,4} - `.
_COLLAPSED = re.compile(
    r"\s+(?=(?:" + "|".join(sorted(_KNOWN, key=len, reverse=True))
    + r")\s{0,2}-\s)"
)


def detect(head: str) -> int:
    """100 for a `PMID-` line or two MEDLINE-only tags; 0 when it is RIS (§0: RIS first)."""
    if RIS_SIGNATURE.search(head):
        return 0
    if _PMID_LINE.search(head):
        return 100
    return 100 if len({m.group(1) for m in _MEDLINE_ONLY.finditer(head)}) >= 2 else 0


def expand_collapsed(line: str) -> list[str] | None:
    """A whole record on one `PMID- …` line as one line per tag, else None."""
    parts = _COLLAPSED.split(line)
    return parts if len(parts) > 1 else None


def _title(value: str | None) -> str | None:
    """MEDLINE ends every title with a period that is not part of it (`Why?` has none)."""
    return value[:-1].rstrip() or None if value and value.endswith(".") else value


def _works(values: dict[str, list[str]]) -> dict[str, Any]:
    """Title, journal and type: a BTI without TI is a book, with TI a chapter in it."""
    title, book = _title(first(values, ("TI",))), _title(first(values, ("BTI",)))
    journal, abbreviation = first(values, ("JT",)), first(values, ("TA",))
    fields: dict[str, Any] = {"type": "article-journal", "title": title or book,
                              "container_title": journal or abbreviation,
                              "container_title_short": abbreviation}
    if book:
        fields["type"] = "chapter" if title else "book"
        fields["container_title"] = fields["container_title"] or (book if title else None)
    return fields


def _dates(values: dict[str, list[str]]) -> dict[str, Any]:
    printed, epub = first(values, ("DP",)), first(values, ("DEP",))
    issued = (parse_medline_date(printed) or year_only(printed)) if printed else None
    return {"issued": issued, "available_date": compact_date(epub) if epub else None}


def _lists(pairs: list[tuple[str, str]], values: dict[str, list[str]]) -> dict[str, Any]:
    serials = [issn for value in values.get("IS", []) for issn in issns(value)]
    return {
        "issn": list(dict.fromkeys(serials)),  # print, electronic and linking; repeats once
        "isbn": list(dict.fromkeys(filter(None, map(isbn13, values.get("ISBN", []))))),
        "author": authors(pairs),
        "editor": [n for n in map(family_given, values.get("FED", [])) if n and n.get("family")],
        "mesh": [heading for value in values.get("MH", []) for heading in mesh_headings(value)],
        "substances": list(filter(None, map(substance, values.get("RN", [])))),
        "keywords": values.get("OT", []),
        "publication_types": values.get("PT", []),
        "relations": [{"kind": RELATIONS[tag], "citation": value}
                      for tag, value in pairs if tag in RELATIONS and value],
    }


def to_fields(block: TaggedRecord) -> tuple[dict[str, Any], list[str]]:
    """Record fields (as printed; ingest normalises) and warnings for one MEDLINE record."""
    values = by_tag(block.pairs)
    fields: dict[str, Any] = {attr: first(values, _TAGS[attr]) for attr in TEXT_FIELDS}
    fields["pmid"] = normalize_pmid(fields["pmid"])
    fields["pmcid"] = normalize_pmcid(first(values, ("PMC",)))
    fields["note"] = "; ".join(values.get("GN", [])) or None
    fields |= _works(values) | _dates(values) | _lists(block.pairs, values)
    fields |= article_ids(values)
    return fields, block.warnings + unknown_tags(block.pairs, _KNOWN)


def read(stream: TextIO, origin: str) -> Iterator[ParsedEntry | ParseProblem]:
    for block in medline_records(stream, expand_collapsed):
        if not block.pairs:
            reason = ("no MEDLINE tag lines in this block (a PubMed 'Summary (text)' export? "
                      "save the search as 'PubMed' format instead)")
            yield ParseProblem(origin, block.line, reason, block.raw)
            continue
        fields, warnings = to_fields(block)
        yield build_entry(fields, origin, block.line, block.raw, warnings)


FORMAT = InputFormat(
    name="medline",
    description="MEDLINE / PubMed .nbib (PMID-, TI  -, FAU -), also collapsed onto one line",
    suffixes=(".nbib", ".medline"),
    detect=detect,
    parse=text_parser(read),
    aliases=("nbib", "pubmed-nbib"),
    stream=read,
)
