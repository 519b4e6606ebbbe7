"""Page text that passed through other hands before it was saved, as it was copied.

1. An e-mail's quoting. A page copied into a message and forwarded or replied to comes
   back with `> ` before every line, under a cover note and the forwarding header: the
   quoted lines, unquoted, are the page.
2. A browser's print to PDF, its text extracted (`pdftotext`). Each sheet opens with the
   print's date and time and the tab's title and closes with the page's address and the
   sheet number (`1/3`); a paragraph that runs on over a break continues below them, and
   the title, printed larger, wraps short of the text's width.
"""

from __future__ import annotations

import re
from itertools import pairwise

# `> ` (or `>` alone on an empty line), once or nested (`> > `).
MAIL_QUOTE = re.compile(r"^(?:>[ \t]?)+")
QUOTED_LINES_MIN = 20
QUOTED_SHARE_MIN = 0.6


def is_mail_quoted(text: str) -> bool:
    """Most lines quoted as a mail client quotes them."""
    filled = [line for line in text.splitlines() if line.strip()]
    quoted = sum(1 for line in filled if line.startswith(">"))
    return quoted >= QUOTED_LINES_MIN and quoted >= QUOTED_SHARE_MIN * len(filled)


def unquoted_mail(text: str) -> str:
    """The quoted lines without their quoting; the unquoted note and headers go."""
    return "".join(MAIL_QUOTE.sub("", line) for line in text.splitlines(keepends=True)
                   if line.startswith(">"))


# Chrome's stamp `3/12/24, 10:41 AM` (Firefox: `12/03/2024, 10:41`); the sheet number
# `1/3` (Firefox: `1 of 3`).
PRINT_STAMP = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}(?::\d{2})?(?:\s?[AP]M)?$")
SHEET_NUMBER = re.compile(r"^\d{1,3}(?:/| of )\d{1,3}$")
ADDRESS = re.compile(r"^https?://\S+$")
CONTINUES = re.compile(r"^[a-z(\d]")
HEADING_LINE_MIN = 40
HEADING_STOPS = (".", "!", "?", ":", ";")


def is_printed_page(text: str) -> bool:
    """The text of a page a browser printed: it opens with the print's stamp, and a sheet
    closes with the page's address over its number."""
    lines = [line.strip("\f ") for line in text.splitlines() if line.strip("\f ")]
    return bool(lines) and PRINT_STAMP.match(lines[0]) is not None and any(
        ADDRESS.match(above) and SHEET_NUMBER.match(line)
        for above, line in pairwise(lines))


def printed_page_text(text: str) -> str:
    """The page without the print's headers and footers, its paragraphs whole again."""
    lines = [line.strip("\f").rstrip() for line in text.splitlines()]
    filled = [i for i, line in enumerate(lines) if line]
    # Each sheet's stamp, the tab's title under it, its address and its number go.
    drop = {i for k, i in enumerate(filled) if PRINT_STAMP.match(lines[i])
            or (k > 0 and PRINT_STAMP.match(lines[filled[k - 1]]))
            or SHEET_NUMBER.match(lines[i])
            or (ADDRESS.match(lines[i]) and k + 1 < len(filled)
                and SHEET_NUMBER.match(lines[filled[k + 1]]))}
    kept: list[str] = []
    broken = False  # a sheet ended since the last kept text
    for index, line in enumerate(lines):
        if index in drop:
            broken = True
            continue
        if broken and line and CONTINUES.match(line):
            while kept and not kept[-1]:
                kept.pop()  # the paragraph goes on from the sheet above
        if line:
            broken = False
        kept.append(line)
    return "\n".join(_joined_headings(kept)) + "\n"


def _joined_headings(lines: list[str]) -> list[str]:
    """A printed page's lines joined where a long line ends no sentence: a title the sheet
    wrapped (its type is larger, so its lines are short of the text's width) is one line."""
    joined: list[str] = []
    for line in lines:
        above = joined[-1] if joined else ""
        if line and len(above) >= HEADING_LINE_MIN and not above.endswith(HEADING_STOPS) \
                and not ADDRESS.match(above):
            joined[-1] = above + ("" if above.endswith("-") else " ") + line
        else:
            joined.append(line)
    return joined


def is_passed_on(text: str) -> bool:
    return is_mail_quoted(text) or is_printed_page(text)


def as_copied(text: str) -> str:
    """The text as the browser's copy held it, before the mail client or the print."""
    if is_mail_quoted(text):
        text = unquoted_mail(text)
    return printed_page_text(text) if is_printed_page(text) else text

