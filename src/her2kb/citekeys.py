"""Citation keys (formats.md §12.10): `<author><year><first significant title word>`.

`nahta2012molecular`, `chen2003strategies`. Transliteration is anyascii (`Käkönen`
-> `kakonen`, `万征` -> `wanzheng`), never Unidecode (GPL, and it reads 万 as `Mo`).
Keys are pinned by the caller once made: `make_key` only looks at the keys already
taken, so a record arriving later never renames an earlier one.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator

from anyascii import anyascii

from .records import Name, Record

# Words that say nothing about the work; skipped when picking a title or corporate word.
STOP_WORDS = frozenset({
    "a", "an", "the", "of", "on", "in", "and", "for", "to", "with", "at", "by", "from",
    "or", "as", "is", "are", "via", "into", "about", "its", "le", "la", "les", "der", "die",
    "das", "el", "los", "de", "du", "des",
})
FALLBACK = "record"  # when neither an author nor a title word is usable
ALLOWED = re.compile(r"^[a-z0-9_:-]+$")

_ASCII_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> list[str]:
    """Lower-case ASCII words of `text` after transliteration."""
    return _ASCII_WORD.findall(anyascii(text).lower())


def _significant_word(text: str | None) -> str:
    """The first word that is not a stop word and not a bare number; '' if none."""
    for word in _words(text or ""):
        if word not in STOP_WORDS and not word.isdigit():
            return word
    return ""


def _author_part(name: Name) -> str:
    if name.literal:
        # `World Health Organization` -> `world`; `The Cochrane Collaboration` -> `cochrane`.
        key = _significant_word(name.literal) or "".join(_words(name.literal)[:1])
    else:
        # The non-dropping particle belongs to the family name: `de la Cruz` -> `delacruz`.
        family = " ".join(part for part in (name.non_dropping_particle, name.family) if part)
        key = "".join(_words(family))
    return "" if key.isdigit() else key  # a number would make the key look like a year


def base_key(record: Record) -> str:
    """The key before collision suffixes; never empty and never a bare year."""
    author = _author_part(record.author[0]) if record.author else ""
    year = str(record.year) if record.year else ""
    word = _significant_word(record.title)
    if author:
        return author + year + word
    if word:
        return word + year
    return FALLBACK + year


def suffixes() -> Iterator[str]:
    """`a` ... `z`, `aa` ... `az`, `ba` ... `zz`, `aaa` ...: bijective base 26."""
    length = 1
    while True:
        for number in range(26**length):
            letters = []
            for _ in range(length):
                number, digit = divmod(number, 26)
                letters.append(chr(ord("a") + digit))
            yield "".join(reversed(letters))
        length += 1


def make_key(record: Record, taken: Container[str]) -> str:
    """A key not in `taken`: the base key if free, else the base plus `a`, `b`, ..."""
    return free_key(base_key(record), taken)


def free_key(base: str, taken: Container[str]) -> str:
    """`base` if it is not taken, else the first free `base` + suffix."""
    if base not in taken:
        return base
    return next(base + suffix for suffix in suffixes() if base + suffix not in taken)
