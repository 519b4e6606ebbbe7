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

import re
from collections.abc import Callable
from typing import Any

from ..identifiers import normalize_doi, normalize_pmcid, normalize_pmid
from ._meta_tags import read_page
from ._page_values import split_author_list

_JOURNAL_WORDS = 12
_EXTRA_TITLE_WORDS = 3  # a trial's acronym the tag leaves out: `(PANTHER-2)`
_WORD = re.compile(r"[^\W_]+")
_MANUSCRIPT = re.compile(r"^\. Author manuscript;", re.IGNORECASE)
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
    """The page's visible text and its Highwire tags. The text ends in a line break unless
    the file stops inside its last text."""
    markup, stops_in_text = _whole_part(markup)
    page = read_page(markup, True)
    lines = list(page.lines)
    # On PubMed the journal is a button in a block of its own and the citation follows it as
    # `. 2021 …`, on the same line in a browser. (A PMC page's walker reads the two apart.)
    pubmed = any(value.strip().lower() == "pubmed" for name, value in page.metas
                 if name.startswith("ncbi_") or name == "og:site_name")
    # PMC's author manuscript prints `. Author manuscript; available in PMC: …` so too.
    for index in range(len(lines) - 1, 0, -1):
        if lines[index].startswith(". ") and 0 < len(lines[index - 1].split()) <= _JOURNAL_WORDS \
                and (pubmed or _MANUSCRIPT.match(lines[index])):
            lines[index - 1:index + 1] = [lines[index - 1] + lines[index]]
    tags: dict[str, str] = {}
    for name, value in page.metas:
        tags.setdefault(name, value)
    # PMC repeats `citation_author`, one tag a name; PubMed lists them all in one tag.
    names = [value.strip() for name, value in page.metas if name == "citation_author"]
    if names and "citation_authors" not in tags:
        tags["citation_authors"] = "; ".join(names)
    return "\n".join(lines).strip("\n") + ("" if stops_in_text else "\n"), tags


def _whole_part(markup: str) -> tuple[str, bool]:
    """The markup without a tag a download stopped inside (`<li><butt`), and whether it
    stopped inside a shown text: that text is then last and open, with no line break. A
    stop inside a script or a style cuts nothing shown."""
    end = markup.rstrip()
    tail = end[end.rfind(">") + 1:]
    if "<" in tail:
        return end[:end.rfind("<")], False
    lowered = end.lower()
    in_code = max(lowered.rfind("<script"), lowered.rfind("<style")) > max(
        lowered.rfind("</script"), lowered.rfind("</style"))
    return markup, bool(tail.strip()) and not in_code


def fill_from_tags(fields: dict[str, Any], tags: dict[str, str]) -> None:
    """The title, the journal's full name, and identifiers the visible text lacked, from the
    page's Highwire tags."""
    for key, (tag, normalise) in _FALLBACKS.items():
        if (key == "title" or not fields.get(key)) and tags.get(tag) \
                and not (key == "title" and _shown_in_full(tags[tag], fields.get("title"))):
            fields[key] = normalise(tags[tag])
    # The page shows the MEDLINE abbreviation (`Breast Cancer Res Treat`); its tags name the
    # journal in full (`Breast cancer research and treatment`), as Zotero stores it.
    full, shown = tags.get("citation_journal_title", "").strip(), fields.get("container_title")
    abbreviation = tags.get("citation_journal_abbrev", "").strip()
    if full and (not shown or shown == abbreviation or (
            not abbreviation and shown.casefold() != full.casefold())):
        if shown and shown.casefold() != full.casefold():
            fields["container_title_short"] = fields.get("container_title_short") or shown
        fields["container_title"] = full
    if fields.get("author") and tags.get("citation_authors"):
        _family_names_from_tag(fields["author"], tags["citation_authors"])
    if not fields.get("author") and tags.get("citation_authors"):  # `Doe JA;Roe R;`
        fields["author"] = split_author_list(tags["citation_authors"].rstrip("; "), [])


def _shown_in_full(tagged: str, shown: str | None) -> bool:
    """The page's heading is the tag's title, maybe with more in it (`(PANTHER-2)`)."""
    words, printed = _WORD.findall(tagged.casefold()), _WORD.findall((shown or "").casefold())
    rest = iter(printed)
    return bool(words) and len(printed) <= len(words) + _EXTRA_TITLE_WORDS \
        and all(word in rest for word in words)


def _family_names_from_tag(authors: list[dict[str, Any]], tag: str) -> None:
    """Two family names the byline prints as one might a given name and a family name
    (`Margarida Sousa Pinto`, `João Moreira da Silva`), whole as PubMed's tag lists them
    (`Sousa Pinto M`, `Moreira da Silva J`): the byline alone cannot tell. The tag is read
    as any author list, so a particle (`van der Berg A`) stays apart as it does there."""
    listed = split_author_list(tag.rstrip("; "), [])
    if len(listed) != len(authors):
        return  # the tag and the byline name different people, or the byline was folded
    for author, named in zip(authors, listed, strict=True):
        family, shown_family = named.get("family", ""), author.get("family", "")
        parts = (author.get(key, "") for key in ("given", "non_dropping_particle", "family"))
        shown = " ".join(part for part in parts if part)
        if shown_family and family != shown_family and family.endswith(f" {shown_family}") \
                and shown.endswith(f" {family}"):
            author.pop("non_dropping_particle", None)  # now inside the family name
            author["given"] = shown[:-len(family)].strip()
            author["family"] = family
