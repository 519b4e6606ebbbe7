"""PubMed and PMC pages saved as HTML ("Save page as…"), read as the page text they show.

NCBI marks its pages with its own `<meta name="ncbi_…">` tags (`ncbi_db` = `pubmed` or
`pmc`) or names the site in `og:site_name`; mirrors and proxies keep both, so detection is
by content (formats.md §4). The visible text of such a page is what "Save as text" gives,
so the layout walker reads it; that keeps what the Highwire tags leave out (MeSH terms,
publication types, substances, the full citation line). The site's own `citation_title`
names the record surely, where the visible text starts with navigation; the other tags
fill identifiers only where the visible text lacks them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..identifiers import normalize_doi, normalize_pmcid, normalize_pmid
from ._meta_tags import read_page
from ._page_values import split_author_list

_JOURNAL_WORDS = 12
_NCBI_DATABASES = {"pubmed", "pmc"}
_SITE_NAMES = {"pubmed", "pmc", "pubmed central (pmc)", "pubmed central"}
# Record key -> Highwire tag that may fill it, with its normaliser.
_FALLBACKS: dict[str, tuple[str, Callable[[str], str | None]]] = {
    "title": ("citation_title", str),
    "doi": ("citation_doi", normalize_doi),
    "pmid": ("citation_pmid", normalize_pmid),
    "pmcid": ("citation_pmcid", normalize_pmcid),
}


def is_ncbi_html(head: str) -> bool:
    """True for markup whose meta tags say it is a PubMed or PMC page."""
    for name, value in read_page(head, True).metas:
        if name.startswith("ncbi_") and value.strip().lower() in _NCBI_DATABASES:
            return True
        if name == "og:site_name" and value.strip().lower() in _SITE_NAMES:
            return True
    return False


def visible_text(markup: str) -> tuple[str, dict[str, str]]:
    """The page's visible text (whole: it ends in a line break) and its Highwire tags."""
    page = read_page(markup, True)
    lines = list(page.lines)
    # On PubMed the journal is a button in a block of its own and the citation follows it as
    # `. 2021 …`, on the same line in a browser. (A PMC page's walker reads the two apart.)
    pubmed = any(value.strip().lower() == "pubmed" for name, value in page.metas
                 if name.startswith("ncbi_") or name == "og:site_name")
    for index in range(len(lines) - 1, 0, -1) if pubmed else ():
        if lines[index].startswith(". ") and 0 < len(lines[index - 1].split()) <= _JOURNAL_WORDS:
            lines[index - 1:index + 1] = [lines[index - 1] + lines[index]]
    tags: dict[str, str] = {}
    for name, value in page.metas:
        tags.setdefault(name, value)
    # PMC repeats `citation_author`, one tag a name; PubMed lists them all in one tag.
    names = [value.strip() for name, value in page.metas if name == "citation_author"]
    if names and "citation_authors" not in tags:
        tags["citation_authors"] = "; ".join(names)
    return "\n".join(lines).strip("\n") + "\n", tags


def fill_from_tags(fields: dict[str, Any], tags: dict[str, str]) -> None:
    """The title, and identifiers the visible text lacked, from the page's Highwire tags."""
    for key, (tag, normalise) in _FALLBACKS.items():
        if (key == "title" or not fields.get(key)) and tags.get(tag):
            fields[key] = normalise(tags[tag])
    if not fields.get("author") and tags.get("citation_authors"):  # `Doe JA;Roe R;`
        fields["author"] = split_author_list(tags["citation_authors"].rstrip("; "), [])
