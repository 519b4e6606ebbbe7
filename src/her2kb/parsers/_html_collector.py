"""The visible text of saved HTML, laid out as a browser shows it, and its meta tags.

`collect_page` feeds the markup to the stdlib `html.parser`: every `<meta name|property=…
content=…>` in page order, the bodies of `<script type="application/ld+json">`, the
`<title>`, and the text a reader sees, a block a line. Hidden elements show nothing;
items set side by side (keyword chips, links with nothing between) get a separator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

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
# name and address), nor is a closed menu marked `aria-hidden` (PubMed's journal menu).
# Only tags that always have an end tag count, so nesting can be counted.
_CLOSED_TAGS = frozenset({"div", "span", "section", "aside", "nav", "ul", "ol", "dl", "a",
                          "article", "header", "footer", "figure", "form", "table"})
# PubMed's listed articles carry a short form of their authors and journal for narrow
# screens, hidden by the style sheet on others.
# (… and the heading they print; `short-view-container` holds the whole article.)
_NARROW_ONLY_CLASS = re.compile(r"\bshort-(?:authors|journal-citation|view)(?![\w-])")
_SOURCE_SPACE = re.compile(r"[ \t\r\n\f]+")
# Keyword chips (Scilit's `MuiChip-label`, `keyword-label` links) and links with nothing
# between them sit side by side on one line: a browser shows each apart, so a separator
# goes between (a row of bare links reads as the menu it mostly is).
_CHIP_CLASS = re.compile(r"chip|keyword|kwd", re.IGNORECASE)
CHIP_SEPARATOR = " · "
LINK_SEPARATOR = " | "  # links run together: a row of links, menus mostly


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
        # A link just ended and no text followed yet: a link right after it is another
        # item of a row (Tailwind's keyword pills are bare links side by side).
        self._after_link, self._item_starts = False, ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key.lower(): value or "" for key, value in attrs}
        if tag == "meta":
            name = values.get("name") or values.get("property") or values.get("itemprop")
            if name and values.get("content", "").strip():
                self.page.metas.append((tag_name(name), values["content"].strip()))
        elif tag == "script" and values.get("type", "").lower() == "application/ld+json":
            self._script = []
        elif tag == "title":
            self._in_title = True
        if self._hidden and self._hidden[-1] == tag:
            self._hidden.append(tag)  # nested in the hidden element: its end is not the end
        elif tag in _HIDDEN_TAGS or (tag in _CLOSED_TAGS and (
                "hidden" in values or values.get("aria-hidden") == "true"
                or _NARROW_ONLY_CLASS.search(values.get("class", "")))):
            self._hidden.append(tag)
        # The separator waits for the item's text: an icon link (ORCID) shows none.
        if not self._hidden and _CHIP_CLASS.search(values.get("class", "")):
            self._item_starts = CHIP_SEPARATOR
        elif not self._hidden and tag == "a" and self._after_link:
            self._item_starts = self._item_starts or LINK_SEPARATOR
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
        self._after_link = self._after_link or (tag == "a" and shown)
        self._item_starts = ""  # an item that ended without text (an icon) gets none
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
            if self._item_starts and data.strip():
                self._separate(self._item_starts)
                self._item_starts = ""
            # As a browser shows it: source line breaks and indents inside a block are spaces.
            self._text.append(data if self._pre else _SOURCE_SPACE.sub(" ", data))
            self._after_link = False

    def _separate(self, separator: str) -> None:
        """A separator, unless the line is empty so far, or ends in one, in a label's colon
        (PMC: `<strong class="kwd-title">Keywords: </strong>`) or in the page's own (PubMed:
        `<a class="keyword-link">HER2</a>; <a …>`)."""
        spaced = False
        for piece in reversed(self._text):
            tail = piece.rsplit("\n", 1)[-1]
            if before := tail.rstrip():
                if not before.endswith((separator.strip(), ":", ";", ",", "|")):
                    spaced = spaced or tail != before
                    self._text.append(separator.lstrip() if spaced else separator)
                return
            if "\n" in piece:
                return
            spaced = spaced or bool(tail)

    def _break(self, tag: str) -> None:
        self._after_link, self._item_starts = False, ""
        self._end_line(tag)

    def _end_line(self, tag: str) -> None:
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


def collect_page(markup: str) -> Page:
    collector = _Collector()
    collector.feed(markup)
    return collector.finish()


def tag_name(name: str) -> str:
    """A meta tag's name as looked up: lower case, `dcterms.` read as `dc.`."""
    lowered = name.strip().lower()
    return "dc." + lowered[len("dcterms."):] if lowered.startswith("dcterms.") else lowered
