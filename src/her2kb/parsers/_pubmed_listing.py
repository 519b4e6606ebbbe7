"""PubMed lists of several records: a saved search-results page or a "Summary (text)" export.

Neither is one article page (formats.md §3, last row: the Summary export is out of scope,
rejected with a clear message). Each entry shows a shortened author list and a snippet at
most, so reading them as pages would lose values silently; the PubMed page reader claims
such a list only to say what to save instead.
"""

from __future__ import annotations

import re

from ._page import page_lines

_PMID_ROW = re.compile(r"\bPMID:\s*\d{1,9}\b")
# The results page's own controls: `1,234 results`, `Page 1 of 124`, its sort and select
# rows; legacy pages print `Results: 1 to 20 of 1234`. An article page has none of them.
_RESULTS_PAGE = [re.compile(p, re.IGNORECASE) for p in (
    r"^[\d,]+ results?$", r"^Page \d+ of [\d,]+$", r"^Sorted by:", r"^Select search results?\b",
    r"^Results: \d+ to \d+ of [\d,]+", r"^Items? per page\b",
)]
_RESULTS_PAGE_MIN = 2
# The Summary export opens with its first entry, `1. ` (modern) or `1: ` (legacy).
_FIRST_ENTRY = re.compile(r"^1\s?[.:]\s+\S")
_ENTRY = re.compile(r"^\d{1,5}\s?[.:]\s+\S")

FIX = ("in PubMed, use Save with the format 'PubMed' (or Send to > Citation manager) "
       "and ingest that .nbib file")


def listing_size(text: str) -> int:
    """How many records a PubMed results list shows (at least 2), or 0 when it is no list."""
    lines = [line for line in page_lines(text) if line]
    pmids = sum(1 for line in lines if _PMID_ROW.search(line))
    if pmids < 2:
        return 0
    if sum(1 for pattern in _RESULTS_PAGE if any(map(pattern.match, lines))) >= _RESULTS_PAGE_MIN:
        return pmids
    if lines and _FIRST_ENTRY.match(lines[0]):
        entries = sum(1 for line in lines if _ENTRY.match(line))
        return min(entries, pmids) if entries >= 2 else 0
    return 0


def listing_reason(count: int) -> str:
    return f"a list of {count} PubMed search results, not one article page: {FIX}"


# Above a results page's one result: its count, then the pager (`Page` / `1` / `of 1` / `1`).
_ONE_RESULT = re.compile(r"^1 result$")
_PAGER = re.compile(r"^(?:Page|of \d+|\d+)$")
# The search form's sort and filter menus, which no article page prints.
_SEARCH_FORM = [re.compile(p) for p in (r"^Sorted by: ", r"^Sort by$", r"^Per page$",
                                         r"^Results by year$", r"^Reset all filters$")]
_SEARCH_FORM_MIN = 2


def without_results_page_head(lines: list[str]) -> list[str]:
    """A results page showing one record in full (the Abstract format): the record's lines
    only, without the search box, filters and sort menus above it, whose `Abstract` entries
    would open its abstract. Cut above its count, it shows no record: no lines."""
    stripped = [line.strip() for line in lines]
    if sum(1 for pattern in _SEARCH_FORM if any(map(pattern.match, stripped))) < _SEARCH_FORM_MIN:
        return lines
    start = next((i for i, line in enumerate(stripped) if _ONE_RESULT.match(line)), None)
    if start is None:  # no count: cut above it (no record), or a list (`listing_size`'s)
        return lines if any(map(_PMID_ROW.search, stripped)) else []
    start += 1
    while start < len(lines) and (not stripped[start] or _PAGER.match(stripped[start])):
        start += 1
    return lines[start:]
