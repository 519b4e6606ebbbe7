"""Journal names as pages print them: a line that is only a listed name, a masthead that
names the journal before its menu, and whether one name abbreviates another (§12.9)."""

from __future__ import annotations

import re

from .. import journals

AIMS_AND_SCOPE = re.compile(r"^(?P<j>[A-Z].{1,150}?)\s+Aims and scope\b")
PUBLISHED_IN = re.compile(r"^in\s+(?P<j>[A-Z].{1,150})$")
CONNECTORS = frozenset({"of", "and", "the", "in", "on", "for", "&", "de", "la", "du", "und"})


def journal_line(lines: list[str]) -> str | None:
    """A line that is nothing but a listed journal name (`International Journal of Cancer`
    in a publisher's page header); one-word names (`Cancer`) are too common to count."""
    return next((line for line in lines if len(line.split()) >= 2
                 and journals.is_full_name(line)), None)


def masthead(line: str) -> str:
    """Springer's `Gastric Cancer Aims and scope Submit manuscript` -> `Gastric Cancer`;
    Scilit's `in Gastric Cancer` under the date -> `Gastric Cancer`."""
    match = AIMS_AND_SCOPE.match(line) or PUBLISHED_IN.match(line)
    return match["j"] if match else line


def abbreviates(short: str, full: str) -> bool:
    """True when `Front. Oncol.` abbreviates `Frontiers in Oncology` word by word (§12.9);
    NLM also drops letters inside a word (`Geburtshilfe Frauenheilkd`)."""
    words = [w for w in re.findall(r"[^\W_]+", full.casefold()) if w not in CONNECTORS]
    parts = re.findall(r"[^\W_]+", short.casefold())
    if not words or len(parts) != len(words):
        return False
    return all(word.startswith(part) or (part[:3] == word[:3] and _in_order(part, word))
               for part, word in zip(parts, words, strict=True))


def _in_order(letters: str, word: str) -> bool:
    rest = iter(word)
    return all(letter in rest for letter in letters)
