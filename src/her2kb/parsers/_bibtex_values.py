"""BibTeX values to Unicode data: macros, LaTeX and names (formats.md §8).

The value-level half of the BibTeX reader (parsers/bibtex.py reads the blocks): `resolve`
joins `#` pieces and expands macros, `names` splits author lists before any LaTeX is
decoded, `decode` turns LaTeX into Unicode (a fast path for the common markup, pylatexenc
for the rest) and `verbatim` only unescapes. Dates are `_bibtex_dates`'s.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from ..names import is_corporate

# BibTeX's predefined month macros; an @string of the same name wins.
MONTH_MACROS = {name[:3].lower(): name for name in (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December")}
# Fast path: pylatexenc takes ~3 ms a title, so the LaTeX that .bib files carry (escapes,
# accents, letters like \o, text symbols, ligatures, grouping braces, ties) is decoded
# here in one pass; anything else (math, other macros) goes to pylatexenc.
_NEEDS_LATEX = re.compile(r"[\\{}$~]|--|``|''|[!?]`")
_LETTER = r"(\\[ij](?![^\W\d_])|[A-Za-z])"  # as in pylatexenc, macro names are any letters
_TOKEN = re.compile(
    rf"\\([`'^\"~=.])\s*(?:\{{\s*{_LETTER}\s*\}}|{_LETTER})"  # \"u \"{u} \'\i
    rf"|\\([uvHckrdb])(?:\s*\{{\s*{_LETTER}\s*\}}|\s+{_LETTER})"  # \v{s} \c c
    r"|\\([^\W\d_]+)(?:\{\}|\s*)"  # \ss \o{} \textendash: a bare control word eats spaces
    r"|\\([&%$#_{}])|---|--|``|''|!`|\?`|[{}~]|[\\$]"
)
_ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303",
            "=": "\u0304", ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b",
            "c": "\u0327", "k": "\u0328", "r": "\u030a", "d": "\u0323", "b": "\u0331"}
_SYMBOLS = {
    "ss": "ß", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ", "oe": "œ",
    "OE": "Œ", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ",
    "TH": "Þ", "ng": "ŋ", "NG": "Ŋ", "textendash": "–", "textemdash": "—", "textquoteleft": "‘",
    "textquoteright": "’", "textquotedblleft": "“", "textquotedblright": "”",
    "textasciitilde": "~", "textasciicircum": "^", "textbackslash": "\\", "textbraceleft": "{",
    "textbraceright": "}", "textunderscore": "_", "textless": "<", "textgreater": ">",
    "textdegree": "°", "textmu": "µ", "texteuro": "€", "euro": "€", "pounds": "£", "S": "§",
    "P": "¶", "copyright": "©", "textregistered": "®", "textbullet": "•", "ldots": "…",
    "dots": "…", "textellipsis": "…", "guillemotleft": "«", "guillemotright": "»", "relax": "",
    "textperiodcentered": "·",
}
_PLAIN = {"---": "—", "--": "–", "``": "“", "''": "”", "!`": "¡", "?`": "¿", "~": " ",
          "{": "", "}": ""}
# Unescaped & and % are data in sloppy exports, not an alignment tab or a comment.
_RAW_SPECIAL = re.compile(r"(?<!\\)[&%]")
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
_DELIMITER = re.compile(r'(?<!\\)[{}"#]')  # bibtexparser's splitter skips escaped ones too
_VERBATIM_ESCAPE = re.compile(r"\\([_%&#$~])")
_WRAPPED = re.compile(r"^\\(?:url|doi|path)\{(.*)\}$", re.DOTALL)


def _pieces(raw: str) -> list[str]:
    """`"a" # b # {c}` -> `"a"`, `b`, `{c}`: split at `#` outside braces and quotes."""
    if "#" not in raw:
        return [raw.strip()]
    pieces, depth, quoted, start = [], 0, False, 0
    for match in _DELIMITER.finditer(raw):
        char = match.group()
        if char in "{}":
            depth += 1 if char == "{" else -1
        elif char == '"' and depth == 0:
            quoted = not quoted
        elif char == "#" and depth == 0 and not quoted:
            pieces.append(raw[start:match.start()].strip())
            start = match.end()
    return [*pieces, raw[start:].strip()]


def resolve(raw: str, macros: dict[str, str], warnings: list[str]) -> str:
    """A field value as BibTeX sees it: delimiters gone, macros expanded, `#` joined."""
    text = []
    for piece in _pieces(raw):
        if len(piece) >= 2 and piece[0] + piece[-1] in ("{}", '""'):
            text.append(piece[1:-1])
        elif piece.isdigit() or not piece:
            text.append(piece)
        elif piece.lower() in macros or piece.lower() in MONTH_MACROS:
            text.append(macros.get(piece.lower()) or MONTH_MACROS[piece.lower()])
        else:
            warnings.append(f"macro {piece!r} is not defined; kept as text")
            text.append(piece)
    return "".join(text)


@functools.cache
def _latex_to_text() -> Callable[[str], str]:
    from pylatexenc.latex2text import (  # type: ignore[import-untyped]
        LatexNodes2Text,
        MacroTextSpec,
        get_default_latex_context_db,
    )

    # pylatexenc reads \textasciicircum as U+02C6 and \textperiodcentered as U+02D9, and
    # drops the text-mode brace macros our writer uses for `^` and lone braces
    # (exporters/bibtex.py); Mendeley writes the euro sign as \euro (eurosym).
    context = get_default_latex_context_db()
    context.add_context_category("her2kb", prepend=True, macros=[
        MacroTextSpec(name, _SYMBOLS[name])
        for name in ("textasciicircum", "textbraceleft", "textbraceright", "euro", "S",
                     "textperiodcentered")
    ])
    return LatexNodes2Text(latex_context=context).latex_to_text  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=4096)
def _decode_latex(value: str) -> str:
    # Names and journals repeat across a file, hence the cache: pylatexenc takes ~0.5 ms.
    return " ".join(_latex_to_text()(_RAW_SPECIAL.sub(r"\\\g<0>", value)).split())


def _fast_decode(value: str) -> str | None:
    """The fast path's text, or None when the value holds LaTeX it does not know."""
    unknown = False

    def token(match: re.Match[str]) -> str:
        nonlocal unknown
        accent, letter = match.group(1) or match.group(4), next(
            (g for g in match.group(2, 3, 5, 6) if g), None)
        if accent and letter:
            return letter[-1] + _ACCENTS[accent]  # `\\i` is the dotless i: accent on `i`
        if match.group(7) in _SYMBOLS:
            return _SYMBOLS[match.group(7)]
        if match.group(8):
            return match.group(8)
        unknown = unknown or match.group() not in _PLAIN
        return _PLAIN.get(match.group(), "")

    text = _TOKEN.sub(token, value)
    return None if unknown else unicodedata.normalize("NFC", " ".join(text.split()))


def decode(value: str, paragraphs: bool = False) -> str:
    """LaTeX to Unicode on one line; with `paragraphs`, blank lines become line breaks."""
    if paragraphs:
        return "\n".join(filter(None, (decode(part) for part in _PARAGRAPH.split(value))))
    if not _NEEDS_LATEX.search(value):
        return " ".join(value.split())
    fast = _fast_decode(value)
    return _decode_latex(value) if fast is None else fast


def verbatim(value: str) -> str:
    """doi, url, eprint: no LaTeX, but `\\url{}` wrappers, `\\_` and `{\\_}` are undone."""
    text = value.strip()
    wrapped = _WRAPPED.match(text)
    text = _VERBATIM_ESCAPE.sub(r"\1", wrapped.group(1) if wrapped else text)
    return "".join(text.replace("{", "").replace("}", "").split())


def _is_group(raw: str) -> bool:
    """`{World Health Organization}`: one brace group spanning the whole name."""
    if not (raw.startswith("{") and raw.endswith("}")):
        return False
    depth = 0
    for match in _DELIMITER.finditer(raw):
        depth += {"{": 1, "}": -1}.get(match.group(), 0)
        if depth == 0:
            return match.end() == len(raw)
    return False


def _sections(raw: str) -> tuple[list[str], list[str], list[str]]:
    """(first, von + last, jr) words; plain `Family, Given` skips bibtexparser's splitter."""
    if "{" not in raw and "\\" not in raw and 0 < raw.count(",") <= 2:
        sections = [part.split() for part in raw.split(",")]
        return sections[-1], sections[0], sections[1] if len(sections) == 3 else []
    from bibtexparser.middlewares.names import parse_single_name_into_parts

    parts = parse_single_name_into_parts(raw, strict=False)
    return parts.first, parts.von + parts.last, parts.jr


def _name(raw: str) -> dict[str, Any] | None:
    if _is_group(raw) or ("," not in raw and " " in raw and is_corporate(decode(raw))):
        literal = decode(raw[1:-1] if _is_group(raw) else raw)
        return {"literal": literal} if literal else None
    first, words, jr = _sections(raw)
    # The particle is the run of lower-case words leading the family name, never its last
    # word (`van der Berg`; `Cruz de la Rosa` has none).
    cut = next((n for n, word in enumerate(words[:-1]) if not decode(word)[:1].islower()),
               max(len(words) - 1, 0))
    family, given = decode(" ".join(words[cut:])), decode(" ".join(first))
    if not family:
        return {"literal": given} if given else None
    return {"family": family, "given": given or None,
            "non_dropping_particle": decode(" ".join(words[:cut])) or None,
            "suffix": decode(" ".join(jr)) or None}


def names(value: str) -> tuple[list[dict[str, Any]], bool]:
    """Names split at ` and ` (brace depth 0), then each split, then decoded (§8)."""
    from bibtexparser.middlewares.names import split_multiple_persons_names

    found, truncated = [], False
    for raw in split_multiple_persons_names(value):
        if raw.strip() == "others":
            truncated = True  # BibTeX's "et al."
            continue
        name = _name(raw.strip())
        if name:
            found.append(name)
    return found, truncated
