"""Page text that passed through other hands before it was saved, as it was copied.

1. An e-mail's quoting. A page copied into a message and forwarded or replied to comes
   back with `> ` before every line, under a cover note and the forwarding header: the
   quoted lines, unquoted, are the page.
2. A browser's print to PDF, its text extracted (`pdftotext`), or its preview copied. Each
   sheet opens with the print's date and time and the tab's title and closes with the
   page's address and the sheet number (`1/3`); a paragraph (or a list of names) that runs
   on over a break continues below them, and the title, printed larger, wraps short of the
   text's width.
"""

from __future__ import annotations

import re
from itertools import pairwise

# `> ` (or `>` alone on an empty line), once or nested (`> > `).
MAIL_QUOTE = re.compile(r"^(?:>[ \t]?)+")
QUOTED_LINES_MIN = 20
QUOTED_SHARE_MIN = 0.6
ALL_QUOTED_MIN = 3  # a short copy quoted whole: no note or headers around it


def is_mail_quoted(text: str) -> bool:
    """Most lines quoted as a mail client quotes them, or every line of a short copy."""
    filled = [line for line in text.splitlines() if line.strip()]
    quoted = sum(1 for line in filled if line.startswith(">"))
    return (quoted >= QUOTED_LINES_MIN and quoted >= QUOTED_SHARE_MIN * len(filled)) or (
        quoted == len(filled) >= ALL_QUOTED_MIN)


def unquoted_mail(text: str) -> str:
    """The quoted lines without their quoting; the unquoted note and headers go."""
    return "".join(MAIL_QUOTE.sub("", line) for line in text.splitlines(keepends=True)
                   if line.startswith(">"))


# Chrome's stamp `3/12/24, 10:41 AM` (Firefox: `12/03/2024, 10:41`), the tab's title below
# it or (copied from the print preview) after it; the sheet number `1/3` (Firefox: `1 of 3`)
# under the page's address, or after it on the same line.
PRINT_STAMP = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}(?::\d{2})?(?:\s?[AP]M)?"
                         # (pdftotext -layout sets the title apart, in its own column)
                         r"(?: +(?P<title>(?![AP]M\b)\S(?:(?!\s{3}).)*))?$")
SHEET_NUMBER = re.compile(r"^\d{1,3}(?:/| of )\d{1,3}$")
ADDRESS = re.compile(r"^https?://\S+$")
FOOTER = re.compile(r"^https?://\S+\s+\d{1,3}(?:/| of )\d{1,3}$")
# Firefox's sheets: the tab's title and the address over each, `Page 1 of 3` and the time under.
FIREFOX_HEADER = re.compile(r"^(?P<title>\S.*?)\s{3,}https?://\S+$")
FIREFOX_FOOTER = re.compile(r"^Page \d{1,3} of \d{1,3}\s{3,}\d{1,2}/\d{1,2}/\d{2,4},? "
                            r"\d{1,2}:\d{2}")
CUT_TITLE = re.compile(r"(?:…|\.\.\.).*$")  # a tab's title cut short (`The Antipr...: Site`)
CONTINUES = re.compile(r"^[a-z(\d]")
RUNS_ON = re.compile(r"(?:[,;&]|\band)$")  # a list of names or keywords broken by the sheet's end
HEADING_LINE_MIN = 40
BLANK_SHARE = 4  # pdftotext leaves a blank line after every block (a quarter of the lines)
HEADING_STOPS = (".", "!", "?", ":", ";")


def is_printed_page(text: str) -> bool:
    """The text of a page a browser printed: it opens with the print's stamp, and a sheet
    closes with the page's address and its number."""
    lines = [line.strip("\f ") for line in text.splitlines() if line.strip("\f ")]
    if lines and FIREFOX_HEADER.match(lines[0]):
        return any(FIREFOX_FOOTER.match(line) for line in lines)
    return bool(lines) and PRINT_STAMP.match(lines[0]) is not None and any(
        (ADDRESS.match(above) and SHEET_NUMBER.match(line)) or FOOTER.match(line)
        for above, line in pairwise(lines))


def printed_page_text(text: str) -> str:
    """The page without the print's headers and footers, its paragraphs whole again."""
    lines = [line.strip("\f").rstrip() for line in text.splitlines()]
    filled = [i for i, line in enumerate(lines) if line]
    stamps = [PRINT_STAMP.match(lines[i]) or FIREFOX_HEADER.match(lines[i]) for i in filled]
    # Each sheet's stamp, the tab's title under it, its address and its number go.
    drop = {i for k, i in enumerate(filled) if stamps[k] or SHEET_NUMBER.match(lines[i])
            or FIREFOX_FOOTER.match(lines[i])
            or (k > 0 and (stamp := stamps[k - 1]) and not stamp["title"])
            or FOOTER.match(lines[i]) or (ADDRESS.match(lines[i]) and k + 1 < len(filled)
                                          and SHEET_NUMBER.match(lines[filled[k + 1]]))}
    kept: list[str] = []
    broken = False  # a sheet ended since the last kept text
    for index, line in enumerate(lines):
        if index in drop:
            broken = True
            continue
        if broken and line and (CONTINUES.match(line) or RUNS_ON.search(
                next((above for above in reversed(kept) if above), ""))):
            while kept and not kept[-1]:
                kept.pop()  # the paragraph goes on from the sheet above
            if kept and RUNS_ON.search(kept[-1]):
                kept[-1], line = f"{kept[-1]} {line.strip()}", ""
        if line:
            broken = False
            kept.append(line)
        elif not broken:
            kept.append(line)
    tab = next((stamp["title"] for stamp in stamps if stamp and stamp["title"]), "")
    # The page's address stays once, at the top, as a clipper notes it: it may hold the DOI.
    address = next((word for i in sorted(drop) for word in lines[i].split()
                    if word.startswith("http")), "")
    return "\n".join([address, *_joined_headings(kept, tab)]) + "\n"


def _joined_headings(lines: list[str], tab: str) -> list[str]:
    """A printed page's lines joined where the sheet wrapped them: the lines that together
    begin the tab's title (printed larger, the title wraps short of the text's width; a
    title cut short in the tab joins the line after the one it starts), and in pdftotext's
    blocks a long line that ends no sentence. (A copied preview has no blank lines between
    its blocks: its paragraphs are rejoined as any wrapped text's are.)"""
    blocks = sum(1 for line in lines if not line) * BLANK_SHARE >= len(lines)
    cut, tab = CUT_TITLE.search(tab) is not None, CUT_TITLE.sub("", tab)
    joined: list[str] = []
    for line in lines:
        above = joined[-1] if joined else ""
        whole = above + ("" if above.endswith("-") else " ") + line
        titled = tab and above and ((tab.startswith(above) and (
            tab.startswith(whole) or whole.startswith(tab))) or (
            cut and above.startswith(tab) and above in lines and line[:1].isalpha()
            and not above.endswith(HEADING_STOPS) and not line.endswith(HEADING_STOPS)))
        # (`pdftotext -layout` keeps the page's indent and its lines as laid out: rows of a
        # list, such as MeSH terms, are no wrapped paragraph.)
        wrapped = blocks and len(above) >= HEADING_LINE_MIN and not above.startswith(" ") \
            and not above.endswith(HEADING_STOPS) and not ADDRESS.match(above)
        if line and above and (titled or wrapped):
            joined[-1] = whole
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

