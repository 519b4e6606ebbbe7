"""Pairwise comparison: identifiers first, then vetoes, then weighted evidence.

The evidence score is a sum of log-odds weights in the Fellegi-Sunter manner: each
field adds how much more often its agreement (or disagreement) is seen between two
copies of one work than between two different works that met in a block. The
weights were set from that reasoning, not fitted; three were revised after reading
the errors on the SRA development set (dedup/README.md): the floor for unlike
titles, the split of page agreement into first and last page (abstracts share a
single page), and the journal mismatch (abstract vs paper). The sum goes through a
logistic to give a 0..1 confidence.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rapidfuzz import fuzz

from .journal_keys import same_journal
from .keys import MatchKeys
from .titles import significant
from .vetoes import conflicting_identifiers, first_veto

# Candidate pairs that met in a block are mostly different works: start below even.
PRIOR = -3.0
# Title similarity (rapidfuzz ratio, 0..100) -> weight. Near-identical long titles are
# strong evidence; below ~70 the titles are translations or other works.
TITLE_WEIGHTS = ((97.0, 8.0), (93.0, 6.0), (88.0, 4.0), (80.0, 1.5), (70.0, -1.0))
TITLE_FLOOR = -7.0
# ... unless either title is marked as a translation (`[...]`, bilingual) and the two
# share a first page: then the words may legitimately differ, and dissimilar titles are
# no evidence either way. Without the page, two papers of one group in one journal and
# year would merge on authors alone.
TRANSLATED_FLOOR = 0.0
# A short generic title (`Management of malignant pleural effusions`) is shared by
# many works, so its agreement counts for less.
SHORT_TITLE_WORDS = 4
SHORT_TITLE_CAP = 4.0
# A title that is a cut-off or subtitle-less form of the other.
PREFIX_WEIGHT = 4.0
MIN_PREFIX_CHARS = 30
FIRST_AUTHOR = (1.5, -1.5)  # agree / disagree
AUTHOR_OVERLAP = ((0.8, 3.0), (0.5, 1.5))  # share of the shorter list found in the other
NO_SHARED_AUTHOR = -4.0
YEAR_SAME, YEAR_OFF_BY_ONE = 1.0, -2.0
# Journals that neither match nor abbreviate each other are mostly different venues: a
# conference abstract and the paper, one abstract at two meetings. A translated journal
# name also lands here, so only volume + page range in common (or a translated title
# with everything else agreeing) outweighs it.
JOURNAL_SAME, JOURNAL_ABBREV, JOURNAL_DIFFERS = 2.0, 1.5, -8.0
# A conference abstract and the paper a year later: other journal *and* other year.
JOURNAL_AND_YEAR_DIFFER = -3.0
VOLUME_SAME = 1.5
# A single page is shared by the several abstracts printed on it; a whole range is not.
FIRST_PAGE_SAME, LAST_PAGE_SAME, LAST_PAGE_DIFFERS = 2.0, 2.0, -1.0
# Identifier agreement, as confidences.
SAME_PMID = 0.999
SAME_DOI = 0.995
# A shared DOI is proof only with titles this close (or the same first page).
DOI_TITLE_AGREEMENT = 80.0
FUZZY_NAME = 85.0


@dataclass(frozen=True, slots=True)
class Link:
    """The verdict on one pair: confidence 0..1, why, and the veto if there is one."""

    score: float
    reason: str
    veto: str | None = None


def title_similarity(a: MatchKeys, b: MatchKeys) -> tuple[float, str]:
    """Best rapidfuzz ratio over the language versions, and how it was reached."""
    best, how = 0.0, "title"
    for i, x in enumerate((a.title, *a.title_variants)):
        for j, y in enumerate((b.title, *b.title_variants)):
            if x and y:
                score = fuzz.ratio(x, y, score_cutoff=best)
                if score > best:
                    best, how = score, "title" if i == j == 0 else "translated title"
    short, long_ = sorted((a.title, b.title), key=len)
    if len(short) >= MIN_PREFIX_CHARS and len(long_) > len(short) * 1.15:
        prefix = fuzz.ratio(short, long_[: len(short)])
        if prefix >= 95.0 and best < TITLE_WEIGHTS[2][0]:  # only where it says more
            return prefix, "title prefix"
    return best, how


def _names_match(x: str, y: str) -> bool:
    if x == y:
        return True
    if min(len(x), len(y)) < 4:
        return False
    # `Cobano?lu` -> cobanolu vs cobanoglu; `Muli` vs `Mulic` (a lost final letter).
    return x.startswith(y) or y.startswith(x) or fuzz.ratio(x, y) >= FUZZY_NAME


def author_agreement(a: MatchKeys, b: MatchKeys) -> tuple[int, int]:
    """(authors of the shorter list found in the other, length of the shorter list)."""
    short, long_ = sorted((a.authors, b.authors), key=len)
    others = set(long_)
    found = 0
    for name in short:
        if name in others or any(_names_match(name, o) for o in others):
            found += 1
    return found, len(short)


def _title_weight(similarity: float, how: str, a: MatchKeys, b: MatchKeys) -> float:
    if how == "title prefix":
        weight = PREFIX_WEIGHT
    else:
        same_page = a.first_page is not None and a.first_page == b.first_page
        translated = (a.translated or b.translated) and same_page
        floor = TRANSLATED_FLOOR if translated else TITLE_FLOOR
        weight = next((w for cut, w in TITLE_WEIGHTS if similarity >= cut), floor)
    words = min(len(significant(a.title)), len(significant(b.title)))
    return min(weight, SHORT_TITLE_CAP) if words < SHORT_TITLE_WORDS else weight


def _author_weight(a: MatchKeys, b: MatchKeys, why: list[str]) -> float:
    if not a.authors or not b.authors:
        return 0.0
    found, n = author_agreement(a, b)
    first = _names_match(a.first_author, b.first_author)
    weight = FIRST_AUTHOR[0] if first else FIRST_AUTHOR[1]
    share = found / n
    if found == 0:
        weight += NO_SHARED_AUTHOR
    else:
        weight += next((w * min(n, 3) / 3 for cut, w in AUTHOR_OVERLAP if share >= cut), 0.0)
    why.append(f"authors {found}/{n}" + ("" if first else " (first differs)"))
    return weight


def _venue_weight(a: MatchKeys, b: MatchKeys, why: list[str]) -> float:
    weight = 0.0
    year_gap = abs(a.year - b.year) if a.year and b.year else None
    if year_gap == 0:
        weight += YEAR_SAME
        why.append("year")
    elif year_gap == 1:
        weight += YEAR_OFF_BY_ONE
        why.append("year ±1")
    journal = same_journal(a.journal, b.journal)
    if journal:
        weight += JOURNAL_SAME if journal == "same" else JOURNAL_ABBREV
        why.append("journal" if journal == "same" else "journal abbrev")
    elif a.journal and b.journal:
        weight += JOURNAL_DIFFERS + (JOURNAL_AND_YEAR_DIFFER if year_gap else 0.0)
        why.append("journal differs")
    if a.volume and b.volume:  # a different volume was vetoed already
        weight += VOLUME_SAME
        why.append("volume")
    if a.first_page and b.first_page:  # a different first page was vetoed already
        weight += FIRST_PAGE_SAME
        if a.last_page and b.last_page:
            weight += LAST_PAGE_SAME if a.last_page == b.last_page else LAST_PAGE_DIFFERS
        why.append("pages")
    return weight


def evidence(a: MatchKeys, b: MatchKeys) -> Link:
    """Weighted field agreement for a pair that no rule vetoes."""
    similarity, how = title_similarity(a, b)
    why = [f"{how} {similarity / 100:.2f}"] if a.title and b.title else []
    logit = PRIOR + (_title_weight(similarity, how, a, b) if why else 0.0)
    logit += _author_weight(a, b, why) + _venue_weight(a, b, why)
    return Link(1.0 / (1.0 + math.exp(-logit)), ", ".join(why))


def _same_pubmed_id(a: MatchKeys, b: MatchKeys) -> bool:
    return bool((a.pmid and a.pmid == b.pmid) or (a.pmcid and a.pmcid == b.pmcid))


def veto(a: MatchKeys, b: MatchKeys) -> str | None:
    """Why `a` and `b` can never be one work, as `compare` decides it."""
    if _same_pubmed_id(a, b):
        return conflicting_identifiers(a, b)
    return first_veto(a, b)


def compare(a: MatchKeys, b: MatchKeys) -> Link | None:
    """Verdict on a pair; None when the records share nothing to judge them by."""
    if _same_pubmed_id(a, b):
        # PubMed ids name one article; only another conflicting identifier outranks them.
        if reason := conflicting_identifiers(a, b):
            return Link(0.0, "", reason)
        return Link(SAME_PMID, "same PMID" if a.pmid == b.pmid else "same PMCID")
    if reason := first_veto(a, b):
        return Link(0.0, "", reason)
    if a.doi and a.doi == b.doi:
        similarity, how = title_similarity(a, b)
        same_page = a.first_page is not None and a.first_page == b.first_page
        if similarity >= DOI_TITLE_AGREEMENT or same_page or not (a.title and b.title):
            return Link(SAME_DOI, f"same DOI, {how} {similarity / 100:.2f}")
        link = evidence(a, b)  # one supplement DOI for many abstracts: judge the rest
        return Link(link.score, f"shared DOI not trusted ({how} {similarity / 100:.2f}), "
                    + link.reason)
    if not (a.title and b.title):
        return None
    return evidence(a, b)
