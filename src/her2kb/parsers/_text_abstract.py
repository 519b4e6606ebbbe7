"""The abstract in a scholarly page's visible text (the generic reader, formats.md §0 step 8).

It starts under an `Abstract` heading with text below it (not a contents entry, nor
Oncotarget's tab over the byline), after `Abstract:`, or at the first long paragraph (a
guess, noted); it ends at a body or back-matter heading or the next labelled line. A
structured abstract prints its section names as headings (`Purpose`, `Methods` …); once it
opens with one, the later ones are kept as `Methods: …`, as PubMed prints them, until a
name comes round again (the body repeating them).
"""

from __future__ import annotations

import re
from typing import Any

from ._page_values import checked_abstract
from ._pubmed_abstract import STRUCTURED_LABELS, join_paragraphs
from ._text_lines import is_label_line, label_of
from ._text_names import SEPARATOR, names_line

ABSTRACT_HEADING = re.compile(r"^(?:Abstract|Summary)\s*:?$", re.IGNORECASE)
CONTENTS_HEADING = re.compile(r"^(?:Article contents|Contents|Table of contents|On this page|"
                              r"Jump to(?: section)?)$", re.IGNORECASE)
_CONTENTS_LINES, _CONTENTS_WORDS, _TAB_GAP = 12, 10, 30
STOP_HEADING = re.compile(
    r"^(?:\d{1,2}\.?\s+)?(?:Introduction|Background and aims|Main text|Full text|Results|"
    r"Methods|Discussion|Conclusions?|Acknowledge?ments?|Funding(?: Information)?|"
    r"Cite this article|Download.*|Figures?|Tables?|Key ?words|What's new\??|Citing Literature|"
    r"Supporting Information|Author contributions|Conflicts? of interest|Notes|Footnotes|"
    r"Key Points|Plain language summary|Graphical abstract|Highlights|Read full text|"
    r"Find it in (?:your|a) library|Peer Review reports|Competing interests?(?: statement)?|"
    r"Information(?: & Authors)?|Published In|Metrics(?: & Citations)?|"  # Atypon (ASCO)
    r"Declarations?(?: of interests?)?|Copyright\b.*|©.*|"
    r"View on .+|View via publisher|Save to library|"  # Semantic Scholar
    r"Show duplicate items from other databases|"  # ProQuest
    r"Files?(?: \(.*\))?|"  # repositories (HAL, Zenodo) list the deposited files
    # Paywall notes under an abstract (Atypon, Silverchair).
    r"Get (?:full )?access(?: to this article)?|This content is only available (?:via|as a) PDF\.?|"
    # The PDF preview (Silverchair, Academia.edu), Springer's record block.
    r"First page of .+|About this article)"
    r"\s*:?$",
    re.IGNORECASE)
# Semantic Scholar glues its fold button to the abstract's last sentence (`… negative. Collapse`).
FOLD_BUTTON = re.compile(r"(?<=[.!?])\s*(?:Collapse|Expand|Show less|Read less)$")
NO_ABSTRACT = re.compile(r"^(?:No abstract(?: available)?|Abstract not available)\.?$", re.I)
# Labelled lines below an abstract that no reader keeps (PLOS, Frontiers, journal footers).
END_LABEL = re.compile(
    r"^(?:Citation|Cite this(?: article)?|How to cite(?: this article)?|(?:Academic )?Editor|"
    r"Received|Accepted|Revised|Copyright|Competing interests|Conflicts? of interest|"
    r"Data availability(?: statement)?|\*?Correspondence(?: to)?|Contributions|Abbreviations|"
    r"Issue Section|Item Type|URI|Author Affiliations|Accession Number)\s*:"  # EPrints, EBSCO
    r"|^(?:MLA|APA|Chicago|Harvard|Vancouver)\s+(?=\S.*\b(?:1[89]|20)\d\d\b)",  # Scholar's Cite
    re.IGNORECASE)
# A row of buttons under an abstract (Zendy: `Read full text  Save  Cite  Share`).
BUTTON_WORDS = frozenset({"read", "full", "text", "save", "cite", "share", "download", "pdf",
                          "export", "citation", "print", "email", "view", "add", "to", "library",
                          "bookmark", "html", "request", "permissions", "reprints"})
_MAX_BUTTON_WORDS = 8
# `Background: HER2-low status may change …`: a structured abstract with no heading above it.
INLINE_LABEL = re.compile(r"^(?P<label>[A-Z][A-Za-z ]{2,40}?)\s*:\s+(?P<text>\S.*)$")
# The publisher's imprint closing an abstract paragraph (Wiley, Elsevier): `… survival.
# Int. J. Cancer 79:487–494, 1998. © 1998 Wiley-Liss, Inc.` (or `Cancer 1997; 79:1512‐20.
# © …`) is no part of the abstract.
IMPRINT = re.compile(r"(?:\s+(?:[A-Z(][\w()&.-]*\s){1,8}(?:\d+:\s?\w+(?:[-\u2010-\u2013]\w+)?,"
                     r"\s*\d{4}|\d{4};\s?\d+:\s?\w+(?:[-\u2010-\u2013]\w+)?)\.)?"
                     r"\s+(?:(?i:Copyright)\s*(?:©\s*)?\d{4}|©|\([cC]\)\s*\d{4})[^\n]{0,160}$")
SENTENCE_END = re.compile(r"[.!?][)\]\"'”’]?(?:\s|$)")
ABSTRACT_MIN_WORDS, _REAL_TEXT_WORDS, _HEADING_WORDS = 40, 8, 4  # (4: a heading's text)
_CLOSING_LABELS = frozenset({"conclusion", "conclusions", "conclusions and relevance",
                             "interpretation"})
# Section names that open a structured abstract (never `Results` or `Conclusions`).
_OPENING_LABELS = frozenset({"background", "objective", "objectives", "aim", "aims", "purpose",
                             "context", "importance", "introduction", "rationale"})


def _label(line: str) -> str | None:
    bare = line.rstrip(":").strip().casefold()
    return bare if bare in STRUCTURED_LABELS else None


def abstract_heading(head: list[str]) -> int | None:
    """Index of the first `Abstract` heading with the abstract below it (not a menu entry).
    Cambridge Core's `Article contents` menu lists `Abstract` over its sections' titles,
    above the real heading: an entry of that menu is skipped, as is a tab over the byline."""
    for index, line in enumerate(head):
        if not ABSTRACT_HEADING.match(line):
            continue
        below = next((text for text in head[index + 1:] if text), "")
        if in_contents_menu(head, index) and not below.endswith(".") and not _label(below) \
                and len(below.split()) <= _CONTENTS_WORDS:
            continue  # another entry follows (SAGE's `Contents` button stands over the text)
        near = [text for text in head[index + 1:index + _TAB_GAP] if text]
        tab = any(len(SEPARATOR.split(names_line(text) or "")) > 1 for text in near[:2]) \
            and any(map(ABSTRACT_HEADING.match, near))
        if not tab and (len(below.split()) >= _REAL_TEXT_WORDS
                        or (_label(below) and _long_after(head, index, below))):
            return index
    return None


def in_contents_menu(head: list[str], index: int) -> bool:
    """The line at `index` is an entry of a contents menu: under its heading, with only
    short lines between (`Article contents` / `Abstract` / `Mechanisms of resistance` …)."""
    for position in range(index - 1, max(-1, index - _CONTENTS_LINES), -1):
        line = head[position]
        if CONTENTS_HEADING.match(line):
            return True
        if line and (len(line.split()) > _CONTENTS_WORDS or line.endswith(".")):
            return False
    return False


def _long_after(head: list[str], index: int, label: str) -> bool:
    """True when the label under the heading is followed by a paragraph (a real section)."""
    lines = [text for text in head[index + 1:] if text]
    return len(lines) > 1 and lines[0] == label and len(lines[1].split()) >= _REAL_TEXT_WORDS


def metadata_end(head: list[str]) -> int:
    """Index of the first abstract line (heading, `Abstract:` label or long paragraph)."""
    heading = abstract_heading(head)
    # Above an `Abstract` heading a long line is not the abstract (a repository's
    # citation sentence, with the work's DOI in it).
    return next((i for i, line in enumerate(head) if i == heading
                 or ((pair := label_of(line)) is not None and pair[0] == "abstract")
                 or (heading is None and (_opens_structured(line) or _long_paragraph(line)))),
                len(head))


def read_abstract(head: list[str], at_end: bool, found: dict[str, Any],
                  notes: dict[str, str]) -> None:
    """Under an `Abstract` heading (or after `Abstract:`), else the first long paragraph.
    None where the page says it has none (Scilit: `No abstract available`)."""
    said = next((i for i, line in enumerate(head) if NO_ABSTRACT.match(line)), None)
    if said is not None and not any(map(_long_paragraph, head[:said])):
        found["abstract"] = None
        return
    start, guessed, head = _abstract_start(head, found.get("abstract"))
    first = next((line for line in head[start:] if line), "")
    structured = not guessed and _label(first) is not None
    end = _abstract_end(head, start, guessed, structured)
    lines = [line for line in head[start:end] if line]
    text = IMPRINT.sub("", (join_paragraphs(lines) if structured else "\n".join(lines)) or "")
    text = FOLD_BUTTON.sub("", text)
    if guessed and text:
        notes["abstract"] = "guessed the abstract from the first long paragraph; check it"
    cut: list[str] = []
    found["abstract"] = checked_abstract(text, at_end and not any(head[end:]), cut)
    if cut:
        notes["abstract"] = cut[0]


def _abstract_start(head: list[str], inline_text: str | None) -> tuple[int, bool, list[str]]:
    """Where the abstract starts, whether that is a guess, and the lines to read it from."""
    heading = abstract_heading(head)
    if heading is not None:
        below = next((i for i in range(heading + 1, len(head)) if head[i]), heading + 1)
        pair = label_of(head[below]) if below < len(head) else None
        if pair and pair[0] == "abstract" and pair[1]:  # WoS: `Abstract` then `Abstract: …`
            return below, False, [*head[:below], pair[1], *head[below + 1:]]
        return heading + 1, False, head
    inline = next((i for i, line in enumerate(head)
                   if (pair := label_of(line)) and pair[0] == "abstract" and pair[1]), None)
    if inline is not None and inline_text:
        return inline, False, [*head[:inline], inline_text, *head[inline + 1:]]
    labelled = next((i for i, line in enumerate(head) if _opens_structured(line)), None)
    long = next((i for i, line in enumerate(head) if _long_paragraph(line)), len(head))
    if labelled is not None and labelled <= long:
        return labelled, False, head
    return long, True, head


def _abstract_end(head: list[str], start: int, guessed: bool, structured: bool) -> int:
    """Index of the first line after the abstract. A structured abstract also ends at a
    run of blank lines after its closing section's text, unless a section name or a
    `Label: text` line follows (NEJM runs the article body on below the `Conclusions`
    paragraph, two blank lines down, with no heading; one blank line parts paragraphs)."""
    seen: set[str] = set()
    text_seen = False  # a line of running text
    closing = False  # under a `Conclusions` heading
    closing_text = False  # … and past the first line of its text
    for end in range(start, len(head)):
        line = head[end]
        if _ends_abstract(line, end - start, guessed, structured, seen):
            return end
        if not structured:
            # Under one paragraph of text, a short capitalised line is the next heading
            # (Dimensions `Research Categories`, Pure `Original language English`).
            if text_seen and _short_heading(line) and not _text_follows(head, end):
                return end
            text_seen = text_seen or len(line.split()) >= _REAL_TEXT_WORDS
            continue
        if label := _label(line):
            closing, closing_text = label in _CLOSING_LABELS, False
        elif line:
            closing_text = closing
        elif closing_text and end + 1 < len(head) and not head[end + 1]:
            following = next((text for text in head[end:] if text), "")
            if _label(following) is None and not INLINE_LABEL.match(following):
                return end
    return len(head)


def _text_follows(head: list[str], index: int) -> bool:
    """True when running text comes next: the short line opens a paragraph of the abstract
    (`HER2 testing` wrapped, `Trial registration NCT…`) rather than heading a list."""
    following = next((line for line in head[index + 1:] if line), "")
    return len(following.split()) >= _REAL_TEXT_WORDS


def _short_heading(line: str) -> bool:
    words = line.split()
    # No digits: `Trial registration NCT01234567` closes an abstract, it heads nothing.
    return (0 < len(words) <= _HEADING_WORDS and line[0].isupper()
            and line[-1] not in ".!?:;,)" and _label(line) is None
            and not any(char.isdigit() for char in line))


def _long_paragraph(line: str) -> bool:
    """A paragraph long enough to be an abstract, with a sentence in it; AME's
    `Contributions: (I) Conception …` and `Correspondence to: …` notes above the abstract
    are not, nor a library record's `Aged ; Antineoplastic Agents ; …` subject list."""
    return (len(line.split()) >= ABSTRACT_MIN_WORDS and not END_LABEL.match(line)
            and SENTENCE_END.search(line) is not None)


def _opens_structured(line: str) -> bool:
    """`Background: …` with a sentence after it: the first part of an unheaded abstract."""
    match = INLINE_LABEL.match(line)
    return bool(match and _label(match.group("label")) in _OPENING_LABELS
                and len(match.group("text").split()) >= _REAL_TEXT_WORDS)


def _ends_abstract(line: str, offset: int, guessed: bool, structured: bool,
                   seen: set[str]) -> bool:
    if guessed and offset > 0 and not line:
        return True  # a guessed abstract is one paragraph
    label = _label(line) if structured else None
    if label is not None:
        if label in seen or (label == "introduction" and seen):
            return True  # a section name met again: the body has started
        seen.add(label)
        return False
    return bool(STOP_HEADING.match(line) or is_label_line(line) or END_LABEL.match(line)
                or _is_button_row(line))


def _is_button_row(line: str) -> bool:
    words = line.casefold().split()
    return 1 < len(words) <= _MAX_BUTTON_WORDS and all(w in BUTTON_WORDS for w in words)
