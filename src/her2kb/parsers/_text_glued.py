"""Page text whose lines a copy glued together or spread apart, set right before reading.

Glued: a site's control runs into the value before it (`…2013.01.022Get rights and
content`), or a copy lost the breaks between blocks (`…70034PMID: 40382216`). Spread: a
byline or a numbering row copied one part a line, a record table one cell a line. The
generic reader reads the lines this returns.
"""

from __future__ import annotations

import re

from ._page import bullet_item
from ._page_values import type_for
from ._text_folded_bylines import comma_line_bylines, folded_marker_bylines
from ._text_lines import LABELS, label_of
from ._text_numbering import folded_numbering, is_numbering_line
from ._text_record_table import folded_rows, ovid_rows, stacked_rows
from ._text_wos import joined_labels

# ScienceDirect's copied DOI link runs into the button after it (`…2013.01.022Get rights and
# content`), and its author line into the panel link before it (`Author links open overlay
# panelSophie Leclercq a, …`): the control goes on a line of its own. So does NEJM's
# `Author Info & Affiliations` after the last name (`… Thomas W. Brennan, M.D.Author Info …`).
# Cell Press's DOI link runs into `External LinkAlso available on ScienceDirect`, Cambridge
# Core's into `[Opens in a new window]`.
# Wiley's panel runs its last address into `Search for more papers by this author`.
GLUED_CONTROL = re.compile(r"(?<=\S)(?=(?:Get rights and content|Author Info & Affiliations|"
                           r"Search for more papers by this author)$)"
                           r"|(?<=\S)(?=External Link|\[Opens in a new window\])"
                           # Silverchair's search menu: `All ContentAll JournalsCancer Research`.
                           r"|(?<=^All Content)(?=All Journals)|(?<=All Journals)(?=[A-Z])"
                           r"|(?<=^Author links open overlay panel)(?=\S)"
                           r"|(?<=\d)(?=https?://)"  # `Published Online:8 Apr 2014https://…`
                           r"|(?<=[a-z])(?=Vol\. \d+, No\. )"  # Liebert: `…PharmaceuticalsVol. 28`
                           # A copy that lost the breaks between blocks: `…ofp2.70034PMID: 403…`,
                           # `AbstractBackground: …` (its dates: GLUED_DATE below).
                           r"|(?<=[0-9A-Za-z])(?=PMC?ID: )|(?<=^Abstract)(?=[A-Z][a-z]+: )")
GLUED_MARKS = ("Get rights", "Author Info", "Search for more", "External Link", "[Opens",
               "All Content", "All Journals", "Author links", "http", "Vol. ", "PMID: ",
               "PMCID: ", "Abstract")
BARE_PAIRS_MIN = 3
GLUED_DATE = re.compile(r"^(?P<date>Published: [\w ,]{0,20}?\d{4})(?=[A-Z][a-z])")
# Scilit's saved HTML puts its date badge on the type's line: `Journal Article Published: 4
# March 2025`.
DATE_BADGE = re.compile(r"^(?P<type>[A-Z][A-Za-z ]{2,40}?)\s+"
                        r"(?P<date>Published:\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4})$")


def unglued(line: str) -> list[str]:
    if line.startswith("Published: ") and (date := GLUED_DATE.match(line)):
        return [date["date"], *unglued(line[date.end():])]
    if "Published:" in line and (badges := DATE_BADGE.match(line)) and type_for(badges["type"]):
        return [badges["type"], badges["date"]]  # (not `First Published: …`)
    # Most lines hold none of the glued controls: a substring test skips the slow split.
    return GLUED_CONTROL.split(line) if any(mark in line for mark in GLUED_MARKS) else [line]


def rejoined_lines(lines: list[str]) -> list[str]:
    """The page's lines, each holding one block of the page again."""
    return joined_labels([part for line in stacked_rows(folded_rows(ovid_rows(
        folded_marker_bylines(comma_line_bylines(folded_numbering(_label_rows(lines)))))))
        for part in unglued(_unbulleted(line))])


# Labels whose value may run over several lines below them: read where they stand.
_LIST_KEYS = frozenset({"authors", "keywords", "abstract"})


def _label_rows(lines: list[str]) -> list[str]:
    """A definition list copied label over value (`Published:` / `9 December 2021`), as
    one `Label: value` line."""
    lines = _bare_label_rows(lines)
    joined: list[str] = []
    index = 0
    while index < len(lines):
        line, below = lines[index].strip(), (lines[index + 1].strip()
                                              if index + 1 < len(lines) else "")
        key = LABELS.get(line[:-1].strip().casefold()) if line.endswith(":") else None
        if key and key not in _LIST_KEYS and below and not below.endswith(":") \
                and label_of(below) is None:  # `Volume:` (empty) over `Issue: 3`
            joined.append(f"{line} {below}")
            index += 2
            continue
        joined.append(lines[index])
        index += 1
    return joined


def _bare_label_rows(lines: list[str]) -> list[str]:
    """Scilit's `Publication details` panel: labels with no colon over their values
    (`Volume` / `28` / `Issue` / `1` …), blank lines between. A run of three pairs or more
    is such a panel; a lone `Volume` line over a number may be anything."""
    rows: list[str] = []
    index = 0
    while index < len(lines):
        pairs, end = _label_pairs(lines, index)
        if len(pairs) >= BARE_PAIRS_MIN:
            rows += [f"{label}: {value}" for label, value in pairs]
            index = end
        else:
            rows.append(lines[index])
            index += 1
    return rows


def _label_pairs(lines: list[str], start: int) -> tuple[list[tuple[str, str]], int]:
    """The run of bare `label` / `value` line pairs from `start`, and where it ends."""
    pairs: list[tuple[str, str]] = []
    index = start
    while index < len(lines):
        label = lines[index].strip()
        value_at = next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)
        if LABELS.get(label.casefold()) in (None, *_LIST_KEYS) or value_at is None:
            break
        value = lines[value_at].strip()
        if value.endswith(":") or LABELS.get(value.casefold()) or label_of(value):
            break
        pairs.append((label, value))
        index = next((i for i in range(value_at + 1, len(lines)) if lines[i].strip()),
                     len(lines))
    return pairs, index


def _unbulleted(line: str) -> str:
    """Scilit's older page lists its numbering and dates as bullets (`• Gastric Cancer ,
    Volume 24, pp 845-857; https://doi.org/…`, `• Published: 19 March 2021`): read as lines."""
    item = bullet_item(line.strip())
    return item if item and (item.startswith("Published: ") or is_numbering_line(item)) else line
