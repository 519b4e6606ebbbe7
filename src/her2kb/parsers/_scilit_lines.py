"""Scilit's own line shapes: page detection and glued reference lines (formats.md §5).

Detection scores the lines only Scilit prints: the references header and the block of
`- ` metadata bullets under the title. Reference lines glue title and journal
(`…During Trastuzumab-Based TherapyThe Oncologist, 2006`): the year closes the line
(without it the line was cut); the journal is the leftmost glue point whose suffix is
a listed full journal name (§12.9), which is the longest such suffix. Failing that,
the last boundary whose suffix reads as a title-case name, flagged as a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .. import journals
from ._page import holds_tagged_export, looks_like_structured_document, page_lines

BADGES = {"Top Cited Papers": "top_cited", "Open Access": "open_access"}
ABSTRACT_HEADING = "Abstract"
NO_ABSTRACT = "No abstract available"
REFERENCES_HEADER = re.compile(r"^This publication has (\d[\d,]*) references? indexed in Scilit:?$")
# The keywords heading is glued to the end of the abstract (`…implications.Keywords`, §5).
GLUED_KEYWORDS = re.compile(r"(?<=\S)Keywords:?(?P<rest>.*)$")
DATE_BULLET = re.compile(r"^(?:\d{1,2} )?(?:[A-Z][a-z]+ )?\d{4}$")
PUBLISHED = re.compile(r"^Published (?:by (?P<by>.+?)|in (?P<in>.+))$")
VOLUME = re.compile(r"^Vol\.\s*(?P<v>[^\s(,]+)?\s*(?:\((?P<i>[^)]*)\))?\s*(?:,\s*(?P<p>.+))?$")
MAX_SCORE = 50
# Detection (§0 step 8, §5). Anchors, each printed only by Scilit: the references header,
# or the metadata bullet block under the title holding at least BLOCK_MIN_KINDS of its four
# kinds. Without an anchor the score is 0; the support markers below only add weight, so a
# lone glued `Keywords` (`SearchKeywords: none` in a shopping list) claims nothing.
# The minimal layout (title, blank, `Abstract`, abstract: 2 of the 4 real pages) has no
# Scilit marker at all; a memo or a draft abstract has the same lines. It gets the lowest
# score, claimed only when no other reader wants the text: a title and an abstract read
# are worth more than a file refused.
REFERENCES_SCORE, BLOCK_SCORE, BLOCK_MIN_KINDS, MINIMAL_SCORE = 30, 20, 3, 1
MINIMAL_TITLE_WORDS, MINIMAL_ABSTRACT_WORDS = 3, 8
DOI_LINK = re.compile(r"^https?://(?:dx\.)?doi\.org/10\.\d{4,9}/\S+$")
BLOCK_KINDS: dict[str, Callable[[str], bool]] = {
    "date": lambda item: DATE_BULLET.match(item) is not None,
    "published": lambda item: item.startswith("Published by ") and " in " in item,
    "volume": lambda item: VOLUME.match(item) is not None and " , " in item,  # `Vol. 18 (6) , …`
    "doi": lambda item: DOI_LINK.match(item) is not None,
}
SUPPORT: tuple[tuple[Callable[[str], bool], int], ...] = (
    (lambda line: GLUED_KEYWORDS.search(line) is not None, 10),
    (lambda line: line in BADGES, 3),
    (lambda line: line == ABSTRACT_HEADING, 3),
)


def detect(head: str) -> int:
    """Score Scilit's own layout (§5); 0 without an anchor, or for tagged / JSON / markup (§0)."""
    if holds_tagged_export(head) or looks_like_structured_document(head):
        return 0
    lines = page_lines(head)
    score = 0
    block = _metadata_block_kinds(lines) >= BLOCK_MIN_KINDS
    if any(REFERENCES_HEADER.match(line) for line in lines):
        # The newer page (`Published:`, `doi:` lines, no bullets) is the generic reader's.
        from ._text_evidence import text_evidence
        if not block and text_evidence(lines):
            return 0
        score += REFERENCES_SCORE
    if block:
        score += BLOCK_SCORE
    if not score:
        return MINIMAL_SCORE if _minimal_layout(lines) else 0
    score += sum(weight for test, weight in SUPPORT if any(test(line) for line in lines))
    return min(score, MAX_SCORE)


def _minimal_layout(lines: list[str]) -> bool:
    """A title line, then an `Abstract` heading with a paragraph under it."""
    filled = [line for line in lines if line]
    return (len(filled) >= 3 and filled[1] == ABSTRACT_HEADING
            and len(filled[0].split()) >= MINIMAL_TITLE_WORDS and ":" not in filled[0][:20]
            and len(filled[2].split()) >= MINIMAL_ABSTRACT_WORDS)


def _metadata_block_kinds(lines: list[str]) -> int:
    """Most kinds of metadata bullet found in one run of `- ` bullets (blank lines allowed)."""
    best: set[str] = set()
    run: set[str] = set()
    for line in lines:
        if not line:
            continue
        if not line.startswith("- "):
            run = set()
            continue
        item = line[2:].strip()
        run = run | {kind for kind, test in BLOCK_KINDS.items() if test(item)}
        best = max(best, run, key=len)
    return len(best)


# §5 step 1: the year closes the line; without it the line was cut.
REFERENCE_YEAR = re.compile(r",\s*(\d{4})\s*$")
# Journal words that may stay lower case in a title-case name (fallback guard, §5 step 3).
CONNECTORS = frozenset({
    "a", "an", "and", "at", "by", "de", "del", "der", "des", "du", "et", "for", "from", "in",
    "la", "le", "of", "on", "the", "to", "und", "with", "y", "&",
})
# Characters a glued journal may follow in the fallback; dashes and `/` join compound words.
FALLBACK_LEFT = frozenset(".,;:)]?!\"'’”0123456789")
CAMEL_START = re.compile(r"[a-z]{1,3}[A-Z]")  # eLife, mBio, iScience

def split_reference(body: str) -> tuple[dict[str, Any], str | None]:
    """`TitleJournal, Year` -> title, container_title, year, plus a doubt (None when sure)."""
    year_match = REFERENCE_YEAR.search(body)
    if not year_match:
        return {"title": body, "container_title": None, "year": None}, "no year (line cut?)"
    glued = body[: year_match.start()].rstrip()
    year = int(year_match.group(1))
    cut = next((i for i in _glue_points(glued) if journals.is_full_name(glued[i:])), None)
    doubt = None
    if cut is None:
        cut = _fallback_cut(glued)
        doubt = "journal not in the lists; split is a guess" if cut else "no journal found"
    if cut is None:
        return {"title": glued, "container_title": None, "year": year}, doubt
    return {"title": glued[:cut].rstrip(), "container_title": glued[cut:].strip(),
            "year": year}, doubt


def _glue_points(text: str) -> list[int]:
    """§5 step 2: an upper-case letter after a non-space, plus camel starts such as `eLife`."""
    return [
        i for i in range(1, len(text))
        if not text[i - 1].isspace()
        and (text[i].isupper() or (text[i].islower() and CAMEL_START.match(text, i) is not None))
    ]


def _fallback_cut(text: str) -> int | None:
    """§5 step 3: the last lower->upper, `.`->upper or CAPS->Capitalised boundary.

    Only suffixes that read as a title-case name count. A suffix whose first two words begin
    a listed name wins (`BioMed Research …`); inside one glued word the first boundary after
    a lower-case word wins, so `…cellsOncoTargets` keeps `OncoTargets` whole.
    """
    points = [i for i in range(1, len(text)) if _is_boundary(text, i)]
    points = [i for i in points if _title_case(text[i:])]
    if not points:
        return None
    started = [i for i in points if journals.starts_like_journal(text[i:])]
    if started:
        return started[-1]
    last = points[-1]
    word_start = text.rfind(" ", 0, last) + 1
    for i in points:
        left = text[word_start:i]
        if word_start <= i < last and len(left) >= 2 and left.isalpha() and left.islower():
            return i
    return last


def _is_boundary(text: str, i: int) -> bool:
    prev, char, after = text[i - 1], text[i], text[i + 1: i + 2]
    if not char.isupper():
        return False
    return prev.islower() or prev in FALLBACK_LEFT or (prev.isupper() and after.islower())


def _title_case(suffix: str) -> bool:
    words = suffix.split()
    return all(
        w.lower() in CONNECTORS or not w[0].isalpha() or w[0].isupper() for w in words[1:]
    )
