"""Ingenta Connect article page saved as text (formats.md §6).

Top to bottom: furniture and the breadcrumb; the title; optional `Authors:` and `Source:`
lines; `Buy Article:` and a price line; the abstract; `No References`-style lines;
`Keywords:`, `Document Type:`, `Publication date:`; `More about this publication?` with
`  • ` bullets, the first of them the journal blurb. The journal comes from the `Source:`
line, else the breadcrumb, else the blurb (§6, §12.9). The "EndNote" download is RIS.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..dates import parse_written_date
from ..identifiers import normalize_doi
from ..text import clean_spaces
from . import InputFormat, ParsedEntry, ParseProblem, build_entry
from ._ingenta_lines import (
    BLURB_WORDS,
    BREADCRUMB,
    LABEL,
    NOTHING_HERE,
    breadcrumb_issue,
    inline_crumb,
    is_furniture,
    unwrapped,
    with_labels,
)
from ._ingenta_values import SOURCE, blurb_journal, read_source
from ._page import (
    BULLETS,
    ends_open,
    holds_tagged_export,
    looks_like_structured_document,
    page_lines,
)
from ._page_values import checked_abstract, split_author_list
from ._text_names import names_line

MORE_ABOUT = "More about this publication?"
BYLINE_LABELS = frozenset({"Authors", "Author", "Source"})
# `•` (and its kin) in a browser's copy, `-` or `*` in a converter's.
BULLET = re.compile(rf"^(?:[{BULLETS}*]|-(?=\s))\s*")
# Detection (§0 step 8, §6). Only Ingenta prints the strong markers; the weak ones add
# weight but never decide. A page is claimed on at least MIN_MARKERS distinct markers, one of
# them strong: one Ingenta line alone (a `Source: …` line or the site's name in a note)
# is not a page. The site's name counts only as its own furniture line (§6: the cookie
# sentence, the `Ingenta Connect is not responsible …` bullet), not inside prose.
INGENTA_FURNITURE = re.compile(
    r"^(?:•\s*)?Ingenta ?Connect(?:$| website makes use of cookies| is not responsible)"
)
STRONG_MARKERS: tuple[Callable[[str], bool], ...] = (
    lambda line: line in ("Buy Article:", "Download Article:"),
    lambda line: line.endswith("(Refund Policy)"),
    lambda line: line == MORE_ABOUT,
    lambda line: INGENTA_FURNITURE.match(line) is not None,
    lambda line: line.startswith("Source: ") and SOURCE.match(line[8:]) is not None,
)
WEAK_MARKERS: tuple[Callable[[str], bool], ...] = (
    lambda line: line.startswith("Publication date: "),
    lambda line: line.startswith("Document Type: "),
    lambda line: NOTHING_HERE.match(line) is not None,
)
STRONG_SCORE, WEAK_SCORE, MIN_MARKERS = 10, 5, 2
# The record field each label fills, for warnings about a line the text stops inside.
CUT_FIELDS = {"Authors": "author", "Author": "author", "Source": "source", "Keywords": "keywords",
              "Document Type": "publication_types", "Publication date": "issued",
              "Publisher": "publisher", "DOI": "doi"}
# Parts of a `Source:` line after the journal, by how they start (the date has no label).
SOURCE_PARTS = (("Volume", "volume"), ("Vol.", "volume"), ("Number", "issue"), ("pp", "page"))
TYPE_MAP = {"chapter": "chapter", "book chapter": "chapter", "book": "book"}
MAX_SCORE = 50


def detect(head: str) -> int:
    """Score Ingenta page markers; 0 below two markers, or for tagged / JSON / markup (§0)."""
    if holds_tagged_export(head) or looks_like_structured_document(head):
        return 0
    lines = page_lines(head)
    strong = sum(1 for test in STRONG_MARKERS if any(test(line) for line in lines))
    weak = sum(1 for test in WEAK_MARKERS if any(test(line) for line in lines))
    if not strong or strong + weak < MIN_MARKERS:
        return 0
    return min(strong * STRONG_SCORE + weak * WEAK_SCORE, MAX_SCORE)


def parse(text: str, origin: str) -> Iterator[ParsedEntry | ParseProblem]:
    """One record per page; warnings name what the page lacked or what was guessed."""
    fields: dict[str, Any] = {"type": "article-journal"}
    warnings: list[str] = []
    page = _scan(with_labels(unwrapped(text.lstrip("\ufeff").splitlines())))
    if ends_open(text):
        _drop_cut(page, warnings)
    fields["title"] = page.title
    fields["abstract"] = "\n".join(page.abstract) or None
    for label, value in page.labels:
        _read_label(label, value, fields, warnings)
    if not fields.get("volume"):
        fields.update({key: value for key, value in page.crumb.items() if value})
    if not fields.get("container_title") and page.blurb:
        fields["container_title"] = blurb_journal(page.blurb, warnings, page.last == "blurb")
    missing = [name for name in ("title", "container_title", "issued") if not fields.get(name)]
    if missing:
        warnings.append(f"not on the page: {', '.join(missing)}")
    yield build_entry(fields, origin, 1, text, warnings)


@dataclass
class _Page:
    """What the page text showed, and which kind of line came last (`title`, `label` …)."""

    title: str | None = None
    abstract: list[str] = field(default_factory=list)
    labels: list[tuple[str, str]] = field(default_factory=list)
    blurb: str | None = None
    last: str = ""
    anchored: bool = False  # a label or the buy box was seen: the title is the line above
    crumb: dict[str, str | None] = field(default_factory=dict)  # journal, volume, issue


def _scan(lines: list[str]) -> _Page:
    """Title, abstract paragraphs, labelled lines and the first blurb bullet's first line."""
    page = _Page()
    closed = in_more = False
    # Site navigation (`Sign In`, `Open Access` …) can precede the title: until the first
    # label or `Buy Article:` line, the title is the last plain line seen.
    head: list[str] | None = []
    for raw in lines:
        line = clean_spaces(raw)
        if not line:
            continue
        if line == MORE_ABOUT:
            in_more, page.last = True, "more"
            continue
        bare_blurb = page.last == "more" and len(line.split()) >= BLURB_WORDS
        bullet = BULLET.match(line)
        if in_more and (bullet or raw[:1].isspace() or bare_blurb):
            # Only the first bullet is the blurb; its continuation lines are indented.
            first = (bool(bullet) or bare_blurb) and page.blurb is None
            if first:
                page.blurb = BULLET.sub("", line).strip()
            page.last = "blurb" if first else "furniture"
            continue
        in_more = False
        if head is not None and (LABEL.match(line) or STRONG_MARKERS[0](line)):
            if len(head) > 1 and (names := names_line(head[-1])):
                page.labels.append(("Authors", names))  # the names under the title, no label
                head.pop()
            if head:
                page.title = head[-1]
            head, page.anchored = None, True
        page.crumb = page.crumb or inline_crumb(line) or {}  # `Home / … / Volume 9, Number 2 …`
        if NOTHING_HERE.match(line) or is_furniture(line):
            closed = closed or bool(page.abstract) or NOTHING_HERE.match(line) is not None
            page.last = "furniture"
        elif label := LABEL.match(line):
            if label["label"] in BYLINE_LABELS and len(page.abstract) == 1 and page.title \
                    and page.last == "abstract" and not page.abstract[0].endswith("."):
                # The title printed under the buy box, over its byline: what stood above
                # the box was a menu entry.
                page.title = page.abstract.pop()
            page.labels.append((label.group("label"), label.group("value").strip()))
            closed = closed or bool(page.abstract) or label.group("label") == "Keywords"
            page.last = "label"
        elif head is not None and (crumb := BREADCRUMB.match(line)):
            # The journal's name above it goes too; without a `Source:` line, both name
            # the issue.
            page.crumb = {"container_title": head[-1] if head else None,
                          "volume": crumb["volume"], "issue": breadcrumb_issue(crumb)}
            del head[-1:]
        elif head is not None:
            head.append(line)
            page.last = "title"
        elif page.title is None:
            page.title, page.last = line, "title"
        elif not closed:
            page.abstract.append(line)
            page.last = "abstract"
        else:
            page.last = "furniture"
    if head:
        page.title, page.abstract = head[0], head[1:]
        page.last = "title" if len(head) == 1 else "abstract"
    return page


def _drop_cut(page: _Page, warnings: list[str]) -> None:
    """§6 and issue 4: the field the text stops inside is left empty, with a warning."""
    if not page.anchored:  # cut above the buy box: the lines may be the site's breadcrumb
        if page.title:
            warnings.append("title: the text ends above the buy box; no line is surely the title")
        page.title, page.abstract = None, []
        return
    if page.last == "title" and page.title:
        warnings.append(f"title: the text ends inside {page.title!r}; left empty")
        page.title = None
    elif page.last == "abstract":
        kept = checked_abstract("\n".join(page.abstract), True, warnings)
        page.abstract = kept.split("\n") if kept else []
    elif page.last == "label":
        label, value = page.labels.pop()
        kept, name = _whole_part(label, value)
        if kept:
            page.labels.append((label, kept))
        warnings.append(f"{name}: the text ends inside {value!r}; left empty")


def _whole_part(label: str, value: str) -> tuple[str | None, str]:
    """What a cut `Source:` or `Keywords:` line still says whole, and the field cut off."""
    if label == "Keywords" and ";" in value:
        return value[: value.rindex(";")], "keywords"
    if label == "Source" and ", " in value and not value.endswith(")"):
        cut = value.rindex(", ")
        name = next((f for p, f in SOURCE_PARTS if value[cut + 2:].startswith(p)), "issued")
        return value[:cut], name
    return None, CUT_FIELDS.get(label, label.lower())


def _read_label(label: str, value: str, fields: dict[str, Any], warnings: list[str]) -> None:
    """One `Label: value` line (§6 table); affiliations and language are not kept."""
    if label in ("Author", "Authors"):
        fields["author"] = split_author_list(value, warnings)
    elif label == "Source":
        read_source(value, fields, warnings)
    elif label == "Keywords":
        fields["keywords"] = [k.strip().rstrip(".") for k in value.split(";") if k.strip()]
    elif label == "Document Type":
        fields["publication_types"] = [value]
        fields["type"] = TYPE_MAP.get(value.lower(), "article-journal")
    elif label == "Publication date":
        fields["issued"] = parse_written_date(value)
    elif label == "Publisher":
        fields["publisher"] = value
    elif label == "DOI":
        fields["doi"] = normalize_doi(value)


FORMAT = InputFormat(
    name="ingenta-page",
    description="Ingenta Connect article page saved as text (journal from Source line or blurb)",
    suffixes=(".txt",),
    detect=detect,
    parse=parse,
    aliases=("ingenta",),
    reads_shown_text=True,
)
