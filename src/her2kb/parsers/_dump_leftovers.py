"""What a converter or a script leaves around a page's text, and how it goes.

1. A clipper's header. Obsidian's and MarkDownload's clippers, and trafilatura, open with
   YAML front matter (`---` / `title: …` / `source: …` / `---`); Jina Reader with
   `Title:`, `URL Source:` and `Markdown Content:` lines. The page's own title and date
   follow in the body, and the header goes: its values are the site's, not the
   article's (`… : Ingenta Connect`). A clipping that begins below the page's title (the
   user selected from the byline down) keeps that title only in the header; then the
   header's title, without the site's name, heads the body.
2. The tags a script stripped line by line. `curl … | sed 's/<[^>]*>//g'` (and its Perl
   and grep cousins) removes every tag that opens and closes on one line. What is left
   holds the tags that spanned lines (`<link` / `href=…>` in the head, `<button` over its
   attributes), the bodies of scripts, styles and JSON-LD blocks, the entities
   (`&#x27;`, `&amp;`), the indentation of the markup, and a blank line for each tag that
   stood alone. No closing tag survives: `</div>` always fits on one line. Such a text is
   told by that, and by two of its other marks: attribute lines, entities, code.
3. One text node a line: a script dumping the DOM's text prints the `,` between names and
   the `/` between crumbs on lines of their own; they are joined again.
"""

from __future__ import annotations

import html
import re

FRONT_MATTER = re.compile(r"\A---\n(?:[A-Za-z_][\w -]*:.*\n|\s+.*\n|-.*\n)*?---\n")
FRONT_TITLE = re.compile(r"^title:\s*(?P<quote>[\"']?)(?P<title>.+?)(?P=quote)\s*$", re.MULTILINE)
# The site's name after the title in a tab's title (`… - PubMed`, `…: Ingenta Connect`).
SITE_NAME = re.compile(r"\s*[-–|:]\s*(?:Ingenta ?Connect|PubMed|PMC|Europe PMC|Scilit|OUCI|"
                       r"Semantic Scholar|ResearchGate|Dimensions)\s*$", re.IGNORECASE)
JINA_HEADER = re.compile(r"^(?:Title|URL Source|Published Time|Markdown Content):.*$",
                         re.MULTILINE)
JINA_MARK = re.compile(r"^(?:URL Source|Markdown Content):", re.MULTILINE)
JINA_CONTENT = re.compile(r"^Markdown Content:.*$", re.MULTILINE)
MARKUP = re.compile(r"[*_\\`#\[\]]")
TYPOGRAPHY = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-",
                            "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
TITLE_WORDS_MIN = 4
OPENING_WORDS = 8  # the title's opening the body must show (its tab title may add a site)

# A tag name right after `<`, attributes up to its `>` over any number of lines:
# `p < 0.001 and n > 5` is no tag.
LEFTOVER_TAG = re.compile(r"<!--.*?-->|<[a-zA-Z][\w:-]*(?:\s[^<>]*)?/?>", re.DOTALL)
CLOSING_TAG = re.compile(r"</[a-zA-Z][\w:-]*\s*>")
ATTRIBUTE_LINE = re.compile(r"^\s*(?:<[a-zA-Z][\w:-]*\s*$|[\w:-]+=\"[^\"]*\"\s*/?>?\s*$)",
                            re.MULTILINE)
ENTITY = re.compile(r"&(?:#x?[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
# What a script, style or JSON-LD block leaves: statements, calls, `"key": value,` pairs,
# lone braces, whole CSS rules. A line that opens a block (`{`, `[`) starts a run of code
# that ends when the brackets close.
CODE_LINE = re.compile(
    r"^(?:(?:var|let|const|function|if|else|for|while|return|try|catch)\b.*[;{}(]$"
    r"|(?:window|document|jQuery|\$)[.(\[].*[;{(]$"
    r"|[\w.$\[\]\"']+\s*=\s*.+;$"
    r"|\{\s*\"@?\w+\".*\}$"
    r"|\"[@\w-]+\"\s*:\s*.*$"
    r"|[^{}\s][^{}]*\{[^{}]*\}$"
    r"|[{}()\[\];,]+$)"
)
OPENS_BLOCK = re.compile(r"[{\[(]$")
MARKS_MIN = 3  # attribute lines, entities or code lines, each, before they count as marks
KINDS_MIN = 2
TEXT_LINES_MIN = 20


def has_clipper_header(text: str) -> bool:
    return bool(FRONT_MATTER.match(text)) or bool(JINA_MARK.search(text))


def _comparable(text: str) -> str:
    return " ".join(MARKUP.sub("", text).translate(TYPOGRAPHY).split()).casefold()


def without_clipper_header(text: str) -> str:
    """The body, headed by the header's title when the body does not show it."""
    if (front := FRONT_MATTER.match(text)) is not None:
        text = text[front.end():]
        named = FRONT_TITLE.search(front[0])
        # A tab title adds the site after ` | ` (`… | Journal | Full Text`) or a known name.
        title = SITE_NAME.sub("", named["title"].split(" | ")[0]) if named else ""
        opening = " ".join(title.split()[:OPENING_WORDS])
        if len(title.split()) >= TITLE_WORDS_MIN \
                and _comparable(opening) not in _comparable(text):
            text = f"{title}\n\n{text}"
    if (content := JINA_CONTENT.search(text)) is not None:  # Jina's header: above its mark
        text = JINA_HEADER.sub("", text[:content.end()]) + text[content.end():]
    return text


def is_stripped_markup(text: str) -> bool:
    """Text with no closing tag, many lines of plain text, and two kinds of leftovers."""
    if CLOSING_TAG.search(text):
        return False
    lines = [" ".join(line.split()) for line in LEFTOVER_TAG.sub("", text).splitlines()]
    marks = (len(ATTRIBUTE_LINE.findall(text)), len(ENTITY.findall(text)),
             sum(1 for line in lines if CODE_LINE.match(line)))
    return sum(1 for line in lines if line) >= TEXT_LINES_MIN \
        and sum(count >= MARKS_MIN for count in marks) >= KINDS_MIN


def _without_code(lines: list[str]) -> list[str]:
    """The lines without code: a code line that opens a block takes the lines up to the
    block's close with it (pretty-printed JSON-LD, a function's body)."""
    kept: list[str] = []
    depth = 0
    for line in lines:
        if depth:
            depth = max(0, depth + _opened(line))
        elif CODE_LINE.match(line):
            depth = max(1, _opened(line)) if OPENS_BLOCK.search(line) else 0
        else:
            kept.append(line)
    return kept


def _opened(line: str) -> int:
    return sum(line.count(c) for c in "{[(") - sum(line.count(c) for c in "}])")


def stripped_markup_text(text: str) -> str:
    """The lines a browser would show: no leftover tag, code, entity or blank line."""
    shown = html.unescape(LEFTOVER_TAG.sub("", text))
    lines = [" ".join(line.split()) for line in shown.splitlines()]
    kept = "\n".join(_without_code([line for line in lines if line]))
    return kept + "\n" if text.endswith("\n") else kept


# A dump of the DOM prints each text node on a line of its own.
PUNCTUATION_NODE = re.compile(r"^[,.;:/|·]$")  # a text node of its own between inline ones
JOINERS = frozenset({"/", "|", "·"})
NODE_LINES_MIN = 4
LABEL_NODE = re.compile(r"^[A-Z][\w ]{1,30}:$")


def one_node_a_line(lines: list[str]) -> bool:
    """A dump's `,` nodes between names, and the indentation it leaves on lines of their
    own (a browser's copy of Scilit has the first, never the second)."""
    return sum(1 for line in lines if PUNCTUATION_NODE.match(line.strip())) >= NODE_LINES_MIN \
        and sum(1 for line in lines if line and not line.strip()) >= NODE_LINES_MIN


def joined_nodes(lines: list[str]) -> list[str]:
    """`Anna Berg` / `,` / `Carl Dahl` -> `Anna Berg, Carl Dahl`; `Home` / `/` / `Articles`."""
    joined: list[str] = []
    glue_next = ""
    for line in lines:
        bare = line.strip()
        if not bare and glue_next:
            continue  # the blank lines a dump puts around each node
        if PUNCTUATION_NODE.match(bare) or bare.startswith((", ", "; ")):
            while joined and not joined[-1].strip():
                joined.pop()  # the blank lines between the node and the one before it
        if joined and (PUNCTUATION_NODE.match(bare) or bare.startswith((", ", "; "))):
            separator = " " if bare in JOINERS else ""
            joined[-1] = joined[-1].rstrip() + separator + bare
            glue_next = " " if bare in (*JOINERS, ",", ";") else ""
        elif glue_next and joined:
            joined[-1] = joined[-1].rstrip() + glue_next + bare
            glue_next = ""
        else:
            joined.append(line)
            # A label node (`Published:`) and its value node, blank lines between them.
            glue_next = " " if LABEL_NODE.match(bare) else ""
    return joined
