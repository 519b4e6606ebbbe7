"""The terms under a bare `Keywords` heading in a scholarly page's visible text."""

from __future__ import annotations

import re

from ._page import bullet_item
from ._text_abstract import STOP_HEADING
from ._text_lines import label_of
from ._text_title import FURNITURE

# A numbered reference (`[12]`, `3.`) or a dash item: never a keyword.
NUMBERED_REFERENCE = re.compile(r"^(?:\[?\d{1,4}[.)\]]|-\s)")
MAX_TERM_WORDS = 5
MAX_LIST_WORDS = 40
SECTION_HEADINGS = frozenset({"background", "introduction", "abbreviations", "main text",
                              "highlights", "methods", "results", "discussion", "main",
                              "details",  # Zenodo's record table follows its keywords
                              "asjc scopus subject areas", "fingerprint",  # Pure portals
                              # What follows the list on a page copied without blank lines.
                              "mesh terms", "fields of study", "publication history",
                              "previous article", "next article", "related research data",
                              "references", "citations", "subjects",  # Scilit
                              "scilit topics", "related publications", "subject areas",
                              "view issue table of contents",
                              "research organism", "version history",  # eLife
                              "figures", "related", "information"})  # Wiley's tabs
# `Issue Online: 30 August 2021` (Wiley's history): a dated row, never a keyword.
DATED_ROW = re.compile(r"^[A-Za-z ]{2,30}:\s+\d")
COUNTED = re.compile(r"\s*\(\d+\)$")  # ScienceDirect, Scilit: `References (58)`
LIST_SEPARATORS = (";", ",", " · ", " - ", " | ")


def term_lines(head: list[str], index: int) -> list[str]:
    """The terms under a bare `Keywords` heading: the whole list on one line (SAGE, MDPI,
    Karger's `·`, Thieme's ` - `),
    else one term a line up to a section heading (BMC, ScienceDirect, T&F)."""
    below = next((line for line in head[index + 1:] if line), "")
    terms = _one_a_line(head, index)
    # A first term may hold a separator itself (`Gastric cancer - epidemiology`): one-a-line
    # terms below it, none with a separator, say the list is one term a line.
    one_a_line = len(terms) >= 3 and not any(map(_has_separator, terms[1:]))
    if (_has_separator(below) and not one_a_line and not below.endswith(".")
            and label_of(below) is None and len(below.split()) <= MAX_LIST_WORDS):
        return [below]
    return terms if len(terms) >= 2 else []


def _has_separator(line: str) -> bool:
    return any(separator in line for separator in LIST_SEPARATORS)


def _one_a_line(head: list[str], index: int) -> list[str]:
    """Terms one a line below the heading, up to a heading, a sentence or a long line."""
    terms: list[str] = []
    blank_after: list[bool] = []  # a blank line after each term
    bulleted = False  # the terms are list items: a plain line is the next heading
    # `- term` items count when the list opens with one (Markdown); elsewhere a dash line
    # is Scilit's own reference bullet.
    first = next((line for line in head[index + 1:] if line), "")
    dashes = first.startswith("- ")
    for raw in head[index + 1:]:
        item = bullet_item(raw, dash=dashes)  # Scilit in Safari: `• Ki-67`
        if raw and terms and bulleted and item is None:
            break
        bulleted = bulleted or (item is not None and not terms)
        line = item or raw
        if line in (",", ";"):
            continue  # Silverchair: `c-erbB-2` / `,` / `Gastric carcinoma` / `,` …
        if not line:
            if terms:
                blank_after[-1] = True
            # Terms printed on consecutive lines end at the first blank line after them.
            if len(blank_after) >= 2 and not blank_after[0] and blank_after[-1]:
                break
            continue
        if (len(line.split()) > MAX_TERM_WORDS or line.endswith(".") or ";" in line
                or COUNTED.sub("", line).casefold() in SECTION_HEADINGS
                or NUMBERED_REFERENCE.match(line)
                or STOP_HEADING.match(line) or FURNITURE.match(line)
                or DATED_ROW.match(line) or not any(char.isalpha() for char in line)):
            break
        terms.append(line)
        blank_after.append(False)
    return terms

