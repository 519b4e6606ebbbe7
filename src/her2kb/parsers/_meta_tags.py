"""Scholarly metadata in saved HTML: `<meta>` tags (Highwire, PRISM, Dublin Core) and JSON-LD.

A `Page` holds what the stdlib `html.parser` saw: every `<meta name|property=… content=…>`
in page order, the bodies of `<script type="application/ld+json">`, the `<title>`, and
the visible text as lines. The same tags written as text (`citation_title: …` lines, as
some scrapers and notes keep them) are read too. `vocabulary` turns the tags of one
vocabulary into the reader's common keys with the field maps below; the first listed
tag name with a value wins, and list keys collect every value in page order.
"""

from __future__ import annotations

import re
from typing import Any

from ..identifiers import normalize_doi
from ..text import plain_spaces
from ._html_collector import Page, collect_page, tag_name

# Common keys -> tag names in priority order (lower-cased; `dcterms.` is read as `dc.`).
HIGHWIRE = {
    "title": ("citation_title",),
    "authors": ("citation_author", "citation_authors"),
    "container_title": ("citation_journal_title", "citation_conference_title",
                        "citation_book_title", "citation_inbook_title"),
    "container_title_short": ("citation_journal_abbrev",),
    "publisher": ("citation_publisher",),
    "date": ("citation_publication_date", "citation_date", "citation_cover_date",
             "citation_year", "citation_online_date"),
    "volume": ("citation_volume",), "issue": ("citation_issue",),
    "first_page": ("citation_firstpage",), "last_page": ("citation_lastpage",),
    "doi": ("citation_doi",), "pmid": ("citation_pmid",),
    "issn": ("citation_issn", "citation_eissn"), "isbn": ("citation_isbn",),
    "keywords": ("citation_keywords", "citation_keyword"),
    "abstract": ("citation_abstract",), "language": ("citation_language",),
    "url": ("citation_abstract_html_url", "citation_fulltext_html_url", "citation_public_url"),
}
PRISM = {
    "container_title": ("prism.publicationname",),
    # The cover date is the issue's; T&F's `publicationDate` is the day it went online.
    "date": ("prism.coverdate", "prism.publicationdate", "prism.onlinedate"),
    "volume": ("prism.volume",), "issue": ("prism.number", "prism.issueidentifier"),
    "first_page": ("prism.startingpage",), "last_page": ("prism.endingpage",),
    "pages": ("prism.pagerange",), "doi": ("prism.doi",), "issn": ("prism.issn", "prism.eissn"),
    "isbn": ("prism.isbn",), "keywords": ("prism.keyword",), "url": ("prism.url",),
    "publisher": ("prism.publisher",),
}
DUBLIN_CORE = {
    "title": ("dc.title",),
    "authors": ("dc.creator", "dc.creator.personalname", "dc.contributor.author"),
    # (Atypon's plain `dc.Source` names the journal; a citation or a year there does not.)
    "container_title": ("dc.relation.ispartof", "dc.ispartof", "dc.source.journal", "dc.source"),
    # DSpace: `dc.source.volume` … and `dc.description` is often a deposit note.
    "volume": ("dc.source.volume",), "issue": ("dc.source.issue",),
    "pages": ("dc.source.pagenumber",),
    "date": ("dc.date.issued", "dc.issued", "dc.date", "dc.created"),
    "doi": ("dc.identifier", "dc.identifier.doi"), "publisher": ("dc.publisher",),
    "keywords": ("dc.subject",),
    "abstract": ("dc.description.abstract", "dc.abstract", "dc.description"),
    "language": ("dc.language",), "original_type": ("dc.type",),
}
LIST_KEYS = frozenset({"authors", "issn", "isbn", "keywords"})
# Highwire names that also say what kind of work this is.
HIGHWIRE_TYPES = {
    "citation_conference_title": "paper-conference", "citation_book_title": "chapter",
    "citation_inbook_title": "chapter", "citation_dissertation_institution": "thesis",
    "citation_technical_report_institution": "report",
}
# `citation_title: …`, `DC.creator = …`, `prism.volume: …` lines in plain text.
# DSpace's full item record copies as `dc.subject<TAB>HER2<TAB>en` (a language column).
TEXT_TAG = re.compile(r"^(?P<name>(?:citation_|dc\.|dcterms\.|prism\.)[\w.]+)(?:\s*[:=]\s*|\t+)"
                      r"(?P<v>[^\t\n]*[^\t\n\s])(?:\t+[a-z]{2,3}(?:_[A-Z]{2})?)?[ \t\r]*$",
                      re.IGNORECASE | re.MULTILINE)
MARKUP_TAG = re.compile(r"<(?:meta|script)\b", re.IGNORECASE)


def read_page(text: str, markup: bool) -> Page:
    """The page's tags and text; plain text keeps its own lines and `name: value` tags."""
    if markup or MARKUP_TAG.search(text):
        page = collect_page(text)
        if markup:
            return page
        metas = page.metas
    else:
        metas = []
    # A browser's copy may hold no-break spaces, and spaces at line ends: both go. Line
    # starts are kept, since record tables indent their continuation lines.
    page = Page(metas=metas, lines=[plain_spaces(line).rstrip() for line in text.split("\n")])
    page.metas += [(tag_name(m.group("name")), m.group("v").strip())
                   for m in TEXT_TAG.finditer(text)]
    return page


def vocabulary(metas: list[tuple[str, str]], field_map: dict[str, tuple[str, ...]]
               ) -> dict[str, Any]:
    """One vocabulary's tags as common keys; lists for LIST_KEYS, else the first value."""
    found: dict[str, Any] = {}
    for key, names in field_map.items():
        values = [value for name in names for tag, value in metas if tag == name]
        if key == "authors":  # one tag's list: `DC.creator` and `DC.contributor.author` agree
            values = next(([value for tag, value in metas if tag == name] for name in names
                           if any(tag == name for tag, _ in metas)), [])
        if key == "doi":  # `dc.identifier` also holds URLs, ISSNs and local ids
            values = [value for value in values if normalize_doi(value)]
        if key == "container_title":  # `dc.Source`: a journal, not a citation or a year
            values = [value for name in names for tag, value in metas if tag == name
                      and not (name == "dc.source" and any(map(str.isdigit, value)))]
        if key in LIST_KEYS and values:
            found[key] = values
        elif values:
            found[key] = values[0]
    if field_map is HIGHWIRE:
        kinds = [kind for name, kind in HIGHWIRE_TYPES.items() if any(t == name for t, _ in metas)]
        if kinds:
            found["type"] = kinds[0]
    return found


def highwire_names(metas: list[tuple[str, str]]) -> set[str]:
    """The distinct `citation_*` tag names present (detection counts them)."""
    return {name for name, _ in metas if name.startswith("citation_")}
