"""Shared helpers for saved web-page text (PubMed, PMC, Scilit, Ingenta ... pages).

Pages arrive as text copied or scraped from a browser. Lines carry no-break and thin
spaces (formats.md §12.3); lists are `  • ` bullets, or in some scrapes a lone `-` line
followed by the item line (§4.4, layout E), or `- item` on one line (Scilit, §5).
These helpers turn such text into clean lines and read the lists; they know no site.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..text import clean_spaces

# Bullet characters seen at the start of list lines; U+2022 is by far the most common.
# Word's "Plain Text" writes its bullets as a middle dot and a tab (U+00B7).
BULLETS = "\u2022\u25cf\u25aa\u25e6\u2023\u00b7"
# … and Google Docs' plain-text export a star and a space (a footnote's star has none,
# `*Equal contribution`, as a rule; one spaced is read as an item under a list heading).
_BULLET_LINE = re.compile(rf"^(?:[{BULLETS}]\s*|\*\s+)(?P<item>\S.*)$")
_DASH_ITEM = re.compile(r"^-\s+(?P<item>\S.*)$")
DASH_MARKER = "-"
_BARE_BULLET = re.compile(rf"^[{BULLETS}-]$")
# formats.md §0: tagged exports also turn up pasted into pages; those belong to the
# tagged readers (RIS, MEDLINE, EndNote, BibTeX, PubMed XML), never to a page reader.
_TAGGED_EXPORT = re.compile(
    r"^(?:TY {1,2}- ?|PMID- ?\d|(?:TI|AU|FAU|AB) {1,2}- |%0 |\s*@[A-Za-z]+\s*[{(])|<PubmedArticle",
    re.MULTILINE,
)

# formats.md §0 steps 5-7: JSON (CSL-JSON) and XML/HTML belong to their own readers, and
# a JSON or markup document is never page text even when no reader claims it. JSON is
# recognised by its opening tokens, because the head may be cut mid-document: `{` then
# `}` or `"key":`; `[` (possibly nested) then `]`, an object, or a scalar and `,`/`]`.
# A bracketed non-English title (`[An invented title]`, §4.5) opens with a letter, so
# it is not mistaken for an array.
_JSON_STRING = r'"(?:[^"\\\x00-\x1f]|\\.)*"'
_JSON_SCALAR = rf"(?:{_JSON_STRING}|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)"
_JSON_OPENING = re.compile(
    rf"(?:\[\s*)*\{{\s*(?:\}}|{_JSON_STRING}\s*:)"
    rf"|(?:\[\s*)+(?:\]|{_JSON_SCALAR}\s*(?:,|\](?!\w)))"  # not lynx's `[1]OUCI` link
)
# A markup document opens with a tag, a declaration (`<?xml`, `<!DOCTYPE`) or a comment.
_MARKUP_OPENING = re.compile(r"<[A-Za-z?!/]")


def looks_like_structured_document(head: str) -> bool:
    """True when the text opens as a JSON value or as XML/HTML markup: never page text."""
    start = head.lstrip("\ufeff \t\r\n")
    return bool(_JSON_OPENING.match(start) or _MARKUP_OPENING.match(start))


def looks_like_json(head: str) -> bool:
    """True when the text opens as a JSON value (not a page opening with `[A title]`)."""
    return _JSON_OPENING.match(head.lstrip("\ufeff \t\r\n")) is not None


def holds_tagged_export(head: str) -> bool:
    """True when the text carries a tagged export's lines; page detectors then step aside."""
    return _TAGGED_EXPORT.search(head.lstrip("\ufeff").replace("\r\n", "\n")) is not None


def page_lines(text: str) -> list[str]:
    """The text as cleaned lines: CRLF/CR unified, odd spaces mapped, ends stripped; blanks kept."""
    unified = text.replace("\r\n", "\n").replace("\r", "\n")
    return [clean_spaces(line) for line in unified.split("\n")]


def ends_open(text: str) -> bool:
    """True when the text stops without a final line break: it may stop mid-line.

    Saved pages often end without one even when whole, so this only says where to look
    for a cut; each reader then judges whether the last field there is visibly unfinished.
    """
    return not text.rstrip(" \t\u00a0").endswith("\n")


def bullet_item(line: str, *, dash: bool = True) -> str | None:
    """The item of a `• item` line (or `- item` when `dash`), else None."""
    match = _BULLET_LINE.match(line) or (_DASH_ITEM.match(line) if dash else None)
    return match.group("item") if match else None


def is_dash_marker(line: str) -> bool:
    """True for a lone `-` line, whose item follows on the next line (layout E)."""
    return line == DASH_MARKER


def matches_any(line: str, patterns: Iterable[re.Pattern[str]]) -> bool:
    """True when one of the patterns matches the (cleaned) line."""
    return any(pattern.search(line) for pattern in patterns)


def previous_filled(lines: list[str], start: int) -> int:
    """Index of the last non-blank line at or before `start` (-1 when none)."""
    index = start
    while index >= 0 and not lines[index]:
        index -= 1
    return index


def next_filled(lines: list[str], start: int) -> int:
    """Index of the first non-blank line at or after `start` (len(lines) when none)."""
    index = start
    while index < len(lines) and not lines[index]:
        index += 1
    return index


def _item_at(lines: list[str], index: int, stop: Callable[[str], bool]) -> tuple[str | None, int]:
    """The list item starting at `index` and the index after it; (None, index) if none."""
    line = lines[index]
    item = bullet_item(line)
    if item is not None:
        return item, index + 1
    if is_dash_marker(line) and index + 1 < len(lines):
        following = lines[index + 1]
        if following and not stop(following) and bullet_item(following) is None:
            return following, index + 2
    return None, index


def read_list(
    lines: list[str],
    start: int,
    stop: Callable[[str], bool],
    *,
    max_gap: int = 1,
    plain: bool = False,
) -> tuple[list[str], int]:
    """Items of the list that starts at or after `start`, and the index where it ended.

    Items are `•` / `- ` bullets or `-` + item line pairs; with `plain`, every line
    counts until a blank line. Blank lines before the first item are skipped; a run
    of more than `max_gap` blank lines ends the list (the index then points at that
    run). A line for which `stop` is true ends the list too.
    """
    items: list[str] = []
    index = next_filled(lines, start)
    while index < len(lines):
        line = lines[index]
        if not line:
            after = next_filled(lines, index)
            if plain or after - index > max_gap or after >= len(lines):
                return items, index
            index = after
            continue
        if stop(line):
            return items, index
        item, after_item = _item_at(lines, index, stop)
        if item is None and _BARE_BULLET.match(line):  # a bullet whose item the text lost
            index += 1
            continue
        if item is None and plain:
            item, after_item = line, index + 1
        if item is None:
            return items, index
        items.append(item)
        index = after_item
    return items, index
