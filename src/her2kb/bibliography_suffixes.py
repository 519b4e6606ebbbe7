"""Year suffixes for author-date styles (`2010a`, `2010b`): which works need one and in
which order, and keeping that order after the style sorts its bibliography."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .records import StoredRecord


def year_suffix_groups(items: Sequence[StoredRecord]) -> list[list[int]]:
    """Groups of item positions that need `a`, `b`, ...: one author list, one year.

    Each group is in title order, which is the order of the suffixes (APA 7 §9.47; Cite
    Them Right). Works without authors are cited by title and need no suffix.
    """
    groups: dict[tuple[Any, ...], list[int]] = {}
    for n, item in enumerate(items):
        record = item.record
        if record.author:
            names = tuple(name.model_dump_json(exclude={"orcid", "affiliations"})
                          for name in record.author)
            groups.setdefault((names, record.authors_truncated, record.year), []).append(n)
    return [
        sorted(group, key=lambda n: ((items[n].record.title or "").casefold(), n))
        for group in groups.values() if len(group) > 1
    ]


def suffix_letters(n: int) -> str:
    """a ... z, aa, ab ... as CSL numbers year suffixes."""
    letters = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def order_suffix_groups(bib: Any, groups: list[list[str]]) -> None:
    """Put each suffix group in suffix order on the places the style's sort gave it.

    The style sorts by title too, but its notion of title order (case, markup) need not
    match ours, and `2010b` must never come before `2010a`.
    """
    keys: list[str] = [item.key for item in bib.items]
    by_key = dict(zip(keys, bib.items, strict=True))
    for group in groups:
        places = sorted(keys.index(key) for key in group)
        for place, key in zip(places, group, strict=True):
            keys[place] = key
    bib.items = [by_key[key] for key in keys]
    bib.keys = keys
