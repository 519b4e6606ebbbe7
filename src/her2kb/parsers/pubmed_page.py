"""Saved PubMed and PMC page text: abstract view, legacy, full page, PMC article (formats.md §4).

One page is one record. The layouts (A1, A2, B1-B3, C, D, E in §4.1) share a head
(title, citation line, optional byline), an abstract, and labelled lists; the
walker in `_pubmed_layout` cuts them apart and `_pubmed_head` reads the head. Rules
kept here, with their section in formats.md:
* `issued` is the print date of the citation line; `Epub` / `eCollection` dates go
  to `available_date` (§4.3, §12.7). A `pii:` record has no volume, issue or pages.
* The DOI comes only from the citation line or the page's own ID lines; a
  prefix-only DOI is dropped with a warning (§12.4). PMID / PMCID only where printed.
* `language` is the language **name** as printed in `[Article in Spanish]`.
* Titles lose the final `.` that legacy pages print, so all layouts agree (§4.5).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..dates import parse_medline_date
from ..identifiers import normalize_doi, normalize_pmcid, normalize_pmid
from . import InputFormat, ParsedEntry, ParseProblem, build_entry
from ._citation import Citation, parse_citation
from ._page import bullet_item, holds_tagged_export, page_lines
from ._pubmed_abstract import abstract_text
from ._pubmed_head import Head, read_head
from ._pubmed_layout import Layout, walk
from ._pubmed_terms import (
    PUBLICATION_TYPES,
    RELATION_KINDS,
    mesh_item_cut,
    parse_mesh,
    split_keywords,
    term_item_cut,
)

# Other readers own these: tagged formats and XML are detected before page text (§0).
_STRONG_MARKERS = [(re.compile(p, re.MULTILINE | re.IGNORECASE), score) for p, score in (
    (r"^PubMed Disclaimer$", 20), (r"\[(?:PubMed - )?indexed for MEDLINE\]", 20),
    (r"logo\s*Link to ", 15), (r"^Access keys NCBI", 15), (r"^PMCID:\s*PMC\d+", 15),
    (r"^Published in final edited form as", 15), (r"^MeSH terms$", 12),
    (r"^Publication types$", 12), (r"^PMID:(?:\s*\d+)?", 12), (r"^\[Article in [A-Z]", 10),
    (r"\[Epub ahead of print\]", 10), (r"\set al\. [A-Z][^.\n]*\. \d{4}", 10),
)]
_WEAK_MARKERS = [re.compile(p, re.MULTILINE | re.IGNORECASE) for p in (
    r"^An official website of the United States government", r"^Send to:?$",
    r"^Display Settings:", r"^Format: Abstract", r"^Free PMC Article", r"^Similar articles$",
    r"^LinkOut - more resources$", r"^Substances$", r"^Keywords:", r"^Skip to main",
)]
_CITATION_SCORE, _WEAK_SCORE, _MIN_STRONG, _MAX_SCORE = 20, 3, 20, 50
_ID_TOKENS = re.compile(r"\b(?P<kind>PMID|PMCID|DOI)\s*:\s*(?P<value>\S+)", re.IGNORECASE)


def detect(head: str) -> int:
    """Score 1-50 from PubMed / PMC page markers; 0 for anything else (§0 step 8)."""
    if not head.strip() or holds_tagged_export(head):
        return 0
    lines = page_lines(head)
    clean = "\n".join(lines)  # markers are matched with no-break spaces already mapped
    strong = sum(score for pattern, score in _STRONG_MARKERS if pattern.search(clean))
    if any(_is_strict_citation(line) for line in lines):
        strong += _CITATION_SCORE
    if strong < _MIN_STRONG:
        return 0
    weak = sum(_WEAK_SCORE for pattern in _WEAK_MARKERS if pattern.search(clean))
    return min(_MAX_SCORE, strong + weak)


def _is_strict_citation(line: str) -> bool:
    if not line or bullet_item(line) is not None or " et al." in line:
        return False
    citation = parse_citation(line)
    return bool(citation and citation.complete)


def _title(head: Head) -> str | None:
    title = head.title
    if title and title.endswith(".") and not title.endswith(".."):
        title = title[:-1].rstrip()
    return title or None


def _journal(head: Head, citation: Citation | None, warnings: list[str]) -> str | None:
    """Final-form citation, PMC logo, citation line, byline, journal line (§4.1, §4.3)."""
    if head.final_form and head.final_form.journal:
        return head.final_form.journal
    if head.logo and head.collection:
        warnings.append(f"container_title: the PMC logo {head.logo!r} is not a journal")
    elif head.logo:
        return head.logo
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
    if citation is None:
        fields["issued"] = _date(head.short_cite[1] if head.short_cite else None, "issued",
                                 warnings)
        return fields
    tokens = citation.tokens
    fields["issued"] = _date(citation.date, "issued", warnings)
    epub = tokens.get("epub") or tokens.get("published_online") or tokens.get("ecollection")
    if "ahead_of_print" in tokens and not epub:
        epub = citation.date
    fields["available_date"] = _date(epub, "available_date", warnings)
    if "pii" in tokens:  # §4.3: ahead of print; the pii is neither pages nor a DOI
        warnings.append(f"ahead of print (pii {tokens['pii']}): no volume, issue or pages yet")
    else:
        fields.update(volume=citation.volume, issue=citation.issue, page=citation.pages)
    if citation.unparsed:
        warnings.append(f"citation line: {citation.unparsed!r} not understood")
    return fields


def _identifiers(head: Head, layout: Layout, warnings: list[str]) -> dict[str, Any]:
    """DOI, PMID and PMCID from the citation line and the page's own ID lines only."""
    found: dict[str, str] = {}
    for line in layout.id_lines:
        for match in _ID_TOKENS.finditer(line):
            found.setdefault(match.group("kind").lower(), match.group("value"))
    citation = head.final_form or head.citation
    printed = [citation.tokens.get("doi") if citation else None, found.get("doi"),
               head.loose_doi]
    candidates = [value for value in printed if value is not None]
    doi = next((d for d in map(normalize_doi, candidates) if d), None)
    if candidates and doi is None:
        warnings.append(f"doi: {candidates[0]!r} is not a valid DOI; left empty")
    return {"doi": doi, "pmid": normalize_pmid(found.get("pmid")),
            "pmcid": normalize_pmcid(found.get("pmcid"))}


def _raw_list(layout: Layout, kind: str, text: str, lines: int, warnings: list[str]) -> list[str]:
    """A list's items, minus a last item the text visibly cut in half (§4.4)."""
    items = list(layout.lists.get(kind, []))
    ends_text = layout.list_end.get(kind) == lines and not text.endswith("\n")
    if not items or not ends_text:
        return items
    known: list[str] = []
    if kind == "publication_types":
        known = sorted(PUBLICATION_TYPES)
    elif kind == "substances":  # a substance is usually also a MeSH descriptor on the page
        known = [m["descriptor"] for item in layout.lists.get("mesh", []) for m in parse_mesh(item)]
    cut = mesh_item_cut(items[-1]) if kind == "mesh" else term_item_cut(items[-1], known)
    if cut:
        warnings.append(f"{kind}: the text ends mid-item; partial item {items[-1]!r} dropped")
        items.pop()
    return items


def _list_fields(head: Head, layout: Layout, text: str, lines: int,
                 warnings: list[str]) -> dict[str, Any]:
    mesh = [m for item in _raw_list(layout, "mesh", text, lines, warnings)
            for m in parse_mesh(item)]
    types = _raw_list(layout, "publication_types", text, lines, warnings) or head.labels
    # A `Keywords` heading over one `a; b; c` line (legacy) or one keyword per bullet.
    keywords = [word for item in layout.lists.get("keywords", [])
                for word in (split_keywords(item) if ";" in item else [item])]
    if layout.keywords_line:
        keywords = split_keywords(layout.keywords_line) + keywords
    relations = []
    for heading, citation in layout.relations:
        if heading in RELATION_KINDS:
            relations.append({"kind": RELATION_KINDS[heading], "citation": citation})
        else:
            warnings.append(f"relations: {heading!r} item not stored: {citation!r}")
    return {"mesh": mesh, "publication_types": types, "keywords": keywords,
            "substances": _raw_list(layout, "substances", text, lines, warnings),
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
    lines = page_lines(text)
    layout = walk(lines)
    head = read_head(layout.head, layout.affiliation_headings)
    warnings: list[str] = []
    fields: dict[str, Any] = {"type": "article-journal", "title": _title(head),
                              "author": head.authors, "authors_truncated": head.truncated,
                              "language": head.language}
    fields.update(_citation_fields(head, warnings))
    fields.update(_identifiers(head, layout, warnings))
    filled = [line for line in lines if line]
    paragraphs = layout.abstract if layout.abstract is not None else head.rest
    fields["abstract"] = abstract_text(paragraphs, filled[-1] if filled else "", text, warnings)
    fields.update(_list_fields(head, layout, text, len(lines), warnings))
    warnings[:0] = _missing(fields)
    yield build_entry(fields, origin, 1, text, warnings)


FORMAT = InputFormat(
    name="pubmed-page",
    description="Saved PubMed or PMC page text (abstract view, legacy, full page, PMC article)",
    suffixes=(".txt",),
    detect=detect,
    parse=parse,
    aliases=("pubmed", "pmc-page"),
)
