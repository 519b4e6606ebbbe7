"""Values inside CSL-JSON items as real files hold them (formats.md §9): numbers where
strings belong, `keyword` as one string, names as plain strings, date-parts with
strings or zeros in them, seasons as words."""

from __future__ import annotations

import re
from typing import Any

from ..dates import SEASONS, parse_medline_date, parse_written_date
from ..names import parse_name

_SEPARATORS = re.compile(r"[,;\s]+")


def text_value(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    return str(value).strip() or None


def split_list(value: Any, keywords: bool) -> list[str]:
    """`keyword` is one comma-separated string (§9); ISSN/ISBN lists any separator."""
    values = value if isinstance(value, list) else [value]
    found: list[str] = []
    for text in filter(None, map(text_value, values)):
        if keywords:
            separator = "," if "," in text else ";"
            found += [part.strip() for part in text.split(separator) if part.strip()]
        else:
            found += [part for part in _SEPARATORS.split(text) if part]
    return found


def read_name(value: Any) -> dict[str, Any] | None:
    if isinstance(value, str):
        return parse_name(value)  # not CSL, but seen: "Doe, Jane"
    if not isinstance(value, dict):
        return None
    particles = (value.get("dropping-particle"), value.get("non-dropping-particle"))
    particle = " ".join(filter(None, map(text_value, particles)))
    name = {"family": text_value(value.get("family")), "given": text_value(value.get("given")),
            "suffix": text_value(value.get("suffix")), "literal": text_value(value.get("literal")),
            "non_dropping_particle": particle or None}
    if not (name["family"] or name["literal"]):
        return {"literal": name["given"]} if name["given"] else None
    return name


def _part(part: Any) -> list[int]:
    """`[2010, 5]`, `["2010", "5"]`, `["2010-05-01"]` -> [2010, 5(, 1)]; stops at junk."""
    if isinstance(part, list) and len(part) == 1 and isinstance(part[0], str):
        part = part[0].split("-")
    numbers: list[int] = []
    for item in part if isinstance(part, list) else []:
        text = str(item).strip()
        if isinstance(item, bool) or not text.isdigit() or int(text) == 0:
            break  # a zero month or day means "unknown" in some exports
        numbers.append(int(text))
    return numbers[:3]


def _raw_date(raw: str | None) -> dict[str, Any] | None:
    # `2007 Mar` is MEDLINE-shaped; parse_written_date alone would keep only the year.
    return (parse_medline_date(raw) or parse_written_date(raw)) if raw else None


def read_date(value: Any, warnings: list[str]) -> dict[str, Any] | None:
    """A CSL date object; a bare string (not CSL, but seen) is read as a raw date."""
    if isinstance(value, str):
        return _raw_date(text_value(value))
    if not isinstance(value, dict):
        return None
    raw = text_value(value.get("raw")) or text_value(value.get("literal"))
    given = value.get("date-parts")
    parts = [p for p in map(_part, given if isinstance(given, list) else []) if p]
    if value.get("circa"):
        warnings.append("a circa date is stored without its circa flag")
    if not parts:
        return _raw_date(raw)
    return {"date_parts": parts[:2], "season": _season(value.get("season")), "raw": raw}


def _season(value: Any) -> int | None:
    """1-4, as a number, a numeric string or a word (`Spring`)."""
    if isinstance(value, str):
        value = SEASONS.get(value.strip().lower(), value.strip())
    text = text_value(value)
    return int(text) if text and text.isdigit() else None
