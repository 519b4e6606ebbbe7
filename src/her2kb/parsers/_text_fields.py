"""Fields read from a scholarly page's visible text: the generic reader's last resort.

Only the head of the page counts (the lines before a reference-list heading), because
reference lists carry DOIs and citation lines of other works (formats.md §12.4). The
citation line is the PubMed shape `Journal. Year;Vol(Issue):Pages` (§4.3). Labelled lines
(`Authors:`, `Keywords:`, `DOI:` …) are read as such; the title, an unlabelled author line
and an unheaded abstract are guesses, each named in a note for the caller's warnings.
"""

from __future__ import annotations

import re
from typing import Any

from ..identifiers import find_dois, normalize_doi, normalize_pmid
from ..text import clean_spaces
from ._citation import Citation, parse_citation
from ._page_values import checked_abstract

# `Label: value` lines -> common keys (case-folded label).
LABELS = {
    "title": "title", "authors": "authors", "author": "authors", "author(s)": "authors",
    "journal": "container_title", "published": "date", "publication date": "date",
    "date published": "date", "published online": "date", "volume": "volume",
    "issue": "issue", "pages": "pages", "doi": "doi", "pmid": "pmid",
    "keywords": "keywords", "key words": "keywords", "abstract": "abstract",
    "summary": "abstract",
}
LABEL_LINE = re.compile(r"^(?P<label>[A-Za-z() ]{3,20}):\s*(?P<value>.*)$")
CITE_LABEL = re.compile(r"^(?:Citation|Cite(?: this article)?(?: as)?|How to cite(?: this "
                        r"article)?|Source|Published in)\s*:\s*", re.IGNORECASE)
DOI_ONLY = re.compile(r"^(?:doi\s*:?\s*|https?://(?:dx\.)?doi\.org/)?10\.\d{4,9}/\S+$",
                      re.IGNORECASE)
ABSTRACT_HEADING = re.compile(r"^(?:Abstract|Summary)\s*:?$", re.IGNORECASE)
# Headings that end the abstract; reference-list headings also end the page's head.
REFERENCES_HEADING = re.compile(
    r"^(?:References|Bibliography|Literature cited|Works cited|Cited by|Citing articles|"
    r"Similar articles|Related articles)\s*:?$", re.IGNORECASE)
STOP_HEADING = re.compile(
    r"^(?:\d{1,2}\.?\s+)?(?:Introduction|Background and aims|Main text|Full text|Results|"
    r"Methods|Discussion|Conclusions?|Acknowledg(?:e)?ments?|Funding|Copyright\b.*|©.*|"
    r"Cite this article|Download.*|Figures?|Tables?)\s*:?$", re.IGNORECASE)
FURNITURE = re.compile(
    r"^(?:Skip to (?:main )?content|Menu|Search|Sign in|Log ?in|Register|Home|Back to top|"
    r"Cookies?.*|Accept.*|Download(?: PDF)?|PDF|Share|Cite|Print|E-?mail|Open Access|"
    r"Full text|(?:Research|Review|Original) article|Article|View article|Journals?.*)$",
    re.IGNORECASE)
NAME_PART = re.compile(
    r"^(?:(?:[A-Z][\w'’.-]*|van|von|de|der|den|da|di|del|la|le|du|dos|ten|ter)\s+){1,4}"
    r"[A-Z][\w'’-]+[\d*†‡]*$")
BY_LINE = re.compile(r"^By\s+(?P<names>[A-Z].+)$")
PMID = re.compile(r"\bPMID:?\s*(?P<v>\d{1,8})\b")
MIN_TITLE_WORDS, MIN_TITLE_CHARS, MAX_TITLE_CHARS = 4, 20, 300
ABSTRACT_MIN_WORDS = 40


def head_lines(lines: list[str]) -> list[str]:
    """The page's lines before the first reference-list heading, cleaned (blanks kept)."""
    cleaned = [clean_spaces(line) for line in lines]
    end = next((i for i, line in enumerate(cleaned) if REFERENCES_HEADING.match(line)),
               len(cleaned))
    return cleaned[:end]


def label_of(line: str) -> tuple[str, str] | None:
    match = LABEL_LINE.match(line)
    key = LABELS.get(match.group("label").strip().casefold()) if match else None
    return (key, match.group("value").strip()) if match and key else None


def read_text(lines: list[str], notes: dict[str, str]) -> dict[str, Any]:
    """Common keys from visible text; `notes[key]` says why a key's value is doubtful."""
    head = head_lines(lines)
    at_end = len(head) == len(lines)
    found: dict[str, Any] = {}
    for line in head:
        pair = label_of(line)
        if pair and pair[1] and pair[0] not in found:
            found[pair[0]] = pair[1]
    _read_citation(head, found, notes)
    _read_ids(head, found, notes)
    _read_abstract(head, at_end, found, notes)
    _read_title_and_authors(head, found, notes)
    if isinstance(found.get("keywords"), str):
        value = found["keywords"].rstrip(".")
        found["keywords"] = [k.strip() for k in value.split(";" if ";" in value else ",")
                             if k.strip()]
    return found


def metadata_end(head: list[str]) -> int:
    """Index of the first abstract line (heading, `Abstract:` label or long paragraph)."""
    return next((i for i, line in enumerate(head) if ABSTRACT_HEADING.match(line)
                 or ((pair := label_of(line)) is not None and pair[0] == "abstract")
                 or len(line.split()) >= ABSTRACT_MIN_WORDS), len(head))


def citation_line(head: list[str]) -> tuple[Citation, str] | None:
    """The first citation line above the abstract (or labelled `Citation:` anywhere)."""
    end = metadata_end(head)
    for index, line in enumerate(head):
        labelled = CITE_LABEL.match(line)
        if index >= end and not labelled:
            continue
        text = line[labelled.end():] if labelled else line
        citation = parse_citation(text)
        if citation is not None and citation.journal and citation.has_parts:
            return citation, text
    return None


def work_dois(head: list[str]) -> list[str]:
    """DOIs of the work itself: on DOI-only lines, or anywhere above the abstract.

    A DOI in running text below the abstract belongs to a work the body cites (§12.4).
    """
    end = metadata_end(head)
    lines = [line for index, line in enumerate(head) if index < end or DOI_ONLY.match(line)]
    return find_dois("\n".join(lines))


def _read_citation(head: list[str], found: dict[str, Any], notes: dict[str, str]) -> None:
    found_line = citation_line(head)
    if found_line is None:
        return
    citation, line = found_line
    for key, value in (("container_title", citation.journal), ("date", citation.date),
                       ("volume", citation.volume), ("issue", citation.issue),
                       ("pages", citation.pages), ("doi", citation.tokens.get("doi"))):
        if value and key not in found:
            found[key] = value
    notes["container_title"] = ("journal, date, volume, issue and pages read from a "
                                f"citation line in the text: {line[:60]!r}")


def _read_ids(head: list[str], found: dict[str, Any], notes: dict[str, str]) -> None:
    dois = work_dois(head)
    if not found.get("doi") and dois:
        found["doi"] = dois[0]
    chosen = normalize_doi(found.get("doi"))
    others = [d for d in dois if chosen and d.lower() != chosen.lower()]
    if others:
        notes["doi"] = f"{len(others)} other DOI(s) above the abstract; took {chosen}"
    top = "\n".join(head[: metadata_end(head)])
    if not found.get("pmid") and (match := PMID.search(top)):
        found["pmid"] = match.group("v")
    found["pmid"] = normalize_pmid(found.get("pmid"))


def _read_abstract(head: list[str], at_end: bool, found: dict[str, Any],
                   notes: dict[str, str]) -> None:
    """Under an `Abstract` heading (or after `Abstract:`), else the first long paragraph."""
    start, guessed, head = _abstract_start(head, found.get("abstract"))
    end = start
    while end < len(head) and not _ends_abstract(head[end], end - start, guessed):
        end += 1
    text = "\n".join(line for line in head[start:end] if line)
    if guessed and text:
        notes["abstract"] = "guessed the abstract from the first long paragraph; check it"
    cut: list[str] = []
    found["abstract"] = checked_abstract(text, at_end and not any(head[end:]), cut)
    if cut:
        notes["abstract"] = cut[0]


def _abstract_start(head: list[str], inline_text: str | None) -> tuple[int, bool, list[str]]:
    """Where the abstract starts, whether that is a guess, and the lines to read it from."""
    heading = next((i + 1 for i, line in enumerate(head) if ABSTRACT_HEADING.match(line)), None)
    if heading is not None:
        return heading, False, head
    inline = next((i for i, line in enumerate(head)
                   if (pair := label_of(line)) and pair[0] == "abstract" and pair[1]), None)
    if inline is not None and inline_text:
        return inline, False, [*head[:inline], inline_text, *head[inline + 1:]]
    long = next((i for i, line in enumerate(head) if len(line.split()) >= ABSTRACT_MIN_WORDS),
                len(head))
    return long, True, head


def _ends_abstract(line: str, offset: int, guessed: bool) -> bool:
    if guessed and offset > 0 and not line:
        return True  # a guessed abstract is one paragraph
    return bool(STOP_HEADING.match(line) or label_of(line))


def _substantial(line: str) -> bool:
    words = line.split()
    return (len(words) >= MIN_TITLE_WORDS and MIN_TITLE_CHARS <= len(line) <= MAX_TITLE_CHARS
            and not FURNITURE.match(line) and label_of(line) is None
            and parse_citation(line) is None and not find_dois(line)
            and "http" not in line and len(words) < ABSTRACT_MIN_WORDS)


def _read_title_and_authors(head: list[str], found: dict[str, Any],
                            notes: dict[str, str]) -> None:
    """The title line (labelled, else guessed) and an unlabelled author line right under it.

    The guess prefers a substantial line standing above an author line (names, `By …` or
    `Authors:`): site names and section labels above the title are short lines too.
    """
    filled = [line for line in head if line]
    candidates = [i for i, line in enumerate(filled) if _substantial(line)]
    above_names = [i for i in candidates if i + 1 < len(filled) and (
        _names_line(filled[i + 1]) or (label_of(filled[i + 1]) or ("",))[0] == "authors")]
    chosen = above_names or candidates
    index: int | None = chosen[0] if chosen else None
    if found.get("title"):
        index = next((i for i, line in enumerate(filled) if line.endswith(found["title"])), None)
    elif index is not None:
        found["title"] = filled[index]
        where = "the line above the authors" if above_names else "the first substantial line"
        notes["title"] = f"guessed title from {where}; check it"
    if found.get("authors") or index is None or index + 1 >= len(filled):
        return
    names = _names_line(filled[index + 1])
    if names:
        found["authors"] = names
        notes["authors"] = "guessed authors from the line under the title; check them"


def _names_line(line: str) -> str | None:
    """The names of a `Given Family, Given Family` (or `By …`) line, else None."""
    if by := BY_LINE.match(line):
        line = by.group("names")
    parts = [p.strip() for p in re.split(r",|;|\band\b", line.rstrip(",;")) if p.strip()]
    return line if parts and all(NAME_PART.match(p) for p in parts) else None
