"""A saved page whose tags a script stripped line by line: back to the text it shows.

`curl … | sed 's/<[^>]*>//g'` (and its Perl and grep cousins) removes every tag that opens
and closes on one line. What is left opens with the tags that spanned lines (`<link` /
`href=…>` in the head, `<button` over its attributes), holds the bodies of scripts and
JSON-LD blocks, the entities (`&#x27;`, `&amp;`) and the indentation of the markup, and
a blank line for each tag that stood alone. No closing tag survives: `</div>` always fits
on one line. That is how such a text is told from a page saved as HTML.
"""

from __future__ import annotations

import html
import re

# A tag name right after `<`, attributes up to its `>` over any number of lines:
# `p < 0.001 and n > 5` is no tag.
LEFTOVER_TAG = re.compile(r"<!--.*?-->|<[a-zA-Z][\w:-]*(?:\s[^<>]*)?/?>", re.DOTALL)
CLOSING_TAG = re.compile(r"</[a-zA-Z][\w:-]*\s*>")
# What a script or JSON-LD block leaves: assignments, calls, braces, `var`, `if (…) {…}`.
CODE_LINE = re.compile(
    r"^(?:(?:var|let|const|function|if|for|return|try|catch)\b.*[;{}]$"
    r"|(?:window|document|jQuery|\$)[.(].*[;{]$"
    r"|[\w.$\[\]\"']+\s*=\s*.+;$"
    r"|\{\s*\"@?\w+\".*\}$"
    r"|[{}()\[\];,]+$)"
)
TEXT_LINES_MIN = 20


def is_stripped_markup(text: str) -> bool:
    """Text that opens with a tag, holds no closing tag and many lines of plain text."""
    start = text.lstrip("\ufeff \t\r\n")
    if not start.startswith("<") or CLOSING_TAG.search(text):
        return False
    shown = LEFTOVER_TAG.sub("", text)
    return sum(1 for line in shown.splitlines() if line.strip()) >= TEXT_LINES_MIN


def stripped_markup_text(text: str) -> str:
    """The lines a browser would show: no leftover tag, code, entity or blank line."""
    shown = html.unescape(LEFTOVER_TAG.sub("", text))
    lines = (" ".join(line.split()) for line in shown.splitlines())
    kept = "\n".join(line for line in lines if line and not CODE_LINE.match(line))
    return kept + "\n" if text.endswith("\n") else kept
