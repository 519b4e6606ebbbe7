"""Personal and corporate names (formats.md §12.8) as Record `Name` kwargs."""

from __future__ import annotations

import re
from typing import Any

from .iberian_names import follows_particle, is_first_surname

PARTICLES = {"de", "la", "las", "los", "del", "della", "di", "da", "do", "dos", "das", "du",
             "van", "von", "der", "den", "ten", "ter", "le", "dal", "van't"}
# Words that open a family name and stay part of it (`Ruairí Ó Súilleabháin`, `Ahmed Ben
# Salah`): unlike `van` or `de` above, they are never split off as a particle.
FAMILY_PREFIXES = {"ó", "ní", "nic", "mac", "mc", "ua", "ben", "bin", "ibn", "abu", "al",
                   "el", "bint"}
FAMILY_WORDS = PARTICLES | FAMILY_PREFIXES  # lower-case words a family name may start with
CORPORATE = re.compile(
    r"\b(Group|Grupo|Groupe|Gruppo|Consortium|Organi[sz]ation|Committee|Investigators|"
    r"Collaborat\w*|Society|"
    r"Association|Network|Council|Institute|Trialists|Working Party|Study)\b",
    re.IGNORECASE,
)
# Vancouver initials: 1-4 capitals, accented ones included (`Dubois-Mercier É`, `Ødegaard ÅK`).
INITIALS = "[{}]{{1,4}}".format("".join(
    ch for ch in map(chr, range(0x41, 0x250)) if ch.isalpha() and ch.isupper()))
# French compound given names keep their hyphen in some listings: `Lefebvre J-M`.
HYPHENED_INITIALS = rf"{INITIALS}(?:-{INITIALS})?"
_VANCOUVER = re.compile(rf"^(?P<family>.+?)\s+(?P<initials>{HYPHENED_INITIALS})"
                        r"(?:\s+(?P<suffix>Jr|Sr|2nd|3rd|II|III|IV))?$")
# An Iberian surname before `de la` / `da` is the first of two surnames (`Gómez de la
# Torre`, `Lopes da Silva`), a given name there is not (`Juan Carlos de la Fuente`).
IBERIAN_JOINERS = {"de", "del", "da", "do", "dos", "das"}
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "2nd", "3rd"}


def is_corporate(name: str) -> bool:
    return bool(CORPORATE.search(name))


def split_particle(family: str) -> dict[str, Any]:
    """`de la Cruz` -> particle `de la`, family `Cruz` (formats.md §12.8)."""
    words = family.split()
    lead = []
    while len(words) > 1 and words[0].lower() in PARTICLES:
        lead.append(words.pop(0))
    result: dict[str, Any] = {"family": " ".join(words)}
    if lead:
        result["non_dropping_particle"] = " ".join(lead)
    return result


# The non-breaking hyphen only stops a line break (`Hai‑Tao` on Spandidos pages); the name
# has a plain one. U+2010, a real hyphen character, stays as printed.
_HYPHENS = str.maketrans({"\u2011": "-"})


def _spaced(value: str) -> str:
    """The name's words single-spaced, its hyphens plain."""
    return " ".join(value.translate(_HYPHENS).split())


def family_given(value: str) -> dict[str, Any] | None:
    """`Family, Given[, Suffix]` (MEDLINE FAU, RIS AU, Refer with a comma)."""
    text = _spaced(value).strip(" ,;")
    if not text:
        return None
    if is_corporate(text):
        return {"literal": text}
    family, _, rest = text.partition(",")
    given, _, suffix = rest.strip().partition(",")
    name = split_particle(family.strip())
    if given.strip():
        name["given"] = given.strip()
    if suffix.strip():
        name["suffix"] = suffix.strip()
    return name


def _joins_surnames(family: list[str]) -> bool:
    """`de la Torre`, `del Río`, `da Silva`, `de Rojas`: the particles that may join Iberian
    surnames (`is_first_surname` tells a surname before them from a given name)."""
    return family[0].lower() in IBERIAN_JOINERS


def given_family(value: str) -> dict[str, Any] | None:
    """`Given [particles] Family [Jr]` as printed on pages; the last word is the family."""
    text = _spaced(value).strip(" ,;")
    if not text:
        return None
    if is_corporate(text):
        return {"literal": text}
    words = text.split()
    suffix = words.pop() if len(words) > 2 and words[-1].lower() in _SUFFIXES else None
    family = [words.pop()]
    while len(words) > 1 and words[-1].lower() in FAMILY_WORDS:
        family.insert(0, words.pop())
    if _joins_surnames(family) and is_first_surname(words, " ".join(family), joined=True):
        family.insert(0, words.pop())  # `Álvaro Gómez de la Torre`: two surnames joined
    elif len(family) == 1 and not (len(words) > 1 and words[-2].lower() in PARTICLES) \
            and is_first_surname(words, family[0]):  # (`Maria de Fátima Costa`: given)
        family.insert(0, words.pop())  # `María García López`
    elif len(family) == 1 and len(words) > 2 and words[-2].lower() in PARTICLES \
            and follows_particle(words[-1], family[0]):
        family.insert(0, words.pop())  # `Ana Isabel de la Fuente Ruiz`
        while len(words) > 1 and words[-1].lower() in PARTICLES:
            family.insert(0, words.pop())
    name = split_particle(" ".join(family))
    if words:
        name["given"] = " ".join(words)
    if suffix:
        name["suffix"] = suffix
    return name


def vancouver(value: str) -> dict[str, Any] | None:
    """MEDLINE AU `Valabrega GM` -> family Valabrega, given G.M."""
    text = _spaced(value)
    match = _VANCOUVER.match(text)
    if not match or is_corporate(text):
        return given_family(text) if not match else {"literal": text}
    name = split_particle(match.group("family"))
    name["given"] = "-".join(".".join(part) + "." for part in match.group("initials").split("-"))
    if match.group("suffix"):
        name["suffix"] = match.group("suffix")
    return name


def parse_name(value: str) -> dict[str, Any] | None:
    """Either order: a comma means `Family, Given`, otherwise `Given Family`."""
    return family_given(value) if "," in value else given_family(value)
