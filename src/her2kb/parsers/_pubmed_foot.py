"""What a PubMed-family page shows about the record below its abstract.

PMC closes each article with the journal's full name (`Articles from … are provided here
courtesy of …`): the 2024 design prints no logo line for some journals, and its citation
line has only the MEDLINE abbreviation. PMC's citation line dates an article by its online
publication when the issue came later (`2023 Dec 20;27(2):310–323`); the article notes
then name the issue: `Received 2023 Aug 1; Accepted 2023 Dec 2; Issue date 2024 Mar.`
Europe PMC's own citation line does the same, and the PMC full text it shows under an
open-access abstract prints the issue's citation.
"""

from __future__ import annotations

import re

from ._citation import Citation, parse_citation
from ._pubmed_head import COLLECTION, DATE_FIRST, Head

_COURTESY = re.compile(r"^Articles from (?P<journal>.+?) are provided here courtesy of\b")
_ISSUE_DATE = re.compile(r"^(?:Received\b.*;\s*)?Issue date:? "
                         r"(?P<date>(?:19|20)\d\d(?: [A-Z][a-z]{2})?)\b", re.IGNORECASE)


def footer_journal(lines: list[str]) -> str | None:
    """The journal PMC's footer names, if the text reaches it and it names no collection."""
    named = next((found["journal"] for line in lines if (found := _COURTESY.match(line))), None)
    return None if named is None or COLLECTION.search(named) else named


def read_foot(head: Head, lines: list[str]) -> None:
    """PMC's footer journal, and the issue date where the citation line gave the online one."""
    head.footer_journal = footer_journal(lines)
    cited = head.citation
    if cited is None or "preprint" in cited.tokens or not cited.date:
        return
    if not cited.below_byline:  # PMC's own citation line
        issued = next((found["date"] for line in lines if (found := _ISSUE_DATE.match(line))),
                      None)
        if issued:
            _dated_by_issue(cited, issued)
        return
    for line in lines if cited.volume else []:
        if not DATE_FIRST.match(line.split(". ", 1)[-1]):
            continue
        printed = parse_citation(line)
        if printed and (printed.volume, printed.issue) == (cited.volume, cited.issue) \
                and printed.date[:4] != cited.date[:4]:
            _dated_by_issue(cited, printed.date)
            return


def _dated_by_issue(cited: Citation, issued: str) -> None:
    """The issue's date is the record's; the online date is kept as such."""
    if issued[:4] != cited.date[:4]:
        cited.tokens.setdefault("published_online", cited.date)
        cited.date = issued
