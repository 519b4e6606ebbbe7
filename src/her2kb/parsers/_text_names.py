"""Author lines in a scholarly page's visible text, for the generic reader's guesses.

Journal sites print names in many ways: `Astrid Holmqvist1†, Ruairí Ó Súilleabháin1,3*`
with affiliation markers glued on (Frontiers), `Henrike Vogel a c` with letters
(ScienceDirect), degrees after each name (`Hannah Lieberman, PhD2; …; et al`, JAMA), ORCID
links between names (SAGE), a `By` line, or MDPI's lone `by` and one name per line. A line
counts as names only when every part, once cleaned of these, reads as a name.
"""

from __future__ import annotations

import re

from ..names import FAMILY_WORDS
from ._text_lines import label_of

LETTER_MARKERS = re.compile(r"(?:\s[a-z])+$")  # `Henrike Vogel a c`: affiliation letters
_LOWER_WORDS = "|".join(sorted(map(re.escape, FAMILY_WORDS), key=len, reverse=True))
# A name: up to four capitalised words or lower-case particles (`van`, `bin`), then a
# capitalised last word with any markers left on it.
NAME_PART = re.compile(
    rf"^(?:(?:[^\W\d_a-z][\w'’.-]*|{_LOWER_WORDS})\s+)"
    r"{1,4}[^\W\d_a-z][\w'’-]+[\d*†‡]*$")
# The affiliation marker lines between MDPI's one-name-per-line authors: `1,*,`, `3 and`.
MARKER_LINE = re.compile(r"^[\d,*†‡§\s]+(?:and)?$")
# Frontiers: `Astrid Holmqvist1†, Ruairí Ó Súilleabháin1,3*`: markers glued to the name.
GLUED_MARKERS = re.compile(r"(?<=[^\W\d_])(?:\d+(?:,\d+)*(?:,?[*†‡§])*|[*†‡§]+)(?=[\s,;]|$)")
# Degrees after names (`Hannah Lieberman, PhD2; Obinna Nwachukwu, MD, MPH1,3; et al`).
DEGREES = frozenset({"md", "phd", "mph", "msc", "ms", "ma", "bsc", "bs", "mbbs", "mbchb", "do",
                     "rn", "pharmd", "dphil", "frcp", "frcpc", "facp", "mba", "dsc", "dr"})
ET_AL = re.compile(r"[,;]?\s*et al\.?$")
BY_LINE = re.compile(r"^By\s+(?P<names>[A-Z].+)$")
ORCID = re.compile(r"\s*https?://orcid\.org/[^\s,;]+")


def ends_et_al(line: str) -> bool:
    """True when the author line stops at `et al`: the list shown is not the whole list."""
    return ET_AL.search(line.strip()) is not None


def names_line(line: str) -> str | None:
    """The names of a `Given Family, Given Family` (or `By …`) line, else None."""
    if by := BY_LINE.match(line):
        line = by.group("names")
    line = ET_AL.sub("", GLUED_MARKERS.sub("", ORCID.sub("", line)))
    parts = [LETTER_MARKERS.sub("", p.strip())
             for p in re.split(r",|;|&|\band\b", line.rstrip(",;")) if p.strip()]
    parts = [p for p in parts if p.replace(".", "").casefold() not in DEGREES]
    return ", ".join(parts) if parts and all(NAME_PART.match(p) for p in parts) else None


def names_evidence(filled: list[str], index: int) -> int:
    """How surely the line at `index` lists authors: 2 for a label, a `by` block or two or
    more names; 1 for one name alone (`Article Menu` reads as a name too); 0 for none."""
    if index >= len(filled):
        return 0
    line = filled[index]
    if (label_of(line) or ("",))[0] == "authors" or names_after_by(filled, index):
        return 2
    names = names_line(line)
    if not names:
        return 0
    return 2 if len(re.split(r",|;|&|\band\b", names)) > 1 else 1


def names_after_by(filled: list[str], index: int) -> str | None:
    """MDPI: a lone `by` line, then one name per line, each followed by its marker line."""
    if filled[index].casefold() != "by":
        return None
    names: list[str] = []
    for line in filled[index + 1:]:
        bare = re.sub(r"\s+and$", "", line.rstrip(",;")).strip()
        if MARKER_LINE.match(line):
            continue
        if not NAME_PART.match(bare):
            break
        names.append(bare)
    return "; ".join(names) or None
