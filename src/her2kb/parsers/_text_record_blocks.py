"""Record blocks some sites print after the reference list, below the page's head.

The reader's head stops at the reference list (its DOIs and citations are other works'),
but Atypon (JCO) puts the work's journal, numbering and PMID in `Published In` there,
Springer its DOI and keywords in `About this article`, AME its own citation
(`Cite this article as: …`), Korean journals' sites the PMID in `Article information` and
Wiley its keywords and issue date in `Details`, ScienceDirect its keywords.
"""

from __future__ import annotations

import re

from ..identifiers import find_dois
from ..text import clean_spaces
from ._page import previous_filled
from ._text_lines import label_of
from ._text_numbering import is_numbering_line, journal_citation

INFO_LINES = 12
KEYWORD_LINES = 12
HEADING_CHARS = 40
ABOUT_LINES = 40
ABOUT_END = frozenset({"access this article", "access this chapter", "advertisement",
                       "discover content"})
BOOK_PUBLISHED = re.compile(r"^Published:\s*(?P<date>\S.*)$")
INFO_HEADINGS = frozenset({"article information", "article info"})
# A sidebar's numbering rows with no colon (Scilit: `Volume 21`, `Issue 5`, `Pages e512-e521`).
BARE_NUMBER_ROW = re.compile(r"^(?P<label>Volume|Issue|Number|Pages)\s+(?P<value>\w[\w\u2013-]*)$")
ID_ROW = re.compile(r"^(?:PMID|PMCID|DOI):\s*\S+$")  # (Cell Press: `DOI: https://doi.org/…`)
CITE_THIS = re.compile(r"^(?:Citation|Cite\s+this\s+article(?:\s+as)?|"
                       r"How\s+to\s+cite\s+this\s+article)\s*:"
                       r"\s*\S", re.IGNORECASE)
# Frontiers' article footer, after the reference list: `Keywords: …`, then `Citation: …`.
FOOTER_KEYWORDS = re.compile(r"^Keywords:\s*\S")
# SAGE's `Cite article` and JAMA's `Cite This` / `Citation` boxes: headings over the line.
CITE_HEADING = re.compile(r"^(?:Cite(?: this)?(?: article)?|Citation|How to cite(?: this "
                          r"article)?)$", re.IGNORECASE)
CITE_BELOW = 3
# eLife: `Cite this article (links to download the citations from this article in …)`.
STACKED_HEADING = re.compile(r"^Cite this article\s+\(")
YEAR_LINE = re.compile(r"^\(\d{4}\)$")
STACK_LINES = 40  # a names line each, up to a few dozen authors


def published_in(lines: list[str], start: int) -> list[str]:
    """Atypon (JCO) prints the work's journal, numbering, pages and PMID in a `Published In`
    block after the reference list: its labelled, numbering and journal lines."""
    at = next(iter(_headings(lines, start, {"published in"})), None)
    if at is None:
        return []
    block = [text for line in lines[at + 1:at + 1 + INFO_LINES] if (text := clean_spaces(line))]
    block = [f"{row['label']}: {row['value']}" if (row := BARE_NUMBER_ROW.match(line)) else line
             for line in block]
    for index, line in enumerate(block):
        # The journal's name heads the block, over its numbering line.
        named = index == 0 and len(block) > 1 and (is_numbering_line(block[1])
                                                   or label_of(block[1]) is not None)
        if not (named or label_of(line) or is_numbering_line(line)):
            return block[:index]  # `Copyright`, `History`: the block is over
    return block


def about_this_article(lines: list[str], start: int) -> list[str]:
    """Springer prints the DOI, the dates and the keywords in `About this article` after
    the reference list; the block ends at the paywall box or the site's footer."""
    at = next(iter(_headings(lines, start, {"about this article", "about this chapter"})), None)
    if at is None:
        return []
    chapter = clean_spaces(lines[at]).casefold() == "about this chapter"
    block: list[str] = []
    for line in (clean_spaces(text) for text in lines[at + 1:at + 1 + ABOUT_LINES]):
        if line.casefold() in ABOUT_END:
            break
        if chapter and (dated := BOOK_PUBLISHED.match(line)):
            # A chapter's `Published` is the book's day, the year it is cited by (`Cite
            # this chapter`); the head's `First Online` (and the tags) give its day online.
            line = f"Issue date: {dated['date']}"
        block.append(line)
    return block


def own_citations(lines: list[str], start: int) -> list[str]:
    """`Cite this article as: Zhang X, … Title. Gland Surg 2022;11(3):512-524.` below the
    reference list, or the line under a `Cite article` heading: the page citing itself.
    Frontiers prints its keywords just above that line."""
    found: list[str] = []
    for index in range(start, len(lines)):
        line = lines[index].lstrip()
        if CITE_THIS.match(line):
            above = previous_filled(lines, index - 1)  # a copy may hold several blank lines
            if above >= start and FOOTER_KEYWORDS.match(clean_spaces(lines[above])):
                found.append(clean_spaces(lines[above]))
            found.append(clean_spaces(line))
        elif STACKED_HEADING.match(line) and (stacked := _stacked_citation(lines, index)):
            found.append(stacked)
        elif len(line) <= HEADING_CHARS and CITE_HEADING.match(line.strip()):
            below = (clean_spaces(text) for text in lines[index + 1:index + 1 + CITE_BELOW])
            cited = next((text for text in below if text and not CITE_HEADING.match(text)), "")
            if len(cited) > HEADING_CHARS:
                found.append(cited)
    return found


def _stacked_citation(lines: list[str], index: int) -> str | None:
    """eLife's citation, a part a line under its heading: the names, `(2025)`, the title and
    `eLife 14:RP101234.`, as one `Citation:` line."""
    block = [text for line in lines[index + 1:index + 1 + STACK_LINES]
             if (text := clean_spaces(line))]
    at = next((k for k, text in enumerate(block) if YEAR_LINE.match(text)), 0)
    if not at or at + 2 >= len(block):
        return None
    names, year, title, source = ", ".join(block[:at]), block[at], block[at + 1], block[at + 2]
    return f"Citation: {names} {year} {title.rstrip('.')}. {source}"


def article_information(lines: list[str], start: int) -> list[str]:
    """The `PMID: …` / `PMCID: …` rows of an `Article information` box below the reference
    list (Korean journals' sites), and BMJ's numbering line in its `Article info` box
    (`BMJ Open 2025;15:e091287. doi: …`), under a `Citation` heading as BMJ prints it
    elsewhere; and the print date among the dates a box lists."""
    ids: list[str] = []
    for at in _headings(lines, start, INFO_HEADINGS):
        block = [clean_spaces(line) for line in lines[at + 1:at + 1 + ABOUT_LINES // 4]]
        ids += [line for line in block if ID_ROW.match(line) or is_numbering_line(line)]
        # De Gruyter's `Published in Print:` over its date: the date.
        ids += [line for line in block if line.casefold().startswith("published in print: ")]
        cited = next((line for line in block if journal_citation([line])), None)
        ids += ["Citation", cited, *(f"DOI: {doi}" for doi in find_dois(cited)[:1])] \
            if cited else []
    return ids


def wiley_details(lines: list[str], start: int) -> list[str]:
    """Wiley prints the keywords and the `Publication History` rows (`Issue Online: 05
    February 2020`, the print date) in its `Details` tab after the reference list."""
    at = next(iter(_headings(lines, start, {"publication history"})), None)
    if at is None:
        return []
    block = [text for line in lines[at + 1:at + 1 + INFO_LINES] if (text := clean_spaces(line))]
    rows = block[:next((i for i, line in enumerate(block) if not label_of(line)), len(block))]
    keywords = next(iter(_headings(lines, start, {"keywords"})), None)
    if keywords is None or keywords > at:
        return rows
    terms = [clean_spaces(line) for line in lines[keywords:at]]
    return [*terms, "", *rows]


def keywords_below(lines: list[str], start: int) -> list[str]:
    """ScienceDirect prints the work's `Keywords` heading and its terms, one a line, after
    the reference list and the `Recommended articles` box."""
    at = next(iter(_headings(lines, start, {"keywords", "keywords:"})), None)
    return [] if at is None else [clean_spaces(line) for line in lines[at:at + 1 + KEYWORD_LINES]]


def _headings(lines: list[str], start: int, names: set[str] | frozenset[str]) -> list[int]:
    """Where a heading of `names` stands at or after `start`; only short lines are cleaned
    (a page after its reference list can run to tens of thousands of lines). Copies keep
    a heading's indent, so the length is measured without it."""
    return [i for i in range(start, len(lines)) if len(lines[i].strip()) <= HEADING_CHARS
            and clean_spaces(lines[i]).casefold() in names]
