"""Canonical DOI, PMID and PMCID (formats.md §12.4-12.5); used by parsers and exact merge."""

from __future__ import annotations

import re
from urllib.parse import unquote

# A candidate runs to the next space, quote or angle bracket; trailing punctuation is
# trimmed after. Wiley's 1990s SICI DOIs hold one `<n::AID-…>` part
# (`10.1002/(SICI)1097-0215(19981023)79:5<487::AID-IJC9>3.0.CO;2-R`), kept whole.
_DOI_CANDIDATE = re.compile(r"10\.\d{4,9}/[^\s\"<>]*(?:<\d+::[A-Za-z]+-[^\s\"<>]+>[^\s\"<>]*)?")
_DOI_VALID = re.compile(r"^10\.\d{4,9}/\S+$")
_RESOLVER = re.compile(r"^(?:https?://)?(?:dx\.)?doi\.org/", re.IGNORECASE)
_PREFIX = re.compile(r"^\s*doi\s*:?\s*", re.IGNORECASE)
_PAIRS = {")": "(", "]": "["}
# A copy that lost the line break between a DOI link and the IDs under it glues their label
# on: `…ofp2.70034PMID: 40382216`.
_GLUED_ID_LABEL = re.compile(r"(?<=[0-9A-Za-z)])PMC?ID(?::\S*)?$")


def _trim(candidate: str) -> str:
    """Drop sentence punctuation and closing brackets that have no opening partner."""
    candidate = _GLUED_ID_LABEL.sub("", candidate)
    while candidate:
        last = candidate[-1]
        unbalanced = last in _PAIRS and candidate.count(last) > candidate.count(_PAIRS[last])
        if last in ".,;:'" or unbalanced:
            candidate = candidate[:-1]
        else:
            break
    return candidate


def normalize_doi(value: str | None) -> str | None:
    """The bare DOI in printed case, or None when the value holds no valid DOI."""
    if not value:
        return None
    text = value.strip()
    if "%2f" in text.lower():
        text = unquote(text)
    text = _PREFIX.sub("", _RESOLVER.sub("", text))
    text = re.sub(r"\s*\[doi\]\s*$", "", text)
    match = _DOI_CANDIDATE.search(text)
    if not match:
        return None
    doi = _trim(match.group())
    return doi if _DOI_VALID.match(doi) else None


def find_dois(text: str) -> list[str]:
    """Every valid DOI in free text, in order of appearance, without repeats."""
    found: list[str] = []
    for match in _DOI_CANDIDATE.finditer(text):
        doi = normalize_doi(match.group())
        if doi and doi.lower() not in (d.lower() for d in found):
            found.append(doi)
    return found


def doi_key(doi: str | None) -> str | None:
    """DOIs are case-insensitive: the lower-cased form is the match key."""
    return doi.lower() if doi else None


# The record's own address (OpenAlex prints the ids as links; the PMC one without `PMC`).
_PUBMED_URL = r"https?://(?:www\.)?(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov/pubmed)/"
_PMC_URL = r"https?://(?:www\.)?(?:ncbi\.nlm\.nih\.gov/pmc|pmc\.ncbi\.nlm\.nih\.gov)/articles/"


def normalize_pmid(value: str | None) -> str | None:
    if not value:
        return None
    match = re.fullmatch(rf"\s*(?:PMID\s*:?\s*)?(?:{_PUBMED_URL})?0*(\d{{1,8}})/?\s*", value,
                         re.IGNORECASE)
    return match.group(1) if match else None


def normalize_pmcid(value: str | None) -> str | None:
    if not value:
        return None
    match = re.fullmatch(r"\s*(?:PMCID\s*:?\s*)?PMC\s*(\d+)\s*", value, re.IGNORECASE) \
        or re.fullmatch(rf"\s*(?:PMCID\s*:?\s*)?{_PMC_URL}(?:PMC)?(\d+)/?\s*", value, re.IGNORECASE)
    return f"PMC{match.group(1)}" if match else None
