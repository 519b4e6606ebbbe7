"""Output formats of formatted references: placeholders for data characters, HTML, Markdown.

Fix 6 of bibliography.py: characters that mean something in HTML or Markdown are swapped
for private-use placeholders before citeproc renders (it does not escape data), and turned
back, escaped for the target format, afterwards; so a title can inject neither HTML nor
Markdown. Two more placeholders stand for a range dash (fix 7) and "et al.".
"""

from __future__ import annotations

import re
from typing import Any

# Placeholders live in plane 15 (private use), which no bibliographic source uses.
_SPECIALS = "&<>*_[]\\`~|$"  # fix 6: HTML and Markdown syntax
# Data cannot forge a placeholder: any code point of the block reads as U+FFFD.
_HIDE = str.maketrans({chr(0xF0000 + n): "\ufffd" for n in range(0x100)}
                      | {char: chr(0xF0000 + n) for n, char in enumerate(_SPECIALS)})
RANGE_DASH = chr(0xF0080)  # fix 7
ET_AL = chr(0xF0081)  # the name that stands for the authors a source left out
_ESCAPES = {
    "text": {},
    "html": {"&": "&amp;", "<": "&lt;", ">": "&gt;"},
    "markdown": {char: "\\" + char for char in _SPECIALS},
}
_SHOW = {
    to: str.maketrans(
        {chr(0xF0000 + n): escapes.get(char, char) for n, char in enumerate(_SPECIALS)}
        | {RANGE_DASH: "–"}
    )
    for to, escapes in _ESCAPES.items()
}


def hidden(value: Any) -> Any:
    """`value` (a string, or lists and dicts of them) with data characters as placeholders."""
    if isinstance(value, str):
        return value.translate(_HIDE)
    if isinstance(value, list):
        return [hidden(part) for part in value]
    if isinstance(value, dict):
        return {key: hidden(part) for key, part in value.items()}
    return value


def shown(text: str, to: str) -> str:
    """Turn the placeholders back into the data's characters, escaped for `to`."""
    return text.translate(_SHOW[to])


def html_list(entries: list[str], numeric: bool) -> str:
    tag = "ol" if numeric else "div"
    item = "li" if numeric else "div"
    rows = "".join(f'  <{item} class="csl-entry">{entry}</{item}>\n' for entry in entries)
    return f'<{tag} class="csl-bib-body">\n{rows}</{tag}>\n'


_MD_TAGS = {"<i>": "*", "</i>": "*", "<b>": "**", "</b>": "**"}
_MD_TAG = re.compile(r"(\s*)(</?[ib]>)(\s*)|<(?!/?su[bp]>)[^>]*>")
_MD_BLOCK = re.compile(r"^(?:([#+=-])|(\d+)([.)]))")


def _md_tag(match: re.Match[str]) -> str:
    before, tag, after = match.groups()
    if tag is None:
        return ""  # small caps, underline: no Markdown for them; <sup>/<sub> are kept
    # Emphasis cannot open before or close after a space: keep spaces outside the stars.
    if tag.startswith("</"):
        return _MD_TAGS[tag] + before + after
    return before + after + _MD_TAGS[tag]


def to_markdown(html: str) -> str:
    """citeproc's HTML as Markdown, before `_show` (data `<` is still a placeholder here)."""
    text = _MD_TAG.sub(_md_tag, html)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    # A line must not open a heading, list or quote block.
    return _MD_BLOCK.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text, count=1)


def markdown_list(lines: list[str], numeric: bool) -> str:
    if numeric:
        return "".join(f"{n}. {line}\n" for n, line in enumerate(lines, start=1))
    return "\n".join(line + "\n" for line in lines)
