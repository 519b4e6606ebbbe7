"""Detection of PubMed and PMC page text (formats.md §0 step 8, §4).

A page is claimed only on independent markers, one of them an anchor that only
PubMed / PMC pages print; tagged exports, JSON and markup score 0.
"""

from __future__ import annotations

import re

from ._citation import parse_citation
from ._page import (
    bullet_item,
    holds_tagged_export,
    looks_like_structured_document,
    next_filled,
    page_lines,
    previous_filled,
)
from ._pubmed_html import is_ncbi_html
from ._pubmed_listing import listing_size

# Detection (formats.md §0 step 8). Tagged exports, JSON and markup belong to other readers
# (§0 steps 1-7) and score 0. A page is claimed only on at least `_MIN_MARKERS` independent
# markers, one of them an anchor: evidence that only PubMed / PMC pages print. One marker
# alone (a citation line in reading notes, a stray `MeSH terms`) is never enough.
_ANCHORS = [(re.compile(p, re.MULTILINE | re.IGNORECASE), score) for p, score in (
    # Site furniture of layouts B, C and D (§4.1) and the MEDLINE list headings (§4.4).
    (r"^PubMed Disclaimer$", 20), (r"\[(?:PubMed - )?indexed for MEDLINE\]", 20),
    (r"logo\s*Link to ", 15), (r"^Access keys NCBI", 15), (r"^PMCID:\s*PMC\d+", 15),
    (r"^Published in final edited form as", 15), (r"^MeSH terms$", 12),
    (r"^Publication types$", 12),
    (r"^Europe PMC$", 15),  # its site header: its abstract view copies PubMed's layout
)]
# PMC's link row under each reference (`[PMC free article] [PubMed] [Google Scholar]`): a
# scrape that starts at `Abstract` (§4.1 E) may have no other PMC mark. It sits inside the
# numbered reference blocks, so it is looked for before they are blanked out.
_PMC_REFERENCE_LINKS = re.compile(
    r"^(?:\[(?:DOI|PMC free article|PubMed|CrossRef|Google Scholar)\]\s*){2,}$",
    re.MULTILINE | re.IGNORECASE)
_PMC_REFERENCE_SCORE = 15
# Support: PubMed prints these too, but so may a note or another site; they only ever
# back an anchor up (§4.1 furniture, §4.4 `Keywords:`, §4.5 `[Article in …]` and `PMID:`).
_SUPPORT = [(re.compile(p, re.MULTILINE | re.IGNORECASE), score) for p, score in (
    (r"^PMID:(?:\s*\d+)?", 12), (r"^\[Article in [A-Z]", 10), (r"\[Epub ahead of print\]", 10),
    (r"\set al\. [A-Z][^.\n]*\. \d{4}", 10), (r"^Abstract$", 5),
    (r"^An official website of the United States government", 3), (r"^Send to:?$", 3),
    (r"^Display Settings:", 3), (r"^Format: Abstract", 3), (r"^Free PMC Article", 3),
    (r"^Similar articles$", 3), (r"^LinkOut - more resources$", 3), (r"^Substances$", 3),
    (r"^Keywords:", 3), (r"^Skip to main", 3),
)]
# The page's own citation line (§4.3) is an anchor; the A1 head around it (§4.1: title
# directly above, a citation line with PubMed's `doi:` tail, an abstract paragraph of real
# length below) is support. 38 of 41 abstract views print the DOI (§4.2); reading notes
# citing a paper seldom copy it, and their next line is rarely a 12-word paragraph.
_CITATION_SCORE, _HEAD_SHAPE_SCORE, _MIN_MARKERS, _MAX_SCORE = 20, 10, 2, 50
# An NCBI page saved as HTML says so in its meta tags (`_pubmed_html`): one sure anchor.
_NCBI_HTML_SCORE = 30
# Journal sites print the same citation line (Oncotarget: `Oncotarget. 2017;8(41):…`) among
# lines PubMed never shows. With the citation line as the only anchor, two of these leave
# the page to the generic reader.
_JOURNAL_SITE = [re.compile(p, re.MULTILINE | re.IGNORECASE) for p in (
    r"^Received:?\s", r"^Accepted:?\s", r"^Correspondence(?: to)?:?\s", r"^Editorial Board$",
    r"^How to cite", r"^Copyright:", r"^Order a Reprint", r"\|\s*How to cite\s*\|",
)]
_JOURNAL_SITE_MIN = 2
# Another index's record page lists MeSH terms too (Lens: `MeSH Terms`, `Fields of Study`,
# a `Record Details` table); unless a PubMed-only mark is there, it is not PubMed's.
_OTHER_INDEX = [re.compile(p, re.MULTILINE | re.IGNORECASE) for p in (
    r"^Fields of Study$", r"^Record Details$", r"^Lens ID\b", r"^Scholarly Citations$",
    r"^Unique Identifier$", r"^Authors Full Name$", r"^Ovid MEDLINE",  # Ovid's full record
)]
_SITE_ANCHOR_SCORE = 15
_PMCID = re.compile(r"^PMCID:\s*PMC\d+", re.MULTILINE | re.IGNORECASE)
# The NCBI site's own lines: a PMC article page has them, a journal site never does.
_NCBI_MARK = re.compile(r"^(?:An official website of the United States government|Journal List$|"
                        r"Find articles by |Search PMC|.*\bPMC (?:Disclaimer|Copyright Notice))",
                        re.MULTILINE)
_ABSTRACT_MIN_WORDS, _TITLE_MIN_WORDS = 12, 2
# §3 (last row): a PubMed "Summary (text)" export is numbered citation blocks (`1. Title.`,
# authors, citation line, `PMID: …`), out of scope. A block opened by a numbered item lists
# *other* records (so do PMC reference lists; `1. Introduction` is a body heading): its
# lines, up to the next blank line, are never evidence of a page.
_GLUED_DOI = re.compile(r"\bdoi:10\.")
_NUMBERED_ITEM = re.compile(r"^\d{1,4}\s?[.:)](?:\s+\S|$)")
# A page copied with no blank lines at all would be one block from its first numbered line
# (an affiliation) to the end: a block ends this many lines after its last numbered line.
# A Summary block (title, authors, citation, `PMID:`, status) is shorter.
_BLOCK_TAIL = 6


def detect(head: str) -> int:
    """Score 1-50 from PubMed / PMC page markers; 0 for anything else (§0 step 8)."""
    if not head.strip() or holds_tagged_export(head):
        return 0
    if looks_like_structured_document(head):
        return _NCBI_HTML_SCORE if is_ncbi_html(head) else 0
    if listing_size(head):
        return _MAX_SCORE  # claimed only to say what to save instead (`_pubmed_listing`)
    all_lines = page_lines(head)
    lines = _outside_numbered_blocks(all_lines)
    clean = "\n".join(lines)  # markers are matched with no-break spaces already mapped
    anchors = [score for pattern, score in _ANCHORS if pattern.search(clean)]
    support = [score for pattern, score in _SUPPORT if pattern.search(clean)]
    citations = [index for index, line in enumerate(lines) if _is_strict_citation(line)]
    reference_links = _PMC_REFERENCE_LINKS.search("\n".join(all_lines)) is not None
    if (citations or reference_links) and not anchors and _journal_site(clean):
        return 0
    # One anchor, and the `PMCID:` row is there: that row is the only PubMed mark.
    if len(anchors) == 1 and _PMCID.search(clean) and not reference_links \
            and _journal_site(clean) and not _NCBI_MARK.search(clean):
        return 0  # a journal site (Cancer Res Treat) showing its PMC link in the sidebar
    if max(anchors, default=0) < _SITE_ANCHOR_SCORE and sum(
            1 for pattern in _OTHER_INDEX if pattern.search(clean)) >= _JOURNAL_SITE_MIN:
        return 0
    if reference_links:
        anchors.append(_PMC_REFERENCE_SCORE)
    if citations:
        anchors.append(_CITATION_SCORE)
        if any(_has_a1_head(lines, index) for index in citations):
            support.append(_HEAD_SHAPE_SCORE)
    if not anchors or len(anchors) + len(support) < _MIN_MARKERS:
        return 0
    return min(_MAX_SCORE, sum(anchors) + sum(support))


def _journal_site(text: str) -> bool:
    return sum(1 for pattern in _JOURNAL_SITE if pattern.search(text)) >= _JOURNAL_SITE_MIN


def _outside_numbered_blocks(lines: list[str]) -> list[str]:
    """The lines with every numbered block (item line up to the next blank) blanked out."""
    kept: list[str] = []
    since_item = None  # lines since the block's last numbered line; None outside a block
    for line in lines:
        if not line:
            since_item = None
        elif _NUMBERED_ITEM.match(line):
            since_item = 0
        elif since_item is not None:
            since_item = since_item + 1 if since_item < _BLOCK_TAIL else None
        kept.append("" if since_item is not None else line)
    return kept


def _is_strict_citation(line: str) -> bool:
    if not line or bullet_item(line) is not None or " et al." in line:
        return False
    if _GLUED_DOI.search(line):  # AMA journals (JAMA) print `doi:10.…`; PubMed `doi: 10.…`
        return False
    citation = parse_citation(line)
    return bool(citation and citation.complete)


def _has_a1_head(lines: list[str], index: int) -> bool:
    """Title right above the citation line at `index`, `doi:` in it, an abstract below."""
    citation = parse_citation(lines[index])
    if citation is None or "doi" not in citation.tokens:
        return False
    above = previous_filled(lines, index - 1)  # a copy may put several blank lines between
    if above < 0 or bullet_item(lines[above]) is not None:
        return False
    if len(lines[above].split()) < _TITLE_MIN_WORDS or _is_strict_citation(lines[above]):
        return False
    start = next_filled(lines, index + 1)
    end = start
    while end < len(lines) and lines[end]:
        end += 1
    return len(" ".join(lines[start:end]).split()) >= _ABSTRACT_MIN_WORDS
