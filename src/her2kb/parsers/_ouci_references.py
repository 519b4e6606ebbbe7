"""OUCI reference lists (formats.md §7).

In a reference line, `Author (Year) Title, Journal, № 170, p. 321` or `Author, Title, Journal,
№ 170, p. 321`, the `№` is the **volume** (in the article's own head line it is the issue);
a DOI line right under a reference belongs to it. `CitedReference` keeps title, journal,
year and DOI; the volume and page are read only so that they never leak into the title or
journal.
"""

from __future__ import annotations

import re
from typing import Any

from ..identifiers import normalize_doi
from ._ouci_values import plausible_year
from ._page_values import ends_cut

# Reference lines: an optional number; the tail, read from the right.
NUMBER = re.compile(r"^\d{1,4}[.)]\s+")
# `DOI: https://doi.org/…` too: the APA-style list prints the link after a label.
DOI_LINE = re.compile(r"^(?:DOI:?\s*)?(?:(?:https?://)?(?:dx\.)?doi\.org/\S+|10\.\d{4,9}/\S+)",
                      re.IGNORECASE)
VOLUME_TAIL = re.compile(r",\s*№\s*(?P<volume>[^,]+?)\s*$")
PAGE_TAIL = re.compile(r",\s*(?:pp?|с)\.\s*(?P<page>[^,]+?)\s*$")
AUTHOR_YEAR = re.compile(r"^(?P<who>[^()]+?)\s*\((?P<year>\d{4})[a-z]?\)[.,:]?\s+(?P<rest>.+)$")
DOI_TAIL = re.compile(r",\s*(?P<doi>(?:https?://(?:dx\.)?doi\.org/)?10\.\d{4,9}/\S+?)\s*$")
YEAR_TAIL = re.compile(r",\s*(?P<year>\d{4})\s*$")
# Without a year the line opens with the first author's name: `Dalby, Title, Journal, …`,
# or with the initials first, `A Delgado, Title, Journal, № 68, p. 122, 2018`.
FAMILY_HEAD = re.compile(r"^(?P<who>(?:[A-Z]\.?\s){0,3}[^\W\d_][\w'’-]+(?:\s[A-Z]\.?){0,3}),"
                         r"\s+(?P<rest>.+,\s.+)$")


def is_doi_line(line: str) -> bool:
    return DOI_LINE.match(line) is not None


def parse_reference(line: str) -> tuple[dict[str, Any], bool]:
    """One reference as CitedReference kwargs, and whether its tail had the list's shape.

    The tail (`, № V`, `, p. P`, `, DOI` or `, YEAR`) closes a complete line; an `Authors (YEAR)`
    opening alone does not, so a line cut before its tail reads as incomplete.
    """
    text = NUMBER.sub("", line).strip()
    complete, doi, year = False, None, None
    if (tail := YEAR_TAIL.search(text)) and plausible_year(tail.group("year")):
        text, year = text[: tail.start()], int(tail.group("year"))
    if inline := DOI_TAIL.search(text):  # `…, p. 3390, https://doi.org/10.…, 2006`
        text, doi = text[: inline.start()], normalize_doi(inline.group("doi"))
    if page := PAGE_TAIL.search(text):
        text, complete = text[: page.start()], True
    if volume := VOLUME_TAIL.search(text):
        text, complete = text[: volume.start()], True
    if year is not None:
        complete = True  # a year at the very end closes the line too
    elif (tail := YEAR_TAIL.search(text)) and plausible_year(tail.group("year")):
        text, year, complete = text[: tail.start()], int(tail.group("year")), True
    if (head := AUTHOR_YEAR.match(text)) and plausible_year(head.group("year")):
        text, year = head.group("rest"), int(head.group("year"))
    elif complete and (family := FAMILY_HEAD.match(text)):
        text = family.group("rest")
    title, _, journal = text.rpartition(", ") if complete else ("", "", text)
    if not title:  # one segment only: it is the title, the journal is unknown
        title, journal = journal, ""
    reference = {"title": title.strip(" .") or None,
                 "container_title": journal.strip(" .") or None, "year": year}
    return (reference | {"doi": doi} if doi else reference), complete


def read_references(lines: list[str], at_end: bool, warnings: list[str]
                    ) -> list[dict[str, Any]]:
    """The reference section's lines as CitedReference kwargs; a cut last line is dropped."""
    references: list[dict[str, Any]] = []
    shapes: list[bool] = []
    last = ""
    for line in lines:
        if is_doi_line(line):
            doi = normalize_doi(re.sub(r"\s*·.*$", "", line))
            if references and doi and not references[-1].get("doi"):
                references[-1]["doi"] = doi
            continue
        reference, shaped = parse_reference(line)
        references.append(reference)
        last = line
        shapes.append(shaped)
    if at_end and references and not shapes[-1] and ends_cut(last) and lines[-1] == last:
        references.pop()
        shapes.pop()
        warnings.append("last reference cut off at the end of the text; dropped")
    odd = shapes.count(False)
    if odd:
        warnings.append(f"{odd} reference(s) not in the `…, Journal, № V, p. P` shape; "
                        "kept as title only")
    return references
