"""What scraping leaves in PubMed page text, taken away so the page reader sees a copy.

1. The menus PubMed hides until clicked. A browser's copy holds only what was shown; a
   dump of the whole page (BeautifulSoup's `get_text`, a `sed` that strips tags, a
   converter) also holds each closed menu: the items under every MeSH term, publication
   type and substance, each listed article's `Select item 12345678` checkbox label, and
   the journal button's drop-down between the journal's name and its citation
   (`Breast` / `Breast` / `Search in PubMed` … / `.` / `2019 Nov;48 Suppl 1:S45-S51.`).
2. The labels of a researcher's own fetch script, which prints one record as

       PMID: 11340618
       TITLE: Trastuzumab in combination with taxanes: …
       SOURCE: Eur J Cancer. 2001 Jan;37 Suppl 1:S3-8. doi: ….
       AUTHORS: Hartwig Brandauer; Celia Montoya-Ruiz
       AFFIL: Department of …

   then `ABSTRACT`, `PUBLICATION TYPES`, `MESH TERMS` headings over the page's own lists.
   Without their labels the lines are the abstract view's title, citation and byline, so
   the labels go (the affiliation gets the page's heading) and the page reader does the
   rest.
"""

from __future__ import annotations

import re

# Each MeSH term, publication type and substance of the current page opens a menu, which a
# copy keeps under the term: `Actions` / `Search in PubMed` / `Search in MeSH` / `Add to Search`.
_TERM_MENU = frozenset({"actions", "search in pubmed", "search in mesh", "add to search",
                        "search in nlm catalog"})
# Each listed article's checkbox label (similar articles, `Comment on` items).
_CHECKBOX = re.compile(r"^\s*Select item \d+\s*$")
# What follows the journal button: the `. ` between it and the citation, on its own line.
_PERIOD = re.compile(r"^\s*\.\s*$")
# `2019 Nov;48…`, and ahead of print `2024 Jan 15:S0960-…` or `2024 Jan 3. Online ahead …`.
_CITATION_DATE = re.compile(r"^\s*(?:19|20)\d\d(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?\s*(?:[;:.]|$)")
_MAX_JOURNAL_WORDS = 12

# A fetch script's labels, its `#` header and its rules between records.
SCRIPT_LABEL = re.compile(r"^(?P<label>TITLE|SOURCE|CITATION|AUTHORS|AFFIL|AFFILIATIONS?|URL):"
                          r"\s+(?P<value>\S.*)$")
MIN_LABELS = 2  # one `TITLE:` line alone may be a page's own text
COMMENT = re.compile(r"^#(?:\s|$)")  # `# fetch_pubmed.py run …` at the top
RULE = re.compile(r"^\s*(?:={10,}|-{10,})\s*$")


def without_term_menus(lines: list[str]) -> list[str]:
    """The lines without those menus and checkbox labels (and the blank lines after them), so
    the terms above and below read as one list. A copy may keep only the `Actions` button
    of each."""
    kept: list[str] = []
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and (lines[end].strip().lower() in _TERM_MENU
                                    or _CHECKBOX.match(lines[end])
                                    or (end > index and not lines[end].strip())):
            end += 1
        if end > index:
            index = end  # a menu: dropped with the blank lines after it
        else:
            kept.append(lines[index])
            index += 1
    return kept


def joined_journal_button(lines: list[str]) -> list[str]:
    """`Breast` / `Breast` / `.` / `2019 Nov;48:S45.` -> `Breast. 2019 Nov;48:S45.` once the
    menus are gone: the button's name, the drop-down's copy of it, the period, the date."""
    joined: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        at = next((i for i in range(index + 1, min(index + 3, len(lines)))
                   if lines[i].strip()), None)  # the date line, a blank line at most between
        names = [kept for kept in joined[-4:] if kept.strip()]
        if _PERIOD.match(line) and at is not None and _CITATION_DATE.match(lines[at]) \
                and names and len(names[-1].split()) <= _MAX_JOURNAL_WORDS:
            name = names[-1].strip()
            while joined and joined[-1].strip() in ("", name):
                joined.pop()  # the name, its copy in the drop-down and the blanks around
            joined.append(f"{name}. {lines[at].strip()}")
            index = at + 1
            continue
        joined.append(line)
        index += 1
    return joined


def without_script_labels(lines: list[str]) -> list[str]:
    """The labelled lines as the page prints them, without the script's `#` comments above
    them and its `=====` rules; other texts are returned as they are."""
    top = next((i for i, line in enumerate(lines) if not COMMENT.match(line)), len(lines))
    if top and not any(line.strip() for line in lines[top:]):
        return []  # the text stops inside the script's header: there is no record yet
    lines = [line for line in lines[top:] if not RULE.match(line)] if top else lines
    if sum(1 for line in lines if SCRIPT_LABEL.match(line)) < MIN_LABELS:
        return lines
    plain: list[str] = []
    for line in lines:
        match = SCRIPT_LABEL.match(line)
        if match is None:
            plain.append(line)
        elif match["label"] == "URL":
            continue  # the page's address: the PMID it holds is printed on its own line
        elif match["label"].startswith("AFFIL"):
            plain += ["Affiliations", match["value"]]
        else:
            plain.append(match["value"])
    return plain
