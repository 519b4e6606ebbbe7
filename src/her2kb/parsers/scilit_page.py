"""Scilit listing-page text (formats.md §5).

Layouts: full (title; `Top Cited Papers` / `Open Access` badges; `- ` metadata bullets;
`Abstract`; the abstract glued to a `Keywords` heading; `This publication has N references
indexed in Scilit:`; `- TitleJournal, Year` bullets), full without badges (`No abstract
availableKeywords`), minimal (title, blank, `Abstract`, abstract) and scrapes that start
at `Abstract`. Reference lines glue title and journal; `split_reference` undoes that with
the journal lists (§5 steps 1-4, §12.9).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..text import clean_spaces
from . import InputFormat, ParsedEntry, ParseProblem, build_entry
from ._page import ends_open
from ._page_values import checked_abstract, split_author_list
from ._scilit_bullets import read_bullet, read_cut_line
from ._scilit_lines import (
    ABSTRACT_HEADING,
    BADGES,
    GLUED_KEYWORDS,
    NO_ABSTRACT,
    REFERENCES_HEADER,
    detect,
    split_reference,
)
from ._text_names import names_line

KEYWORD_SPLIT = re.compile(r"\s*[;,]\s*")
REFERENCES_LEAD = "This publication has "  # the header, also when the text stops inside it
# Site controls and banners around the record; never a title, abstract or reference.
FURNITURE = re.compile(
    r"^(?:skip to (?:main )?content|scilit|search|sign in|log in|sign up|register|menu|share|"
    r"cite|save|export(?: citation)?|download(?: pdf)?|full text|view full text|pdf|metrics|"
    r"altmetric|back|copy|(?:add|save) to (?:list|library)|show (?:more|less|all)|load more|"
    r"see all|publications|sources|scholars|organi[sz]ations|rankings|"
    r"cookie (?:policy|settings)|we use cookies\b.*|accept(?: all)?(?: cookies)?)$",
    re.IGNORECASE,
)
# The start of a glued `Keywords` heading the text stopped inside, after a sentence end.
PARTIAL_KEYWORDS = re.compile(r"(?<=[.!?)\]])K(?:e(?:y(?:w(?:o(?:r(?:ds?)?)?)?)?)?)?$")


def parse(text: str, origin: str) -> Iterator[ParsedEntry | ParseProblem]:
    """One record per page; warnings name what the page lacked or what was guessed."""
    lines = [clean_spaces(line) for line in text.lstrip("\ufeff").splitlines()]
    fields: dict[str, Any] = {"type": "article-journal"}
    warnings: list[str] = []
    head, abstract, keywords, refs, last = _sections(
        [line for line in lines if not FURNITURE.match(line)])
    cut = last if ends_open(text) else None  # the section the text may stop inside
    _read_head(head, fields, warnings, cut == "head")
    _read_abstract(abstract, keywords, fields, warnings, cut)
    _read_references(refs, fields, warnings)
    missing = [name for name in ("title", "container_title", "issued") if not fields.get(name)]
    if missing:
        warnings.append(f"not on the page: {', '.join(missing)}")
    yield build_entry(fields, origin, 1, text, warnings)


def _sections(lines: list[str]) -> tuple[list[str], list[str], list[str], list[str], str]:
    """Cut the page into head, abstract, keyword and reference lines (blank lines dropped),
    and name the section that got the last line."""
    parts: dict[str, list[str]] = {"head": [], "abstract": [], "keywords": [], "refs": []}
    state = "head"
    for line in filter(None, lines):
        if REFERENCES_HEADER.match(line) or line.startswith(REFERENCES_LEAD):
            state = "refs"
        elif state in ("head", "abstract") and (glued := GLUED_KEYWORDS.search(line)):
            parts["abstract"].append(line[: glued.start()])
            parts["keywords"].extend(_keyword_list(glued.group("rest")))
            state = "keywords"
            continue
        elif state == "head" and line == ABSTRACT_HEADING:
            state = "abstract"
            continue
        elif state == "head" and line.startswith(NO_ABSTRACT):
            state = "abstract"
        elif state == "abstract" and line in ("Keywords", "Keywords:"):
            state = "keywords"
            continue
        target = parts[state]
        target.extend(_keyword_list(line) if state == "keywords" else [line])
    return parts["head"], parts["abstract"], parts["keywords"], parts["refs"], state


def _keyword_list(value: str) -> list[str]:
    value = value.removeprefix("- ").strip().lstrip(":").strip()
    return [k for k in KEYWORD_SPLIT.split(value) if k] if value else []


def _read_head(head: list[str], fields: dict[str, Any], warnings: list[str], cut: bool) -> None:
    """Title, author line, badges and `- ` metadata bullets; badges only count in the full
    layout. Site navigation above the title is skipped: the title is the line right above
    the badges and bullets, or above the author line that stands there.

    With `cut` the text stops inside the last head line: it is read only as far as a
    separator closed its parts, and a warning names what was left empty.
    """
    # With metadata bullets the page is the full layout, where Scilit shows every badge it
    # has; a missing badge there is a shown "no". Elsewhere only a shown badge counts.
    full = any(line.startswith("- ") for line in head)
    badges = {flag: False for flag in BADGES.values()}
    title_at, authors_at = _title_and_authors(head)
    for index, line in enumerate(head):
        if cut and index == len(head) - 1:
            read_cut_line(line, "title" in fields, fields, warnings)
        elif line in BADGES:
            badges[BADGES[line]] = True
        elif line.startswith("- "):
            read_bullet(line[2:].strip(), fields, warnings)
        elif index == title_at:
            fields["title"] = line
        elif index == authors_at:
            fields["author"] = split_author_list(names_line(line) or "", warnings)
        elif title_at is not None and index > title_at:
            warnings.append(f"unrecognised line kept out of the record: {line[:60]!r}")
    fields.update({flag: seen for flag, seen in badges.items() if seen or full})


def _title_and_authors(head: list[str]) -> tuple[int | None, int | None]:
    """Indexes of the title and author lines among the plain lines above the metadata."""
    meta = next((i for i, line in enumerate(head) if line in BADGES or line.startswith("- ")),
                len(head))
    plain = [i for i in range(meta) if not head[i].startswith("- ")]
    if not plain:
        return None, None
    if len(plain) > 1 and names_line(head[plain[-1]]) and not names_line(head[plain[-2]]):
        return plain[-2], plain[-1]
    # The author line may also follow the badges, just above the first bullet.
    between = [i for i in range(meta, len(head)) if head[i] not in BADGES]
    below = between[0] if between and not head[between[0]].startswith("- ") else None
    return plain[-1], below if below is not None and names_line(head[below]) else None


def _read_abstract(abstract: list[str], keywords: list[str], fields: dict[str, Any],
                   warnings: list[str], cut: str | None) -> None:
    """The abstract and keywords; one the text stops inside is left empty or shortened."""
    paragraphs = [p for p in abstract if p]
    if cut == "abstract" and paragraphs:
        # `…implications.Keyw`: the glued heading was cut, the abstract before it is whole.
        paragraphs[-1] = PARTIAL_KEYWORDS.sub("", paragraphs[-1])
        if NO_ABSTRACT.startswith(paragraphs[-1]) or paragraphs[-1].startswith(NO_ABSTRACT):
            paragraphs[-1] = NO_ABSTRACT
    if paragraphs and paragraphs[0].startswith(NO_ABSTRACT):
        warnings.append("the page says: no abstract available")
        paragraphs = paragraphs[1:]
    fields["abstract"] = checked_abstract("\n".join(paragraphs), cut == "abstract", warnings)
    if cut == "keywords" and keywords:
        warnings.append(f"keywords: the text ends inside {keywords[-1]!r}; dropped")
        keywords = keywords[:-1]
    fields["keywords"] = keywords


def _read_references(refs: list[str], fields: dict[str, Any], warnings: list[str]) -> None:
    stated = REFERENCES_HEADER.match(refs[0]) if refs else None
    if stated:
        fields["references_total_stated"] = int(stated.group(1).replace(",", ""))
    for number, line in enumerate(refs[1:] if stated else refs, start=1):
        if not line.startswith("- "):
            warnings.append(f"line in the reference list is not a reference: {line[:60]!r}")
            continue
        reference, doubt = split_reference(line[2:].strip())
        fields.setdefault("references", []).append(reference)
        if doubt:
            warnings.append(f"reference {number}: {doubt}")


FORMAT = InputFormat(
    name="scilit-page",
    description="Scilit listing page saved as text (badges, bullets, glued reference list)",
    suffixes=(".txt",),
    detect=detect,
    parse=parse,
    aliases=("scilit",),
    reads_shown_text=True,
)
