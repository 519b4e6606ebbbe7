"""Scholarly metadata in saved HTML: `<meta>` tags (Highwire, PRISM, Dublin Core) and JSON-LD.

A `Page` holds what the stdlib `html.parser` saw: every `<meta name|property=… content=…>`
in page order, the bodies of `<script type="application/ld+json">`, the `<title>`, and
the visible text as lines. The same tags written as text (`citation_title: …` lines, as
some scrapers and notes keep them) are read too. `vocabulary` turns the tags of one
vocabulary into the reader's common keys with the field maps below; the first listed
tag name with a value wins, and list keys collect every value in page order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from ..identifiers import normalize_doi
from ..text import plain_spaces

# Common keys -> tag names in priority order (lower-cased; `dcterms.` is read as `dc.`).
HIGHWIRE = {
    "title": ("citation_title",),
    "authors": ("citation_author", "citation_authors"),
    "container_title": ("citation_journal_title", "citation_conference_title",
                        "citation_book_title", "citation_inbook_title"),
    "container_title_short": ("citation_journal_abbrev",),
    "publisher": ("citation_publisher",),
    "date": ("citation_publication_date", "citation_date", "citation_cover_date",
             "citation_year", "citation_online_date"),
    "volume": ("citation_volume",), "issue": ("citation_issue",),
    "first_page": ("citation_firstpage",), "last_page": ("citation_lastpage",),
    "doi": ("citation_doi",), "pmid": ("citation_pmid",),
    "issn": ("citation_issn", "citation_eissn"), "isbn": ("citation_isbn",),
    "keywords": ("citation_keywords", "citation_keyword"),
    "abstract": ("citation_abstract",), "language": ("citation_language",),
    "url": ("citation_abstract_html_url", "citation_fulltext_html_url", "citation_public_url"),
}
PRISM = {
    "container_title": ("prism.publicationname",),
    # The cover date is the issue's; T&F's `publicationDate` is the day it went online.
    "date": ("prism.coverdate", "prism.publicationdate", "prism.onlinedate"),
    "volume": ("prism.volume",), "issue": ("prism.number", "prism.issueidentifier"),
    "first_page": ("prism.startingpage",), "last_page": ("prism.endingpage",),
    "pages": ("prism.pagerange",), "doi": ("prism.doi",), "issn": ("prism.issn", "prism.eissn"),
    "isbn": ("prism.isbn",), "keywords": ("prism.keyword",), "url": ("prism.url",),
    "publisher": ("prism.publisher",),
}
DUBLIN_CORE = {
    "title": ("dc.title",),
    "authors": ("dc.creator", "dc.creator.personalname", "dc.contributor.author"),
    "container_title": ("dc.relation.ispartof", "dc.ispartof", "dc.source.journal"),
    # DSpace: `dc.source.volume` … and `dc.description` is often a deposit note.
    "volume": ("dc.source.volume",), "issue": ("dc.source.issue",),
    "pages": ("dc.source.pagenumber",),
    "date": ("dc.date.issued", "dc.issued", "dc.date", "dc.created"),
    "doi": ("dc.identifier", "dc.identifier.doi"), "publisher": ("dc.publisher",),
    "keywords": ("dc.subject",),
    "abstract": ("dc.description.abstract", "dc.abstract", "dc.description"),
    "language": ("dc.language",), "original_type": ("dc.type",),
}
LIST_KEYS = frozenset({"authors", "issn", "isbn", "keywords"})
# Highwire names that also say what kind of work this is.
HIGHWIRE_TYPES = {
    "citation_conference_title": "paper-conference", "citation_book_title": "chapter",
    "citation_inbook_title": "chapter", "citation_dissertation_institution": "thesis",
    "citation_technical_report_institution": "report",
}
_BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
    "section", "article", "header", "footer", "nav", "dt", "dd", "blockquote", "table", "hr",
    "pre", "main", "aside", "figure", "figcaption", "dl", "form", "address",
})
# Blocks a browser sets apart with a margin: a blank line, as "Save as text" writes it.
# Other blocks (list items, cells, divs) only start a new line.
_SPACED_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table",
                          "blockquote", "pre", "figure", "section", "article", "hr"})
_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "svg"})
# An element with the `hidden` attribute is not shown (PMC's author pop-ups repeat each
# name and address). Only tags that always have an end tag count, so nesting can be counted.
_CLOSED_TAGS = frozenset({"div", "span", "section", "aside", "nav", "ul", "ol", "dl", "a",
                          "article", "header", "footer", "figure", "form", "table"})
# `citation_title: …`, `DC.creator = …`, `prism.volume: …` lines in plain text.
# DSpace's full item record copies as `dc.subject<TAB>HER2<TAB>en` (a language column).
TEXT_TAG = re.compile(r"^(?P<name>(?:citation_|dc\.|dcterms\.|prism\.)[\w.]+)(?:\s*[:=]\s*|\t+)"
                      r"(?P<v>[^\t\n]*[^\t\n\s])(?:\t+[a-z]{2,3}(?:_[A-Z]{2})?)?[ \t\r]*$",
                      re.IGNORECASE | re.MULTILINE)
_SOURCE_SPACE = re.compile(r"[ \t\r\n\f]+")
# Keyword chips (Scilit's `MuiChip-label`, `keyword-label` links) sit side by side on one
# line with at most a space between: a browser shows each apart, so a separator goes between.
_CHIP_CLASS = re.compile(r"chip|keyword|kwd", re.IGNORECASE)
CHIP_SEPARATOR = " · "
MARKUP_TAG = re.compile(r"<(?:meta|script)\b", re.IGNORECASE)


@dataclass
class Page:
    """What a saved page holds: meta tags, JSON-LD bodies, `<title>`, visible lines."""

    metas: list[tuple[str, str]] = field(default_factory=list)
    json_ld: list[str] = field(default_factory=list)
    title: str | None = None
    lines: list[str] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._hidden: list[str] = []
        self._script: list[str] | None = None
        self._in_title = False
        self._text: list[str] = []
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key.lower(): value or "" for key, value in attrs}
        if tag == "meta":
            name = values.get("name") or values.get("property") or values.get("itemprop")
            if name and values.get("content", "").strip():
                self.page.metas.append((_tag_name(name), values["content"].strip()))
        elif tag == "script" and values.get("type", "").lower() == "application/ld+json":
            self._script = []
        elif tag == "title":
            self._in_title = True
        if self._hidden and self._hidden[-1] == tag:
            self._hidden.append(tag)  # nested in the hidden element: its end is not the end
        elif tag in _HIDDEN_TAGS or (tag in _CLOSED_TAGS and "hidden" in values):
            self._hidden.append(tag)
        if _CHIP_CLASS.search(values.get("class", "")) and not self._hidden:
            self._separate_chip()
        self._pre += tag == "pre"
        if tag in _BLOCK_TAGS and not self._hidden:  # a hidden block makes no line
            self._break(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.page.json_ld.append("".join(self._script))
            self._script = None
        if tag == "title":
            self._in_title = False
        shown = not self._hidden
        if self._hidden and self._hidden[-1] == tag:
            self._hidden.pop()
        self._pre -= tag == "pre" and self._pre > 0
        if tag in _BLOCK_TAGS and shown:
            self._break(tag)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)
        elif self._in_title:
            self.page.title = " ".join(f"{self.page.title or ''} {data}".split()) or None
        elif not self._hidden:
            # As a browser shows it: source line breaks and indents inside a block are spaces.
            self._text.append(data if self._pre else _SOURCE_SPACE.sub(" ", data))

    def _separate_chip(self) -> None:
        """A separator, unless the line is empty so far, or ends in one or in a label's
        colon (PMC: `<strong class="kwd-title">Keywords: </strong>`)."""
        spaced = False
        for piece in reversed(self._text):
            tail = piece.rsplit("\n", 1)[-1]
            if before := tail.rstrip():
                if not before.endswith((CHIP_SEPARATOR.strip(), ":")):
                    spaced = spaced or tail != before
                    self._text.append(CHIP_SEPARATOR.lstrip() if spaced else CHIP_SEPARATOR)
                return
            if "\n" in piece:
                return
            spaced = spaced or bool(tail)

    def _break(self, tag: str) -> None:
        """End the line (and leave a blank one after a spaced block), never more than that."""
        while self._text and not self._text[-1].strip(" ") and "\n" not in self._text[-1]:
            self._text.pop()  # spaces between two blocks are no text
        have = 0
        for piece in reversed(self._text):
            if piece != "\n":
                break
            have += 1
        if self._text:
            self._text.extend(["\n"] * ((2 if tag in _SPACED_TAGS else 1) - have))

    def finish(self) -> Page:
        self.close()
        self.page.lines = [line.strip(" ") for line in "".join(self._text).split("\n")]
        return self.page


def _tag_name(name: str) -> str:
    lowered = name.strip().lower()
    return "dc." + lowered[len("dcterms."):] if lowered.startswith("dcterms.") else lowered


def read_page(text: str, markup: bool) -> Page:
    """The page's tags and text; plain text keeps its own lines and `name: value` tags."""
    if markup or MARKUP_TAG.search(text):
        collector = _Collector()
        collector.feed(text)
        page = collector.finish()
        if markup:
            return page
        metas = page.metas
    else:
        metas = []
    # A browser's copy may hold no-break spaces, and spaces at line ends: both go. Line
    # starts are kept, since record tables indent their continuation lines.
    page = Page(metas=metas, lines=[plain_spaces(line).rstrip() for line in text.split("\n")])
    page.metas += [(_tag_name(m.group("name")), m.group("v").strip())
                   for m in TEXT_TAG.finditer(text)]
    return page


def vocabulary(metas: list[tuple[str, str]], field_map: dict[str, tuple[str, ...]]
               ) -> dict[str, Any]:
    """One vocabulary's tags as common keys; lists for LIST_KEYS, else the first value."""
    found: dict[str, Any] = {}
    for key, names in field_map.items():
        values = [value for name in names for tag, value in metas if tag == name]
        if key == "authors":  # one tag's list: `DC.creator` and `DC.contributor.author` agree
            values = next(([value for tag, value in metas if tag == name] for name in names
                           if any(tag == name for tag, _ in metas)), [])
        if key == "doi":  # `dc.identifier` also holds URLs, ISSNs and local ids
            values = [value for value in values if normalize_doi(value)]
        if key in LIST_KEYS and values:
            found[key] = values
        elif values:
            found[key] = values[0]
    if field_map is HIGHWIRE:
        kinds = [kind for name, kind in HIGHWIRE_TYPES.items() if any(t == name for t, _ in metas)]
        if kinds:
            found["type"] = kinds[0]
    return found


def highwire_names(metas: list[tuple[str, str]]) -> set[str]:
    """The distinct `citation_*` tag names present (detection counts them)."""
    return {name for name, _ in metas if name.startswith("citation_")}
