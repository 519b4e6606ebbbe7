"""BibTeX / BibLaTeX dates (formats.md §8): BibLaTeX's `date` in EDTF (`2010-05-12`,
`2010-05/2010-06`, `2010?`), and BibTeX's `year` + `month` (+ `day`) with month macros,
numbers or names; a date that cannot be read falls back to the first year in it."""

from __future__ import annotations

import re
from typing import Any

from ..dates import MONTHS
from ._bibtex_values import decode, verbatim

_EDTF = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(T[\d:.]+(?:Z|[+-][\d:]+)?)?([?~%]?)$")
_YEAR = re.compile(r"^(\d{4})(?:\s*[-–/]+\s*(\d{4}))?$")
_ANY_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")


def _edtf_part(text: str) -> tuple[list[int], int | None, bool] | None:
    """`2003-06`, `2003-06-15T10:00`, `2003~`, season `2003-21`: parts, season, lossy."""
    match = _EDTF.match(text.strip())
    if not match:
        return None
    year, month, day, time, qualifier = match.groups()
    if month and 21 <= int(month) <= 24 and not day:
        return [int(year)], int(month) - 20, bool(qualifier)
    return [int(year)] + [int(part) for part in (month, day) if part], None, bool(time or qualifier)


def _edtf(text: str) -> dict[str, Any] | None:
    """BibLaTeX `date`: ISO 8601 / EDTF, a range `A/B`, open `A/` or `A/..`."""
    start, _, end = text.partition("/")
    first = _edtf_part(start)
    second = _edtf_part(end) if end.strip() not in ("", "..") else None
    if first is None or (end.strip() not in ("", "..") and second is None):
        return None
    parts, season, lossy = first
    dates = [parts, second[0]] if second else [parts]
    lossy = lossy or bool(second and (second[1] or second[2])) or end.strip() == ".."
    return {"date_parts": dates, "season": season, "raw": text if lossy else None}


def _month_day(text: str) -> tuple[int | None, int | None]:
    """`jun` -> June -> 6, `6`, `June 15`, `15 June`."""
    words = re.findall(r"[A-Za-z]+|\d+", text)
    months = [MONTHS.get(word.lower()) for word in words if word.isalpha()]
    numbers = [int(word) for word in words if word.isdigit()]
    if months:
        return months[0], (numbers[0] if numbers else None)
    return (numbers[0], numbers[1] if len(numbers) > 1 else None) if numbers else (None, None)


def _year_month(values: dict[str, str], warnings: list[str]) -> dict[str, Any] | None:
    year = decode(values["year"])
    match = _YEAR.match(year)
    if not match:
        found = _ANY_YEAR.search(year)
        if not found:
            warnings.append(f"year {year!r} holds no year; no date kept")
            return None
        return {"date_parts": [[int(found.group(1))]], "raw": year}
    if match.group(2):
        return {"date_parts": [[int(match.group(1))], [int(match.group(2))]]}
    part, raw = [int(match.group(1))], None
    month_text = decode(values.get("month", ""))
    month, day = _month_day(month_text)
    day_text = decode(values.get("day", ""))
    day = int(day_text) if day_text.isdigit() else day
    if month:
        part += [month, day] if day else [month]
    elif month_text:
        warnings.append(f"month {month_text!r} not understood; year kept")
        raw = f"{year} {month_text}"
    return {"date_parts": [part], "raw": raw}


def issued(values: dict[str, str], warnings: list[str]) -> dict[str, Any] | None:
    """BibLaTeX `date` first, else `year` + `month` (+ `day`), at the precision given."""
    if "date" in values:
        date = _edtf(verbatim(values["date"]))
        if date:
            return date
        warnings.append(f"date {values['date']!r} is not an ISO/EDTF date")
    return _year_month(values, warnings) if "year" in values else None
