"""Reading a JSON array element by element from a stream (used by the CSL-JSON reader).

`json.JSONDecoder.raw_decode` runs over a sliding window of the stream, so a large
export never sits in memory whole. An element that is not valid JSON is reported at
its line; reading resumes at the next element that starts a line at the same
indentation (pretty-printed files, and one-element-per-line files).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TextIO

CHUNK = 1 << 16
MAX_ITEM = 1 << 24  # an element still unparsed after this many characters is broken
_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"\s*")
_SHOWN = 200  # characters of a broken element kept for the problem report


@dataclass(frozen=True)
class JsonItem:
    """One top-level value: its line, the value, its text; or the reason it is not JSON."""

    line: int
    value: Any
    raw: str
    error: str | None = None


class JsonWindow:
    """A window on the stream: `pos` is the next unread character, `line()` its line."""

    def __init__(self, stream: TextIO) -> None:
        self.stream, self.text, self.pos, self.line_base = stream, "", 0, 1

    def more(self) -> bool:
        chunk = self.stream.read(CHUNK)
        if not chunk:
            return False
        self.line_base += self.text.count("\n", 0, self.pos)
        self.text, self.pos = self.text[self.pos:] + chunk, 0
        return True

    def line(self) -> int:
        return self.line_base + self.text.count("\n", 0, self.pos)

    def peek(self) -> str | None:
        """The next non-space character, or None at the end of the stream."""
        while True:
            self.pos = _SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self.more():
                return None

    def value(self) -> JsonItem:
        """The next JSON value, reading on while it may be incomplete."""
        line = self.line()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as error:
                if len(self.text) - self.pos > MAX_ITEM or not self.more():
                    return JsonItem(line, None, self.text[self.pos:self.pos + _SHOWN], error.msg)
                continue
            if end < len(self.text) or not self.more():
                raw, self.pos = self.text[self.pos:end], end
                return JsonItem(line, value, raw)

    def resync(self) -> bool:
        """Skip a broken element: on to the next `{` that starts a line at its indentation."""
        indent = self.text[self.text.rfind("\n", 0, self.pos) + 1:self.pos]
        if indent.strip():
            return False  # elements share lines: nothing to resynchronise on
        target = "\n" + indent + "{"
        while True:
            found = self.text.find(target, self.pos + 1)
            if found >= 0:
                self.pos = found + 1 + len(indent)
                return True
            self.pos = max(self.pos, len(self.text) - len(target))
            if not self.more():
                return False


def array_items(window: JsonWindow) -> Iterator[JsonItem]:
    """Each element of the array opening at `window.pos`; commas and `]` are optional."""
    window.pos += 1
    while (char := window.peek()) not in (None, "]"):
        if char == ",":
            window.pos += 1
            continue
        item = window.value()
        yield item
        if item.error is not None and not window.resync():
            return
