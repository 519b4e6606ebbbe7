"""Structure of PubMed and PMC pages: section headings and menus (§4.4, §4.5).

`heading_kind` names the section a heading line opens: a list, the abstract, the
affiliations, a related-item relation, or a section to skip because it is about other
works (furniture is told apart in `_pubmed_furniture`). The new PubMed page prints the
section names as a menu and its `Format` drop-down repeats `Abstract`; `menu_end` and
`links_block_end` (the `Full text links` box) step over them.
"""

from __future__ import annotations

import re

from ._citation import parse_citation
from ._page import bullet_item, is_dash_marker, next_filled
from ._pubmed_authors import author_list
from ._pubmed_furniture import is_furniture
from ._pubmed_terms import RELATION_KINDS

# A page-navigation menu: at least this many section names with nothing between them.
MIN_MENU_RUN = 3
NAV_ONLY_ENTRIES = frozenset({"title & authors", "figures", "comment in", "full text links",
                              "references", "conflict of interest statement", "article notes",
                              "citations & impact",  # Europe PMC's tabs
                              # PMC's `RESOURCES` box: `Similar articles` and these.
                              "cited by other articles", "links to ncbi databases"})
# Europe PMC's `Funding` tab counts in a menu of tabs; alone it is an abstract's label.
TAB_ONLY_ENTRIES = frozenset({"funding"})


# Wiley case reports open their abstract with it, then print `Abstract`: both are kept.
KEY_MESSAGE = "key clinical message"
_LIST_HEADINGS = {
    "publication types": "publication_types", "publication type": "publication_types",
    "mesh terms": "mesh", "substances": "substances", "keywords": "keywords",
}
# The new page's collapsed list; a Bookshelf chapter's book `Editors` (never its authors).
_AFFILIATION_HEADINGS = {"affiliations", "affiliation", "author information", "source",
                         "affiliations expand", "editors"}
_ABSTRACT_HEADINGS = {"abstract", "summary", "excerpt", KEY_MESSAGE}  # Bookshelf: `Excerpt`
# Sections about other works or page services: their content never feeds the record.
_SKIP_HEADINGS = {
    "similar articles", "cited by", "references", "grants and funding", "grant support",
    "grants", "related information", "linkout - more resources", "conflict of interest statement",
    "figures", "associated data", "supplementary info", "supplementary materials",
    "full text sources", "related citations in pubmed", "related links",
    "copyright and license information", "acknowledgments", "acknowledgements", "footnotes",
    "full text", "selected references", "miscellaneous", "medical", "research materials",
    "other literature sources", "molecular biology databases", "mesh pmc links",
    "sections",  # a Bookshelf chapter's table of contents
    "collaborators",  # a trial group's members: not the authors
    "versions", "published article",  # Europe PMC: a preprint's versions and journal record
}
_OTHER_WORKS = {"similar articles", "cited by", "references", "selected references",
                "related citations in pubmed"}
_MAX_PROVIDERS = 3  # names in one `Full text links` box
_MAX_PROVIDER_WORDS = 5
_SKIP_PATTERN = re.compile(r"^cited by \d+|^related citations", re.IGNORECASE)
# PMC's row of collapsed boxes under the byline, copied as one line.
_PMC_TAB_ROW = re.compile(r"^author information(?:\s+(?:article notes|copyright and license "
                          r"information|(?:pmc )?disclaimer))+$")
# An abstract printed in two languages: `Abstract  English German`, its language tabs.
_LANGUAGE_TABS = re.compile(r"(?<=^abstract)(?:\s+(?:english|german|french|spanish|italian|"
                            r"portuguese|chinese|japanese|russian|dutch|polish|korean|turkish)){2,}$")
_ABSTRACT_WORDS = 12  # an abstract heading over a paragraph this long ends a menu run
_BYLINE_NAMES = 2


def heading_kind(line: str) -> str | None:
    """The section a heading line opens (`mesh`, `abstract`, `skip` …), or None."""
    key = _LANGUAGE_TABS.sub("", line.lower().rstrip(":").strip())
    if key in _LIST_HEADINGS:
        return _LIST_HEADINGS[key]
    if key in RELATION_KINDS:
        return f"relation:{key}"
    if key in _ABSTRACT_HEADINGS:
        return "abstract"
    if key in _AFFILIATION_HEADINGS or _PMC_TAB_ROW.match(key):
        return "affiliations"
    if key in _SKIP_HEADINGS or _SKIP_PATTERN.match(line):
        return "skip"
    return None


def is_about_other_works(line: str) -> bool:
    """`Similar articles`, `Cited by`, `References`: sections listing other works."""
    key = line.lower().rstrip(":").strip()
    return key in _OTHER_WORKS or _SKIP_PATTERN.match(line) is not None


def is_item_start(line: str) -> bool:
    """A list item starts here: a bullet, a dash item or a lone `-` marker (layout E)."""
    return bullet_item(line) is not None or is_dash_marker(line)


def menu_end(lines: list[str], index: int) -> int | None:
    """End of a page-navigation menu starting at `index` (§4.5 furniture), else None.

    A menu is a run of section names with nothing but blanks or furniture between
    them, not followed by a list item (a run of empty sections then a list is real).
    """
    names, end, position = 0, index, index
    while position < len(lines):
        line = lines[position]
        if line and heading_kind(line) == "abstract" and _over_prose(lines, position):
            break  # PMC: `Associated Data` / `Supplementary Materials` / `Abstract` / text
        if line and (heading_kind(line) or line.lower() in NAV_ONLY_ENTRIES | TAB_ONLY_ENTRIES):
            names, end = names + 1, position + 1
        elif line and not is_furniture(line):
            break
        position += 1
    after = next_filled(lines, end)
    # A phone's collapsed sections (`References` / `Expand`) end at a list shown open.
    shown = "Expand" in lines[index:end] and after < len(lines) and not (
        heading_kind(lines[after]) or is_furniture(lines[after]))
    if names > 1 and _LIST_HEADINGS.get(lines[end - 1].lower().rstrip(":").strip()) and shown:
        names, end, after = names - 1, end - 1, end - 1
    if names < MIN_MENU_RUN or (after < len(lines) and is_item_start(lines[after])):
        return None
    return end


def _over_prose(lines: list[str], index: int) -> bool:
    """Over a paragraph, not over a title and its byline (Europe PMC repeats its `Abstract`
    tab over the whole record)."""
    below = next_filled(lines, index + 1)
    if below >= len(lines) or len(lines[below].split()) < _ABSTRACT_WORDS:
        return False
    byline = next_filled(lines, below + 1)
    if byline < len(lines) and heading_kind(lines[byline]) == "affiliations":
        byline = next_filled(lines, byline + 1)  # `Author information` over the names
    return byline >= len(lines) or len(author_list(lines[byline]) or ()) < _BYLINE_NAMES


def links_block_end(lines: list[str], index: int, in_head: bool = False) -> int | None:
    """End of the `Full text links` box at `index`: provider names, then a logo line (in
    the head, also Europe PMC's `Full text` box).

    The names (`Invented Publisher`, `Europe PubMed Central`) are furniture, but only
    the logo line that closes the box tells them from a title; the legacy page has no
    logo line, and its citation line closes the box.
    """
    if lines[index].lower() != "full text links":
        return europe_links_end(lines, index) if in_head else None
    position = index + 1
    for _ in range(_MAX_PROVIDERS + 1):
        position = next_filled(lines, position)
        if position >= len(lines):
            return None
        if lines[position].lower() == "full text provider logo":
            return position + 1
        cited = parse_citation(lines[position]) if position > index + 1 else None
        if (cited is not None and cited.journal) or (position > index + 1
                                                     and is_furniture(lines[position])):
            return position  # the citation, or the next control (`Actions`) without a logo
        if len(lines[position].split()) > _MAX_PROVIDER_WORDS:
            return None  # a title, not a provider's name: the box has closed unseen
        position += 1
    return None


# Europe PMC's `Full text` box: sentences linking elsewhere, then the record itself.
_EUROPE_LINK_LINE = re.compile(r"^(?:Read article (?:for free|at publisher's site)\b|"
                               r"Available from publisher site\b)")


def europe_links_end(lines: list[str], index: int) -> int | None:
    """End of Europe PMC's `Full text` box at `index` (its `Read article at publisher's
    site …` lines), so the title under it is read; None when no such line follows."""
    if lines[index].strip().lower() != "full text":
        return None
    position = next_filled(lines, index + 1)
    if position >= len(lines) or not _EUROPE_LINK_LINE.match(lines[position]):
        return None
    while position < len(lines) and (not lines[position].strip()
                                     or _EUROPE_LINK_LINE.match(lines[position])):
        position += 1
    return position


def byline_below(lines: list[str], index: int) -> bool:
    """Names on the next line (Europe PMC: `Author information` over the byline)."""
    below = next_filled(lines, index + 1)
    return below < len(lines) and len(author_list(lines[below]) or ()) >= _BYLINE_NAMES


_MIN_BARE_KEYWORDS, _MAX_KEYWORD_WORDS = 3, 6


def bare_keywords(line: str) -> bool:
    """Legacy B2 prints the keywords under the abstract with no label: `a; b; c`."""
    items = line.split(";")
    return len(items) >= _MIN_BARE_KEYWORDS and not line.rstrip().endswith(".") \
        and all(0 < len(item.split()) <= _MAX_KEYWORD_WORDS for item in items)
