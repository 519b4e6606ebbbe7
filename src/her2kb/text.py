"""Small pure text repairs: invisible spaces, mojibake, and match keys.

Stored values stay as printed apart from repairs of damage (encoding errors,
no-break spaces); folding of dashes, case and accents happens only in match keys.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy

# formats.md §12.3: spaces that scraped text carries; all become a plain space.
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" + (
    "\u202f\u205f\u3000"
)
_DELETED = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_SPACE_TABLE = {ord(c): " " for c in _SPACES} | {ord(c): None for c in _DELETED}

# formats.md §12.1: GBK lead bytes A1 (punctuation), A6 (Greek), A8 (pinyin/dashes)
# read as Latin-1, followed by a trail byte. Wider lead ranges corrupt real text.
_GBK_PAIR = re.compile("[\u00a1\u00a6\u00a8][\u0040-\u007e\u0080-\u00fe]")
# The same en dash read as Big5: only repaired between digits.
_BIG5_DASH = re.compile(r"(?<=\d)每(?=\d)")
_ACCEPTED_CATEGORIES = ("P", "S")

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_MATCH_TABLE = {ord(c): "-" for c in _DASHES} | {
    0x2018: "'", 0x2019: "'", 0x201C: '"', 0x201D: '"',
}


def clean_spaces(value: str) -> str:
    """Map exotic spaces to ' ', drop zero-width ones, collapse runs, strip both ends."""
    return " ".join(value.translate(_SPACE_TABLE).split())


def plain_spaces(value: str) -> str:
    """Exotic spaces mapped to ' ' and zero-width ones dropped; runs and layout kept."""
    return value.translate(_SPACE_TABLE)


def clean_block(value: str) -> str:
    """Like clean_spaces, but keep paragraph breaks (single newlines) inside long text."""
    lines = (clean_spaces(line) for line in value.translate(_SPACE_TABLE).split("\n"))
    return "\n".join(line for line in lines if line)


def _gbk_char(pair: str) -> str:
    try:
        char = pair.encode("latin-1").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return pair
    if len(char) != 1:
        return pair
    category = unicodedata.category(char)
    name = unicodedata.name(char, "")
    if category.startswith(_ACCEPTED_CATEGORIES) or "GREEK" in name:
        return char
    if category.startswith("L") and "LATIN" in name and not char.isascii():
        return char
    return pair


def repair_mojibake(value: str) -> str:
    """UTF-8-as-cp1252 via ftfy, then the narrow GBK-as-Latin-1 pass ftfy leaves alone."""
    if value.isascii():
        return value  # every mojibake pattern involves a non-ASCII character
    # Only the encoding repair: fix_text would also unescape HTML entities (`&amp;`) and
    # more, which is not damage. is_bad is a cheap screen before the costlier fix.
    fixed = ftfy.fix_encoding(value) if ftfy.badness.is_bad(value) else value
    fixed = _GBK_PAIR.sub(lambda m: _gbk_char(m.group()), fixed)
    fixed = _BIG5_DASH.sub("\u2013", fixed)
    return unicodedata.normalize("NFC", fixed)


def fold_dashes(value: str) -> str:
    """All dash and hyphen code points become '-', curly quotes straight."""
    return value.translate(_MATCH_TABLE)


def strip_accents(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def match_key(value: str) -> str:
    """formats.md §12.2: NFKC, casefold, dashes folded, punctuation to space, no accents."""
    folded = fold_dashes(unicodedata.normalize("NFKC", value)).casefold()
    if not folded.isascii():
        folded = strip_accents(folded)
    return " ".join(re.sub(r"[^\w]+", " ", folded).split())
