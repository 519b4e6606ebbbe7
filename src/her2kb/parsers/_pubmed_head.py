"""The head of a PubMed / PMC page: title, citation, journal, authors, type labels.

The head is every line above the abstract that is not furniture, a heading or a list.
Its order differs by layout (formats.md §4.1): A1 prints the title then the citation,
B1 the citation then the title, D a type label, a journal-less citation, the title
twice and `Given Family et al. Journal. Date.`, C a journal logo line, a journal-less
citation, the title and an author line with affiliation markers. So each line is
first classified by its shape; then the title is picked by where it stands relative to
the citation line; plain lines below title, authors and citation are abstract text
for pages without an `Abstract` heading (A1). PMC breadcrumbs repeat the journal."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ._citation import (
    CONTINUATION,
    Citation,
    extend,
    parse_citation,
    parse_cut,
    parse_europe_pmc,
    whole_tokens,
)
from ._pubmed_authors import read_byline
from ._pubmed_book import book_citation, chapter_date, read_book_line
from ._pubmed_terms import PUBLICATION_TYPES, type_row
from ._pubmed_title import assign
from ._text_article_type import BADGE, NAMED_TYPES

# The types a row of tags may name: PubMed's, and the journals' own (`Research Article`).
TAG_TYPES = frozenset(name.casefold() for name in PUBLICATION_TYPES) | NAMED_TYPES

DATE_FIRST = re.compile(r"^(?:19|20)\d\d(?: [A-Z][a-z]{2}(?: \d{1,2})?)?;\s*\w")
LOGO = re.compile(r"^(?P<name>.+?)\s*logo\s*Link to\s*(?P<again>.+)$", re.IGNORECASE)
# The PMC design of 2024 copies the logo's alt text alone: `Journal of … logo`.
BARE_LOGO = re.compile(r"^(?P<name>[A-Z][^.:;|]{2,150}?)\s+logo$")
# §4.1: a PMC logo that names a collection or the manuscript system is not a journal.
COLLECTION = re.compile(r"\b(?:author manuscripts?|collection|nihpa|hhs public access|"
                         r"funders? group|public health emergency|open choice|online open|"
                         r"oxford open|open select|sponsored documents)\b", re.IGNORECASE)
_FINAL_FORM = re.compile(r"^Published in final edited form as:?\s*(?P<rest>.*)$", re.IGNORECASE)
# (The 2025 design prints it on a line of its own without the brackets.)
_LANGUAGE_NAME = (r"(?:Chinese|Japanese|Korean|German|French|Spanish|Italian|Portuguese|Russian|"
                  r"Polish|Dutch|Czech|Turkish|Hungarian|Croatian|Serbian|Ukrainian|Romanian|"
                  r"Greek|Persian|Danish|Swedish|Norwegian|Finnish|Slovak|Slovenian|Bulgarian|"
                  r"Lithuanian|Hebrew|Arabic|English)")
_LANGUAGE = re.compile(r"\s*\[Article in (?P<language>[^\]]+)\]\.?$|"
                       rf"^Article in (?P<alone>{_LANGUAGE_NAME}(?:, {_LANGUAGE_NAME})*)$")
# Europe PMC prints the DOI as a link, alone or before `PMID: … PMCID: …` (`PPR: …` for a
# preprint).
_DOI_LINK = re.compile(r"^https?://(?:dx\.)?doi\.org/10\.\S+(?:\s+(?:PMC?ID|PPR):.*)?$")
# A PMC figure or table sub-page (§4.1 E) names its figure where the title would be.
_SUBPAGE = re.compile(r"^(?:Fig(?:ure|\.)?|Table|Supplementary (?:Figure|Table)|Appendix)\s*"
                      r"[A-Z]?\d+[A-Za-z]?[.:]?$")


@dataclass(frozen=True)
class Plain:
    """A head line that is none of the recognised kinds: title, authors, abstract …"""

    position: int
    text: str
    in_affiliations: bool


@dataclass
class Head:
    """What the head of the page showed; everything is as printed."""

    title: str | None = None
    citation: Citation | None = None
    final_form: Citation | None = None
    journal_line: str | None = None
    logo: str | None = None
    footer_journal: str | None = None  # PMC's `Articles from X are provided here courtesy of`
    collection: bool = False
    authors: list[dict[str, Any]] = field(default_factory=list)
    truncated: bool = False
    short_cite: tuple[str, str] | None = None  # (journal, date) of the `X et al.` line
    labels: list[str] = field(default_factory=list)
    language: str | None = None
    loose_doi: str | None = None
    rest: list[str] = field(default_factory=list)  # plain lines below title and citation
    plain: list[Plain] = field(default_factory=list)
    anchor: int | None = None  # position of the citation line among the head lines
    markers: set[int] = field(default_factory=set)  # `[Article in …]` lines: skipped over
    last: str = ""  # kind of the previous line, for continuation lines
    in_affiliations: bool = False
    cut_at: int | None = None  # position of a last line the text stops inside
    book: dict[str, Any] | None = None  # a Bookshelf chapter's book (`_pubmed_book`)
    subpage: bool = False  # a PMC figure or table page: no title, no abstract
    full_page: bool = False  # site furniture stood around the head (layouts B, C, D)
    citation_first: bool = False  # the legacy NCBI header (B1-B3): the title is below
    warnings: list[str] = field(default_factory=list)


def _citation_line(head: Head, line: str, cut: bool) -> bool:
    # `Published online … doi: …` below the final-form citation of an author manuscript
    # belongs to that citation, not to the manuscript line above it.
    current = head.final_form or head.citation
    if current is not None and head.last in ("citation", "continuation") \
            and CONTINUATION.match(line):
        whole, dropped = whole_tokens(line) if cut else (line, "")
        if dropped:
            head.warnings.append(f"citation: the text ends inside {dropped!r}; left empty")
        extend(current, whole)
        head.last = "continuation"
        return True
    if head.citation is not None:
        return False
    if DATE_FIRST.match(line):  # PMC under a logo: `2017 Sep 12; 8(40): 67890–67904.`
        line = ". " + line
    citation, dropped = parse_cut(line) if cut else (parse_citation(line), "")
    citation = citation or (None if cut else parse_europe_pmc(line))
    if citation is None or not (citation.journal is None or citation.has_parts or cut):
        return False
    if dropped:
        head.warnings.append(f"citation: the text ends inside {dropped!r}; left empty")
    head.citation = citation
    head.last = "citation"
    return True


def _final_form(head: Head, line: str, cut: bool) -> Citation | None:
    citation, dropped = parse_cut(line) if cut else (parse_citation(line), "")
    if dropped:
        head.warnings.append(f"citation: the text ends inside {dropped!r}; left empty")
    return citation


def _marker_line(head: Head, line: str, cut: bool) -> bool:
    """PMC logo, `Published in final edited form as:` and `[Article in …]` lines."""
    if head.last == "final_form":
        head.final_form = _final_form(head, line, cut)
        head.last = "citation" if head.final_form else "other"
        return head.final_form is not None
    logo = LOGO.match(line) or BARE_LOGO.match(line)
    final = _FINAL_FORM.match(line)
    language = _LANGUAGE.match(line)
    if logo:
        head.logo = logo.group("name").strip()
        head.collection = bool(COLLECTION.search(head.logo))
        head.last = "other"
    elif final:
        rest = final.group("rest")
        head.final_form = _final_form(head, rest, cut) if rest else None
        head.last = "final_form" if not rest else "citation" if head.final_form else "other"
    elif language and language.start() == 0:
        head.language = (language["language"] or language["alone"]).strip()
        head.last = "language"
    else:
        return False
    return True


def _byline(head: Head, line: str) -> bool:
    """The `X et al. Journal. Date.` line (layout D) and its one-author form."""
    found = read_byline(line, head.citation.date if head.citation else None)
    if found is None:
        return False
    author, truncated, journal, date = found
    if not head.authors:
        head.authors, head.truncated = [author], truncated
    head.short_cite = (journal, date)
    head.last = "byline"
    return True


def _plain_line(head: Head, position: int, line: str) -> None:
    language = _LANGUAGE.search(line)
    if language:
        head.language = head.language or (language["language"] or language["alone"]).strip()
        line = line[: language.start()]
    if line:
        head.plain.append(Plain(position, line, head.in_affiliations))
    head.last = "plain"


def _classify(head: Head, entries: list[str], affiliation_headings: set[int]) -> None:
    """First pass: recognise every line by its shape; plain lines wait for `_assign`."""
    for position, line in enumerate(entries):
        cut = position == head.cut_at
        if entries[position + 1:position + 2] == [line] and position not in affiliation_headings:
            continue  # a line printed twice in a row (legacy HTML's hidden copy of its citation)
        if position in affiliation_headings:
            head.in_affiliations, head.last = True, "other"
        elif _SUBPAGE.match(line):
            head.subpage, head.last = True, "other"
        elif head.citation is None and (book := read_book_line(line)) is not None:
            head.book, head.citation, head.last = book, book_citation(book), "other"
            head.anchor = position  # a Bookshelf chapter: the title is below
        elif head.book and head.last == "other" and head.anchor == position - 1 \
                and head.citation and (date := chapter_date(line)):
            head.citation.date = date  # the chapter's own date, under the book's
        elif (_marker_line(head, line, cut) or _citation_line(head, line, cut)
              or _byline(head, line)):
            if head.anchor is None and (head.final_form or head.last == "citation"):
                head.anchor = position  # the first citation (or final-form) line
            if head.last == "language":
                head.markers.add(position)
        elif line in PUBLICATION_TYPES or (bare := BADGE.sub("", line).strip()).casefold() \
                in NAMED_TYPES:  # PMC prints the journal's own type above the title
            head.labels.append(line if line in PUBLICATION_TYPES else bare)
            head.last = "label"
        elif tags := type_row(line, TAG_TYPES):
            head.labels.extend(tags)
            head.last = "label"
        elif line.lower().startswith("doi:") or _DOI_LINK.match(line):
            if cut:
                head.warnings.append(f"doi: the text ends inside {line!r}; left empty")
            else:
                head.loose_doi = line.split()[0] if _DOI_LINK.match(line) else line
            head.last = "other"
        else:
            _plain_line(head, position, line)


def read_head(entries: list[str], affiliation_headings: set[int], cut_last: bool,
              full_page: bool = False, citation_first: bool = False) -> Head:
    """Read the head lines; positions in `affiliation_headings` open affiliation lists.

    With `cut_last`, the text stops inside the last head line: the field it holds is
    left empty (or, for a citation line, its last part) and a warning says so.
    """
    head = Head(cut_at=len(entries) - 1 if cut_last and entries else None, full_page=full_page,
                citation_first=citation_first)
    _classify(head, entries, affiliation_headings)
    assign(head)
    return head
