"""Known journal names and abbreviations from the vendored CC0 lists (formats.md §12.9).

The lists (JabRef/abbrv.jabref.org, see data/journals/SOURCE.md) are read once, lazily,
into sets and dicts of match keys, so every query is a few hash lookups. Names are
compared case-folded through `text.match_key`; printed forms are never rewritten here.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .text import match_key

# Searched in this order when a display name is wanted: title-case lists first, because
# the entrez full names are MEDLINE JT strings in sentence case (§12.9).
LISTS = ("lifescience", "medicus", "entrez")
# Expansion order: entrez decides ambiguity (148 TAs name more than one title, §12.9).
EXPANSION_ORDER = ("entrez", "medicus", "lifescience")
_FILE = "journal_abbreviations_{}.csv"
_SUBTITLE = " : "  # entrez JT `Title : subtitle`; the part before counts as a name too
_ARTICLE = "the "
_WORD = re.compile(r"\S+")
# ASCII fast path of text.match_key: lower-case letters and digits, `_` kept, all else a space.
_ASCII_KEY = bytes(
    ord(chr(c).lower()) if chr(c).isalnum() or c == ord("_") else ord(" ") for c in range(128)
) + b" " * 128


@dataclass(frozen=True)
class _Names:
    full: frozenset[str]  # match keys of full names (entrez also before ` : `)
    first_word_span: dict[str, int]  # first key word -> most key words of a name with it
    two_word_starts: frozenset[str]  # first two key words of every multi-word full name
    display: dict[str, str]  # full-name key -> preferred printed name


def _key(value: str) -> str:
    """`match_key`, with a fast path for ASCII (all but 42 list rows): same result."""
    if value.isascii():
        return b" ".join(value.encode("ascii").translate(_ASCII_KEY).split()).decode("ascii")
    return match_key(value)


def _name_keys(name: str) -> set[str]:
    """Keys a full name is known under: itself, its pre-subtitle part, `&`/`and` spellings."""
    forms = {name, name.split(_SUBTITLE, 1)[0]} if _SUBTITLE in name else {name}
    if " & " in name:
        forms |= {f.replace(" & ", " and ") for f in forms}
    if " and " in name:
        forms |= {f.replace(" and ", " & ") for f in forms}
    return {k for k in map(_key, forms) if k}


@cache
def _rows(list_name: str) -> tuple[tuple[str, str], ...]:
    source = resources.files("her2kb.data") / "journals" / _FILE.format(list_name)
    reader = csv.reader(io.StringIO(source.read_text(encoding="utf-8")))
    return tuple((row[0].strip(), row[1].strip()) for row in reader if len(row) >= 2 and row[0])


@cache
def _names() -> _Names:
    full: set[str] = set()
    span: dict[str, int] = {}
    two_words: set[str] = set()
    display: dict[str, str] = {}
    for list_name in LISTS:
        for name, _ in _rows(list_name):
            for key in _name_keys(name):
                if key in full:
                    continue
                full.add(key)
                display[key] = name
                words = key.split(" ", 2)
                span[words[0]] = max(span.get(words[0], 0), key.count(" ") + 1)
                if len(words) > 1:
                    two_words.add(f"{words[0]} {words[1]}")
    return _Names(frozenset(full), span, frozenset(two_words), display)


@cache
def _abbreviations() -> dict[str, dict[str, set[str]]]:
    """List name -> abbreviation key -> the full titles listed for it."""
    by_list: dict[str, dict[str, set[str]]] = {}
    for list_name in LISTS:
        titles: dict[str, set[str]] = defaultdict(set)
        for name, abbreviation in _rows(list_name):
            if key := _key(abbreviation):
                titles[key].add(name)
        by_list[list_name] = dict(titles)
    return by_list


def _without_article(key: str) -> str:
    return key[len(_ARTICLE):] if key.startswith(_ARTICLE) else key


def is_full_name(name: str) -> bool:
    """True when `name` is a listed full journal name (a leading `The` is optional)."""
    key = _key(name)
    full = _names().full
    return bool(key) and (key in full or _without_article(key) in full)


def is_known(name: str) -> bool:
    """True for a listed full name, an entrez title before ` : `, or a listed abbreviation."""
    key = _key(name)
    return bool(key) and (
        is_full_name(name) or any(key in titles for titles in _abbreviations().values())
    )


def starts_like_journal(text: str) -> bool:
    """True when the first two words of `text` begin some listed multi-word full name."""
    words = _key(text).split()
    return len(words) >= 2 and " ".join(words[:2]) in _names().two_word_starts


def longest_prefix(text: str) -> str | None:
    """The longest listed full name that `text` starts with, as printed there, else None.

    Only whole words count, so `Cancer Cell publishes` gives `Cancer Cell`, never `Cancer`.
    """
    index = _names()
    spans = [m.end() for m in _WORD.finditer(text)]
    first = _key(text[: spans[0]]).split() if spans else []
    if not first or first[0] not in index.first_word_span:
        return None
    limit = index.first_word_span[first[0]]
    best: str | None = None
    for end in spans:
        prefix = text[:end]
        key = _key(prefix)
        if len(key.split()) > limit:
            break
        if key in index.full or _without_article(key) in index.full:
            best = prefix
    return _trim_printed(best) if best else None


def _trim_printed(prefix: str) -> str:
    """Drop sentence punctuation glued to the last word (`Journal of X,` -> `Journal of X`)."""
    trimmed = prefix.strip().rstrip(",;:")
    last = trimmed.split()[-1]
    if last.endswith(".") and last.count(".") == 1:
        trimmed = trimmed[:-1]
    return trimmed


def expand_abbreviation(abbreviation: str) -> str | None:
    """The full title for an abbreviation, or None when unknown or ambiguous.

    Entrez decides first (148 TAs name more than one title, §12.9); the result is the
    title-case spelling from lifescience/medicus when one exists, else the JT string.
    """
    key = _key(abbreviation)
    by_list = _abbreviations()
    for list_name in EXPANSION_ORDER:
        titles = by_list[list_name].get(key)
        if not titles:
            continue
        if len(titles) > 1:
            return None
        (title,) = titles
        return _display_name(title)
    return None


def _display_name(title: str) -> str:
    """A title-case spelling of an entrez JT from lifescience/medicus when listed (§12.9)."""
    short = title.split(_SUBTITLE, 1)[0]
    key = _key(short)
    display = _names().display
    for candidate in (display.get(key), display.get(_without_article(key))):
        if candidate and candidate not in (title, short):
            return candidate
    return title
