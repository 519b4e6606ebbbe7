"""The header a web clipper or reader service writes above the page it converted.

Obsidian's and MarkDownload's clippers, and trafilatura, open with YAML front matter
(`---` / `title: …` / `source: …` / `---`); Jina Reader with `Title:`, `URL Source:` and
`Markdown Content:` lines. The page's own title and date follow in the body, and the
header goes: its values are the site's, not the article's (`… : Ingenta Connect`). A
clipping that begins below the page's title (the user selected from the byline down)
keeps that title only in the header; then the header's title, without the site's name,
heads the body.
"""

from __future__ import annotations

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
TITLE_WORDS_MIN = 4


def has_clipper_header(text: str) -> bool:
    return bool(FRONT_MATTER.match(text)) or bool(JINA_MARK.search(text))


def _words(text: str) -> str:
    return " ".join(MARKUP.sub("", text).split()).casefold()


def without_clipper_header(text: str) -> str:
    """The body, headed by the header's title when the body does not show it."""
    if (front := FRONT_MATTER.match(text)) is not None:
        text = text[front.end():]
        named = FRONT_TITLE.search(front[0])
        title = SITE_NAME.sub("", named["title"]) if named else ""
        if len(title.split()) >= TITLE_WORDS_MIN and _words(title) not in _words(text):
            text = f"{title}\n\n{text}"
    if (content := JINA_CONTENT.search(text)) is not None:  # Jina's header: above its mark
        text = JINA_HEADER.sub("", text[:content.end()]) + text[content.end():]
    return text
