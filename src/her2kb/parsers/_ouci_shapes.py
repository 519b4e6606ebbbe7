"""OUCI's General information without its labels (a scrape that kept only the values):
each value is assigned by its shape, in the page's order, with a warning naming each guess
(formats.md §7)."""

from __future__ import annotations

import re
from typing import Any

from ._ouci_values import plausible_year, set_value
from ._page_values import PAGE_SHAPE, type_for

SMALL_NUMBER = re.compile(r"^\d{1,4}(?:[-/]\d{1,4})?$")
YES_NO = frozenset({"yes", "no", "так", "ні"})
# Words that mark a company, not a journal (`Springer Science and Business Media LLC`).
PUBLISHER_WORD = re.compile(
    r"\b(?:LLC|Ltd|Limited|Inc|GmbH|AG|SA|BV|Co|Corp|Press|Publishing|Publishers?|"
    r"Media|Verlag|Elsevier|Wiley|Springer|Informa|Kluwer|MDPI|Hindawi|Видавництво|"
    r"видавництво|Видавець)\b\.?")
SHAPE_ORDER = ("type", "journal", "year", "volume", "issue", "pages", "publisher")


def guess_by_shape(values: list[str], fields: dict[str, Any], warnings: list[str]) -> None:
    """Unlabelled General-information values, assigned by shape in the page's order.

    A type label from the table is the type; a plausible 4-digit number the year; up to two
    small numbers right after the year volume then issue; a page range the pages; the
    first other text the journal and the next one the publisher, unless only the first
    reads like a company. Yes/no flags and the counts after the publisher are skipped.
    Every field set here is named in a warning.
    """
    guessed: dict[str, str] = {}
    for value in values:
        slot = _slot_for(value, guessed)
        if slot:
            guessed[slot] = value
    if _publisher_first(guessed):
        guessed["journal"], guessed["publisher"] = guessed["publisher"], guessed["journal"]
    for key in SHAPE_ORDER:
        if key in guessed and not fields.get(_FIELD[key]):
            set_value(key, guessed[key], fields, warnings)
    if guessed:
        named = ", ".join(key for key in SHAPE_ORDER if key in guessed)
        warnings.append(f"General information has no labels; guessed by shape: {named}; "
                        "check them")


def _publisher_first(guessed: dict[str, str]) -> bool:
    """Scrapes list publisher and journal in either order: a company name is the publisher."""
    journal, publisher = guessed.get("journal"), guessed.get("publisher")
    if not (journal and publisher):
        return False
    return PUBLISHER_WORD.search(journal) is not None and PUBLISHER_WORD.search(publisher) is None


_FIELD = {"type": "original_type", "journal": "container_title", "year": "issued",
          "volume": "volume", "issue": "issue", "pages": "page", "publisher": "publisher"}


def _slot_for(value: str, guessed: dict[str, str]) -> str | None:
    after_year = list(guessed)[-1:] in (["year"], ["volume"])
    if type_for(value) and "type" not in guessed:
        return "type"
    if value.casefold() in YES_NO:
        return None
    if plausible_year(value) and "year" not in guessed:
        return "year"
    if SMALL_NUMBER.match(value) and after_year:
        return "volume" if "volume" not in guessed else "issue"
    if PAGE_SHAPE.match(value) and not value.isdigit() and "pages" not in guessed:
        return "pages"
    if any(ch.isalpha() for ch in value) and not value[:1].isdigit():
        for slot in ("journal", "publisher"):
            if slot not in guessed:
                return slot
    return None
