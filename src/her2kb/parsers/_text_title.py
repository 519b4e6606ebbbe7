"""The title and author lines of a scholarly page's visible text, when no label names them.

The title is a guess: the first substantial line, preferring one that stands above an
author line (names, a `By …` line, an `Authors:` label or a Wiley / OUP author panel).
Site furniture (menus, buttons, paywall boxes) is never a candidate.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from ..identifiers import find_dois
from ._citation import parse_citation
from ._journal_names import PUBLISHED_IN, journal_line
from ._text_abstract import ABSTRACT_MIN_WORDS
from ._text_article_type import GLUED_TYPE, METRIC, NAMED_TYPES
from ._text_lines import label_of
from ._text_name_blocks import (
    AUTHOR_HEADING,
    bare_names_one_a_line,
    family_first_one_a_line,
    names_after_by,
    names_evidence,
    names_in_panels,
    names_one_a_line,
    names_with_affiliations,
)
from ._text_names import FOLDED_PART, folds_names, names_line
from ._text_numbering import is_numbering_line, journal_citation

FURNITURE = re.compile(
    r"^(?:Skip to (?:main )?content|Menu|Search|Sign in(?: through .*)?|Log ?in(?: to .*)?|"
    r"Register|Home|"
    r"Back to top|"
    r"Cookies?.*|Accept.*|Download(?: PDF)?|PDF|Share|Cite(?: this article)?|Print|E-?mail|"
    r"We (?:and our partners )?use cookies.*|By using this site.*|Manage (?:preferences|cookies)|"
    r"(?:Open|Full|Free) Access|"
    # Springer's paywall box.
    r"Log in via .*|Access this (?:article|chapter)|Price includes VAT.*|Buy article PDF.*|"
    r"Find a journal.*|(?:.* )?Aims and scope(?: Submit manuscript)?|Submit manuscript|"
    r"Access provided by .*|"  # Springer Nature Link
    r"Use our pre-submission checklist|Avoid common mistakes on your manuscript\.?|"
    r"Submit an article(?: Journal homepage)?|Journal homepage|"  # Taylor & Francis
    r"Full text|(?:Research|Review|Original) article|Article|View article|Journals?.*|"
    # ScienceDirect's controls around the title and the author line.
    r"Author links open overlay panel|Show (?:more|less)|Add to Mendeley|View PDF|"
    r"(?:Show|View) abstract|"
    r"Get rights and content|Download full issue|Under a Creative Commons license|"
    # JAMA's and others' headings between the author line and the abstract.
    r"Author (?:Affiliations|Information)|Affiliations|Article Information|Key Points|"
    # Silverchair's controls: `Skip Nav Destination`, `Views Icon Views`, `Cite Icon Cite`.
    r"Author & Article Information|Skip Nav Destination|Article Navigation|Article history|"
    r"Article contents|\w+ Icon \w+|Get Permissions|Search Site|Download citation file:?|"
    r"(?:Previous|Next) Article|Close Modal|"
    # Silverchair (Karger, AACR) prints the subject between the title and the names.
    r"Subject Areas?:.*|"
    r"Metrics:.*|"  # Oncotarget: `Metrics: PDF 1188 views  |  HTML 2735 views`
    r"\d{1,3}(?:[–-]\d{1,3})? minutes?|"  # a reader view's reading time under the title
    # Cambridge Core's breadcrumb, one entry a line: `>Journals`, `>Volume 6 Issue 21`.
    r">.*|"
    # A row of links: `PDF  |  HTML  |  How to cite  |  Order a Reprint`.
    r"[\w ]{1,25}(?:\|[\w ]{1,25})+)$",
    re.IGNORECASE)
MIN_TITLE_WORDS, MIN_TITLE_CHARS, MAX_TITLE_CHARS = 4, 20, 300
CITATION_BELOW = 1.5  # between one name (1) and a sure author line (2)
TRANSLATION_RATIO = (0.75, 1.33)
MAX_BETWEEN = 4
# Between Springer's title and names: the article type, `Published:` and the numbering.
ARTICLE_TYPE = re.compile(r"^(?:(?:Original|Research|Review|Brief|Short|Clinical)\s+)?"
                          r"(?:Article|Paper|Report|Communication|Letter|Study)s?$", re.IGNORECASE)
# Cambridge Core: `Published online by Cambridge University Press: 20 October 2004` stands
# between the title and the names.
PUBLISHED_LINE = re.compile(r"^(?:Published|First published)\b.*\b(?:1[89]|20)\d\d\.?$")
BADGE = re.compile(r"\s+(?:Free|Open Access)$")
SILVERCHAIR_TYPE_DATE = re.compile(
    r"^[A-Z][\w ,:-]{2,40} \| [A-Z][a-z]+ \d{1,2},? (?:1[89]|20)\d\d$")  # `Research Article | …`
ACCESS_LINK = re.compile(r"\s+Get access$")  # OUP's link glued to the title
# Words that tell the languages of SciELO's (and Thieme's) titles apart: a title and its
# translation.
FUNCTION_WORDS = {
    "en": frozenset({"of", "the", "and", "in", "with", "for", "between", "from"}),
    "es": frozenset({"del", "el", "los", "las", "y", "en", "con", "entre", "una", "un"}),
    "pt": frozenset({"do", "da", "dos", "das", "e", "em", "com", "entre", "uma", "um", "no", "na"}),
    "fr": frozenset({"du", "des", "le", "les", "et", "avec", "dans", "une", "un", "chez"}),
    "de": frozenset({"der", "die", "das", "und", "mit", "bei", "beim", "im", "in", "von", "zur",
                     "zum", "für", "nach", "den", "dem", "einer", "eines"}),
}


def _cites_below(filled: list[str], index: int) -> bool:
    """The work's citation line is under this line, and this line is not the author line
    (Karger prints the names between the title and the citation)."""
    below = filled[index + 1] if index + 1 < len(filled) else ""
    # A bare `Volume 12, Issue 3` does not count: a journal name stands above those.
    return bool(below) and names_line(filled[index]) is None \
        and journal_citation([below]) is not None


def _without_badge(filled: list[str], index: int, head: list[str]) -> str:
    """Silverchair appends an access badge to the title (`… Interferon-γ Free`); the title
    the page cites elsewhere has none, and Silverchair's `Research Article | March 04 2025`
    line stands over it. Scopus glues the document type on."""
    title = filled[index]
    at = next((i for i, line in enumerate(head) if line.strip() == title), 0)
    above = head[at - 1].strip() if at else ""
    title = ACCESS_LINK.sub("", GLUED_TYPE.sub("", title))
    bare = BADGE.sub("", title)
    # The page's citation sentence: `…; Title. Cancer Res 1995; …`, OUP's `…, Title, Journal`.
    # No title ends in `Open Access`; one may end in `Free`.
    if bare != title and (title.endswith("Open Access") or SILVERCHAIR_TYPE_DATE.match(above)
                          or any(
            f"{bare}{end}" in line for line in filled for end in ".;,")):
        return bare
    return title


def _byline_below(filled: list[str], index: int) -> tuple[int, int]:
    """How surely names stand under the line at `index` (see `names_evidence`), and how
    far down. Springer prints the article type, dates and numbering between the title and
    the names; a sure author line (2) counts across up to MAX_BETWEEN such short lines."""
    evidence = names_evidence(filled, index + 1)
    if evidence:
        return evidence, 1
    for offset in range(2, MAX_BETWEEN + 2):
        between = filled[index + offset - 1] if index + offset < len(filled) else ""
        citation = parse_citation(between)  # Oncotarget: `Oncotarget. 2016; 7:45121-45134. …`
        if not (ARTICLE_TYPE.match(between) or label_of(between) or is_numbering_line(between)
                or PUBLISHED_LINE.match(between) or (citation and citation.has_parts)
                or between.casefold() in NAMED_TYPES or journal_line([between])):
            break
        if names_evidence(filled, index + offset) == 2:
            return 2, offset
    return 0, 1


def _translated(head: list[str], original: str, line: str) -> bool:
    """SciELO prints the title, then its translation, then the names: two title-like lines
    of about the same length and shape, one right under the other; the first is the work's
    own title. The translation is in another language: its function words differ."""
    return ((original, line) in pairwise(head) and _substantial(original)
            and TRANSLATION_RATIO[0] <= len(line) / len(original) <= TRANSLATION_RATIO[1]
            and original.count(":") == line.count(":")
            and not original.endswith(".") and not line.endswith(".")
            and _function_words(line) != _function_words(original))


def _function_words(line: str) -> str | None:
    """The language whose short function words the line uses most, if any."""
    words = line.casefold().split()
    counts = {language: sum(1 for word in words if word in vocabulary)
              for language, vocabulary in FUNCTION_WORDS.items()}
    best = max(counts, key=lambda language: counts[language])
    return best if counts[best] else None


def _substantial(line: str) -> bool:
    words = line.split()
    return (len(words) >= MIN_TITLE_WORDS and MIN_TITLE_CHARS <= len(line) <= MAX_TITLE_CHARS
            and not FURNITURE.match(line) and label_of(line) is None
            and parse_citation(line) is None and not find_dois(line)
            and journal_citation([line]) is None and not is_numbering_line(line)
            and not PUBLISHED_LINE.match(line)
            and "http" not in line and len(words) < ABSTRACT_MIN_WORDS
            and journal_line([line]) is None and not PUBLISHED_IN.match(line)  # Scilit: `in J`
            and not line.endswith(("...", "…"))  # T&F's breadcrumb cuts the title short
            and not METRIC.match(line))


def read_title_and_authors(head: list[str], found: dict[str, Any],
                           notes: dict[str, str]) -> None:
    """The title line (labelled, else guessed) and an unlabelled author line right under it.

    The guess prefers a substantial line standing above an author line (names, `By …` or
    `Authors:`): site names and section labels above the title are short lines too.
    """
    filled = [line for line in head if line and not FURNITURE.match(line)]
    candidates = [i for i, line in enumerate(filled) if _substantial(line)]
    # Under a bare `Authors` heading stand names and their institutions (ResearchGate);
    # the title is above it when anything there can be.
    heading = next((i for i, line in enumerate(filled) if AUTHOR_HEADING.match(line)
                    and i + 1 < len(filled) and names_line(filled[i + 1])), None)
    if heading is not None and any(i < heading for i in candidates):
        candidates = [i for i in candidates if i < heading]
    # Names under a line (2 surely, 1 for one name alone) or, between the two, the work's
    # citation line (ResearchGate: `June 2012Journal 134(2):617-28` under the title).
    strength = {i: max(_byline_below(filled, i)[0],
                       CITATION_BELOW if _cites_below(filled, i) else 0)
                for i in candidates}
    best = max(strength.values(), default=0)
    above = [i for i in candidates if best and strength[i] == best]
    chosen = above or candidates
    index: int | None = chosen[0] if chosen else None
    if found.get("title"):  # of the lines printing it (Springer: two), the one over names
        printed = [i for i, line in enumerate(filled) if line.endswith(found["title"])]
        index = max(printed, key=lambda i: _byline_below(filled, i)[0], default=None)
    byline = _byline_below(filled, index)[1] if index is not None else 1
    if not found.get("title") and index is not None:
        if above and index > 0 and _translated(head, filled[index - 1], filled[index]):
            index -= 1
            byline += 1  # under the translation
        found["title"] = _without_badge(filled, index, head)
        where = ("the line above the citation" if best == CITATION_BELOW else
                 "the line above the authors" if above else "the first substantial line")
        notes["title"] = f"guessed title from {where}; check it"
    if found.get("authors") or index is None or index + byline >= len(filled):
        return
    below = index + byline
    names = (names_in_panels(filled, below) or names_one_a_line(filled, below)
             or names_with_affiliations(filled, below) or bare_names_one_a_line(filled, below)
             or family_first_one_a_line(filled, below)
             or names_line(filled[below])
             or names_after_by(filled, below))
    if names:
        found["authors"] = names
        # One name a line (Scilit): a `+ 6 more` line under the last one folds the rest.
        listed = len(re.split(r"[,;]", names))
        one_a_line = len(re.split(r"[,;]", names_line(filled[below]) or "")) < listed
        found["authors_truncated"] = folds_names(filled[below]) or (one_a_line and any(
            FOLDED_PART.match(line) for line in filled[below + 1:below + listed + 1]))
        notes["authors"] = "guessed authors from the line under the title; check them"
