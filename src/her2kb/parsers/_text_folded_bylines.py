"""Bylines a copy folded over several lines, made one line again as other sites print
them: Thieme's markers each on a line of their own, and Scilit's lone `,` lines between
the names."""

from __future__ import annotations

import re

from ._text_name_blocks import MARKER_ONLY, unmarked
from ._text_names import LETTER_MARKERS, is_name

NEXT_NAME = (",", "∙", "•", "·")
LETTER_MARKER_ONLY = re.compile(r"^[a-z](?:,\s?[a-z])*[*†‡]?$")


def folded_marker_bylines(lines: list[str]) -> list[str]:
    """Thieme prints each affiliation marker on its own line and the next name after a
    comma: `Friederike Albrecht` / `1` / `, Jonas M. Keller` / `1` … One line again:
    `Friederike Albrecht1, Jonas M. Keller1`, as other sites print it. The Lancet's
    names follow ` ∙ ` instead."""
    folded: list[str] = []
    folding = False
    for index, line in enumerate(lines):
        text = line.strip()
        below = lines[index + 1].strip() if index + 1 < len(lines) else ""
        letters = LETTER_MARKER_ONLY.match(text) is not None
        # ScienceDirect: `Claire Dubois a b` / `, Marco Rinaldi c` / …: markers kept inline.
        comma_name = text.startswith(", ") and bool(folded) and is_name(
            LETTER_MARKERS.sub("", folded[-1].strip()))
        if folded and folded[-1].strip() and (
                ((MARKER_ONLY.match(text) or letters) and (folding or below.startswith(NEXT_NAME)))
                or ((folding or comma_name) and text.startswith(NEXT_NAME))):
            # Letters would glue onto a degree (`MDa`): they go; digits are read off later.
            folded[-1] = folded[-1].rstrip() + ("" if letters else text)
            folding = True
            continue
        folding = False
        folded.append(line)
    return folded


def comma_line_bylines(lines: list[str]) -> list[str]:
    """Scilit prints a byline one name a line with a lone `,` line between the names:
    `Tomás Ibarra` / `,` / `Lucía Fernández-Rey` / … (also with markers: `Mei-Ling Chou
    1,2` / `,` / …). One line again, as other sites print it.
    (Silverchair's keyword lists use the same `,` lines; they join the same way.)"""
    joined: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        below = lines[index + 1].strip() if index + 1 < len(lines) else ""
        if line.strip() == "," and joined and is_name(unmarked(below)) \
                and is_name(unmarked(joined[-1].rsplit(", ", 1)[-1].strip())):
            joined[-1] = f"{joined[-1].rstrip()}, {below}"
            index += 2
            continue
        joined.append(line)
        index += 1
    return joined
