"""The second pass over a PubMed / PMC head: which plain line is the title, which the
author line, and which lines are left for the abstract (formats.md §4.1).

A1 prints the title above a citation line that names the journal; B1, C and D print it
below the citation. Europe PMC, which copies PubMed's layout, prints one author a line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ._pubmed_abstract import LAY_SUMMARY
from ._pubmed_authors import author_list, looks_cut, starts_with_markers

if TYPE_CHECKING:
    from ._pubmed_head import Head, Plain

_AFFILIATION = re.compile(
    r"^\d{1,2}(?:\s|$)|@|\b(?:Department|Dept|Universit\w*|Hospital|Institut\w*|Cent(?:er|re)|"
    r"School|Laborator\w*|College|Faculty|Clinic|Division|Unit|Inserm|CNRS|Foundation)\b"
)
_URL_LINE = re.compile(r"^https?://\S+$")
# A long byline cut short: `… Park 2 et al.`, or `… Bellandi 11 12 …` over `Show all 60 authors`.
_FOLDED_BYLINE = re.compile(r",?\s+et\s+al\.?$|,?\s*(?:…|\.\.\.)$")
_TAB_TITLE = re.compile(r"\s+[-–|]\s+(?:PubMed|PMC|Europe PMC)$")  # the browser tab's title
_MAX_JOURNAL_WORDS = 10
_MIN_TITLE_WORDS = 4
_MIN_HEADER_WORDS = 3  # shorter lines above a citation are menu entries, not titles
_CITATION_TAIL_LINES = 3  # a citation line's `doi:` / `Epub` continuation lines


_CAMEL = re.compile(r"^[a-z]{1,4}[A-Z]")


def _journal_like(line: str) -> bool:
    """A dotless NLM abbreviation: a few words, each capitalised (`Cancers (Basel)`), or
    lower-case letters before a capital (`medRxiv`, `eLife`)."""
    words = line.split()
    return len(words) <= _MAX_JOURNAL_WORDS and not line.endswith(".") \
        and all(not w[0].isalpha() or w[0].isupper() or _CAMEL.match(w) for w in words)


def _pick_title(head: Head) -> Plain | None:
    """§4.1: A1 prints the title above a citation with a journal; B1, C and D below it."""
    at = {plain.position: plain for plain in head.plain}
    if head.anchor is None:
        # Full pages print the citation above the title; with none seen (the text stops
        # before it, or the copy starts below it), only a line over names is surely the title.
        if head.full_page:
            end = head.plain[-1].position + 1 if head.plain else 0
            over = _over_byline(head, at, end)  # a menu entry over a menu entry: no title
            return over if over and len(over.text.split()) >= _MIN_TITLE_WORDS else None
        return head.plain[0] if head.plain else None
    if head.citation_first:
        # Legacy B pages: whatever stands above the citation is the NCBI header, and a
        # text that stops at the citation has no title.
        return next((p for p in head.plain if p.position > head.anchor), None)
    citation = head.final_form or head.citation
    if citation is not None and citation.below_byline:
        return _over_byline(head, at, head.anchor)
    position = head.anchor - 1
    while position in head.markers:  # `[Article in …]` can stand between title and citation
        position -= 1
    above = at.get(position)
    if above and _URL_LINE.match(above.text):
        above = None  # the old PMC sidebar's `Permalink` stands above the citation
    below = next((p for p in head.plain if p.position > head.anchor), None)
    if above and below and below.text == _TAB_TITLE.sub("", above.text) != above.text:
        return below  # a dump of the whole page: the tab's title tops it, the site header below
    if citation is not None and citation.journal is None:
        # Layout D / new PubMed: the journal can stand alone above a journal-less citation,
        # and the title is below it (the text may stop before the title).
        if above and _journal_like(above.text):
            head.journal_line, above = above.text, None
        if (below is None or below.in_affiliations) and above is None \
                and (over := _over_byline(head, at, head.anchor)):
            citation.below_byline = True  # a reader view: title and names above the journal
            return over
        return below or above
    if above and citation is not None and above.text.rstrip(".") == (citation.journal or ""):
        return below  # the PMC breadcrumb's journal; the title is below the citation
    if above and citation is not None and above.position != head.cut_at and _people(above.text) \
            and (over := _over_byline(head, at, head.anchor)) and over.position == position - 1:
        citation.below_byline = True  # a scrape's title, its byline, then the citation
        return over
    if above and len(above.text.split()) < _MIN_HEADER_WORDS:
        # Old PMC: a menu entry above the citation, the title below it (if the text goes on).
        if below is None or below.position == head.cut_at:
            return None
        if len(below.text.split()) >= _MIN_TITLE_WORDS and not _people(below.text):
            return below
    if above is None and below is not None and _people(below.text):
        # A reader view heads the page with its title, over the type label and citation;
        # the names follow the citation.
        over = next((p for p in reversed(head.plain) if p.position < head.anchor
                     and len(p.text.split()) >= _MIN_TITLE_WORDS and not _people(p.text)
                     and not _URL_LINE.match(p.text)), None)
        return over or below
    if above is None and below is None and (over := _over_byline(head, at, head.anchor)):
        if citation is not None:  # Safari's reader: title and names over the banner
            citation.below_byline = True
        return over
    return above or _past_category(head, at, below)


def _past_category(head: Head, at: dict[int, Plain], below: Plain | None) -> Plain | None:
    """PMC's subject (`Oncology`) can stand between the IDs and the title: a short line,
    then a title over the names."""
    if below is None or len(below.text.split()) >= _MIN_TITLE_WORDS:
        return below
    title = next((p for p in head.plain if p.position > below.position), None)
    names = at.get(title.position + 1) if title else None
    if title and names and len(title.text.split()) >= _MIN_TITLE_WORDS \
            and not _people(title.text) and _people(names.text):
        return title
    return below


def _over_byline(head: Head, at: dict[int, Plain], anchor: int) -> Plain | None:
    """Europe PMC (and a browser's reader view): the title is the line above the author
    line, both above the citation. The last such line: a site menu above may hold a pair
    that reads the same way (`Menu` over `About Europe PMC`); a name over a name is no title."""
    return next((p for p in reversed(head.plain) if p.position < anchor
                 and not p.in_affiliations and not _people(p.text) and not _URL_LINE.match(p.text)
                 and (below := at.get(p.position + 1)) and below.position != head.cut_at
                 and _people(below.text)), None)


def _people(line: str) -> bool:
    """A line of names with one person at least (a title reads as one group's name)."""
    return any("family" in name for name in author_list(line) or [])


def _byline_lines(after: list[Plain]) -> int:
    """How many lines the author list takes: Europe PMC prints one name a line, each but
    the last ending in a comma (`Okafor CN 1 ,`)."""
    count = 1
    while (count < len(after) and after[count - 1].text.endswith(",")
           and after[count].position == after[count - 1].position + 1):
        count += 1
    return count


def assign(head: Head) -> None:
    """Second pass: title, the author line below it, and the plain lines left over."""
    title = _pick_title(head)
    if title is None or head.subpage or LAY_SUMMARY.match(title.text):
        return  # a scrape that starts below the title: `Simple Summary` heads the text
    head.title = _TAB_TITLE.sub("", title.text)
    if _OPEN_BRACKET_TITLE.match(title.text):  # its `]` line was cut off
        head.title = None
        head.warnings.append(f"title: {title.text!r} lacks its closing bracket; left empty")
    elif title.position == head.cut_at:
        head.title = None
        head.warnings.append(f"title: the text ends inside {title.text!r}; left empty")
    citation = head.final_form or head.citation
    below_byline = citation is not None and citation.below_byline
    top = max(title.position, head.anchor if head.anchor is not None and not below_byline else -1)
    # The full page prints the title twice (above and below `Affiliations`): a copy is
    # never the author line.
    after = [p for p in head.plain
             if p.position > top and p.text.casefold() != title.text.casefold()]
    # The author line follows the title, or the citation (and its `doi:` line) when the
    # title stands above the citation; only a line of names alone is read as authors.
    if after and (after[0].position == title.position + 1 or (
            after[0].position <= top + _CITATION_TAIL_LINES and after[0].position != head.cut_at
            and author_list(after[0].text))):
        count = _byline_lines(after)
        line = " ".join(p.text for p in after[:count])
        folded = _FOLDED_BYLINE.search(line)  # a long list: `… Sun-Hee Park 2 et al.`
        line = line[:folded.start()] if folded else line
        names = author_list(line)
        # (A byline wrapped at its markers and cut after one name leaves the markers line.)
        wrapped = after[count:count + 1]
        if after[count - 1].position == head.cut_at or (names and looks_cut(line)) or (
                wrapped and wrapped[0].position == head.cut_at
                and starts_with_markers(wrapped[0].text)):
            head.warnings.append(f"author: the text ends inside {line!r}; left empty")
            after = after[count:]
        elif names:
            head.authors, head.truncated = names, bool(folded)
            after = after[count:]
    head.rest = [
        p.text for p in after
        if p.text.casefold() != title.text.casefold()
        and not (p.in_affiliations and _AFFILIATION.search(p.text))
    ]


_OPEN_BRACKET_TITLE = re.compile(r"^\[[^\]]*$")  # `[Translated title that goes on`
_MAX_TITLE_LINES = 4


def joined_bracket_titles(lines: list[str]) -> list[str]:
    """A translated title wrapped over lines (a print to PDF, a dump) as one line again:
    its `[` opens on one line and its `]` closes a later one."""
    joined: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        end = next((i for i in range(index + 1, min(index + _MAX_TITLE_LINES, len(lines)))
                    if "]" in lines[i] or not lines[i].strip()), None) \
            if _OPEN_BRACKET_TITLE.match(line.strip()) else None
        if end is not None and lines[end].rstrip().endswith(("]", "].")):
            joined.append(" ".join(part.strip() for part in lines[index:end + 1]))
            index = end + 1
        else:
            joined.append(line)
            index += 1
    return joined
