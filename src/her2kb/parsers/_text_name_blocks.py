"""Author blocks around a page's title: names under a heading, one a line, in panels.

Sites print a byline on one line (`_text_names`) or spread over several: Wiley's and OUP's
author panels, MDPI's lone `by` over one name a line, ResearchGate's and Zenodo's headings
over one name a line, Europe PMC's `Hermansson K,` lines.
"""

from __future__ import annotations

import re

from .. import journals
from ._text_lines import label_of
from ._text_names import (
    FOLDED_PART,
    GLUED_MARKERS,
    NAME_PART,
    SEPARATOR,
    TRAILING_MARKER,
    family_first,
    folds_names,
    is_name,
    names_line,
)

# The affiliation marker lines between MDPI's one-name-per-line authors: `1,*,`, `3 and`.
# Thieme's marker line: `1`, `1,2`, `2*`.
MARKER_ONLY = re.compile(r"^\d{1,2}(?:,\d{1,2})*[*†‡]?$")
MARKERS_AFTER_NAME, MAX_NAME_LINE = re.compile(r"\s\d{1,2}(?:,\s?\d{1,2})*[*†‡]?$"), 200
MARKER_LINE = re.compile(r"^[\d,*†‡§\s]+(?:and)?$")
# A heading over one name a line (ResearchGate `Authors:`, Zenodo `Creators`, Lens
# `Authors (6)`).
# (Semantic Scholar's search filter `Author` / `More Filters` reads no name: `filters`.)
AUTHOR_HEADING = re.compile(r"^(?:Authors?|Creators)(?:\s*\(\d+\))?:?$", re.IGNORECASE)
# Wiley, OUP: each byline name opens a panel that repeats it with the affiliations and ends so.
# OUP's closes with `Search for other works by this author on:` and three link lines.
PANEL_END = re.compile(r"^Search for (?:more papers|more articles|other works) by this author"
                       r"(?: on)?:?$", re.IGNORECASE)
# Liebert (Atypon) prints the comma between panels on a line of its own: `,` / `, and`.
PANEL_JOIN = re.compile(r"^,?\s*(?:and)?$")
PANEL_LINKS = frozenset({"oxford academic", "pubmed", "google scholar", "this site"})
MAX_PANEL_LINES = 16  # a corresponding author's panel adds e-mail, ORCID and address
MIN_LISTED_NAMES = 2
MAX_BARE_NAME_WORDS = 4  # `Maria Dolores de la Fuente` is five: it needs its comma
# ResearchGate: one name a line under a bare `Authors:` label, some with their institution
# on the line below, and `+7` where names are folded away.
AFFILIATION = re.compile(r"Universit|Institut|Hospital|Klini|Clinic|Cent(?:er|re)\b|College|"
                         r"School|Department|Dept\b|Faculty|Laborator|Foundation|Inserm|CNRS",
                         re.IGNORECASE)
FOLDED_NAMES = re.compile(r"^\+\s?\d+$")
NAME_THEN_PLACE = re.compile(r"^(?P<name>.+?)\s+[-–—]\s+\S.*$")


def names_evidence(filled: list[str], index: int) -> int:
    """How surely the line at `index` lists authors: 2 for a label, a `by` block or two or
    more names; 1 for one name alone (`Article Menu` reads as a name too); 0 for none."""
    if index >= len(filled):
        return 0
    line = filled[index]
    if ((label_of(line) or ("",))[0] == "authors" or names_after_by(filled, index)
            or names_one_a_line(filled, index) or names_with_affiliations(filled, index)
            or family_first_one_a_line(filled, index)
            or (AUTHOR_HEADING.match(line) and names_below_label(filled, index))
            or names_in_panels(filled, index)):
        return 2
    names = names_line(line)
    if not names:
        return 0
    # `MORIKAWA, Tetsuya` is one name; `Anna Berg, Carl Dahl` two.
    count = len(names.split(";")) if ";" in names or family_first([names]) \
        else len(SEPARATOR.split(names))
    return 2 if count > 1 else 1


def unmarked(name: str) -> str:
    """The name without the affiliation markers a space sets after it (`Ana Ruiz 1,2`)."""
    return MARKERS_AFTER_NAME.sub("", name) if len(name) <= MAX_NAME_LINE else name


def family_first_one_a_line(filled: list[str], index: int) -> str | None:
    """Scilit: `Nguyen, Van Thanh 1` / `Park, Ji-Hoon 2` / …, family name first, a line each."""
    names: list[str] = []
    for line in filled[index:]:
        name = family_first([bare]) if (bare := unmarked(line)).count(",") == 1 else None
        if not name or AFFILIATION.search(line):
            break
        names.append(name)
    return "; ".join(names) if len(names) >= MIN_LISTED_NAMES else None


def names_one_a_line(filled: list[str], index: int) -> str | None:
    """Europe PMC: `Hermansson K,` / `Okafor CN,` / … / `Brodsky JL`, one name a line, each
    but the last closed by a comma (Silverchair: by a semicolon)."""
    names: list[str] = []
    for line in filled[index:]:
        bare = TRAILING_MARKER.sub("", GLUED_MARKERS.sub("", line.rstrip(",;").strip()))
        if not is_name(bare) or AFFILIATION.search(bare):
            break
        names.append(bare)
        if not line.endswith((",", ";")):
            break
    return ", ".join(names) if len(names) >= MIN_LISTED_NAMES else None


def bare_names_one_a_line(filled: list[str], index: int) -> str | None:
    """Scilit's newer page under the title: `Ji-Won Park` / `Seung Hyun Lee`, no commas.
    Journal menus (`JAMA Pediatrics` / `JAMA Psychiatry`) read the same way, so this is
    asked only below a title found by other means, and a listed journal ends the names."""
    names: list[str] = []
    for line in filled[index:]:
        if not is_name(line) or AFFILIATION.search(line) or label_of(line) \
                or len(line.split()) > MAX_BARE_NAME_WORDS or journals.is_full_name(line):
            break
        names.append(line)
    return ", ".join(names) if len(names) >= MIN_LISTED_NAMES else None


def names_with_affiliations(filled: list[str], index: int) -> str | None:
    """CiNii: one name a line, each followed by its institution (`MORIKAWA Tetsuya` /
    `Department of Surgery, …` / `ISHIBASHI Kaori` / …)."""
    names: list[str] = []
    position = index
    while position + 1 < len(filled) and AFFILIATION.search(filled[position + 1]):
        name = names_line(filled[position])
        if name is None or ";" in name or (", " in name and not family_first([name])):
            break  # one name a line
        names.append(name)
        position += 2
    return "; ".join(names) if len(names) >= MIN_LISTED_NAMES else None


def names_after_by(filled: list[str], index: int) -> str | None:
    """MDPI: a lone `by` line, then one name per line, each followed by its marker line,
    or all the names on the next line."""
    if filled[index].casefold() != "by":
        return None
    line = names_line(filled[index + 1]) if index + 1 < len(filled) else None
    if line and len(SEPARATOR.split(line)) > 1:
        return line
    names: list[str] = []
    for line in filled[index + 1:]:
        bare = re.sub(r"\s+and$", "", line.rstrip(",;")).strip()
        if MARKER_LINE.match(line):
            continue
        if not NAME_PART.match(bare):
            break
        names.append(bare)
    return "; ".join(names) or None


def names_below_label(head: list[str], index: int) -> tuple[str, bool] | None:
    """The names one a line under a bare `Authors:` label, institution lines skipped, and
    whether names were folded away (`+7`)."""
    names: list[str] = []
    folded = False
    for position in range(index + 1, len(head)):
        line = head[position]
        placed = NAME_THEN_PLACE.match(line)  # Dimensions: `Ingrid K. Solheim - Oslo …`
        if placed and is_name(placed["name"]):
            line = placed["name"]
        if not line and names and not head[position - 1]:
            break  # two blank lines: the author block is over
        if not line or AFFILIATION.search(line):
            continue
        if FOLDED_NAMES.match(line) or FOLDED_PART.match(line):  # `+7`, `Show all 9 authors`
            folded = True
            continue
        reversed_name = family_first([line])
        name = reversed_name or names_line(line)
        # One kind of name a block: `Oslo, Norway` under given-first names ends it.
        if name is None or (names and bool(reversed_name) != ("," in names[0])):
            break
        if "," in name and not reversed_name:  # the whole list on one line
            if names:
                break
            return name, folded or folds_names(line)
        names.append(name)
    separator = "; " if names and "," in names[0] else ", "
    return (separator.join(names), folded) if names else None


def names_in_panels(filled: list[str], index: int) -> str | None:
    """Wiley's and OUP's byline: a name, then its panel (the name again, affiliations,
    `Corresponding Author`) closed by `Search for more papers by this author`; one panel
    per author, or (a phone's copy) only the first author's."""
    names: list[str] = []
    start = index
    for position in range(index, len(filled)):
        if PANEL_END.match(filled[position]):
            name = names_line(filled[start])
            if name is None or "," in name:
                break
            names.append(name)
            start = position + 1
            while start < len(filled) and (filled[start].casefold() in PANEL_LINKS
                                           or PANEL_JOIN.match(filled[start])):
                start += 1
        elif position - start >= MAX_PANEL_LINES:
            break
    # A phone's copy opens only the first panel: the other names follow, one a line.
    for line in filled[start:] if names else []:
        name = names_line(line.rstrip(", "))
        if name is None or "," in name or len(line.split()) > MAX_BARE_NAME_WORDS:
            break
        names.append(name)
        if not line.rstrip().endswith(","):
            break
    return "; ".join(names) or None
