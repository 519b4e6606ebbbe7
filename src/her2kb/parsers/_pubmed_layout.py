"""Walk a PubMed / PMC page's lines into regions: head, abstract, lists, and the rest.

Headings switch the region (formats.md §4.4). Lists are read where their heading stands
(the MeSH list may be followed, after blank lines, by layout A1's unlabelled substances).
Sections about other works (similar articles, cited by, references) and the PMC body are
skipped, so their titles, citations and DOIs never reach the record. Furniture lines (§4.5)
are dropped wherever they stand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ._page import next_filled, read_list
from ._pubmed_abstract import LAY_SUMMARY
from ._pubmed_furniture import is_furniture
from ._pubmed_head import BARE_LOGO, LOGO
from ._pubmed_relations import inline_relation, relation_items
from ._pubmed_sections import (
    KEY_MESSAGE,
    NAV_ONLY_ENTRIES,
    bare_keywords,
    byline_below,
    heading_kind,
    is_about_other_works,
    is_item_start,
    links_block_end,
    menu_end,
)

# PMC: the article body starts at `Introduction` or a numbered heading (`1. Introduction`).
_BODY_HEADING = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s+[A-Z][^.:]{2,60}|Introduction)$")
ID_LINE = re.compile(r"^(?:PMID|PMCID|PMC ID|NIHMSID)\s*:", re.IGNORECASE)
# Legacy B3 prints `DOI:` alone with the DOI on the next line, below the `PMID:` pair.
_BARE_DOI = re.compile(r"^DOI:$")
# Europe PMC's DOI link with the IDs after it: `https://doi.org/10.… PMID: 1 PMCID: PMC2`.
_DOI_LINK_IDS = re.compile(r"^https?://(?:dx\.)?doi\.org/10\.\S+\s+(?P<ids>PMC?ID:.*)$")
_VALUE_BELOW = re.compile(r"^(?:\d+|10\.\d{4,9}/\S+)$")
_KEYWORDS = re.compile(r"^key\s?words\s*:\s*(?P<words>\S.*)$", re.IGNORECASE)
_COPYRIGHT = re.compile(r"^(?:copyright\b|©|\(c\)\s*\d{4})", re.IGNORECASE)
_OLD_LOGO = re.compile(r"^logo of \S+", re.IGNORECASE)  # the old PMC design's journal logo
# Its alt text is mostly a lower-case code (`Logo of ibres`); a capitalised one is a name.
_OLD_LOGO_NAME = re.compile(r"^Logo of (?P<name>[A-Z][\w&'’-]*(?: [A-Za-z&][\w&'’-]*){0,9})$")
_EUROPE_LINK = re.compile(r"(?<=\S) Free full text in Europe PMC$")
_MANUSCRIPT_HEAD = re.compile(r"^(?:HHS Public Access|Published in final edited form as\b|"
                              r".*\bAuthor manuscript; available in PMC\b)", re.IGNORECASE)

# The article's part of a page ends here when it has no abstract: `No abstract available`,
# then the disclaimer link, then `Comment on` items that are other works' titles.
_HEAD_END = re.compile(r"^(?:No abstract available\.?|PubMed Disclaimer)$", re.IGNORECASE)


@dataclass
class Layout:
    """The page cut into regions; list items are still raw strings."""

    head: list[str] = field(default_factory=list)
    affiliation_headings: set[int] = field(default_factory=set)
    site_furniture: bool = False  # the head stood among site furniture (a full page)
    abstract: list[str] | None = None
    keywords_line: str | None = None
    lists: dict[str, list[str]] = field(default_factory=dict)
    list_end: dict[str, int] = field(default_factory=dict)
    relations: list[tuple[str, str]] = field(default_factory=list)
    id_lines: list[str] = field(default_factory=list)


# A list ends at a heading, furniture, an ID line, Europe PMC's `Citations & impact` tab, or
# the abstract's copyright line (under keywords printed one a line below their label).
def _stops_list(line: str) -> bool:
    return bool(heading_kind(line) or is_furniture(line) or ID_LINE.match(line)
                or line.lower() in NAV_ONLY_ENTRIES or _COPYRIGHT.match(line))


class _Walker:
    """One pass over the lines; `region` says where plain lines go."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = list(lines)  # `_number_below` blanks the lines it consumes
        self.layout = Layout()
        self.region = "head"
        self.about_other_works = False
        self.full_text_below = False  # Europe PMC's PMC view under its abstract

    def run(self) -> Layout:
        """Walk every line once; a heading may consume the list below it."""
        index = 0
        while index < len(self.lines):
            line = self.lines[index]
            kind = heading_kind(line) if line else None
            menu = menu_end(self.lines, index) if kind or line.lower() in NAV_ONLY_ENTRIES else None
            menu = menu or (links_block_end(self.lines, index, self.region == "head")
                            if line else None)
            if menu is not None:
                index = menu
            elif kind:
                index = self._heading(kind, index)
            else:
                self._plain(line, index)
                index += 1
        return self.layout

    def _plain(self, line: str, index: int) -> None:
        # Europe PMC's type label and its link share a line: `Review Free full text in …`.
        line = _EUROPE_LINK.sub("", line)
        if named := _OLD_LOGO_NAME.match(line):  # read as the 2024 design's `Name logo`
            line = f"{named['name']} logo"
        logo = bool(LOGO.match(line) or _OLD_LOGO.match(line)
                    or (BARE_LOGO.match(line) and not is_furniture(line)))
        starts = logo or bool(_MANUSCRIPT_HEAD.match(line))
        if starts and self.region == "skip" and self.layout.abstract is None:
            # The old PMC sidebar (`Similar articles`, `Cited by other articles`) can be
            # copied above the article; the journal logo line (or an author manuscript's
            # banner) starts the article itself.
            self.region = "head"
            self.about_other_works = False
        elif logo and self.region == "abstract" and self.layout.abstract:
            self.region, self.full_text_below = "post", True  # Europe PMC: the PMC view
        furniture = bool(line) and is_furniture(line)
        if furniture and self.region == "head":
            self.layout.site_furniture = True
            if _HEAD_END.match(line):
                self.region = "post"  # what follows is about other works, never the abstract
        if self.region == "skip" and not self.about_other_works and ID_LINE.match(line):
            if self.layout.abstract is not None:  # legacy B1: `PMID:` at the page's foot
                self.layout.id_lines.append(line + self._number_below(index))
                return
            self.region = "head"  # PMC: the ID line follows the collapsed `Copyright …` box
        if not line or furniture or self.region in ("skip", "body"):
            return
        if self.region == "abstract" and line.lower() in NAV_ONLY_ENTRIES:
            self.region = "post"  # Europe PMC's tab row after the abstract
            return
        keywords = _KEYWORDS.match(line)
        relation = inline_relation(line)
        if relation:
            self.layout.relations.append(relation)
        elif ID_LINE.match(line) or _BARE_DOI.match(line):
            self.layout.id_lines.append(line + self._number_below(index))
            if self.region == "abstract" and self.layout.abstract:
                self.region = "post"  # legacy B pages print the PMID below the abstract
        elif keywords or (self.region == "abstract" and self.layout.abstract
                          and bare_keywords(line)):
            words = keywords.group("words") if keywords else line
            self.layout.keywords_line = self.layout.keywords_line or words
            self.region = "post"
        elif _COPYRIGHT.match(line):
            return
        elif self.region == "abstract" and self.layout.abstract and _BODY_HEADING.match(line):
            self.region = "body"
        elif self.region == "head":
            self.layout.head.append(line)
            if ids := _DOI_LINK_IDS.match(line):
                self.layout.id_lines.append(ids["ids"])
        elif self.region == "abstract" and self.layout.abstract is not None:
            self.layout.abstract.append(line)

    def _is_abstract_heading(self, index: int) -> bool:
        """An `Abstract` heading has text below it; the `Format` drop-down entry has none."""
        below = next_filled(self.lines, index + 1)
        if below >= len(self.lines):
            return True  # text cut right after the heading
        line = self.lines[below]
        return not (heading_kind(line) or is_furniture(line))

    def _number_below(self, index: int) -> str:
        """Layout B3 prints `PMID:` and the number (or `DOI:` and the DOI) on the next line."""
        if not self.lines[index].rstrip().endswith(":"):
            return ""
        below = next_filled(self.lines, index + 1)
        if below < len(self.lines) and _VALUE_BELOW.match(self.lines[below]):
            number, self.lines[below] = self.lines[below], ""
            return " " + number
        return ""

    def _heading(self, kind: str, index: int) -> int:
        if kind == "abstract" and not self._is_abstract_heading(index):
            return index + 1
        if kind == "abstract":
            # A second abstract heading after the text (a PMC `Summary` section) is body,
            # unless what came first was a lay summary (MDPI's `Simple Summary`, PMC
            # `Highlights`): the real abstract follows that and replaces it. Wiley's case
            # reports print a `Key Clinical Message`, then the `Abstract`: both are kept.
            abstract = self.layout.abstract or []
            first, heading = (abstract[0] if abstract else ""), self.lines[index].strip()
            if first.casefold() == KEY_MESSAGE:
                abstract.append(heading)
                return index + 1
            if first and not LAY_SUMMARY.match(first):
                # Europe PMC repeats the abstract in the full text below it ("post"), whose
                # `Keywords:` line follows the repeat (also past its `Associated Data`).
                self.region = "post" if self.region == "post" or self.full_text_below else "body"
                return index + 1
            self.layout.abstract = [heading] if heading.casefold() == KEY_MESSAGE else []
            self.region = "abstract"
        elif kind == "affiliations":  # (Europe PMC may print `Author information` over names)
            if self.region == "head" and not byline_below(self.lines, index):
                self.layout.affiliation_headings.add(len(self.layout.head))
                self.layout.head.append(self.lines[index])
        elif kind == "skip":
            self.region = "skip"
            # Their `PMID:` lines belong to the works listed, never to this record.
            self.about_other_works = is_about_other_works(self.lines[index])
        else:
            return self._list(kind, index)
        return index + 1

    def _list(self, kind: str, index: int) -> int:
        first = next_filled(self.lines, index + 1)
        plain = first < len(self.lines) and not is_item_start(self.lines[first])
        if kind.startswith("relation:"):
            if self.region == "abstract" and self.layout.abstract:
                self.region = "post"  # legacy pages print `Comment in` below the abstract
            return self._relations(kind.partition(":")[2], index, plain)
        items, end = read_list(self.lines, index + 1, _stops_list, plain=plain)
        self.region = "post"
        self._store(kind, items, end)
        if kind == "mesh":
            end = self._unlabelled_substances(end)
        return max(end, index + 1)

    def _relations(self, heading: str, index: int, plain: bool) -> int:
        items, end = relation_items(self.lines, index + 1, _stops_list, plain=plain,
                                    above_abstract=self.region == "head")
        self.layout.relations.extend((heading, item) for item in items)
        return max(end, index + 1)

    def _store(self, kind: str, items: list[str], end: int) -> None:
        self.layout.lists.setdefault(kind, []).extend(items)
        self.layout.list_end[kind] = end

    def _unlabelled_substances(self, end: int) -> int:
        """Layout A1 (§4.4): two or more blank lines after MeSH, then more bullets."""
        after = next_filled(self.lines, end)
        if after - end < 2 or after >= len(self.lines) or not is_item_start(self.lines[after]):
            return end
        items, stop = read_list(self.lines, after, _stops_list)
        self._store("substances", items, stop)
        return stop


def walk(lines: list[str]) -> Layout:
    """Cut cleaned page lines into a Layout."""
    return _Walker(lines).run()
