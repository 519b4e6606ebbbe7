"""The input registry: every reader is an `InputFormat` with detect and parse.

`parse(text, origin)` yields `ParsedEntry` or `ParseProblem` values and never raises
on bad input; a broken entry is a problem with its line, and the rest still goes in.
Detection reads only the head of the text; an explicit `--format` skips it.
"""

from __future__ import annotations

import importlib
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

from pydantic import ValidationError

from ..errors import FormatError
from ..records import Record

HEAD_CHARS = 16_384
# A saved HTML page can open with far more than HEAD_CHARS of inline CSS and script before
# its first `<meta>`, and of menus before the article; detection looks that far and drops
# the style and script blocks (JSON-LD stays).
SCAN_CHARS = 524_288
_MARKUP_NOISE = re.compile(r"<(style|script)\b(?![^>]*ld\+json)[^>]*>.*?</\1\s*>|<!--.*?-->",
                           re.IGNORECASE | re.DOTALL)


def is_markup(text: str) -> bool:
    """True for text that opens with a tag: a saved HTML (or XML) page."""
    return text.lstrip("\ufeff \t\r\n")[:1] == "<"


_PAGE_TAGS = re.compile(r"<(?:!doctype|html|head|body|meta|title)\b", re.IGNORECASE)


def _markdown_under_a_tag(head: str) -> bool:
    """pandoc's Markdown keeps the page's raw `<div>` lines: Markdown links or `:::` fences
    under a first tag, and no tag of a whole page (`<html>`, `<head>`, `<meta>`)."""
    from ._converted_text import MARKDOWN_LINKS_MIN, MD_LINK, PANDOC_DOC

    return not _PAGE_TAGS.search(head) and (
        len(MD_LINK.findall(head)) >= MARKDOWN_LINKS_MIN or PANDOC_DOC.search(head) is not None)


def detection_head(text: str) -> str:
    """The part of a text detection reads: its head, with HTML's style and script dropped."""
    if not is_markup(text):
        return text[:HEAD_CHARS]
    return _MARKUP_NOISE.sub(" ", text[:SCAN_CHARS])


@dataclass(frozen=True)
class ParseProblem:
    """Something in the input that could not become (part of) a record."""

    origin: str
    line: int
    reason: str
    raw: str = ""

    def __str__(self) -> str:
        return f"{self.origin}:{self.line}: {self.reason}"


@dataclass(frozen=True)
class ParsedEntry:
    """One record read from the input, with where it starts and what the reader doubted."""

    record: Record
    line: int
    raw: str
    warnings: tuple[str, ...] = field(default=())


Parse = Callable[[str, str], Iterator[ParsedEntry | ParseProblem]]
# A streaming reader takes a text stream with universal newlines and no BOM, yields as
# it goes, and holds at most one record in memory: a 1 GB export reads in bounded memory.
Read = Callable[[TextIO, str], Iterator[ParsedEntry | ParseProblem]]


@dataclass(frozen=True)
class InputFormat:
    """A reader: `detect(head)` scores the text (0 = not mine), `parse` reads it.

    Readers of export formats also offer `stream`, which ingest prefers for files;
    for them `parse` is `stream` over the text (see `text_parser`). A `fallback` reader
    is asked only when no other reader claims the text.
    """

    name: str
    description: str
    suffixes: tuple[str, ...]
    detect: Callable[[str], int]
    parse: Parse
    aliases: tuple[str, ...] = ()
    stream: Read | None = None
    fallback: bool = False
    # A reader of page text that leaves markup to the registry: a saved HTML page no
    # reader claims goes to it as the text a browser shows (see `_html_text`).
    reads_shown_text: bool = False


def text_parser(read: Read) -> Parse:
    """`parse(text, origin)` for a streaming reader: the same reader over the whole text."""

    def parse(text: str, origin: str) -> Iterator[ParsedEntry | ParseProblem]:
        return read(io.StringIO(text), origin)

    return parse


# Modules that define FORMAT, in the order ties are listed. One line per reader.
BUILTIN = (
    "her2kb.parsers.refer",
    "her2kb.parsers.pubmed_page",
    "her2kb.parsers.scilit_page",
    "her2kb.parsers.ingenta_page",
    "her2kb.parsers.ouci_page",
    "her2kb.parsers.ris",
    "her2kb.parsers.medline",
    "her2kb.parsers.bibtex",
    "her2kb.parsers.csljson",
    "her2kb.parsers.pubmed_xml",
    "her2kb.parsers.endnote_xml",
    "her2kb.parsers.generic_page",
)


def formats() -> list[InputFormat]:
    return [importlib.import_module(name).FORMAT for name in BUILTIN]


def names() -> list[str]:
    return [fmt.name for fmt in formats()]


def get(name: str) -> InputFormat:
    """Look a reader up by name or alias; unknown names are a FormatError listing the choices."""
    wanted = name.lower()
    for fmt in formats():
        if wanted == fmt.name or wanted in fmt.aliases:
            return fmt
    raise FormatError(f"unknown input format {name!r}; choose one of: {', '.join(names())}")


def detect(text: str, origin: str) -> InputFormat:
    """The best-scoring reader for this text; none or a tie is a FormatError naming the file.

    A saved HTML page that only the fallback claims goes to a page-text reader that claims
    its visible text, if one does; an MHTML file to the reader of the page inside it (see
    `_html_text`); Markdown or a converter's text dump to the reader of what a browser's
    copy of the page would hold (see `_converted_text`).
    """
    from ._converted_text import as_browser_copy, browser_text, is_converted
    from ._dump_leftovers import is_stripped_markup
    from ._html_text import as_mhtml, as_page_text, is_mhtml, mhtml_page, shown_text
    from ._page import holds_tagged_export, looks_like_structured_document

    if is_mhtml(text):  # a page saved as one MHTML file: the page inside it
        return as_mhtml(detect(mhtml_page(text) or " ", origin))
    head = detection_head(text)
    # Markdown or a text dump (also one whose tags a script stripped line by line) is read
    # as a browser's copy, the text as it is only if no specific reader claims that copy;
    # the fallback reader comes last for both.
    tagged = holds_tagged_export(head)
    reads_as_page_text = not (tagged or (looks_like_structured_document(head)
                                         and not _markdown_under_a_tag(head)))
    converted = (not tagged and is_stripped_markup(head)) or (
        reads_as_page_text and is_converted(head))
    copy = browser_text(head) if converted else None
    scored: list[tuple[int, InputFormat]] = []
    for fallback in (False, True):
        if copy is not None:
            scored = [(score, as_browser_copy(fmt)) for score, fmt in _scores(copy, (fallback,))]
        scored = scored or _scores(head, (fallback,))
        if scored:
            break
    if is_markup(head) and all(fmt.fallback for _, fmt in scored):
        shown = shown_text(head)
        scored = [(score, as_page_text(fmt)) for score, fmt in _scores(shown, (False,))
                  if fmt.reads_shown_text] or scored
    if not scored:
        raise FormatError(
            f"{origin}: not a recognised format (tried {', '.join(names())}); "
            "name one with --format if you know it"
        )
    best = max(score for score, _ in scored)
    winners = [fmt.name for score, fmt in scored if score == best]
    if len(winners) > 1:
        raise FormatError(
            f"{origin}: looks like several formats ({', '.join(winners)}); choose with --format"
        )
    return next(fmt for score, fmt in scored if score == best)


def _scores(head: str, tiers: tuple[bool, ...]) -> list[tuple[int, InputFormat]]:
    """The readers that claim `head`: the specific ones, else (if asked) the fallback."""
    for fallback in tiers:
        scored = [(fmt.detect(head), fmt) for fmt in formats() if fmt.fallback == fallback]
        scored = [(score, fmt) for score, fmt in scored if score > 0]
        if scored:
            return scored
    return []


def build_entry(
    fields: dict[str, Any], origin: str, line: int, raw: str, warnings: list[str] | None = None
) -> ParsedEntry | ParseProblem:
    """Validate reader output into a Record.

    A field that fails validation is dropped with a warning rather than losing the
    whole record; the raw text keeps it. A record with nothing usable is a problem.
    """
    notes = list(warnings or [])
    data = {k: v for k, v in fields.items() if v not in (None, [], "")}
    for _ in range(len(data) + 1):
        try:
            record = Record.model_validate(data)
        except ValidationError as exc:
            bad = {str(err["loc"][0]) for err in exc.errors() if err["loc"]}
            if not bad or not bad & data.keys():
                return ParseProblem(origin, line, f"invalid record: {exc.errors()[0]['msg']}", raw)
            for key in sorted(bad & data.keys()):
                notes.append(f"dropped {key}: {data.pop(key)!r} is not valid")
            continue
        if not (record.title or record.doi or record.pmid or record.abstract):
            return ParseProblem(origin, line, "no title, identifier or abstract found", raw)
        return ParsedEntry(record, line, raw, tuple(notes))
    return ParseProblem(origin, line, "invalid record", raw)
