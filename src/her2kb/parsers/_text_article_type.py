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
})
# One-word types: also menu entries and links, so only counted right above the title.
WORD_TYPES = frozenset({"review", "editorial", "commentary", "perspective", "correspondence",
                        "letter", "erratum", "correction", "retraction", "perspectives"})
NEAR_TITLE = 3  # filled lines above the title a one-word type may stand on
# T&F's counts between the type and the title (`2,318 Views`, `0 Altmetric`) do not count.
METRIC = re.compile(r"^\d[\d,.]*k?\s+(?:Views|CrossRef citations to date|Altmetric|Citations|"
                    r"Downloads)$", re.IGNORECASE)
# `Article` (Spandidos, Nature) is a type only right above the title, or with only access
# badges and the publication date between (Nature: `Article`, `Open access`, `Published: …`).
RIGHT_ABOVE_TYPES = frozenset({"article", "research", "journal article"})  # Nature, BMC, OUP
PUBLISHED = re.compile(r"^Published:?\s+\S")
# Frontiers prints the type in capitals before a lower-case `article`: `ORIGINAL RESEARCH article`.
FRONTIERS_TYPE = re.compile(r"^(?P<type>[A-Z][A-Z -]+?)\s+article$")
# Access badges printed with the type: `Original Article · Open Access`, `Open AccessReview`.
BADGE = re.compile(r"^(?:Open Access|Free Access)\s*|\s*(?:[|·•]\s*)?(?:Open Access|"
                   r"Free Access|Free|Full Access)$", re.IGNORECASE)
# The Lancet prints the type before its numbering: `Articles| Volume 25, Issue 6, P712-724`.
NUMBERED_TYPE = re.compile(r"^(?P<type>[A-Z][A-Za-z ]{2,40}?)\s*\|\s*Volume\s+\d")
# ASCO names the section after the type: `Original Reports | Breast Cancer`.
SECTION_AFTER = re.compile(r"\s*\|\s*[^|]+$")  # AACR glues the bar: `Research Article| June 1 2024`
# A labelled value lists one type, or several after `. ` or `; ` (Ovid, PubMed-style).
TYPE_SEPARATOR = re.compile(r"\.\s+|;\s*")
MAX_TYPE_WORDS = 6


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
        if numbered := NUMBERED_TYPE.match(line):
            return numbered["type"]
        bare = FRONTIERS_TYPE.sub(r"\g<type>", BADGE.sub("", line).strip())
        bare = SECTION_AFTER.sub("", bare).removesuffix(":")
        key = bare.casefold()
        near_title = any(0 < at - k <= NEAR_TITLE for at in title_at)
        right_above = any(k < at and all(
            not BADGE.sub("", between).strip() or PUBLISHED.match(between)
            for _, between in filled[k + 1:at]) for at in title_at)
        if key in NAMED_TYPES or (key in WORD_TYPES and near_title):
            return bare
        if key in RIGHT_ABOVE_TYPES and right_above:
            # Springer's breadcrumb ends in `Article` above the title; its own category
            # (`Clinical Trial`) stands right under the title.
            below = [line for _, line in filled[title_at[-1] + 1:title_at[-1] + 1 + NEAR_TITLE]]
            return next((line for line in below if line.casefold() in NAMED_TYPES), bare)
    return None
