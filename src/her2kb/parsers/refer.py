"""EndNote tagged / Refer (`%0 Journal Article`, `%T title`, ...), formats.md §1.

One field per line as `%X value`; a line without a tag continues the previous value;
runs of blank lines (Google Scholar writes two) separate records, and so does a new
`%0` line. The reader streams: it holds one record at a time. The collapsed one-line
record (`%0 Journal Article %T ... %A ... %U ...`, seed 002) is split before every
known tag token that follows whitespace. What each tag means, per reference type, and
how its value is read is `_refer_map`'s job, shared with the EndNote XML reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TextIO

from . import InputFormat, ParsedEntry, ParseProblem, build_entry, text_parser
from ._refer_map import FIELD_MAP, record_fields

_TAG_CHARS = "".join(re.escape(c) for c in FIELD_MAP)
_TAG_LINE = re.compile(rf"^%([{_TAG_CHARS}])(?: (.*)|)$")
# A tag token inside a collapsed line: `%`, a known tag character, a space, after whitespace.
_INLINE_TAG = re.compile(rf"(?:(?<=\s)|^)(?=%[{_TAG_CHARS}] )")
_DETECT_LINE = re.compile(rf"^%[{_TAG_CHARS}] ", re.MULTILINE)
_NEW_RECORD = re.compile(r"^%0(?: |$)")


def detect(head: str) -> int:
    """100 for `%0 ` at a line start or two tagged lines; also the one-line form."""
    if re.search(r"^%0 ", head, re.MULTILINE) and _DETECT_LINE.search(head):
        return 100
    if len(_DETECT_LINE.findall(head)) >= 2:
        return 100
    return 100 if re.search(r"(?:^|\s)%0 .*\s%T ", head) else 0


def _expand_collapsed(line: str) -> list[str]:
    """A record flattened onto one line becomes one line per tag.

    Aggregator pages put page text before it on the same line (formats.md §7): that
    prefix stays a line of its own, which the field reader reports and skips.
    """
    start = line.find("%0 ")
    if start < 0 or (start > 0 and not line[start - 1].isspace()):
        return [line]
    if len(_INLINE_TAG.findall(line, start)) <= 2:
        return [line]
    parts = [part.rstrip() for part in _INLINE_TAG.split(line[start:]) if part.strip()]
    return [line[:start].rstrip(), *parts] if line[:start].strip() else parts


def _blocks(stream: TextIO) -> Iterator[tuple[int, list[str]]]:
    """(first line number, lines) per record, read one line at a time."""
    start, lines = 0, list[str]()
    for number, raw in enumerate(stream, start=1):
        line = raw.rstrip()
        if not line:
            if lines:
                yield start, lines
            lines = []
            continue
        if lines and _NEW_RECORD.match(line):  # records not separated by a blank line
            yield start, lines
            lines = []
        if not lines:
            start = number
        lines.extend(_expand_collapsed(line))
    if lines:
        yield start, lines


def _fields(lines: list[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """Tag/value pairs with continuation lines joined; stray text before a tag is a warning."""
    pairs: list[tuple[str, str]] = []
    warnings: list[str] = []
    for line in lines:
        match = _TAG_LINE.match(line)
        if match:
            pairs.append((match.group(1), match.group(2) or ""))
        elif pairs:
            tag, value = pairs[-1]
            pairs[-1] = (tag, f"{value}\n{line}")
        else:
            warnings.append(f"text before the first tag ignored: {line[:40]!r}")
    return pairs, warnings


def read(stream: TextIO, origin: str) -> Iterator[ParsedEntry | ParseProblem]:
    """Records one at a time, each with the line its first tag is on."""
    for line, block in _blocks(stream):
        pairs, warnings = _fields(block)
        raw = "\n".join(block)
        if not pairs:
            yield ParseProblem(origin, line, "no %-tagged fields in this block", raw)
            continue
        fields, map_warnings = record_fields(pairs)
        yield build_entry(fields, origin, line, raw, warnings + map_warnings)


parse = text_parser(read)

FORMAT = InputFormat(
    name="endnote",
    description="EndNote tagged / Refer (%0, %T, %A ...), also flattened onto one line",
    suffixes=(".enw", ".refer", ".txt"),
    detect=detect,
    parse=parse,
    aliases=("refer", "enw", "endnote-tagged"),
    stream=read,
)
