"""Related items under `Comment in`, `Erratum in`, `Retraction in` … on a PubMed page.

Three shapes (formats.md §4.1 D, §4.4): bullets (`• Title. Journal. 2010…`, the citation maybe on
the bullet's second line); a legacy one-line relation (`Erratum in: J Examp. 2010;…`);
and, in a copy that lost its bullets, plain lines. Plain items are one line each on
legacy pages and up to three on the new site (title, authors, citation line, then the
item's `PMID:` line), so a plain item runs to the first line that reads as a citation.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ._page import next_filled, read_list
from ._pubmed_terms import RELATION_KINDS

_RELATION_NAMES = "|".join(sorted(RELATION_KINDS))
INLINE_RELATION = re.compile(rf"^(?P<heading>{_RELATION_NAMES}):\s+(?P<item>\S.*)$",
                             re.IGNORECASE)
# PMC's notice above the title: `This article has been corrected. See Clin Case Rep. 2024 …`.
_PMC_NOTICE = re.compile(r"^This article has been (?P<what>corrected|retracted)\.\s+"
                         r"See\s+(?P<item>\S.*)$")
_NOTICE_HEADINGS = {"corrected": "erratum in", "retracted": "retraction in"}


def inline_relation(line: str) -> tuple[str, str] | None:
    """(heading, item) of a one-line relation (`Erratum in: …` or PMC's notice), else None."""
    if relation := INLINE_RELATION.match(line):
        return relation["heading"].lower(), relation["item"]
    if notice := _PMC_NOTICE.match(line):
        return _NOTICE_HEADINGS[notice["what"]], notice["item"]
    return None
# A related-item citation: `Journal. YYYY…`, possibly after the item's title.
CITATION_LIKE = re.compile(r"\.\s+\d{4}\b")
# The second line of a two-line related item: `Doe JA, Roe B. J Examp. 2010 …`.
_BYLINE_CITATION = re.compile(r"^[A-Z][^.]{0,200}?(?:\s[A-Z]{1,3}|\set al)\.\s+[^.]+\.\s+\d{4}\b")
_ITEM_ID = re.compile(r"^PMID:\s*\d+")
_MAX_ITEM_LINES = 3  # title, authors, citation
_MAX_LINE_WORDS = 60  # a title or author line; an abstract paragraph is longer


def relation_items(lines: list[str], start: int, stop: Callable[[str], bool], *,
                   plain: bool, above_abstract: bool) -> tuple[list[str], int]:
    """The items of the relation list whose heading is the line before `start`, and the
    index where the list ended.

    Above the abstract an unbulleted list is read as one item: the page's own citation
    line may follow it with no blank line between.
    """
    if plain and above_abstract:  # a title and a byline may stand above the citation
        first = next_filled(lines, start)
        group, end = _item_lines(lines, first, stop)
        if not group:
            return [], first
        own_id = len(group) > 1 and end < len(lines) and _ITEM_ID.match(lines[end])
        return [" ".join(group)], end + 1 if own_id else end  # the item's `PMID:` line too
    if plain:
        return _plain_items(lines, start, stop)
    items, end = read_list(lines, start, stop)
    while items and end < len(lines) and _BYLINE_CITATION.match(lines[end]):
        # A bullet holding a title, then `Authors. Journal. Date…` on its own line.
        items[-1] = f"{items[-1]} {lines[end]}"
        more, end = read_list(lines, end + 1, stop)
        items.extend(more)
    return items, end


def _plain_items(lines: list[str], start: int,
                 stop: Callable[[str], bool]) -> tuple[list[str], int]:
    items: list[str] = []
    index = next_filled(lines, start)
    while index < len(lines):
        group, at = _item_lines(lines, index, stop)
        if not group:
            break  # not an item: the list is over
        items.append(" ".join(group))
        # The new site's item ends with its own `PMID:` line; under a legacy one-line item
        # that line is the page's own.
        own_id = len(group) > 1 and at < len(lines) and _ITEM_ID.match(lines[at])
        index = at + 1 if own_id else at
    return items, index


def _item_lines(lines: list[str], start: int,
                stop: Callable[[str], bool]) -> tuple[list[str], int]:
    """The lines of the plain item at `start` (up to its citation line) and where it ends;
    no lines when no citation ends them."""
    group: list[str] = []
    at = start
    while at < len(lines) and len(group) < _MAX_ITEM_LINES:
        line = lines[at]
        if not line or stop(line) or INLINE_RELATION.match(line) \
                or len(line.split()) > _MAX_LINE_WORDS:
            break
        group.append(line)
        at += 1
        if CITATION_LIKE.search(line):
            break
    return (group, at) if group and CITATION_LIKE.search(group[-1]) else ([], start)
