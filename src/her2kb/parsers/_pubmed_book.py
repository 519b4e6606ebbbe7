"""A PubMed record of an NCBI Bookshelf chapter: the book stands where the journal would.

Such a page prints no citation line. In its place is the book line, then the chapter's
own date, then the title:

    In: Doe JA, Roe R, editors. Examples in Oncology [Internet]. Bethesda (MD): Example
    Press; 2024 Jan-.
    2024 Mar 18.

Without editors the line starts with the book (`In: StatPearls [Internet]. Treasure Island
(FL): StatPearls Publishing; 2025 Jan-.`). In CSL the chapter's container is the book.
"""

from __future__ import annotations

import re
from typing import Any

from ._citation import DATE, Citation
from ._page_values import split_author_list

BOOK_LINE = re.compile(
    r"^In:\s+(?:(?P<editors>[^.]+?),\s+editors?\.\s+)?(?P<book>.+?)\.\s+"
    r"(?:(?P<edition>\d+\w{2}\s+edition)\.\s+)?"
    r"(?:(?P<place>[^:;.]+(?:\([A-Z]{2}\))?):\s+)?(?P<publisher>[^:;]+?);\s+"
    rf"(?P<date>{DATE})[-–]?\.?$")
# The chapter's own date, on the line under the book line.
CHAPTER_DATE = re.compile(rf"^(?P<date>{DATE})\.?$")


def read_book_line(line: str) -> dict[str, Any] | None:
    """The book's fields from an `In: …` line, else None."""
    match = BOOK_LINE.match(line)
    if match is None:
        return None
    return {"container_title": match["book"].strip(), "publisher": match["publisher"].strip(),
            "publisher_place": match["place"], "edition": match["edition"],
            "editor": split_author_list(match["editors"], []) if match["editors"] else [],
            "type": "chapter", "date": match["date"]}


def book_citation(book: dict[str, Any]) -> Citation:
    """The book line read as a journal-less citation carrying the book's date: it anchors
    the head as a citation line does (the title is below it)."""
    return Citation(journal=None, date=book["date"])


def chapter_date(line: str) -> str | None:
    match = CHAPTER_DATE.match(line)
    return match["date"] if match else None


def book_fields(book: dict[str, Any] | None) -> dict[str, Any]:
    """Record keys for the book; the date is the citation's."""
    if book is None:
        return {}
    return {key: value for key, value in book.items() if key != "date" and value}
