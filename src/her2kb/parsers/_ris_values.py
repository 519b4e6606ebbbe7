"""Values inside RIS fields (formats.md §2): names with or without a comma, the many
date shapes, page ranges split over SP/EP, ISSN/ISBN lists in SN, and the identifiers
that hide in M3, N1, AN and C2 depending on which program wrote the file."""

from __future__ import annotations

import re
from typing import Any

from ..dates import SEASONS, parse_written_date
from ..identifiers import normalize_doi, normalize_pmcid, normalize_pmid
from ..names import INITIALS, family_given, is_corporate, vancouver
from ._tagged import first, first_tag, isbn13, issns, year_only

_DOI_IN_NOTE = re.compile(r"\bdoi:?\s*(10\.[0-9]{4,9}/\S+)", re.IGNORECASE)
_DOI_LIKE = re.compile(r"^\s*(?:doi\b|https?://(?:dx\.)?doi\.org/|10\.\d)", re.IGNORECASE)
# `Smith J.A.` (Scopus) and `Doe JA` (Vancouver): a person even without a comma.
_DOTTED = re.compile(r"^(?P<family>\S.*?)\s(?P<given>(?:[A-Z]\.[\s-]?)+)$")
_VANCOUVER = re.compile(rf"^\S.*\s{INITIALS}(?:\s(?:Jr|Sr|2nd|3rd|II|III|IV))?$")
_PUBMED_DB = ("pubmed", "medline", "nlm")
_LABELLED_ID = re.compile(r"\b(PMID|PMCID)\s*:\s*((?:PMC)?[0-9]{1,8})\b", re.IGNORECASE)


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


def issued_date(values: dict[str, list[str]]) -> dict[str, Any] | None:
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


def page_range(values: dict[str, list[str]]) -> str | None:
    start, end = first(values, ("SP",)), first(values, ("EP",))
    if start and end and end != start and not any(mark in start for mark in "-–,;"):
        return f"{start}-{end}"
    return start or end  # `SP  - 100-110` already holds the range (§2)


def serials(values: dict[str, list[str]]) -> tuple[list[str], list[str]]:
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


def doi_field(values: dict[str, list[str]], warnings: list[str]) -> str | None:
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


def pubmed_ids(values: dict[str, list[str]]) -> dict[str, str | None]:
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


def first_date(values: dict[str, list[str]], tag: str) -> dict[str, Any] | None:
    return next(filter(None, map(ris_date, values.get(tag, []))), None)
