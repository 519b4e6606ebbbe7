"""Walk a PubMed / PMC page's lines into regions: head, abstract, lists, and the rest.

Headings switch the region (formats.md §4.4). Lists are read where their heading
stands; the MeSH list may be followed, after two or more blank lines, by the
unlabelled substances list of layout A1. Sections about other works (similar
articles, cited by, references) and the PMC article body are skipped, so their
titles, citation lines and DOIs never reach the record. Furniture lines (§4.5) are
dropped wherever they stand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ._page import bullet_item, is_dash_marker, matches_any, next_filled, read_list
from ._pubmed_terms import RELATION_KINDS

_LIST_HEADINGS = {
    "publication types": "publication_types", "publication type": "publication_types",
    "mesh terms": "mesh", "substances": "substances", "keywords": "keywords",
}
_AFFILIATION_HEADINGS = {"affiliations", "affiliation", "author information", "source"}
_ABSTRACT_HEADINGS = {"abstract", "summary"}
# Sections about other works or page services: their content never feeds the record.
_SKIP_HEADINGS = {
    "similar articles", "cited by", "references", "grants and funding", "grant support",
    "related information", "linkout - more resources", "conflict of interest statement",
    "figures", "associated data", "supplementary info", "supplementary materials",
    "full text sources", "related citations in pubmed", "related links",
    "copyright and license information", "acknowledgments", "acknowledgements", "footnotes",
}
_SKIP_PATTERN = re.compile(r"^cited by \d+|^related citations", re.IGNORECASE)
# PMC: the article body starts at `Introduction` or a numbered heading (`1. Introduction`).
_BODY_HEADING = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s+[A-Z][^.:]{2,60}|Introduction)$")
_LEGACY_LISTS = ("(?:publication types|mesh terms|substances|grant support|secondary source id|"
                 "personal name as subject|supplementary concepts)")
# §4.5 furniture: the U.S.-government banner, NCBI navigation and buttons, PMC tool lines,
# legacy status markers and cookie notices, each tested against one cleaned line.
FURNITURE = [re.compile(p, re.IGNORECASE) for p in (
    r"^skip to main (?:page )?content$", r"^u\.s\. flag$",
    r"^an official website of the united states government", r"^here'?s how you know$",
    r"^dot gov$", r"^official websites use \.gov", r"^the \.gov means it",
    r"^federal government websites often end in", r"^https$", r"^secure \.gov websites use",
    r"^the site is secure", r"^the https:// ensures", r"^a lock \(", r"^access keys\b",
    r"^pubmed disclaimer$", r"^full text links$", r"^full text provider logo$", r"^cite$",
    r"^send to:?$", r"^display options$", r"^display settings:", r"^format:\s*\w+$",
    r"^(?:save|email|share)$",
    r"^permalink$", r"^copy$", r"^add to (?:collections|my bibliography|search|clipboard)$",
    r"^actions$", r"^page navigation$", r"^title & authors$", r"^search in (?:pubmed|pmc)",
    r"^view in nlm catalog$", r"^find articles by ", r"^other formats", r"^as a library, nlm",
    r"^learn more: pmc", r"^pmc (?:disclaimer|copyright notice)", r"^\.?\s*author manuscript;",
    r"^hhs public access$", r"^logo of \S+$", r"^(?:expand|collapse|show details)$",
    r"^\[(?:pubmed - )?(?:indexed for medline|in process|as supplied by publisher)\]",
    r"^\[pubmed\]$", r"^free (?:pmc )?(?:article|full text)\.?$", r"^no abstract available\.?$",
    r"^pubmed commons", r"^how to join pubmed commons", r"^\d+ comments?$",
    r"cookie (?:policy|settings|preferences)|^we use cookies|^accept (?:all )?cookies",
    r"^(?:ncbi|pubmed|pmc|nlm|nih|hhs|usa\.gov)$", r"^national library of medicine$",
    r"^national center for biotechnology information$", r"^us national library of medicine",
    r"^(?:log in|log out|sign in to ncbi|sign out|my ncbi|clipboard|user guide|advanced)$",
    r"^(?:search|search:|help|journal list|item in clipboard)$",
    # Legacy B1 link line naming the collapsed lists below it.
    rf"^{_LEGACY_LISTS}(?:, {_LEGACY_LISTS})+$", r"^see comments? in pubmed commons",
)]
ID_LINE = re.compile(r"^(?:PMID|PMCID|PMC ID|NIHMSID)\s*:", re.IGNORECASE)
# Legacy pages can print a relation on one line: `Erratum in: J Examp. 2010;…`.
_RELATION_NAMES = "|".join(sorted(RELATION_KINDS))
_INLINE_RELATION = re.compile(rf"^(?P<heading>{_RELATION_NAMES}):\s+(?P<item>\S.*)$",
                              re.IGNORECASE)
# A related-item citation: `Journal. YYYY…`, possibly after the item's title.
_CITATION_LIKE = re.compile(r"\.\s+\d{4}\b")
_KEYWORDS = re.compile(r"^key\s?words\s*:\s*(?P<words>\S.*)$", re.IGNORECASE)
_COPYRIGHT = re.compile(r"^(?:copyright\b|©|\(c\)\s*\d{4})", re.IGNORECASE)


@dataclass
class Layout:
    """The page cut into regions; list items are still raw strings."""

    head: list[str] = field(default_factory=list)
    affiliation_headings: set[int] = field(default_factory=set)
    abstract: list[str] | None = None
    keywords_line: str | None = None
    lists: dict[str, list[str]] = field(default_factory=dict)
    list_end: dict[str, int] = field(default_factory=dict)
    relations: list[tuple[str, str]] = field(default_factory=list)
    id_lines: list[str] = field(default_factory=list)


def heading_kind(line: str) -> str | None:
    """The section a heading line opens (`mesh`, `abstract`, `skip` …), or None."""
    key = line.lower().rstrip(":").strip()
    if key in _LIST_HEADINGS:
        return _LIST_HEADINGS[key]
    if key in RELATION_KINDS:
        return f"relation:{key}"
    if key in _ABSTRACT_HEADINGS:
        return "abstract"
    if key in _AFFILIATION_HEADINGS:
        return "affiliations"
    if key in _SKIP_HEADINGS or _SKIP_PATTERN.match(line):
        return "skip"
    return None


def is_furniture(line: str) -> bool:
    """Page furniture: banners, buttons, navigation and cookie lines (§4.5)."""
    return matches_any(line, FURNITURE)


def _stops_list(line: str) -> bool:
    return bool(heading_kind(line) or is_furniture(line) or ID_LINE.match(line))


def _stops_relation(line: str) -> bool:
    return _stops_list(line) or bool(_INLINE_RELATION.match(line)) \
        or not _CITATION_LIKE.search(line)


def _is_item_start(line: str) -> bool:
    return bullet_item(line) is not None or is_dash_marker(line)


class _Walker:
    """One pass over the lines; `region` says where plain lines go."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = list(lines)  # `_number_below` blanks the lines it consumes
        self.layout = Layout()
        self.region = "head"

    def run(self) -> Layout:
        """Walk every line once; a heading may consume the list below it."""
        index = 0
        while index < len(self.lines):
            line = self.lines[index]
            kind = heading_kind(line) if line else None
            if kind:
                index = self._heading(kind, index)
            else:
                self._plain(line, index)
                index += 1
        return self.layout

    def _plain(self, line: str, index: int) -> None:
        if not line or is_furniture(line) or self.region in ("skip", "body"):
            return
        keywords = _KEYWORDS.match(line)
        relation = _INLINE_RELATION.match(line)
        if relation:
            heading = relation.group("heading").lower()
            self.layout.relations.append((heading, relation.group("item")))
        elif ID_LINE.match(line):
            self.layout.id_lines.append(line + self._number_below(index))
            if self.region == "abstract" and self.layout.abstract:
                self.region = "post"  # legacy B pages print the PMID below the abstract
        elif keywords:
            self.layout.keywords_line = self.layout.keywords_line or keywords.group("words")
            self.region = "post"
        elif _COPYRIGHT.match(line):
            return
        elif self.region == "abstract" and self.layout.abstract and _BODY_HEADING.match(line):
            self.region = "body"
        elif self.region == "head":
            self.layout.head.append(line)
        elif self.region == "abstract" and self.layout.abstract is not None:
            self.layout.abstract.append(line)

    def _number_below(self, index: int) -> str:
        """Layout B3 prints `PMID:` and the number on the next line."""
        if not self.lines[index].rstrip().endswith(":"):
            return ""
        below = next_filled(self.lines, index + 1)
        if below < len(self.lines) and self.lines[below].isdigit():
            number, self.lines[below] = self.lines[below], ""
            return " " + number
        return ""

    def _heading(self, kind: str, index: int) -> int:
        if kind == "abstract":
            # A second abstract heading after the text (a PMC `Summary` section) is body.
            if self.layout.abstract:
                self.region = "body"
                return index + 1
            self.layout.abstract = []
            self.region = "abstract"
        elif kind == "affiliations":
            if self.region == "head":
                self.layout.affiliation_headings.add(len(self.layout.head))
                self.layout.head.append(self.lines[index])
        elif kind == "skip":
            self.region = "skip"
        else:
            return self._list(kind, index)
        return index + 1

    def _list(self, kind: str, index: int) -> int:
        first = next_filled(self.lines, index + 1)
        plain = first < len(self.lines) and not _is_item_start(self.lines[first])
        if kind.startswith("relation:"):
            return self._relations(kind.partition(":")[2], index, plain)
        items, end = read_list(self.lines, index + 1, _stops_list, plain=plain)
        self.region = "post"
        self._store(kind, items, end)
        if kind == "mesh":
            end = self._unlabelled_substances(end)
        return max(end, index + 1)

    def _relations(self, heading: str, index: int, plain: bool) -> int:
        """Bulleted items; unbulleted (legacy) ones only while they look like citations.

        Above the abstract an unbulleted list is read as one item: the page's own
        citation line may follow it with no blank line between.
        """
        if plain and self.region == "head":
            first = next_filled(self.lines, index + 1)
            line = self.lines[first] if first < len(self.lines) else ""
            items, end = ([line], first + 1) if _CITATION_LIKE.search(line) else ([], first)
        else:
            stop = _stops_relation if plain else _stops_list
            items, end = read_list(self.lines, index + 1, stop, plain=plain)
        self.layout.relations.extend((heading, item) for item in items)
        return max(end, index + 1)

    def _store(self, kind: str, items: list[str], end: int) -> None:
        self.layout.lists.setdefault(kind, []).extend(items)
        self.layout.list_end[kind] = end

    def _unlabelled_substances(self, end: int) -> int:
        """Layout A1 (§4.4): two or more blank lines after MeSH, then more bullets."""
        after = next_filled(self.lines, end)
        if after - end < 2 or after >= len(self.lines) or not _is_item_start(self.lines[after]):
            return end
        items, stop = read_list(self.lines, after, _stops_list)
        self._store("substances", items, stop)
        return stop


def walk(lines: list[str]) -> Layout:
    """Cut cleaned page lines into a Layout."""
    return _Walker(lines).run()
