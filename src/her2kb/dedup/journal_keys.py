"""Journal names folded so that a full title and its abbreviations meet (formats.md §12.9).

The vendored CC0 lists pair each full title with an abbreviation. Here every
full-name key and abbreviation key is joined, across all three lists, into one group
(union-find), and a journal's key is the group's smallest member: `Pathologie-
biologie`, `Pathol Biol`, `Pathologie et biologie` and `Pathol Biol (Paris)` end
in one group. Names the lists do not know fall back to a word-by-word abbreviation
test (`is_abbreviation`). journals.py keeps its indexes private and serves display
needs; this index serves matching only, so it is built here from the same files.
"""

from __future__ import annotations

import csv
import io
import re
from functools import cache, lru_cache
from importlib import resources

from ..text import match_key

_FILES = ("entrez", "medicus", "lifescience")
# Words that abbreviations drop: articles, prepositions, conjunctions (several languages).
_DROPPED = frozenset({
    "the", "of", "and", "for", "in", "on", "de", "la", "le", "les", "des", "du", "d", "et", "y",
    "e", "der", "die", "das", "und", "fur", "a", "an", "di", "del", "della", "dell", "degli",
    "zur", "zum", "i", "och", "og", "en", "van", "voor", "to", "at"
})
# `(London, England)`, `(Oslo, Norway : 1992)`, `[Electronic Resource]`: qualifiers, not names.
_QUALIFIER = re.compile(r"\s*\((?:[^()]|\([^()]*\))*\)\s*")
_ELECTRONIC = re.compile(r"\[\s*electronic resource\s*\]", re.IGNORECASE)
# `sanit?`, `fran?aises`: a letter lost to an encoding. It becomes `_`, which the
# abbreviation test reads as any one letter (`Ann Fr` still abbreviates `Annales fran?aises`).
_LOST_LETTER = re.compile(r"(?<=\w)\?+")
_BRACKET = re.compile(r"\[([^\]]+)\]")
# `Title : official journal of ...`, `Prilozi / Makedonska akademija ...`; never `. `,
# which would cut dotted ISO abbreviations (`J. Clin. Oncol.`) after one letter.
_SUBTITLE = re.compile(r"\s*(?::|\s/\s)\s*")


def name_key(name: str) -> str:
    """Match key of one journal name: folded, qualifiers and function words dropped."""
    words = match_key(_LOST_LETTER.sub("_", _QUALIFIER.sub(" ", name))).split()
    kept = [w for w in words if w not in _DROPPED]
    return " ".join(kept or words)


def name_forms(name: str) -> list[str]:
    """Keys of a printed journal name and of the names it carries inside itself.

    `Ai zheng = Aizheng = Chinese journal of cancer` gives three names; a bracketed
    translation gives its own; `Title : official journal of ...` gives `Title` too.
    """
    text = _ELECTRONIC.sub(" ", name).strip().strip('"')
    pieces = [text]
    pieces += _BRACKET.findall(text)
    pieces.append(_BRACKET.sub(" ", text))
    for piece in list(pieces):
        pieces += piece.split(" = ")
    for piece in list(pieces):
        head = _SUBTITLE.split(_QUALIFIER.sub(" ", piece), maxsplit=1)[0]
        if len(name_key(head).split()) >= 2:  # one word (`Journal`) would match anything
            pieces.append(head)
    keys: list[str] = []
    for piece in pieces:
        key = name_key(piece)
        if key and key not in keys:
            keys.append(key)
    return keys


@cache
def _groups() -> dict[str, str]:
    """Every known name or abbreviation key -> the key that stands for its group."""
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        root = parent.setdefault(key, key)
        while root != parent[root]:
            parent[root] = parent[parent[root]]
            root = parent[root]
        return root

    folder = resources.files("her2kb.data") / "journals"
    for list_name in _FILES:
        text = (folder / f"journal_abbreviations_{list_name}.csv").read_text(encoding="utf-8")
        for row in csv.reader(io.StringIO(text)):
            if len(row) < 2 or not row[0].strip():
                continue
            keys = {name_key(row[0]), name_key(row[1])}
            keys.add(name_key(row[0].split(" : ", 1)[0]))
            keys.discard("")
            roots = sorted(find(k) for k in keys)
            for root in roots[1:]:
                parent[root] = roots[0]  # the smallest root wins: stable across runs
    return {key: find(key) for key in parent}


@lru_cache(maxsize=100_000)  # a search holds a few thousand journals, printed many times
def journal_keys(name: str | None) -> tuple[str, ...]:
    """Group keys of a journal (several when the name holds parallel titles), then the
    name's own keys."""
    if not name:
        return ()
    groups = _groups()
    forms = name_forms(name)
    # Group keys first (blocking uses the first ones), then the name's own forms, which
    # the abbreviation test needs when one side is listed and the other is misspelt.
    out: list[str] = []
    for key in [groups.get(key, key) for key in forms] + forms:
        if key not in out:
            out.append(key)
    return tuple(out[:6])


def _contracts(short: str, full: str) -> bool:
    """`anesth` abbreviates `anesthesie`; `dtsch` contracts `deutsche`: same first
    letter, and the short word's letters appear in order in the long one (a lost
    letter `_` in the long one stands for any letter)."""
    if short[0] != full[0] or len(short) > len(full) + full.count("_"):
        return False
    position = 0
    for char in short:
        while position < len(full) and full[position] not in (char, "_"):
            position += 1
        if position == len(full):
            return False
        position += 1
    return True


@lru_cache(maxsize=65536)
def is_abbreviation(a: str, b: str) -> bool:
    """True when one name key reads as a word-by-word abbreviation of the other.

    Both are keys from `name_forms`. A name glued into one word (`jthoraccardiovascsurg`)
    is tested against the other name's words run together.
    """
    short, full = sorted((a, b), key=len)
    s_words, f_words = short.split(), full.split()
    if short == full:
        return True
    if len(s_words) == 1 and len(f_words) > 1 and len(short) >= 8:
        return _contracts(short, "".join(f_words))
    if len(s_words) >= 2 and f_words[: len(s_words)] == s_words:
        return True  # `Surgical Endoscopy` and `... and Other Interventional Techniques`
    if len(s_words) != len(f_words) or len(s_words) < 2:
        return False
    return all(_contracts(s, f) for s, f in zip(s_words, f_words, strict=True))


def same_journal(a: tuple[str, ...], b: tuple[str, ...]) -> str | None:
    """`same`, `abbrev` or None: how two records' journal keys agree, if they do."""
    if not a or not b:
        return None
    if not set(a).isdisjoint(b):
        return "same"
    for x in a:
        for y in b:
            if is_abbreviation(x, y):
                return "abbrev"
    return None
