"""Title match keys for deduplication: cleaning, variants, notice kinds and "marks".

Exports mangle titles in a handful of known ways (formats.md §12.2, dedup/README.md):
MEDLINE puts translated titles in brackets and appends "[Erratum appears in ...]"
notes; EMBASE glues the original-language title on with `<ORIGINAL>`, `TO:` or a
`;`; diacritics turn into `?` (`multic?ntrico`); HTML and LaTeX remnants survive
from web and BibTeX sources. Every repair here is for matching only: the stored
title is never touched.
"""

from __future__ import annotations

import html
import re
import unicodedata

from ..text import fold_dashes, strip_accents

# Notes that databases append to a title; they describe a *related* notice, so they
# must neither lower the similarity nor flag the record itself as an erratum.
_TRAILING_NOTES = re.compile(
    r"\.?\s*\[(?:erratum|errata|retraction|retracted|comment|expression of concern|"
    r"republished|update|corrected and republished)\b.*$",
    re.IGNORECASE | re.DOTALL,
)
_TAGS = re.compile(
    r"\[(?:abstract|corrected|letter|editorial|see comments?|review|author'?s transl)[^\]]*\]"
    r"|\.{3}\s*includes discussion\s*$",
    re.IGNORECASE,
)
# EMBASE/Ovid segment markers: the original-language title, or a language code.
_SEGMENTS = re.compile(r"\s*<ORIGINAL>\s*|\s+(?:TO|LA):\s+", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]{0,10}(?:\s[^<>]{0,80})?/?>")
_LATEX = re.compile(r"\\[a-zA-Z]+\*?\s*|\\.|[{}$]")
_RETRACTED_PREFIX = re.compile(r"^\s*retracted(?: article)?\s*[:.]\s*", re.IGNORECASE)
# A `?` inside a word is a lost non-ASCII letter: drop it so `multic?ntrico` and
# `multicéntrico` differ by one deletion instead of a word break.
LOST_LETTER = re.compile(r"(?<=\w)\?+(?=\w)")
_NON_WORD = re.compile(r"[^\w]+")
# The same for ASCII text, as one `str.translate`: letters, digits and `_` stay.
_ASCII_WORDS = {c: " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")}

# Notices about another work: they carry (nearly) that work's title but are not it.
_ERRATUM = re.compile(
    r"^\s*(?:erratum|errata|corrigend\w*|correction|(?:author|publisher)'?s? correction"
    r"|notice of retraction|retraction(?: note| notice| statement)?\b|retraction of"
    r"|expression of concern|withdrawn\b)",
    re.IGNORECASE,
)
# Web of Science names a correction after its article: "Title (vol 12, pg 34, 2010)".
_WOS_CORRECTION = re.compile(r"\((?:vol|volume)\.?\s*\d+[^)]{0,40}\bpg?\.?\s*\d+",
                             re.IGNORECASE)
_COMMENT = re.compile(
    r"^\s*(?:comments?\s+(?:on|to)\b|commentary\s+on\b|re\s*:|editorial comment\b"
    r"|letter\s+(?:to|regarding|re)\b|correspondence\b)",
    re.IGNORECASE,
)
# Not a bare `Response to`: "Response to radiofrequency ablation ..." is a study title.
_REPLY = re.compile(
    r"^\s*(?:reply\b|in reply\b|(?:the\s+)?authors?'?s?\s+(?:reply|response)\b"
    r"|response\s+(?:from\s+the\s+authors?|to\s+(?:the\s+)?(?:letter|comment|editorial|"
    r"correspondence|commentary|critique|dr\b)))",
    re.IGNORECASE,
)

NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "first": "1", "second": "2", "third": "3",
    "fourth": "4", "fifth": "5", "1st": "1", "2nd": "2", "3rd": "3", "4th": "4", "5th": "5",
}
_ROMAN = {"ii": "2", "iii": "3", "iv": "4", "vi": "6", "vii": "7", "viii": "8", "ix": "9",
          "xi": "11", "xii": "12"}
# `i`, `v` and `x` are words or abbreviations too; read them as numbers only here.
_ROMAN_AFTER = {"phase", "part", "stage", "type", "grade", "class", "trial", "study",
                "section", "chapter", "volume", "series", "paper", "group", "arm", "level"}
_ROMAN_AFTER |= {word + "s" for word in _ROMAN_AFTER}  # `stages IIIA and IIIB`
_ROMAN_SINGLE = {"i": "1", "v": "5", "x": "10"}
_SYNONYMS = {"versus": "vs"}
_ROMAN_SUFFIXED = re.compile(r"^(i{1,3}|iv|vi{0,3}|ix)([abc])$")  # stage IIIA -> 3a
_ROMAN_STAGE = re.compile(r"^(ii|iii|iv)([abc])$")

STOPWORDS = frozenset({
    "a", "an", "the", "of", "in", "on", "for", "and", "or", "to", "with", "by", "at", "from",
    "as", "is", "are", "be", "its", "their", "vs", "de", "la", "le", "les", "des", "du", "el",
    "los", "las", "en", "y", "et", "der", "die", "das", "und", "im"
})


def _number(token: str, previous: str) -> str:
    """Fold number words and Roman numerals to digits so `phase II` == `phase 2`."""
    if token in NUMBER_WORDS:
        return NUMBER_WORDS[token]
    if token in _ROMAN:
        return _ROMAN[token]
    if (m := _ROMAN_STAGE.match(token)) and m.group(1) in _ROMAN:
        return _ROMAN[m.group(1)] + m.group(2)  # `IIIB` anywhere: no English word looks so
    if previous in _ROMAN_AFTER:
        if token in _ROMAN_SINGLE:
            return _ROMAN_SINGLE[token]
        if m := _ROMAN_SUFFIXED.match(token):
            roman = m.group(1)
            return (_ROMAN.get(roman) or _ROMAN_SINGLE.get(roman, roman)) + m.group(2)
    return token


def tokens(text: str) -> list[str]:
    """Normalised word tokens: NFKC, casefold, no accents, numbers as digits."""
    folded = fold_dashes(unicodedata.normalize("NFKC", text)).casefold()
    if "&" in folded:
        folded = folded.replace("&", " and ")
    if "?" in folded:
        folded = LOST_LETTER.sub("", folded)
    if folded.isascii():
        folded = folded.translate(_ASCII_WORDS)
    else:
        folded = _NON_WORD.sub(" ", strip_accents(folded))
    out: list[str] = []
    previous = ""
    for raw in folded.split():
        token = _number(raw, previous)
        out.append(_SYNONYMS.get(token, token))
        previous = raw
    return out


def clean(title: str) -> str:
    """Remove markup and database notes, keep the words a reader would see."""
    text = title
    if "&" in text:
        text = html.unescape(text)
    if "<" in text:
        text = _HTML_TAG.sub(" ", text.replace("<ORIGINAL>", "\x00")).replace("\x00", "<ORIGINAL>")
    if "\\" in text or "{" in text or "$" in text:
        text = _LATEX.sub("", text)
    if "[" in text or "..." in text:
        text = _TAGS.sub(" ", _TRAILING_NOTES.sub("", text))
    return _RETRACTED_PREFIX.sub("", text).strip().strip('"').strip()


def kind_of(cleaned: str) -> str:
    """`erratum`, `comment`, `reply` or `article`, from the title's own wording."""
    if _ERRATUM.match(cleaned) or ("(" in cleaned and _WOS_CORRECTION.search(cleaned)):
        return "erratum"
    if _REPLY.match(cleaned):
        return "reply"
    if _COMMENT.match(cleaned):
        return "comment"
    return "article"


def variants(cleaned: str) -> list[str]:
    """Normalised keys of the title and of each language version inside it.

    The first entry is the whole title. Others: each `<ORIGINAL>`/`TO:` segment, the
    parts of a `;`-joined bilingual title, and the text inside a leading bracket.
    """
    keys: list[str] = []

    def add(text: str) -> None:
        key = " ".join(tokens(text))
        # A fragment such as `preliminary results` would match any other fragment.
        if key not in keys and len(key) >= 20 and len(significant(key)) >= 3:
            keys.append(key)

    pieces = _SEGMENTS.split(cleaned) if ":" in cleaned or "<" in cleaned else [cleaned]
    segments = [s for s in pieces if len(s.split()) >= 3]
    whole = segments[0] if segments else cleaned
    keys.append(" ".join(tokens(whole)))
    for segment in segments[1:]:
        add(segment)
    for segment in segments or [cleaned]:
        if "; " in segment:
            for part in segment.split("; "):
                add(part)
        if segment.startswith("[") and "]" in segment:
            add(segment[1:segment.index("]")])
    return keys


def significant(key: str) -> list[str]:
    """Content words of a title key (stop words and one-letter tokens dropped)."""
    return [t for t in key.split() if len(t) > 1 and t not in STOPWORDS]


# Words whose swap reverses a finding: `HER2-positive` vs `HER2-negative`, `with` vs
# `without`. Kept in `marks` so that two titles with equal marks skip the alignment.
NEGATIONS = frozenset({
    "no", "not", "non", "without", "absence", "lack", "un"
})
# Words no database adds to or drops from a title it copies: inserted alone they veto.
NEVER_INSERTED = NEGATIONS | {"positive", "negative"}
OPPOSITES = {
    "positive": "negative", "with": "without", "presence": "absence", "high": "low",
    "increased": "decreased", "increase": "decrease", "benign": "malignant",
    "adult": "child", "adults": "children", "men": "women", "male": "female",
    "early": "late", "acute": "chronic", "primary": "secondary", "pre": "post",
    "before": "after", "plus": "minus", "inhibits": "promotes", "sensitive": "resistant",
    "upregulation": "downregulation", "agonist": "antagonist", "major": "minor",
}
OPPOSITES |= {b: a for a, b in list(OPPOSITES.items())}
MARK_WORDS = NEGATIONS | frozenset(OPPOSITES)
_WITH_DIGIT = re.compile(r"\b\w*\d\w*\b")


def marks(key: str) -> frozenset[str]:
    """Title tokens that carry numbers or polarity: the title's "signature"."""
    found = {t for t in key.split() if t in MARK_WORDS}
    return frozenset(found.union(_WITH_DIGIT.findall(key)))
