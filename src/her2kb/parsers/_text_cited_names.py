"""The author list that opens a page's citation of itself, for the names it spells out.

A byline cannot show where a two-word family name starts (`Helena Duarte Vasconcelos`);
a citation line that opens with the author list can (PLOS, Frontiers: `Citation: Okabe K,
Duarte Vasconcelos H (2021) …`; BMC, Springer: `Oliveira Santos, M., Lindqvist, H. et al.
Title…`), and `with_cited_families` follows it.
"""

from __future__ import annotations

import re
from typing import Any

from ..names import INITIALS, is_corporate
from ..text import strip_accents
from ._text_names import ET_AL

# A citation line's author list before its `(YEAR)`, and one Vancouver name in it.
CITED_NAMES = re.compile(r"^(?P<names>[^()]{3,}?)\s*\((?:1[89]|20)\d\d[a-z]?\)")
VANCOUVER_PART = re.compile(rf"^(?P<family>\S.*?)\s+(?P<initials>{INITIALS})$")
CITED_YEAR = re.compile(r"\s*\((?:1[89]|20)\d\d[a-z]?\)$")
# Google Scholar's Cite box names each style before its citation: `APA<TAB>Doe, J. (2016). …`.
CITE_STYLE = re.compile(r"^(?:MLA|APA|Chicago|Harvard|Vancouver)\s+(?=\S.*\b(?:1[89]|20)\d\d\b)")
SPRINGER_INITIALS = re.compile(rf"^{INITIALS}(?:-{INITIALS})?$")  # `AS` from `AS.`, `J-S`


def _cited_names(line: str, title: str | None) -> str | None:
    """The author list that opens a citation line: before its `(YEAR)`, or before the
    page's own title."""
    at = line.find(title) if title else -1
    if at > 0:
        return CITED_YEAR.sub("", line[:at].rstrip(" .")).rstrip(" .")
    match = CITED_NAMES.match(line)
    return match["names"] if match else None


def cited_families(line: str, title: str | None = None) -> list[tuple[str, str]]:
    """`(family, initials)` for each name of the list that opens a citation line, in
    Vancouver form (`Okabe K, Duarte Vasconcelos H and Ferraz J (2021) Title…`) or
    Springer's (`Oliveira Santos, M., Lindqvist, H. & Moreau, AS. Title…`); [] for any
    other line."""
    names = _cited_names(CITE_STYLE.sub("", line), title)
    if not names:
        return []
    parts = [part.strip() for part in re.split(r",|\band\b|&", ET_AL.sub("", names))]
    parts = [part for part in parts if part]
    if len(parts) > 1 and is_corporate(parts[-1]):
        parts.pop()  # Cochrane: `Bekele M, Duration of … Review Collaboration. Title…`
    vancouver = [VANCOUVER_PART.match(part) for part in parts]
    if vancouver and all(vancouver):
        return [(name["family"], name["initials"]) for name in vancouver if name]
    families, initials = parts[0::2], [part.replace(".", "") for part in parts[1::2]]
    if (len(families) == len(initials) and families
            and all(SPRINGER_INITIALS.match(part) for part in initials)):
        return list(zip(families, initials, strict=True))
    return []


def with_cited_families(names: list[dict[str, Any]], cited: list[tuple[str, str]]
                        ) -> list[dict[str, Any]]:
    """Names read `Given Family` whose cited form has a longer family name take it:
    `Helena Duarte Vasconcelos` cited as `Duarte Vasconcelos H` is family `Duarte Vasconcelos`.
    The cited initials must start the given name that is left."""
    refined = []
    for name in names:
        family, given = name.get("family"), name.get("given")
        if family and given and not name.get("non_dropping_particle"):
            whole = f"{given} {family}"
            for cited_family, initials in cited:
                rest = whole[: -len(cited_family)].strip()
                if (len(cited_family) > len(family) and whole.endswith(" " + cited_family)
                        and rest[:1].upper() == initials[0]):
                    name = name | {"given": rest, "family": cited_family}
                    break
        refined.append(name)
    return refined


def completed(names: list[dict[str, Any]], cited: list[tuple[str, str]]
              ) -> list[dict[str, Any]] | None:
    """A folded byline (Scholar: `A Yılmaz, M Demir, E Kaya… - Journal`) completed from
    the page's citation of itself, when the names shown open that longer list."""
    if not names or len(cited) <= len(names) or not all(
            name.get("family") == family for name, (family, _) in zip(names, cited, strict=False)):
        return None
    return names + [{"family": family, "given": initials} for family, initials in
                    cited[len(names):]]


def with_given_names(names: list[dict[str, Any]], bylines: list[list[dict[str, Any]]]
                     ) -> list[dict[str, Any]]:
    """Initials-only names take the given names another byline of the page spells out
    (Dove: `Authors Zhou H, Tang Q`, then `Hui Zhou,1,* Qiang Tang,1,*`), when that
    byline has the same families in the same order and each initial starts its name."""
    for spelled in bylines:
        if len(spelled) == len(names) and all(
                _spells(name, full) for name, full in zip(names, spelled, strict=True)):
            return [name | {"given": full["given"]}
                    for name, full in zip(names, spelled, strict=True)]
    return names


def _spells(name: dict[str, Any], full: dict[str, Any]) -> bool:
    given, spelled = name.get("given") or "", full.get("given") or ""
    initials = re.sub(r"[^A-Z]", "", given)
    firsts = "".join(word[0] for word in re.split(r"[\s.\u2010\u2011-]+", spelled) if word)
    return (bool(initials) and name.get("family") == full.get("family")
            and len(spelled.replace(".", "")) > len(given.replace(".", ""))
            and firsts.upper() == initials)


# Letters with no decomposition that tags write without their mark (`Østby` as `Ostby`).
_PLAIN_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "ł": "l",
                                "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "Th", "ð": "d"})
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def respelled(names: list[dict[str, Any]], lines: list[str]) -> list[dict[str, Any]]:
    """Names as the page prints them where the tags dropped the marks: SAGE tags `Ingrid
    Ostby` for a byline's `Ingrid Østby`. Only a printed word that folds to the tag's word
    replaces it."""
    printed = {strip_accents(word.translate(_PLAIN_LETTERS)): word
               for line in lines if not line.isascii() for word in _WORD.findall(line)
               if not word.isascii()}
    if not printed:
        return names

    def spelled(part: Any) -> Any:
        return _WORD.sub(lambda m: printed.get(m[0], m[0]), part) if isinstance(part, str) \
            and part.isascii() else part

    return [name | {key: spelled(name.get(key)) for key in ("family", "given") if key in name}
            for name in names]
