"""Saved PubMed and PMC page text: abstract view, legacy, full page, PMC article (formats.md §4).

One page is one record. The layouts (A1, A2, B1-B3, C, D, E in §4.1) share a head
(title, citation line, optional byline), an abstract, and labelled lists; the
walker in `_pubmed_layout` cuts them apart and `_pubmed_head` reads the head. Rules
kept here, with their section in formats.md:
* `issued` is the print date of the citation line; `Epub` / `eCollection` dates go
  to `available_date` (§4.3, §12.7). A `pii:` record has no volume, issue or pages.
* The DOI comes only from the citation line or the page's own ID lines; a
  prefix-only DOI is dropped with a warning (§12.4). PMID / PMCID only where printed.
* `language` is the language **name** as printed in `[Article in Spanish]`. Titles keep
  the final `.` legacy pages print (§4.5); matching folds it away.
* Saved text is often cut off (§4.2, issue 4): a field the text stops inside (title,
  author line, the last part of the citation line, an ID, the abstract, a last list
  item or keyword) is left empty, never kept as a fragment, and a warning names it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..dates import parse_medline_date
from ..identifiers import normalize_doi, normalize_pmcid, normalize_pmid
from . import InputFormat, ParsedEntry, ParseProblem, build_entry
from ._citation import Citation
from ._page import ends_open, looks_like_structured_document, page_lines
from ._page_values import split_keywords
from ._pubmed_abstract import abstract_text
from ._pubmed_authors import fold_author_popups, fold_wrapped_byline
from ._pubmed_book import book_fields
from ._pubmed_detect import detect
from ._pubmed_foot import read_foot
from ._pubmed_head import Head, read_head
from ._pubmed_html import fill_from_tags, visible_text
from ._pubmed_layout import Layout, walk
from ._pubmed_listing import listing_reason, listing_size, without_results_page_head
from ._pubmed_scrapes import joined_journal_button, without_script_labels, without_term_menus
from ._pubmed_terms import RELATION_KINDS, list_item_cut, parse_mesh
from ._pubmed_title import joined_bracket_titles

_PARAGRAPH_WORDS = 12  # an abstract paragraph without its heading is at least this long
# Only the legacy NCBI header has these controls (B1 `Display Settings:`, B2/B3 `Format:
# Abstract` on one line); its pages print the citation above the title.
LEGACY_SETTINGS = re.compile(r"^(?:Display Settings:|Format: Abstract$)", re.IGNORECASE)
_ID_TOKENS = re.compile(r"\b(?P<kind>PMID|PMCID|DOI)\s*:\s*(?P<value>\S+)", re.IGNORECASE)


def _journal(head: Head, citation: Citation | None, warnings: list[str]) -> str | None:
    """PMC logo, PMC footer (both name the journal in full, for a manuscript too),
    final-form citation, citation line, byline, journal line (§4.1, §4.3)."""
    if head.logo and not head.collection:
        return head.logo
    if head.footer_journal:
        return head.footer_journal
    if head.final_form and head.final_form.journal:
        return head.final_form.journal
    if head.logo:
        warnings.append(f"container_title: the PMC logo {head.logo!r} is not a journal")
    if citation and citation.journal:
        return citation.journal
    if head.short_cite:
        return head.short_cite[0]
    return head.journal_line


def _date(raw: str | None, what: str, warnings: list[str]) -> dict[str, Any] | None:
    if not raw:
        return None
    date = parse_medline_date(raw)
    if date is None:
        warnings.append(f"{what}: date {raw!r} not understood")
    return date


def _citation_fields(head: Head, warnings: list[str]) -> dict[str, Any]:
    citation = head.final_form or head.citation
    fields: dict[str, Any] = {"container_title": _journal(head, citation, warnings)}
    # Under PMC's logo or over its footer (the full name) the citation, or the 2024 design's
    # line above a journal-less citation, prints the MEDLINE abbreviation (`Cancers (Basel)`).
    short = (citation.journal if citation else None) or head.journal_line
    if short and short != fields["container_title"]:
        fields["container_title_short"] = short
    fields.update(book_fields(head.book))
    if citation is None:
        fields["issued"] = _date(head.short_cite[1] if head.short_cite else None, "issued",
                                 warnings)
        return fields
    tokens = citation.tokens
    if "preprint" in tokens:
        fields["type"] = "article"  # CSL's type for a preprint
    fields["issued"] = _date(citation.date, "issued", warnings)
    epub = tokens.get("epub") or tokens.get("published_online") or tokens.get("ecollection")
    if "ahead_of_print" in tokens and not epub:
        epub = citation.date
    fields["available_date"] = _date(epub, "available_date", warnings)
    if "online_ahead" in tokens and citation.pages and not citation.volume:
        tokens.setdefault("pii", citation.pages)  # `2024 Mar 2:S1526-8209(24)00056-3.`
    if "pii" in tokens:  # §4.3: ahead of print; the pii is neither pages nor a DOI
        fields["pii"] = tokens["pii"]
        warnings.append(f"ahead of print (pii {tokens['pii']}): no volume, issue or pages yet")
    else:
        fields.update(volume=citation.volume, issue=citation.issue, page=citation.pages)
    if citation.unparsed:
        warnings.append(f"citation line: {citation.unparsed!r} not understood")
    return fields


def _printed_ids(layout: Layout, cut_line: str | None, warnings: list[str]) -> dict[str, str]:
    """`PMID: …`, `PMCID: …`, `DOI: …` values; a last one the text stops inside is dropped."""
    found: dict[str, str] = {}
    for number, line in enumerate(layout.id_lines, start=1):
        matches = list(_ID_TOKENS.finditer(line))
        # (The cut line may hold the ID line, as Europe PMC's DOI link line holds its IDs.)
        if cut_line and number == len(layout.id_lines) and matches \
                and (line.endswith(cut_line) or cut_line.endswith(line)) \
                and matches[-1].end() == len(line.rstrip()):  # text after the value: whole
            cut = matches.pop()
            warnings.append(f"{cut.group('kind').lower()}: the text ends inside "
                            f"{cut.group('value')!r}; left empty")
        for match in matches:
            found.setdefault(match.group("kind").lower(), match.group("value"))
    return found


def _identifiers(head: Head, layout: Layout, cut_line: str | None,
                 warnings: list[str]) -> dict[str, Any]:
    """DOI, PMID and PMCID from the citation line and the page's own ID lines only."""
    found = _printed_ids(layout, cut_line, warnings)
    citation = head.final_form or head.citation
    printed = [citation.tokens.get("doi") if citation else None, found.get("doi"),
               head.loose_doi]
    candidates = [value for value in printed if value is not None]
    doi = next((d for d in map(normalize_doi, candidates) if d), None)
    if candidates and doi is None:
        warnings.append(f"doi: {candidates[0]!r} is not a valid DOI; left empty")
    return {"doi": doi, "pmid": normalize_pmid(found.get("pmid")),
            "pmcid": normalize_pmcid(found.get("pmcid"))}


def _raw_list(layout: Layout, kind: str, at_end: int | None, warnings: list[str]) -> list[str]:
    """A list's items, minus a last item the text visibly cut in half (§4.4).

    `at_end` is the line count when the text stops without a final line break, else None.
    """
    items = list(layout.lists.get(kind, []))
    if not items or at_end is None or layout.list_end.get(kind) != at_end:
        return items
    known = [m["descriptor"] for item in layout.lists.get("mesh", []) for m in parse_mesh(item)]
    if list_item_cut(kind, items[-1], known):  # a substance is usually a MeSH descriptor too
        warnings.append(f"{kind}: the text ends mid-item; partial item {items[-1]!r} dropped")
        items.pop()
    return items


def _keywords(layout: Layout, cut_line: str | None, warnings: list[str]) -> list[str]:
    """A `Keywords:` line (dropping a last word the text stops inside) or bulleted ones."""
    items = list(layout.lists.get("keywords", []))
    if cut_line and items[-1:] == [cut_line]:  # Europe PMC: one a line, the last one cut
        warnings.append(f"keywords: the text ends inside {items.pop()!r}; dropped")
    keywords = [word for item in items
                for word in (split_keywords(item) if ";" in item else [item])]
    line = layout.keywords_line
    if not line:
        return keywords
    words = split_keywords(line)
    if cut_line and cut_line.endswith(line) and not line.endswith(".") and words:
        warnings.append(f"keywords: the text ends inside {words[-1]!r}; dropped")
        words.pop()
    return words + keywords


def _list_fields(head: Head, layout: Layout, at_end: int | None, cut_line: str | None,
                 warnings: list[str]) -> dict[str, Any]:
    mesh = [m for item in _raw_list(layout, "mesh", at_end, warnings) for m in parse_mesh(item)]
    types = _raw_list(layout, "publication_types", at_end, warnings) or head.labels
    relations = []
    for heading, citation in layout.relations:
        if heading in RELATION_KINDS:
            relations.append({"kind": RELATION_KINDS[heading], "citation": citation})
        else:
            warnings.append(f"relations: {heading!r} item not stored: {citation!r}")
    return {"mesh": mesh, "publication_types": types,
            "keywords": _keywords(layout, cut_line, warnings),
            "substances": _raw_list(layout, "substances", at_end, warnings),
            "relations": relations}


def _missing(fields: dict[str, Any]) -> list[str]:
    wanted = ("title", "container_title", "issued", "doi", "pmid", "abstract")
    absent = [name for name in wanted if not fields.get(name)]
    notes = [f"not shown on the page: {', '.join(absent)}"] if absent else []
    if not fields.get("title"):  # layout E and PMC sub-pages start below the title
        notes.append("title: missing; the record is incomplete")
    return notes


def parse(text: str, origin: str) -> Iterator[ParsedEntry | ParseProblem]:
    """One record per page; a ParseProblem only when nothing usable is found."""
    raw, tags = text, dict[str, str]()
    if looks_like_structured_document(text):  # claimed only as an NCBI page saved as HTML
        text, tags = visible_text(text)
    if count := listing_size(text):
        yield ParseProblem(origin, 1, listing_reason(count))
        return
    lines = joined_journal_button(without_term_menus(fold_wrapped_byline(fold_author_popups(
        joined_bracket_titles(without_script_labels(without_results_page_head(page_lines(text))))))))
    layout = walk(lines)
    filled = [line for line in lines if line]
    # The text may stop in its last line: it has no final line break, or it ends in the head
    # (a whole page goes on below the byline; a line break at the cut proves nothing).
    cut_line = filled[-1] if filled and (ends_open(text) or layout.head[-1:] == filled[-1:]) \
        else None
    head = read_head(layout.head, layout.affiliation_headings,
                     cut_line is not None and layout.head[-1:] == [cut_line],
                     layout.site_furniture, any(map(LEGACY_SETTINGS.match, filled)))
    read_foot(head, filled)
    warnings: list[str] = list(head.warnings)
    if head.subpage:
        warnings.append("title: a PMC figure or table page; no title or abstract on it")
    fields: dict[str, Any] = {"type": "article-journal", "title": head.title or None,
                              "author": head.authors, "authors_truncated": head.truncated,
                              "language": head.language}
    fields.update(_citation_fields(head, warnings))
    fields.update(_identifiers(head, layout, cut_line, warnings))
    paragraphs = layout.abstract if layout.abstract is not None else head.rest
    if layout.abstract is None and layout.site_furniture and head.rest:
        # Full pages (B, C, D) head the abstract; below the title without that heading only
        # whole paragraphs count, never short leftovers (`Article notes`, a cut byline).
        paragraphs = [p for p in head.rest if len(p.split()) >= _PARAGRAPH_WORDS]
        if not paragraphs:
            warnings.append("abstract: no Abstract heading on this full page; none taken")
    cut = cut_line is not None and paragraphs[-1:] == [cut_line]
    fields["abstract"] = abstract_text(paragraphs, cut, warnings)
    at_end = len(lines) if cut_line is not None else None
    fields.update(_list_fields(head, layout, at_end, cut_line, warnings))
    fill_from_tags(fields, tags)
    warnings[:0] = _missing(fields)
    yield build_entry(fields, origin, 1, raw, warnings)


FORMAT = InputFormat(
    name="pubmed-page",
    description="Saved PubMed or PMC page text (abstract view, legacy, full page, PMC article)",
    suffixes=(".txt",),
    detect=detect,
    parse=parse,
    aliases=("pubmed", "pmc-page"),
)
