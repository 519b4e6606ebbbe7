"""The work's journal and numbering from the lines of a page that cite it.

In order: a PubMed-grammar citation line above the abstract (`Journal. Year;Vol(Issue):
Pages`, or any `Citation:` line), whose missing issue a publisher's numbering line with the
same volume fills in (Oncotarget: `Oncotarget. 2016; 7:45121-45134` and `Volume 7, Issue
28`); else the page citing its own title (`_text_cited`), a publisher's numbering line
(`_text_numbering`), an EPrints citation, or the numbering in a record block under the
abstract (Cambridge Core's `Information`, BMJ's `Citation`). Relation lines (`Comment in:
J Clin Oncol. 1999 …`) cite other works.
"""

from __future__ import annotations

import re
from typing import Any

from ..dates import parse_written_date
from ._citation import Citation, parse_citation, parse_europe_pmc
from ._text_cited import cited_work, repository_citation
from ._text_numbering import is_numbering_line, issue_of_volume, journal_citation

# (Dimensions prints `Published in Gastric Cancer, Volume 24, …` without the colon.)
CITE_LABEL = re.compile(r"^(?:(?:Citation|Cite(?: this article)?(?: as)?|How to cite(?: this "
                        r"article)?|Source|Published in)\s*:\s*|Published in\s+(?=[A-Z]))",
                        re.IGNORECASE)
RELATION = re.compile(r"^(?:Comment|Erratum|Update|Retraction|Republished|Expression of concern)"
                      r"\s+(?:in|on|of|for|from)\s*:", re.IGNORECASE)
OWN_BLOCKS, OWN_BLOCK_LINES = frozenset({"Information", "Citation"}), 3
CITED_NAMES = {"container_title": "journal"}  # how a warning names a key
ISSUE_DATE = "issue_date"  # the citation line's date, kept apart for the tags to yield to
CITED_DOI = "cited_doi"


def citation_line(head: list[str], end: int) -> tuple[Citation, str] | None:
    """The first citation line above the abstract (or labelled `Citation:` anywhere)."""
    for index, line in enumerate(head):
        labelled = CITE_LABEL.match(line)
        if index >= end and not labelled:
            continue
        text = line[labelled.end():] if labelled else line
        if RELATION.match(text):
            continue  # Ovid's `Comment in: J Clin Oncol. 1999 …`: another work
        # … or Europe PMC's (`Journal, 01 Aug 2023, 36(8):100213`), as a clipper keeps it:
        # its date names the month (CiNii's `Journal 38 (4), 211-219, 1991` does not).
        citation = parse_citation(text) or _europe_pmc(text)
        if citation is not None and citation.journal and citation.has_parts:
            return citation, text
    return None


def _europe_pmc(line: str) -> Citation | None:
    citation = parse_europe_pmc(line)
    return citation if citation and len(citation.date.split()) > 1 else None


def read_citation(head: list[str], end: int, found: dict[str, Any],
                   notes: dict[str, str], info: list[str]) -> None:
    found_line = citation_line(head, end)
    # (IOS Press labels its numbering line under the abstract: `Journal: J, vol. 35, no. 3, …`.)
    top = [text for text in head[:end] if text] + info + [
        text for text in head[end:] if text.startswith("Journal: ") and is_numbering_line(text)]
    if found_line is not None:
        citation, line = found_line
        values: dict[str, Any] = {
            "container_title": citation.journal, "date": citation.date,
            "volume": citation.volume, "issue": citation.issue, "pages": citation.pages,
            "doi": citation.tokens.get("doi")}
        shaped = journal_citation(top) if not citation.issue else None
        if shaped and shaped["volume"] == citation.volume:
            values["issue"] = shaped["issue"]
        if citation.volume and not values["issue"]:
            values["issue"] = issue_of_volume(top, citation.volume)
    else:  # a publisher's own shape (`Journal, Volume 5, Issue 2, …, Pages 1-9`)
        line = ""
        # Cambridge Core prints its numbering in an `Information` block under the abstract,
        # BMJ in a `Citation` block (the title, the names, then the numbering line).
        information = [line for i in range(end, len(head)) if head[i] in OWN_BLOCKS
                       for line in head[i + 1:i + 1 + OWN_BLOCK_LINES]]
        values = (cited_work([text for text in head if text]) or journal_citation(top)
                  or repository_citation(top) or journal_citation(information)
                  or journal_citation(top, unnamed=True) or {})
        if values.get("volume") and not values.get("issue"):
            values["issue"] = issue_of_volume([text for text in head if text], values["volume"])
    if not values:
        return
    if (doi := values.pop("line_doi", None)) and not found.get("doi"):
        found[CITED_DOI] = doi  # `_read_ids` prefers it to a sidebar's DOIs above it
    if values.get("date"):
        found[ISSUE_DATE] = values["date"]
        if not _same_year(found.get("date"), values["date"]):
            found.pop("date", None)  # the citation's print date beats an online date label
    taken = [key for key, value in values.items() if value and key not in found]
    if not taken:
        return
    found.update((key, values[key]) for key in taken)
    shown = f": {line[:60] + ('…' if len(line) > 60 else '')!r}" if line else ""
    what = ", ".join(CITED_NAMES.get(key, key) for key in taken)
    notes["container_title"] = f"{what} read from a citation line in the text{shown}"


def _same_year(labelled: str | None, cited: str) -> bool:
    first, second = parse_written_date(labelled or ""), parse_written_date(cited)
    return bool(first and second and first["date_parts"][0][0] == second["date_parts"][0][0])
