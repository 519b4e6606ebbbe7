"""Vocabulary of PubMed pages: MeSH bullets, publication types, relation headings, keywords.

MeSH bullets (formats.md §4.4) read `Descriptor / qualifier`, with a `*` after the
major part; legacy pages print `Descriptor/qualifier*`. The NLM qualifier and
publication-type lists below are closed vocabularies; they are used only to tell a
complete last item from one the scraper cut in half, never to fill a field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ._mesh_words import descriptor_cut

# MeSH subheadings (qualifiers), current and retired ones still shown on old records.
MESH_QUALIFIERS = frozenset({
    "abnormalities", "administration & dosage", "adverse effects", "agonists",
    "analogs & derivatives", "analysis", "anatomy & histology", "antagonists & inhibitors",
    "biosynthesis", "blood", "blood supply", "cerebrospinal fluid", "chemical synthesis",
    "chemically induced", "chemistry", "classification", "complications", "congenital",
    "contraindications", "cytology", "deficiency", "diagnosis", "diagnostic imaging",
    "diagnostic use", "diet therapy", "drug effects", "drug therapy", "economics", "education",
    "embryology", "enzymology", "epidemiology", "ethics", "ethnology", "etiology", "genetics",
    "growth & development", "history", "immunology", "injuries", "innervation",
    "instrumentation", "isolation & purification", "legislation & jurisprudence", "manpower",
    "metabolism", "methods", "microbiology", "mortality", "nursing",
    "organization & administration", "parasitology", "pathogenicity", "pathology",
    "pharmacokinetics", "pharmacology", "physiology", "physiopathology", "poisoning",
    "prevention & control", "psychology", "radiation effects", "radiography",
    "radionuclide imaging", "radiotherapy", "rehabilitation", "secondary", "standards",
    "statistics & numerical data", "supply & distribution", "surgery", "therapeutic use",
    "therapy", "toxicity", "transmission", "transplantation", "trends", "ultrasonography",
    "ultrastructure", "urine", "utilization", "veterinary", "virology", "workforce",
})
# Publication types PubMed prints, as a label above the citation (layout D) or in the list.
PUBLICATION_TYPES = frozenset({
    "Adaptive Clinical Trial", "Address", "Autobiography", "Bibliography", "Biography",
    "Case Reports", "Classical Article", "Clinical Conference", "Clinical Study",
    "Clinical Trial", "Clinical Trial Protocol", "Clinical Trial, Phase I",
    "Clinical Trial, Phase II", "Clinical Trial, Phase III", "Clinical Trial, Phase IV",
    "Clinical Trial, Veterinary", "Comment", "Comparative Study", "Congress",
    "Consensus Development Conference", "Consensus Development Conference, NIH",
    "Controlled Clinical Trial", "Corrected and Republished Article", "Dataset", "Dictionary",
    "Directory", "Duplicate Publication", "Editorial", "English Abstract", "Equivalence Trial",
    "Evaluation Study", "Expression of Concern", "Festschrift", "Guideline",
    "Historical Article", "Interactive Tutorial", "Interview", "Introductory Journal Article",
    "Journal Article", "Lecture", "Legal Case", "Legislation", "Letter", "Meta-Analysis",
    "Multicenter Study", "News", "Newspaper Article", "Observational Study", "Overall",
    "Patient Education Handout", "Periodical Index", "Personal Narrative", "Portrait",
    "Practice Guideline", "Pragmatic Clinical Trial", "Preprint", "Published Erratum",
    "Randomized Controlled Trial", "Research Support, American Recovery and Reinvestment Act",
    "Research Support, N.I.H., Extramural", "Research Support, N.I.H., Intramural",
    "Research Support, Non-U.S. Gov't", "Research Support, U.S. Gov't, Non-P.H.S.",
    "Research Support, U.S. Gov't, P.H.S.", "Retracted Publication", "Retraction of Publication",
    "Review", "Scientific Integrity Review", "Systematic Review", "Technical Report",
    "Twin Study", "Validation Study", "Video-Audio Media", "Webcast",
})
# Related-item headings (§4.4); each becomes a Record relation kind in snake case.
RELATION_HEADINGS = (
    "erratum in", "erratum for", "comment in", "comment on", "retraction in", "retraction of",
    "update of", "update in", "updated in", "expression of concern in",
    "expression of concern for", "republished in", "republished from",
    "corrected and republished in", "corrected and republished from", "reprint in",
    "reprint of", "summary for patients in", "original report in", "partial retraction in",
    "partial retraction of", "dataset use reported in",
)
RELATION_KINDS = {heading: heading.replace(" ", "_") for heading in RELATION_HEADINGS} | {
    "update in": "updated_in"  # PubMed prints both wordings for one relation
}
_STAR = "*"
_MESH_SPLIT = re.compile(r"\s+/\s+")
_OPEN_END = re.compile(r"[,/(\[&\-–]$")


def parse_mesh(item: str) -> list[dict[str, Any]]:
    """One bullet as MeshHeading kwargs; a legacy `D/q1/q2*` line gives one per qualifier."""
    parts = _MESH_SPLIT.split(item) if " / " in item else item.split("/")
    parts = [part.strip() for part in parts if part.strip()]
    if not parts:
        return []
    descriptor, qualifiers = parts[0], parts[1:]
    descriptor_major = _STAR in descriptor
    descriptor = descriptor.replace(_STAR, "").strip()
    if not qualifiers:
        return [{"descriptor": descriptor, "qualifier": None, "major": descriptor_major}]
    return [
        {"descriptor": descriptor, "qualifier": q.replace(_STAR, "").strip(),
         "major": descriptor_major or _STAR in q}
        for q in qualifiers
    ]


def _unbalanced(item: str) -> bool:
    return item.count("(") > item.count(")") or item.count("[") > item.count("]")


def _proper_prefix(item: str, known: Iterable[str]) -> bool:
    key = item.casefold()
    return any(k.casefold().startswith(key) and k.casefold() != key for k in known)


def mesh_item_cut(item: str) -> bool:
    """True when a last MeSH bullet is visibly unfinished (`… / drug th`, `Breast (`)."""
    if _OPEN_END.search(item) or _unbalanced(item):
        return True
    headings = parse_mesh(item)
    qualifier = headings[-1]["qualifier"] if headings else None
    if not qualifier:
        return descriptor_cut(item)
    return qualifier.lower() not in MESH_QUALIFIERS and _proper_prefix(qualifier, MESH_QUALIFIERS)


def term_item_cut(item: str, known: Iterable[str]) -> bool:
    """True when a last list item is visibly unfinished or a strict prefix of a known term."""
    return bool(_OPEN_END.search(item)) or _unbalanced(item) or _proper_prefix(item, known)


# Section names a cut list item may be the start of (`MeSH Ter`, `LinkO`, §4.4).
HEADINGS_AFTER_LISTS = ("Publication types", "MeSH terms", "Substances", "Grant support",
                        "Grants and funding", "LinkOut - more resources", "Related information",
                        "Similar articles", "Cited by", "Keywords", "Full Text Sources")


def list_item_cut(kind: str, item: str, known: list[str]) -> bool:
    """§4.4: a last item the text stops inside; publication types are a closed list."""
    if term_item_cut(item, HEADINGS_AFTER_LISTS):  # `MeSH Ter`: a heading, cut
        return True
    if kind == "mesh":
        return mesh_item_cut(item)
    if kind == "publication_types":
        return item not in PUBLICATION_TYPES or term_item_cut(item, PUBLICATION_TYPES)
    return term_item_cut(item, known) or descriptor_cut(item)


# Europe PMC's full-text view prints its tags on one row: `Free full text Clinical Trial
# Research Article`; the access tag leads, the article's types follow.
_ACCESS_TAG = re.compile(r"^(?:Free full text|Free to read|Open access)\s+", re.IGNORECASE)


def type_row(line: str, known: frozenset[str]) -> list[str]:
    """The publication types a row of tags names one after another, longest name first;
    [] unless the whole row is tags (an access tag, then `known` types)."""
    words = _ACCESS_TAG.sub("", line).split()
    if len(words) == len(line.split()):
        return []  # no access tag: a title could start with a type's words
    types: list[str] = []
    while words:
        size = next((n for n in range(len(words), 0, -1)
                     if " ".join(words[:n]).casefold() in known), 0)
        if not size:
            return []
        types.append(" ".join(words[:size]))
        words = words[size:]
    return types
