"""Vetoes: facts that make two records different works whatever their similarity.

Each rule is a small function `(a, b) -> reason | None`. A rule speaks only when
both records carry the fact it compares: a missing page is no evidence, a
different page is. Title similarity cannot outvote them: `Trastuzumab in
HER2-positive breast cancer` and `... HER2-negative ...` score 90 with
rapidfuzz (libraries.md), and an erratum repeats its article's title.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .keys import MatchKeys
from .titles import NEVER_INSERTED, OPPOSITES

Veto = Callable[[MatchKeys, MatchKeys], str | None]

# Titles below this similarity are not word-for-word versions of each other (a
# translation, another work), so aligning their words would compare unrelated words.
ALIGNABLE_TITLES = 70.0
# Longest word-for-word rewording inside which a lone negation still counts.
SHORT_EDIT = 2
# Years further apart than this are different works, or versions (a Cochrane update).
MAX_YEAR_GAP = 1


def conflicting_identifiers(a: MatchKeys, b: MatchKeys) -> str | None:
    for name, x, y in (("DOI", a.doi, b.doi), ("PMID", a.pmid, b.pmid),
                       ("PMCID", a.pmcid, b.pmcid)):
        if x and y and x != y:
            return f"different {name}s ({x} vs {y})"
    return None


def notice_kind(a: MatchKeys, b: MatchKeys) -> str | None:
    """An erratum, comment or reply carries its article's title but is another notice."""
    if a.kind != b.kind:
        return f"{a.kind} vs {b.kind}"
    if a.stated_kind and b.stated_kind and a.stated_kind != b.stated_kind:
        return f"{a.stated_kind} vs {b.stated_kind} (publication type)"
    return None


def series_part(a: MatchKeys, b: MatchKeys) -> str | None:
    if a.part and b.part and a.part != b.part:
        return f"part {a.part} vs part {b.part}"
    return None


def different_pages(a: MatchKeys, b: MatchKeys) -> str | None:
    """Different first pages: two abstracts of one supplement, or two articles.

    An article number (`e29`) and a page number are counted apart, so they never veto
    each other. Only the first page counts: last pages are often mistyped or cut.
    """
    x, y = a.first_page, b.first_page
    if x and y and x != y and x.startswith("e") == y.startswith("e"):
        return f"pages {x} vs {y}"
    return None


def different_volumes(a: MatchKeys, b: MatchKeys) -> str | None:
    x, y = a.volume, b.volume
    # `30a` and `30` are one volume printed two ways; only the number decides.
    if x and y and x.rstrip("abcdefghijklmnopqrstuvwxyz") != y.rstrip("abcdefghijklmnopqrstuvwxyz"):
        return f"volumes {x} vs {y}"
    return None


def years_apart(a: MatchKeys, b: MatchKeys) -> str | None:
    if a.year and b.year and abs(a.year - b.year) > MAX_YEAR_GAP:
        return f"years {a.year} vs {b.year}"
    return None


def _best_pair(a: MatchKeys, b: MatchKeys) -> tuple[str, str, float]:
    best = ("", "", 0.0)
    for x in (a.title, *a.title_variants):
        for y in (b.title, *b.title_variants):
            score = fuzz.ratio(x, y, score_cutoff=best[2])
            if x and y and score > best[2]:
                best = (x, y, score)
    return best


def _numbers(words: list[str]) -> list[str]:
    return sorted(re.findall(r"\d+", "".join(words)))


def _edit_conflict(removed: list[str], added: list[str]) -> str | None:
    """Why one edit region (consecutive non-equal words) changes the title's meaning."""
    if "".join(removed) == "".join(added):
        return None  # `non-small` vs `nonsmall`, `MIST 2` vs `MIST2`: spacing only
    shown = f"'{' '.join(removed)}' vs '{' '.join(added)}'"
    if removed and added:
        # Compared as digit runs of the whole region, so `alphavbeta3` and
        # `(alpha)v(beta)3` agree while `FOCUS 1` and `FOCUS 2` do not.
        if _numbers(removed) != _numbers(added):
            return f"title numbers differ: {shown}"
        if any(OPPOSITES.get(w) in added for w in removed):
            return f"title polarity differs: {shown}"
    elif any(w.isdigit() for w in removed + added):
        return f"title numbers differ: {shown}"  # `phase 2` vs `phase 1/2`
    # A long rewording (`non-small cell lung cancer` -> `NSCLC`) may drop a `non`; a short
    # edit that adds or drops a negation (`no benefit` / `a benefit`) reverses a finding.
    short = max(len(removed), len(added)) <= SHORT_EDIT
    if short and set(removed) & NEVER_INSERTED != set(added) & NEVER_INSERTED:
        return f"title negation differs: {shown}"
    return None


def _regions(xs: list[str], ys: list[str]) -> Iterator[tuple[int, int, int, int]]:
    """Spans (x0, x1, y0, y1) of consecutive non-equal edits between two word lists."""
    span: list[int] | None = None
    for op in Levenshtein.opcodes(xs, ys):
        if op.tag == "equal":
            if span:
                yield span[0], span[1], span[2], span[3]
            span = None
        elif span is None:
            span = [op.src_start, op.src_end, op.dest_start, op.dest_end]
        else:
            span[1], span[3] = op.src_end, op.dest_end
    if span:
        yield span[0], span[1], span[2], span[3]


def title_signature(a: MatchKeys, b: MatchKeys) -> str | None:
    """Aligned titles that differ in a number, a negation or a polarity word.

    Words only added or dropped at either end are ignored: databases cut long titles
    and add or drop subtitles. Inside the title, `phase 2` vs `phase 1/2`, `positive`
    vs `negative`, `with` vs `without` and `Part 1` vs `Part 2` all veto.
    """
    if a.marks == b.marks:
        return None
    x, y, score = _best_pair(a, b)
    if score < ALIGNABLE_TITLES:
        return None
    xs, ys = x.split(), y.split()
    for x0, x1, y0, y1 in _regions(xs, ys):
        at_edge = (x0 == 0 and y0 == 0) or (x1 == len(xs) and y1 == len(ys))
        if at_edge and (x0 == x1 or y0 == y1):
            continue
        if reason := _edit_conflict(xs[x0:x1], ys[y0:y1]):
            return reason
    return None


# Rules that hold even when two records share a DOI: a supplement DOI is shared by
# every abstract in it, and an erratum may be filed under its article's DOI.
VETOES: tuple[Veto, ...] = (
    conflicting_identifiers, notice_kind, series_part, different_pages,
    different_volumes, years_apart, title_signature,
)


def first_veto(a: MatchKeys, b: MatchKeys) -> str | None:
    """The first rule that keeps `a` and `b` apart, or None."""
    for rule in VETOES:
        if reason := rule(a, b):
            return reason
    return None
