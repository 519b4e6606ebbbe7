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

# `Henrike Vogel a c`, `Julian Fairbanks a 1`: affiliation letters and footnote numbers.
LETTER_MARKERS = re.compile(r"(?:\s[a-z])+(?:\s\d{1,2})*$")
_LOWER_WORDS = "|".join(sorted(map(re.escape, FAMILY_WORDS), key=len, reverse=True))
# A name: up to four capitalised words or lower-case particles (`van`, `bin`), then a
# capitalised last word with any markers left on it.
NAME_PART = re.compile(
    rf"^(?:(?:[^\W\d_a-z][\w'’.\u2010\u2011-]*|{_LOWER_WORDS})\s+)"
    r"{1,4}[^\W\d_a-z][\w'’\u2010\u2011-]+[\d*†‡]*$")
# Letters of a name, with the apostrophes and hyphens (U+2011 on Spandidos) inside it.
_CAPITALISED = r"[^\W\d_a-z](?:[^\W\d_]|['’\u2010\u2011-])*"
# A Vancouver name in a byline (Dove `Authors Zhou H, Tang Q`; Europe PMC `Tanabe K 1 ,`).
VANCOUVER_NAME = re.compile(rf"^{_CAPITALISED}(?:\s{_CAPITALISED})?\s[A-Z]{{1,3}}$")
# Family name first (LWW `Nakamura, Kenji; Ohno, Masako`; Zenodo `Sørensen, Mikkel1`).
FAMILY_FIRST = re.compile(rf"^(?P<family>{_CAPITALISED}(?:\s{_CAPITALISED}){{0,2}}),\s+"
                          rf"(?P<given>{_CAPITALISED}\.?(?:[\s-]{_CAPITALISED}\.?){{0,3}})"
                          r"(?:\d{1,2}(?:,\d{1,2})*)?[*†‡]?$")
# The affiliation marker lines between MDPI's one-name-per-line authors: `1,*,`, `3 and`.
MARKER_LINE = re.compile(r"^[\d,*†‡§\s]+(?:and)?$")
# Frontiers: `Astrid Holmqvist1†, Ruairí Ó Súilleabháin1,3*`: markers glued to the name.
GLUED_MARKERS = re.compile(r"(?<=[^\W\d_])(?:\d+(?:,\d+)*(?:,?[*†‡§])*|[*†‡§]+)(?=[\s,;]|$)")
# Degrees after names (`Hannah Lieberman, PhD2; Obinna Nwachukwu, MD, MPH1,3; et al`).
DEGREES = frozenset({"md", "phd", "mph", "msc", "ms", "ma", "bsc", "bs", "mbbs", "mbchb", "do",
                     "rn", "pharmd", "dphil", "frcp", "frcpc", "facp", "mba", "dsc", "dr",
                     "frcpath", "frcs", "mrcp", "mbbch", "ba", "dmsc", "dmedsc"})
ET_AL = re.compile(r"[,;]?\s*et al\.?$")
# Between names: commas, semicolons, `and`, and Cell Press's and Springer's dots
# (`Ana Moura1 ∙ Daniel Whitcombe1 ∙ … ∙ Javier Ortega 1,3 ∙ Show more`).
SEPARATOR = re.compile(r",|;|&|\band\b|[∙•·]")
# Where a site folds names away (`+6`, `+4 authors`, `…`, `Show more`): the list is not whole.
FOLDED_PART = re.compile(r"^(?:\+\s?\d+(?:\s+(?:more\s+)?authors?)?|…|\.\.\.|"
                         r"Show (?:more|all)(?: authors)?)$", re.IGNORECASE)
# Words of badges, menus and tables that no name holds (`Original Article · Open Access`,
# `Table S2, Figure S3`, `Hepatitis B, Hepatitis C`).
NOT_NAME_WORDS = frozenset({
    "article", "access", "open", "original", "research", "review", "table", "figure",
    "supplementary", "abstract", "issue", "volume", "journal", "special", "download", "view",
    "show", "search", "menu", "share", "cite", "pdf", "full", "text", "online", "section",
    "chapter", "appendix", "hepatitis", "cancer", "study", "design", "type"})
# Semantic Scholar: `Kenji Mabuchi, Soo-Yeon Park, +4 authors Hiroshi Taneda`.
FOLDED_INLINE = re.compile(r"(\+\s?\d+\s+(?:more\s+)?authors?)\s+(?=[^\W\d_])", re.IGNORECASE)
EMAIL = re.compile(r"\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Affiliation numbers after a space, before a dot separator: `Javier Ortega 1,3 ∙`.
SPACED_MARKERS = re.compile(r"(?<=[^\W\d_])\s\d{1,2}(?:,\d{1,2})*[*†‡]?(?=\s*[∙•·])")
BY_LINE = re.compile(r"^(?:By|Authors)\s+(?P<names>[A-Z].+)$")  # Dove: `Authors Zhou H, …`
# Google Scholar's byline ends in its source: `Y Hashimoto, T Ochiai - Gastric Cancer, 2009 -
# Springer`.
SCHOLAR_TAIL = re.compile(r"\s+-\s+[^-]*\b(?:1[89]|20)\d\d\s+-\s+\S+$")
# Markers standing apart: `Ji Hyun Park, M.D.,1 Seung Min Lee, M.D., Ph.D.,2 …` (KoreaMed),
# `Camille Lefèvre 1, 2 , Julien Bonnefoy 1 ,` (HAL), `Tanabe K 1 , Morishita Y 1` (Europe PMC).
LEADING_MARKER = re.compile(r"^(?:\d{1,2}[*†‡]?|[*†‡]+)\s+(?=[^\W\d_])")
MARKER_PART = re.compile(r"^(?:\d{1,2}[*†‡]?|[*†‡§]+)$")
TRAILING_MARKER = re.compile(r"\s\d{1,2}[*†‡]?$")
# A heading over one name a line (ResearchGate `Authors:`, Zenodo `Creators`, Lens
# `Authors (6)`).
AUTHOR_HEADING = re.compile(r"^(?:Authors?|Creators)(?:\s*\(\d+\))?:?$", re.IGNORECASE)
# SAGE links the iD; Springer and BMC print `ORCID: orcid.org/0000-…` with the
# affiliation marker glued to its last digit, so only the iD's own 16 characters go.
# HighWire sites (bioRxiv, medRxiv) glue the link text to the name: `View ORCID ProfileYuki`.
ORCID = re.compile(r"\s*(?:View ORCID Profile|(?:ORCID:?\s*)?(?:https?://)?orcid\.org/"
                   r"(?:\d{4}-\d{4}-\d{4}-\d{3}[\dX]|[^\s,;]+))")


# Wiley, OUP: each byline name opens a panel that repeats it with the affiliations and ends so.
# OUP's closes with `Search for other works by this author on:` and three link lines.
PANEL_END = re.compile(r"^Search for (?:more papers|more articles|other works) by this author"
                       r"(?: on)?:?$", re.IGNORECASE)
PANEL_LINKS = frozenset({"oxford academic", "pubmed", "google scholar", "this site"})
MAX_PANEL_LINES = 8
# ResearchGate: one name a line under a bare `Authors:` label, some with their institution
# on the line below, and `+7` where names are folded away.
AFFILIATION = re.compile(r"Universit|Institut|Hospital|Klini|Clinic|Cent(?:er|re)\b|College|"
                         r"School|Department|Dept\b|Faculty|Laborator|Foundation|Inserm|CNRS",
                         re.IGNORECASE)
FOLDED_NAMES = re.compile(r"^\+\s?\d+$")


def _without_degrees(part: str) -> str:
    """`Catherine M. Ashworth MD` -> `Catherine M. Ashworth`. A degree is written with a
    capital inside (`MD`, `PhD`), so the family names `Ma` and `Do` stay."""
    words = part.split()
    while len(words) > 2 and words[-1].replace(".", "").casefold() in DEGREES \
            and words[-1] != words[-1].capitalize():
        words.pop()
    return " ".join(words)


def ends_et_al(line: str) -> bool:
    """True when the author line stops at `et al`: the list shown is not the whole list."""
    return ET_AL.search(line.strip()) is not None


def _name_parts(line: str) -> list[str]:
    """The line's parts once cleaned of markers, links, e-mail addresses and degrees."""
    if by := BY_LINE.match(line):
        line = by.group("names")
    line = FOLDED_INLINE.sub(r"\1, ", ORCID.sub("", EMAIL.sub("", SCHOLAR_TAIL.sub("", line))))
    line = ET_AL.sub("", GLUED_MARKERS.sub("", SPACED_MARKERS.sub("", line)))
    parts = [LEADING_MARKER.sub("", p.strip()) for p in SEPARATOR.split(line.rstrip(",; "))]
    parts = [p for p in parts if p and not MARKER_PART.match(p)]
    if len(parts) > 1 and all(TRAILING_MARKER.search(p) for p in parts
                              if not FOLDED_PART.match(p)):
        parts = [TRAILING_MARKER.sub("", p) for p in parts]
    parts = [_without_degrees(LETTER_MARKERS.sub("", p)) for p in parts]
    return [p for p in parts if _bare(p) not in DEGREES]


def names_line(line: str) -> str | None:
    """The names of a `Given Family, Given Family` (or `By …`, or `Family, Given; …`)
    line, else None. Folded names (`+6`, `…`) are left out; `folds_names` tells whether
    there were any."""
    if ";" in line and (first := _family_first(line.split(";"))):
        return first
    parts = [p for p in _name_parts(line) if not FOLDED_PART.match(p)]
    return ", ".join(parts) if parts and all(
        (NAME_PART.match(p) or VANCOUVER_NAME.match(p))
        and not NOT_NAME_WORDS.intersection(p.casefold().split()) for p in parts) else None


def _family_first(parts: list[str]) -> str | None:
    """`Nakamura, Kenji; Ohno, Masako` as it is, when every part is `Family, Given`. One
    name alone must have one word on a side: `Wen Zhao, Kai Ostberg` is two names."""
    found = [FAMILY_FIRST.match(GLUED_MARKERS.sub("", p.strip())) for p in parts if p.strip()]
    names = [name for name in found if name and _bare(name["given"]) not in DEGREES]
    if not names or len(names) < len(found):  # `Hannah Lieberman, PhD2` is a degree
        return None
    if len(names) == 1 and min(len(names[0]["family"].split()),
                               len(names[0]["given"].split())) > 1:
        return None
    return "; ".join(f"{name['family']}, {name['given']}" for name in names)


def _bare(word: str) -> str:
    """`Ph.D.1` -> `phd`: a degree as DEGREES holds it, without dots or a marker."""
    return re.sub(r"[\d*†‡]+$", "", word).replace(".", "").casefold()


def folds_names(line: str) -> bool:
    """True when the author line shows only some names (`et al`, `+6`, `…`, `Show more`)."""
    return ends_et_al(line) or any(FOLDED_PART.match(p) for p in _name_parts(line))


def names_evidence(filled: list[str], index: int) -> int:
    """How surely the line at `index` lists authors: 2 for a label, a `by` block or two or
    more names; 1 for one name alone (`Article Menu` reads as a name too); 0 for none."""
    if index >= len(filled):
        return 0
    line = filled[index]
    if ((label_of(line) or ("",))[0] == "authors" or names_after_by(filled, index)
            or (AUTHOR_HEADING.match(line) and names_below_label(filled, index))
            or names_in_panels(filled, index)):
        return 2
    names = names_line(line)
    if not names:
        return 0
    return 2 if len(SEPARATOR.split(names)) > 1 else 1


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


def names_below_label(head: list[str], index: int) -> tuple[str, bool] | None:
    """The names one a line under a bare `Authors:` label, institution lines skipped, and
    whether names were folded away (`+7`)."""
    names: list[str] = []
    folded = False
    for position in range(index + 1, len(head)):
        line = head[position]
        if not line and names and not head[position - 1]:
            break  # two blank lines: the author block is over
        if not line or AFFILIATION.search(line):
            continue
        if FOLDED_NAMES.match(line):
            folded = True
            continue
        family_first = _family_first([line])
        name = family_first or names_line(line)
        # One kind of name a block: `Oslo, Norway` under given-first names ends it.
        if name is None or (names and bool(family_first) != ("," in names[0])):
            break
        if "," in name and not family_first:  # the whole list on one line
            if names:
                break
            return name, folded or folds_names(line)
        names.append(name)
    separator = "; " if names and "," in names[0] else ", "
    return (separator.join(names), folded) if names else None


def names_in_panels(filled: list[str], index: int) -> str | None:
    """Wiley's and OUP's byline: a name, then its panel (the name again, affiliations,
    `Corresponding Author`) closed by `Search for more papers by this author`; one panel
    per author."""
    names: list[str] = []
    start = index
    for position in range(index, len(filled)):
        if PANEL_END.match(filled[position]):
            name = names_line(filled[start])
            if name is None or "," in name:
                break
            names.append(name)
            start = position + 1
            while start < len(filled) and filled[start].casefold() in PANEL_LINKS:
                start += 1
        elif position - start >= MAX_PANEL_LINES:
            break
    return "; ".join(names) or None
