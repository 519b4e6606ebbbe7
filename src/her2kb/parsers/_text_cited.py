"""A page's own reference to itself: the `Cite this article` line that repeats its title.

Two shapes carry the title, so the journal and numbering are the text after it:

    Citation: Doe A, Roe B (2022) Title. Front. Oncol. 12:845512. doi: …   (Frontiers, PLOS)
    Doe A, Roe B. Title. Ther Adv Med Oncol. 2020;12. doi:…                 (SAGE, JAMA: AMA)
    Doe, A., Roe, B. Title. BMC Cancer 18, 1142 (2018). https://doi.org/…    (Springer, BMC)
    Doe, A. and Roe, B. (2016) Title. Journal, 114(3), pp. 301-309. (doi: …)  (EPrints)
    Doe, A. (2022). Title. In: Roe, B. (eds) Book. Springer, Cham. https://doi.org/…  (chapter)

The second is a Vancouver reference whose tail is PubMed's `Journal. Year;Vol(Issue):Pages`
grammar (`_citation`), Springer's, APA's, Cochrane's (`… Reviews 2021, Issue 7. Art. No.:
CD014472.`) or a publisher's numbering shape (`Gland Surg 2022;11(3):512-524`). It is taken
only when a line of the page is the title it repeats, so a reference to another work (a
reference list, "related articles") never names this one's journal.
The EPrints form is the exception: a repository record prints its title only there, and its
`, pp.` pages mark the end of the title (the last `. ` before a journal name without dots).
"""

from __future__ import annotations

import re
from typing import Any

from ..identifiers import find_dois
from ._citation import parse_citation
from ._text_numbering import journal_citation

_LABELLED = re.compile(r"^(?:Citation|Cite\s+this\s+article(?:\s+as)?|"
                       r"How\s+to\s+cite(?:\s+this\s+article)?)\s*:\s*"
                       r"(?P<who>.+?)\s\((?:[A-Z][a-z]+ \d{1,2}, )?(?P<y>\d{4})\)\.?\s"
                       r"(?P<rest>.+)$")  # Cureus dates it in full: `(February 14, 2025)`
_LABELLED_TAIL = re.compile(r"^(?P<j>(?:[A-Z]|e[A-Z]|npj\s).*?\.?)\s+(?P<v>\d+)"  # `eLife 14:…`
                            r"(?:\s?\((?P<i>[^)]+)\))?:\s*(?P<p>[A-Za-z]*\d+(?:[-\u2013][A-Za-z]*\d+)?)\.?(?:\s|$)")
# Springer, BMC, Nature: `… Title. BMC Cancer 18, 1142 (2018). https://doi.org/…`.
_SPRINGER_TAIL = re.compile(r"^(?P<j>(?:[A-Z]|npj\s)[^,()]{1,150}?)\s+(?P<v>\d+),\s*"
                            r"(?P<p>[\w\u2013-]+)\s+"
                            r"\((?P<y>\d{4})\)\.?(?:\s+(?:https?://(?:dx\.)?doi\.org/)?"
                            r"(?P<doi>10\.\d{4,9}/\S+))?")
# APA and Harvard (Zenodo, Google Scholar's Cite box): `Doe, A. (2019). Title. Journal,
# 21(1), 97.` or `Doe, A., 2009. Title. Journal, 12(3), pp.148-155.`
_APA_TAIL = re.compile(r"^(?P<j>[A-Z][^,()]{1,150}?),\s*(?P<v>\d+)(?:\s?\((?P<i>[^)]+)\))?,\s*"
                       r"(?:pp?\.\s*)?(?P<p>[A-Za-z]?\d+(?:[-\u2013][A-Za-z]?\d+)?)\.?(?:\s|$)")
# Cochrane: `… Title. Cochrane Database of Systematic Reviews 2021, Issue 7. Art. No.:
# CD014472. DOI: 10.1002/14651858.CD014472.pub2.`
_COCHRANE_TAIL = re.compile(r"^(?P<j>[A-Z][^.,()]{1,150}?)\s+(?P<y>\d{4}),\s*Issue\s+"
                            r"(?P<i>\w+)\.\s*Art\.\s*No\.:?\s*(?P<p>\w+)\.?(?:\s+DOI:?\s*(?P<doi>10\.\S+?))?\.?$")
# Springer's `Cite this chapter`: `Doe, A. (2022). Title. In: Roe, B. (eds) Book. Series,
# vol 221. Springer, Cham. https://doi.org/…`: the book is the chapter's container.
_CHAPTER_TAIL = re.compile(r"^In:\s+(?:(?P<eds>[^()]{2,300}?)\s\(eds?\.?\)\s+)?"
                           r"(?P<book>[A-Z0-9][^.]{2,200}?)\.(?:\s|$)")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# EPrints (`Enlighten`-style repositories): the record's citation, the first line of its page.
_EPRINTS = re.compile(r"^(?P<who>[^()]{3,}?)\s\((?P<y>\d{4})\)\s(?P<t>\S.+?)\.\s+"
                      r"(?P<j>[A-Z][^.()]{2,150}?),\s*(?P<v>\d+)(?:\s?\((?P<i>[^)]+)\))?,\s*"
                      r"pp?\.\s*(?P<p>[A-Za-z]?\d+(?:\s*[-\u2013]\s*[A-Za-z]?\d+)?)\.")
MIN_TITLE_WORDS = 3
TITLE_LINES = 300


def _titles(lines: list[str], line: str) -> list[str]:
    # The page's own title stands near its top: only the first lines can be it, which
    # also keeps a long page from costing lines x lines substring searches.
    return [t.rstrip(".") for t in lines[:TITLE_LINES]
            if t is not line and len(t.split()) >= MIN_TITLE_WORDS and t.rstrip(".") in line]


def _labelled(line: str, lines: list[str]) -> dict[str, Any] | None:
    match = _LABELLED.match(line)
    if match is None:
        return None
    rest = match.group("rest")
    title = next((t for t in _titles(lines, line) if rest.startswith(t)), None)
    after = rest[len(title):].lstrip(". ") if title else ""
    tail = _LABELLED_TAIL.match(after)
    if not (title and tail):
        return None
    # The DOI that ends the page's own citation: a correction notice above it has another.
    dois = find_dois(after[tail.end():])
    return {"title": title, "container_title": tail.group("j"), "volume": tail.group("v"),
            "issue": tail.group("i"), "pages": tail.group("p"), "date": match.group("y"),
            "doi": dois[0] if dois else None}


def _vancouver(line: str, lines: list[str]) -> dict[str, Any] | None:
    for title in _titles(lines, line):
        at = line.find(f". {title}")
        if at <= 0:
            continue
        tail = line[at + len(title) + 2:].lstrip(".?! ")
        if springer := _SPRINGER_TAIL.match(tail):
            return {"title": title, "container_title": springer["j"], "volume": springer["v"],
                    "pages": springer["p"], "date": springer["y"], "doi": springer["doi"]}
        if cochrane := _COCHRANE_TAIL.match(tail):
            return {"title": title, "container_title": cochrane["j"], "issue": cochrane["i"],
                    "pages": cochrane["p"], "date": cochrane["y"], "doi": cochrane["doi"]}
        years = _YEAR.findall(line[:at])
        if (chapter := _CHAPTER_TAIL.match(tail)) and years:
            dois = find_dois(tail)
            return {"title": title, "container_title": chapter["book"], "date": years[-1],
                    "doi": dois[0] if dois else None}
        if (apa := _APA_TAIL.match(tail)) and years:
            return {"title": title, "container_title": apa["j"], "volume": apa["v"],
                    "issue": apa["i"], "pages": apa["p"], "date": years[-1]}
        citation = parse_citation(tail)
        if citation is not None and citation.journal and citation.has_parts:
            return {"title": title, "container_title": citation.journal,
                    "volume": citation.volume, "issue": citation.issue,
                    "pages": citation.pages, "date": citation.date,
                    "doi": citation.tokens.get("doi")}
        # AME, NEJM: no period after the journal (`Gland Surg 2022;11(3):512-524. doi: …`).
        if (shaped := journal_citation([tail])) and shaped["container_title"]:
            dois = find_dois(tail)
            return {"title": title, **shaped, "doi": dois[0] if dois else None}
    return None


def _eprints(line: str) -> dict[str, Any] | None:  # see repository_citation
    match = _EPRINTS.match(line)
    if match is None or len(match["t"].split()) < MIN_TITLE_WORDS:
        return None
    return {"title": match["t"], "container_title": match["j"], "volume": match["v"],
            "issue": match["i"], "pages": match["p"], "date": match["y"]}


def cited_work(lines: list[str]) -> dict[str, Any] | None:
    """Title, journal, numbering and date from a line that cites the page's own title."""
    for line in lines:
        if len(line) > 40 and (found := _labelled(line, lines) or _vancouver(line, lines)):
            return found
    return None


def repository_citation(top_lines: list[str]) -> dict[str, Any] | None:
    """The EPrints citation sentence among the lines above the abstract (a reference in
    the body has the same shape and is another work)."""
    return next((found for line in top_lines if (found := _eprints(line))), None)
