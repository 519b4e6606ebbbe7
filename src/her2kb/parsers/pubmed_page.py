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
from ._page import (
    bullet_item,
    holds_tagged_export,
    looks_like_structured_document,
    next_filled,
    page_lines,
)
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

# Detection (formats.md §0 step 8). Tagged exports, JSON and markup belong to other readers
# (§0 steps 1-7) and score 0. A page is claimed only on at least `_MIN_MARKERS` independent
# markers, one of them an anchor: evidence that only PubMed / PMC pages print. One marker
# alone (a citation line in reading notes, a stray `MeSH terms`) is never enough.
_ANCHORS = [(re.compile(p, re.MULTILINE | re.IGNORECASE), score) for p, score in (
    # Site furniture of layouts B, C and D (§4.1) and the MEDLINE list headings (§4.4).
    (r"^PubMed Disclaimer$", 20), (r"\[(?:PubMed - )?indexed for MEDLINE\]", 20),
    (r"logo\s*Link to ", 15), (r"^Access keys NCBI", 15), (r"^PMCID:\s*PMC\d+", 15),
    (r"^Published in final edited form as", 15), (r"^MeSH terms$", 12),
    (r"^Publication types$", 12),
)]
# Support: PubMed prints these too, but so may a note or another site; they only ever
# back an anchor up (§4.1 furniture, §4.4 `Keywords:`, §4.5 `[Article in …]` and `PMID:`).
_SUPPORT = [(re.compile(p, re.MULTILINE | re.IGNORECASE), score) for p, score in (
    (r"^PMID:(?:\s*\d+)?", 12), (r"^\[Article in [A-Z]", 10), (r"\[Epub ahead of print\]", 10),
    (r"\set al\. [A-Z][^.\n]*\. \d{4}", 10), (r"^Abstract$", 5),
    (r"^An official website of the United States government", 3), (r"^Send to:?$", 3),
    (r"^Display Settings:", 3), (r"^Format: Abstract", 3), (r"^Free PMC Article", 3),
    (r"^Similar articles$", 3), (r"^LinkOut - more resources$", 3), (r"^Substances$", 3),
    (r"^Keywords:", 3), (r"^Skip to main", 3),
)]
# The page's own citation line (§4.3) is an anchor; the A1 head around it (§4.1: title
# directly above, a citation line with PubMed's `doi:` tail, an abstract paragraph of real
# length below) is support. 38 of 41 abstract views print the DOI (§4.2); reading notes
# citing a paper seldom copy it, and their next line is rarely a 12-word paragraph.
_CITATION_SCORE, _HEAD_SHAPE_SCORE, _MIN_MARKERS, _MAX_SCORE = 20, 10, 2, 50
_ABSTRACT_MIN_WORDS, _TITLE_MIN_WORDS = 12, 2
# §3 (last row): a PubMed "Summary (text)" export is numbered citation blocks (`1. Title.`,
# authors, citation line, `PMID: …`), out of scope. A block opened by a numbered item lists
# *other* records (so do PMC reference lists; `1. Introduction` is a body heading): its
# lines, up to the next blank line, are never evidence of a page.
_NUMBERED_ITEM = re.compile(r"^\d{1,4}\s?[.:)](?:\s+\S|$)")
_ID_TOKENS = re.compile(r"\b(?P<kind>PMID|PMCID|DOI)\s*:\s*(?P<value>\S+)", re.IGNORECASE)


def detect(head: str) -> int:
    """Score 1-50 from PubMed / PMC page markers; 0 for anything else (§0 step 8)."""
    if not head.strip() or holds_tagged_export(head) or looks_like_structured_document(head):
        return 0
    lines = _outside_numbered_blocks(page_lines(head))
    clean = "\n".join(lines)  # markers are matched with no-break spaces already mapped
    anchors = [score for pattern, score in _ANCHORS if pattern.search(clean)]
    support = [score for pattern, score in _SUPPORT if pattern.search(clean)]
    citations = [index for index, line in enumerate(lines) if _is_strict_citation(line)]
    if citations:
        anchors.append(_CITATION_SCORE)
        if any(_has_a1_head(lines, index) for index in citations):
            support.append(_HEAD_SHAPE_SCORE)
    if not anchors or len(anchors) + len(support) < _MIN_MARKERS:
        return 0
    return min(_MAX_SCORE, sum(anchors) + sum(support))


def _outside_numbered_blocks(lines: list[str]) -> list[str]:
    """The lines with every numbered block (item line up to the next blank) blanked out."""
    kept: list[str] = []
    in_block = False
    for line in lines:
        in_block = bool(line) and (in_block or _NUMBERED_ITEM.match(line) is not None)
        kept.append("" if in_block else line)
    return kept


def _is_strict_citation(line: str) -> bool:
    if not line or bullet_item(line) is not None or " et al." in line:
        return False
    citation = parse_citation(line)
    return bool(citation and citation.complete)


def _has_a1_head(lines: list[str], index: int) -> bool:
    """Title right above the citation line at `index`, `doi:` in it, an abstract below."""
    citation = parse_citation(lines[index])
    if citation is None or "doi" not in citation.tokens:
        return False
    above = [line for line in lines[max(0, index - 2):index] if line]
    if not above or bullet_item(above[-1]) is not None:
        return False
    if len(above[-1].split()) < _TITLE_MIN_WORDS or _is_strict_citation(above[-1]):
        return False
    start = next_filled(lines, index + 1)
    end = start
    while end < len(lines) and lines[end]:
        end += 1
    return len(" ".join(lines[start:end]).split()) >= _ABSTRACT_MIN_WORDS


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
