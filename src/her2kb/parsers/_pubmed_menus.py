"""The menus PubMed hides until clicked, as a dump of the whole page keeps them.

A browser's copy holds only what was shown. A text dump of the page (BeautifulSoup's
`get_text`, a `sed` that strips tags, a converter) also holds each closed menu: the
items under every MeSH term, publication type and substance, each listed article's
`Select item 12345678` checkbox label, and the journal button's
drop-down between the journal's name and its citation (`Breast` / `Breast` /
`Search in PubMed` … / `.` / `2019 Nov;48 Suppl 1:S45-S51.`).
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
_CITATION_DATE = re.compile(r"^\s*(?:19|20)\d\d\b[^;]{0,20};")
_NAME_WORDS = 12


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
        after = next((later for later in lines[index + 1:index + 3] if later.strip()), "")
        names = [kept for kept in joined[-4:] if kept.strip()]
        if _PERIOD.match(line) and _CITATION_DATE.match(after) and names \
                and len(names[-1].split()) <= _NAME_WORDS:
            name = names[-1].strip()
            while joined and joined[-1].strip() in ("", name):
                joined.pop()  # the name, its copy in the drop-down and the blanks around
            joined.append(f"{name}. {after.strip()}")
            index = lines.index(after, index + 1) + 1
            continue
        joined.append(line)
        index += 1
    return joined
