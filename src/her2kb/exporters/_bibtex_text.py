"""BibTeX text values: the escaping steps of exporters/bibtex.py and the LaTeX encoder.

Steps 1-3 (`escape`): one line, TeX specials escaped, ligatures broken; step 4
(`protect_case`): brace the words a sentence-case style must not lower-case. Both skip
their work when a cheap test shows there is none: most stored values are one clean line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

_ESCAPES = {
    "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
_ESCAPE = str.maketrans(_ESCAPES | {"{": r"\{", "}": r"\}"})
_SPECIAL = re.compile(r"[\\{}&%$#_~^]")
# BibTeX and pybtex count `\{` as an opening brace, so a lone brace needs a macro.
_ESCAPE_LONE_BRACES = str.maketrans(
    _ESCAPES | {"{": r"\textbraceleft{}", "}": r"\textbraceright{}"}
)
_LIGATURE = re.compile(r"([-`'<>,])(?=\1)|[!?](?=`)")
_LIGATURE_PAIRS = ("--", "``", "''", ",,", "<<", ">>", "!`", "?`")
# Words that may need case protection, so the check runs on few words: a letter or digit
# run (any script; not right after a backslash, which makes it a macro name) with a letter
# other than a-z after its first character, or a capital followed by digits only (`D`, `T4`).
_CANDIDATE = re.compile(
    r"(?<![^\W_])(?<!\\)(?:[^\W_]+?[^\W\d_a-z][^\W_]*|[^\W\d_a-z]\d*(?![^\W_]))"
)
# Anything inside a value that steps 1-3 would change, as a regex and as substrings.
_NEEDS_WORK = re.compile(r"[\\{}&%$#_~^]|--|``|''|,,|<<|>>|[!?]`|  ")
_WORK_TOKENS = ("\\", "{", "}", "&", "%", "$", "#", "_", "~", "^", *_LIGATURE_PAIRS, "  ")


def _balanced(value: str) -> bool:
    depth = 0
    for char in value:
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def escape_specials(value: str) -> str:
    """Steps 1-2: one line, TeX specials escaped (a lone brace as a macro)."""
    value = " ".join(value.split())
    if not _SPECIAL.search(value):
        return value  # most values: a search is far cheaper than translate
    if ("{" in value or "}" in value) and not _balanced(value):
        return value.translate(_ESCAPE_LONE_BRACES)
    return value.translate(_ESCAPE)


def _needs_work(value: str) -> bool:
    """Would steps 1-3 change the value? isprintable() is false for line breaks and odd
    spaces; the rest is a search that is cheap for the length at hand."""
    if not value.isprintable() or value[:1] == " " or value[-1:] == " ":
        return True
    if len(value) < 64:
        return _NEEDS_WORK.search(value) is not None
    # On an abstract the alternation regex costs about five times these substring scans.
    return any(token in value for token in _WORK_TOKENS)


def escape(value: str) -> str:
    """Steps 1-3: one line, TeX specials escaped, ligatures broken."""
    if not _needs_work(value):
        return value  # the usual stored value: one clean line with nothing to escape
    value = escape_specials(value)
    # Substring tests are much cheaper than a substitution that finds nothing, the usual case.
    if any(pair in value for pair in _LIGATURE_PAIRS):
        return _LIGATURE.sub(r"\g<0>{}", value)
    return value


def _protect_word(match: re.Match[str]) -> str:
    word = match.group()
    # `HER2`, `mAb`, `ErbB`, `DNA`; a capital mid-title (`vitamin D`) too, not a leading one.
    if any(char.isupper() for char in word[1:]):
        return "{" + word + "}"
    if word.isupper() and match.start() > 0:
        return "{" + word + "}"
    return word


def protect_case(escaped: str) -> str:
    """Step 4, after escaping (else the escaper would turn the new braces into `\\{ \\}`)."""
    return _CANDIDATE.sub(_protect_word, escaped)


@functools.cache
def latex_encoder() -> Callable[[str], str]:
    """pylatexenc's Unicode -> LaTeX for non-ASCII only, built once (libraries.md settings)."""
    from pylatexenc.latexencode import (  # type: ignore[import-untyped]
        RULE_DICT,
        UnicodeToLatexConversionRule,
        UnicodeToLatexEncoder,
    )

    # pylatexenc 2.11 writes Ű/ű as \'{U}/\'{u} (Ú/ú): Hungarian names need \H.
    fixes = UnicodeToLatexConversionRule(RULE_DICT, {0x170: r"\H{U}", 0x171: r"\H{u}"})
    encoder = UnicodeToLatexEncoder(
        conversion_rules=[fixes, "defaults"], non_ascii_only=True,
        replacement_latex_protection="braces-all", unknown_char_policy="keep",
        unknown_char_warning=False,
    )
    return encoder.unicode_to_latex  # type: ignore[no-any-return]
