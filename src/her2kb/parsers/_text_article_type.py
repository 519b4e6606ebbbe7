"""The kind of article a page says it shows: its publication type (issue 4's field list).

Journal sites print it above the title (`Original Investigation`, `Research Article | Open
Access`, Scopus's glued `(Article)`), and record tables label it (`Document Type: Article`,
`Publication Type: Journal Article. Review.`). Only names from the list below count when
unlabelled, and a one-word name (`Review`, `Editorial`) only right above the title:
elsewhere such words are menu entries or links to a related editorial.
"""

from __future__ import annotations

import re

# Scopus glues the document type to the title: `… in a prospective cohort(Article)`.
GLUED_TYPE = re.compile(r"(?<=[^\s(])\((?P<type>Article|Review|Letter|Editorial|Note|Erratum|"
                        r"Conference Paper|Short Survey)\)$")
# Unlabelled names that are article types wherever they stand above the abstract.
NAMED_TYPES = frozenset({
    "original article", "original investigation", "original research", "original paper",
    "original contribution", "original report", "research article", "research paper",
    "research papers",  # Oncotarget's `Research Papers:` over the title
    "research letter", "research communication", "review article", "systematic review",
    "systematic review and meta-analysis", "meta-analysis", "mini review", "mini-review",
    "invited review", "narrative review", "case report", "case series", "clinical trial",
    "clinical study", "brief report", "short report", "brief communication",
    "short communication", "rapid communication", "letter to the editor", "special article",
    "full length article", "primary research", "technical note", "clinical investigation",
    "editorial commentary", "review paper", "article commentary", "study protocol",
    "original reports",  # ASCO
    "conference abstract", "meeting abstract", "conference paper", "book chapter",  # Scilit
    "posted content", "proceedings article", "proceedings paper",
    "drug evaluation", "drug profile", "special report",  # Future Medicine, Expert Opinion
})
# One-word types: also menu entries and links, so only counted right above the title.
WORD_TYPES = frozenset({"review", "editorial", "commentary", "perspective", "correspondence",
                        "letter", "erratum", "correction", "retraction", "perspectives"})
NEAR_TITLE = 3  # filled lines above the title a one-word type may stand on
# T&F's counts between the type and the title (`2,318 Views`, `0 Altmetric`) do not count.
METRIC = re.compile(r"^\d[\d,.]*k?\s+(?:Views|CrossRef citations to date|Altmetric|Citations|"
                    r"Downloads|Accesses)$", re.IGNORECASE)
# `Article` (Spandidos, Nature) is a type only right above the title, or with only access
# badges and the publication date between (Nature: `Article`, `Open access`, `Published: …`;
# Springer Link: `Chapter`, `First Online: …`, `pp 85–102`, `Cite this chapter`).
RIGHT_ABOVE_TYPES = frozenset({"article", "research", "journal article", "chapter"})
BESIDE_TYPE = re.compile(r"^(?:(?:Published|First Online):?\s+\S|pp\.?\s+\d|"
                         r"Cite this (?:article|chapter)$)")
# SAGE's row, copied as one line: `Original Research Open access First published online March …`.
DATED_TAIL = re.compile(r"\s+First published(?: online)?\s.*$", re.IGNORECASE)
# Frontiers prints the type in capitals before a lower-case `article`: `ORIGINAL RESEARCH article`.
FRONTIERS_TYPE = re.compile(r"^(?P<type>[A-Z][A-Z -]+?)\s+article$")
# Access badges printed with the type: `Original Article · Open Access`, `Open AccessReview`.
BADGE = re.compile(r"^(?:Open Access|Free Access)\s*|\s*(?:[|·•]\s*)?(?:Open Access|"
                   r"Free Access|Free|Full Access|Closed Access|(?:Not )?Peer[- ]reviewed)$",
                   re.IGNORECASE)
# The Lancet prints the type before its numbering: `Articles| Volume 25, Issue 6, P712-724`,
# or, copied, with a space only (`Articles  Volume 26, Issue 3p318-330`): then only a known
# type counts, as a journal's name stands before its volume too.
NUMBERED_TYPE = re.compile(r"^(?P<type>[A-Z][A-Za-z ]{2,40}?)(?P<bar>\s*\|)?\s*Volume\s+\d")
SECTION_TYPES = frozenset({"articles", "reviews", "correspondence"})  # The Lancet's sections
# LWW names the design after the type: `Research Article: Observational Study`.
SUBTYPED = re.compile(r"^(?P<type>[A-Z][A-Za-z -]{2,40}): [A-Z][A-Za-z -]{2,40}$")
# ASCO names the section after the type: `Original Reports | Breast Cancer`.
# (AACR glues the bar: `Research Article| June 1 2024`; Dimensions: `Article | Open Access | PDF`.)
SECTION_AFTER = re.compile(r"\s*\|.*$")
# A labelled value lists one type, or several after `. ` or `; ` (Ovid, PubMed-style).
TYPE_SEPARATOR = re.compile(r"\.\s+|;\s*")
MAX_TYPE_WORDS = 6
# A row of badges over the title (Scilit: `Open Access · Hybrid Gold · Journal Article ·
# Peer reviewed`; its chips `Preprint; Not peer reviewed` once Markdown joined them).
BADGE_CELLS = re.compile(r"\s*[·|;]\s+")
ROW_TYPES = NAMED_TYPES | RIGHT_ABOVE_TYPES | WORD_TYPES | {"preprint"}
MAX_BADGE_WORDS = 4


def labelled_types(value: str) -> list[str]:
    """`Journal Article. Review.` -> both; a long value is no type but a sentence."""
    types = [part.strip(" .") for part in TYPE_SEPARATOR.split(value)]
    return [t for t in types if t and len(t.split()) <= MAX_TYPE_WORDS]


def printed_type(head: list[str], end: int, title: str | None) -> str | None:
    """The first article type printed above the abstract (`end`), as printed."""
    filled = [(i, line) for i, line in enumerate(head[:end]) if line and not METRIC.match(line)]
    # Every line printing the title: Scilit prints it in a breadcrumb too, above the type.
    title_at = [k for k, (_, line) in enumerate(filled)
                if title and (line.endswith(title) or line.startswith(title))]
    if title_at and (glued := GLUED_TYPE.search(filled[title_at[0]][1])):
        return glued["type"]  # Scopus: `… a prospective cohort(Article)`
    for k, (_, line) in enumerate(filled):
        if (numbered := NUMBERED_TYPE.match(line)) and (numbered["bar"] or numbered[
                "type"].casefold() in NAMED_TYPES | WORD_TYPES | SECTION_TYPES):
            return numbered["type"]
        bare = FRONTIERS_TYPE.sub(r"\g<type>", BADGE.sub("", DATED_TAIL.sub("", line)).strip())
        bare = SECTION_AFTER.sub("", bare).removesuffix(":")
        key = bare.casefold()
        near_title = any(0 < at - k <= NEAR_TITLE for at in title_at)
        right_above = any(k < at and all(
            not BADGE.sub("", between).strip() or BESIDE_TYPE.match(between)
            for _, between in filled[k + 1:at]) for at in title_at)
        if key in NAMED_TYPES or (key in WORD_TYPES and near_title):
            return bare
        cells = BADGE_CELLS.split(line)
        row_type = next((c for c in cells if c.casefold() in ROW_TYPES), None)
        if near_title and len(cells) > 1 and row_type \
                and all(len(c.split()) <= MAX_BADGE_WORDS for c in cells):
            return row_type
        if (subtyped := SUBTYPED.match(bare)) and subtyped["type"].casefold() in NAMED_TYPES:
            return bare
        if key in RIGHT_ABOVE_TYPES and right_above:
            # Springer's breadcrumb ends in `Article` above the title; its own category
            # (`Clinical Trial`) stands right under the title.
            below = [line for _, line in filled[title_at[-1] + 1:title_at[-1] + 1 + NEAR_TITLE]]
            return next((line for line in below if line.casefold() in NAMED_TYPES), bare)
    return None
