"""Page text that a converter wrote instead of a browser: back to what a copy would hold.

Scraping scripts and tools turn a page into Markdown (html2text, markdownify, Jina
Reader, web clippers) or dumped text (lynx, w3m, pandoc, a browser's "save as text").
They wrap paragraphs at a fixed width, write links as `[text](url)` or `text [12]` with a
list of URLs at the end, headings as `# …`, bold as `**…**`, lists as `  * item`. The page
readers know the lines a browser's copy gives, so this module undoes those habits, in
this order:

1. a mail's quoting and a print's sheets go (`_passed_on_text`), a page whose tags a
   script stripped loses its leftovers, a clipper's header goes (`_dump_leftovers`);
2. lynx's list of links goes, and a dump with one text node a line (BeautifulSoup's
   `get_text("\\n")`) puts the `,` and `/` that stood between inline elements back;
3. a table a text browser drew in two columns becomes `Label: value` lines (see
   `_text_columns`);
4. hard-wrapped lines are joined where the next line's first word would not have fitted
   (the width is the longest wrapped line's; lynx's 79 on a page too short to show it);
5. Markdown links, images, emphasis, code marks, escapes, heading marks, rules, table
   pipes, inline HTML tags, list markers (`- ` alone stays: Scilit prints it), lynx's link
   numbers, `(BUTTON)` and empty form fields go.
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ._dump_leftovers import (
    ENTITY,
    has_clipper_header,
    is_stripped_markup,
    joined_nodes,
    one_node_a_line,
    stripped_markup_text,
    without_clipper_header,
)
from ._passed_on_text import as_copied, is_mail_quoted, is_passed_on
from ._text_columns import MD_ROW, MD_RULE, field_rows, table_rows

if TYPE_CHECKING:
    from . import InputFormat, ParsedEntry, ParseProblem

MIN_WRAP, MAX_WRAP, WRAP_BAND = 60, 100, 12  # widths converters wrap at (72, 76, 78 …)
MIN_WRAPPED_LINES = 8  # lines within WRAP_BAND of the width before the text counts as wrapped
MD_LINK = re.compile(r"!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\((?:[^()]|\([^()]*\))*\)")
MD_REF_LINK = re.compile(r"\[([^\[\]\n]+)\]\[\d*\]")
# pandoc's own Markdown: `[text]{.class}` spans, `{#id .class}` after headings, `::: div`
# fences, `^1^` superscripts, `\` hard line breaks, `[text]` reference links.
PANDOC_SPAN = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\{[^{}\n]*\}")
PANDOC_ATTRIBUTES = re.compile(r"\s*\{[#.][^{}\n]*\}")
PANDOC_FENCE = re.compile(r"^:::.*$")
INLINE_CODE, CODE_CHIPS = re.compile(r"`([^`\n]{1,80})`"), re.compile(
    r"^(?:`[^`\n]{1,80}`[ \t]*){2,}$", re.MULTILINE)
PANDOC_SUPERSCRIPT = re.compile(r"\^[\w,*†‡]+\^")
PANDOC_BREAK = re.compile(r"\\$")
PANDOC_REF = re.compile(r"\[([^\[\]\n]+)\](?![(\[{:])")
PANDOC_DOC = re.compile(r"^:::", re.MULTILINE)
MD_LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*(?:\S+)?\s*(?:\"[^\"]*\")?$")
IMAGE_ONLY = re.compile(r"^\s*!\[[^\]]*\]\s*$")
LYNX_MARK = re.compile(r"\[\d{1,4}\](?=\S)|\[\d{1,4}\]\s?(?=$)|\[\d{1,4}\] (?=[^\W\d_]|\[)")
LYNX_LINKS = re.compile(r"^(?:References:?|Visible links:?|Hidden links:)\s*$")  # w3m: `:`
LINK_ROW = re.compile(r"^\s*(?:\d{1,4}\.|\[\d{1,4}\])\s+(?:https?|file|javascript|mailto):\S*\s*$")
# `<url>`: Firefox's address after a link's text (never shown), or a Markdown autolink;
# a DOI's autolink is kept as its address (`…, pp 2245-2246; <https://doi.org/…>`).
ANGLE_URL = re.compile(r"\s*<(?:https?|mailto):[^>\s]*>")
DOI_AUTOLINK = re.compile(r"<(https?://(?:dx\.)?doi\.org/[^>\s]+)>")  # kept: the work's DOI
FORM_FIELD = re.compile(r"\[_*\s*_*\]|\(BUTTON\)\s*|\[[ _]{4,}\]")
BLANK_FIELD = re.compile(r"\[[ _]{4,}\]")  # w3m's text box: never part of a wrapped line
HTML_TAG = re.compile(r"</?(?:sup|sub|a|span|em|strong|i|b|br|div|p|small)\b[^>]*>",
                      re.IGNORECASE)
HEADING, MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+"), re.compile(r"^#{1,6} \S", re.MULTILINE)
RULE = re.compile(rf"^\s*(?:[-=_*]\s*){{3,}}$|{MD_RULE.pattern}")
BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
ITALIC = re.compile(r"(?<![\w*\\])([*_])(?=[^\s*_])([^*_\n]+?)(?<=\S)\1(?![\w*])")
ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
BULLET = re.compile(r"^(\s*)(?:[*+]\s+|-\s{2,})(?=\S)")  # `- ` alone is Scilit's own
MD_IMAGE = re.compile(r"!\[[^\[\]]*\]\((?:[^()]|\([^()]*\))*\)")
STARTS_BLOCK = re.compile(r"^\s*(?:[*+\-•o]\s|\d{1,3}[.)]\s|#|\||>|:::)")
# (lynx wraps at 79 columns, w3m at 80: a line may end one column further.)
MARKDOWN_LINKS_MIN, LYNX_ROWS_MIN, LYNX_WRAPPED_MIN, ENTITIES_MIN, LYNX_WIDTH = 3, 5, 4, 3, 79
# html2text wraps everything, links and headings too, at 78; its list items are `  * `.
HTML2TEXT_ITEM, HTML2TEXT_WIDTH = re.compile(r"^  (?:\*|\d+\.) \S"), 78
UNBROKEN = re.compile(r"\]\(|://|^\s*\[[^\]]+\]:")  # a link, URL or link definition
OVER_RATIO, MAX_OVER = 20, 2  # lines over the width: a few hand-made or unbreakable ones
SENTENCE_END = (".", ":", ";", "?", "!")
LABELLED = re.compile(r"^[^\W\d_][\w ]{0,24}:\s")  # `Publisher: …`, when capitalised
SUPERSCRIPT = re.compile(r"\s?\^\d{1,2}(?:,\d{1,2})*(?=[\s,;]|$)")  # `Yan Li ^1,`
# w3m draws buttons and links as `[Cite]`: the journal button opening a citation line,
# and list items that are links (MeSH terms), lose their brackets. A translated title
# keeps its own: it is neither.
W3M_BUTTONS, W3M_BUTTONS_MIN = re.compile(r"^\[[^\[\]]{1,30}\](?:\s+\[[^\[\]]{1,30}\])*$"), 3
BRACKETED_JOURNAL = re.compile(r"^\[([A-Z][^\[\]]{1,100})\](?=\.\s+(?:19|20)\d\d\b)")
BRACKETED_ITEM = re.compile(r"^(\s*•\s*)\[([^\[\]]+)\]$")
ID_ITEM = re.compile(r"^\s*[*+\-•]\s+((?:PMID|PMCID|DOI):)")


def wrap_width(lines: list[str], wrapped_min: int = MIN_WRAPPED_LINES) -> int | None:
    """The width the text was wrapped at, or None when its paragraphs run on one line.

    Converters leave list items, links and URLs unbroken, so only other lines count: the
    smallest width that hardly any of them exceeds, with enough lines just under it, most
    of which stop mid-sentence (a browser copy's affiliation lines end in a full stop).
    """
    plain = [line.rstrip() for line in lines
             if " " in line.strip() and not (STARTS_BLOCK.match(line) or UNBROKEN.search(line))]
    for width in range(MIN_WRAP, MAX_WRAP + 1):
        near = [line for line in plain if width - WRAP_BAND <= len(line) <= width]
        over = sum(len(line) > width for line in plain)
        mid_sentence = sum(not line.endswith(SENTENCE_END) for line in near)
        if len(near) >= wrapped_min and 2 * mid_sentence >= len(near) \
                and over <= max(MAX_OVER, len(near) // OVER_RATIO):
            return width
    return None


def is_converted(text: str) -> bool:
    """Markdown links, lynx's link list, a web clipper's header, hard-wrapped paragraphs,
    one text node a line, a table drawn in columns, a mail's quoting or a print's sheets."""
    lines = text.splitlines()
    return (is_passed_on(text) or one_node_a_line(lines) or table_rows(lines) != lines
            or len(MD_LINK.findall(text)) >= MARKDOWN_LINKS_MIN
            or (len(MD_HEADING.findall(text)) >= 2 and "\n## " in text)  # a `#` comment: none
            or sum(1 for line in lines if LINK_ROW.match(line)) >= LYNX_ROWS_MIN
            or has_clipper_header(text)
            or bool(PANDOC_DOC.search(text))
            or wrap_width(lines) is not None)


def unwrapped(lines: list[str], width: int) -> list[str]:
    """Lines joined where the converter broke them: the next word would not have fitted."""
    joined: list[str] = []
    above = ""  # the line above as the converter wrote it, not as joined so far
    for line in lines:
        word = line.split()[0] if line.strip() else ""
        wrapped = (joined and above.strip() and word and not STARTS_BLOCK.match(line)
                   and not (word[0].isupper() and LABELLED.match(line.strip()))
                   and len(above.rstrip()) + 1 + len(word) > width)
        if wrapped:
            glue = "" if re.search(r"\w-$", above.rstrip()) else " "
            joined[-1] = joined[-1].rstrip() + glue + line.strip()
        else:
            joined.append(line)
        above = line
    return joined


def _without_lynx_links(lines: list[str]) -> tuple[list[str], bool]:
    """lynx's `References` list of numbered URLs at the end, and whether there was one."""
    for index in range(len(lines) - 1, -1, -1):
        if LYNX_LINKS.match(lines[index]) and sum(
                1 for line in lines[index + 1:index + 8] if LINK_ROW.match(line)) >= 2:
            return lines[:index], True
    return lines, False


def _plain(line: str, lynx: bool, w3m: bool) -> str:
    if IMAGE_ONLY.match(line) or RULE.match(line) or MD_LINK_DEFINITION.match(line):
        return ""
    if table := MD_ROW.match(line):  # `| Journal | Cancer Reports |` -> a tab row
        line = "\t".join(cell.strip() for cell in table["cells"].split("|") if cell.strip())
    line = DOI_AUTOLINK.sub(r"\1", line)
    line = HTML_TAG.sub("", FORM_FIELD.sub("", ANGLE_URL.sub("", line)))
    line = LYNX_MARK.sub("", line) if lynx else line
    line = HEADING.sub("", BULLET.sub(r"\1", ID_ITEM.sub(r"\1", line)))
    line = ITALIC.sub(r"\2", BOLD.sub(r"\2", SUPERSCRIPT.sub("", line)))
    line = BRACKETED_JOURNAL.sub(r"\1", line)
    line = BRACKETED_ITEM.sub(r"\1\2", line) if w3m else line
    return ESCAPED.sub(r"\1", line).rstrip()


def browser_text(text: str) -> str:
    """The text as a browser's copy of the page would read."""
    copied = as_copied(text)
    if is_mail_quoted(text) and not is_converted(copied):
        return copied  # a plain copy sent on in a mail: read as that copy, nothing more
    text = copied
    if is_stripped_markup(text):
        text = stripped_markup_text(text)
    text = without_clipper_header(text)
    lines, lynx = _without_lynx_links(field_rows(text.splitlines()))
    lines = [BLANK_FIELD.sub("", line) for line in lines] if lynx else lines  # not wrapped
    if one_node_a_line(lines):
        lines = joined_nodes(lines)
    lines = table_rows(lines)
    # lynx always wraps (at 79 unless told otherwise): a short page shows it in few lines.
    width = wrap_width(lines, LYNX_WRAPPED_MIN if lynx else MIN_WRAPPED_LINES) or (
        LYNX_WIDTH if lynx and max(map(len, lines), default=0) <= LYNX_WIDTH + 1 else None) or (
        HTML2TEXT_WIDTH if sum(map(bool, map(HTML2TEXT_ITEM.match, lines))) >= 2 and all(
            len(line) <= HTML2TEXT_WIDTH or "://" in line for line in lines) else None)
    if width is not None:
        lines = unwrapped(lines, width)
    # Links first, over whole paragraphs: a wrapped link's text and URL span lines. lynx's
    # numbers go before, so that `[16](Refund Policy)` reads as no Markdown link.
    body = MD_IMAGE.sub("", "\n".join(lines))
    body = LYNX_MARK.sub("", body) if lynx else body
    pandoc = PANDOC_DOC.search(body) is not None
    if pandoc:
        body = PANDOC_SUPERSCRIPT.sub("", body)
        for _ in range(2):  # a span can hold a span: `[[Name]^1^]{.author}`
            body = PANDOC_SPAN.sub(lambda m: " ".join(m[1].split()), body)
        body = PANDOC_ATTRIBUTES.sub("", body)
    else:  # other Markdown writers' `^1^` and `` `Journal Article` ``: their text stays
        body = CODE_CHIPS.sub(lambda m: "; ".join(INLINE_CODE.findall(m[0])), body)  # keywords
        body = INLINE_CODE.sub(r"\1", PANDOC_SUPERSCRIPT.sub(lambda m: m[0].strip("^"), body))
    body = MD_REF_LINK.sub(r"\1", MD_LINK.sub(lambda m: " ".join(m[1].split()), body))
    if pandoc:
        body = PANDOC_REF.sub(r"\1", body)
        body = "\n".join(PANDOC_BREAK.sub("", PANDOC_FENCE.sub("", line))
                         for line in body.splitlines())
    if len(ENTITY.findall(body)) >= ENTITIES_MIN:  # a dump that left `&amp;`, `&#x27;` in
        body = html.unescape(body)
    w3m = sum(1 for line in lines if W3M_BUTTONS.match(line)) >= W3M_BUTTONS_MIN
    end = "\n" if text.endswith("\n") else ""  # a text that stops mid-line still does
    return "\n".join(_plain(line, lynx, w3m) for line in body.splitlines()) + end


def as_browser_copy(reader: InputFormat) -> InputFormat:
    """`reader`, reading the text a browser's copy of the converted page would hold."""
    def parse(text: str, origin: str) -> Iterator[ParsedEntry | ParseProblem]:
        return reader.parse(browser_text(text), origin)

    return dataclasses.replace(reader, parse=parse, stream=None)
