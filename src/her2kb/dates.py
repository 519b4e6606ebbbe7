"""Dates at the precision printed (formats.md §12.7): regex grammars, never today's date.

Every parser returns CSL date-parts kwargs (`{"date_parts": ..., "season": ..., "raw": ...}`)
or None; the Record model validates them.
"""

from __future__ import annotations

import re
from typing import Any

MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}
SEASONS = {"spring": 1, "summer": 2, "fall": 3, "autumn": 3, "winter": 4}

_MON = r"[A-Za-z]{3,9}\.?"
_YMD = rf"(?P<y>\d{{4}}) (?P<m>{_MON}) (?P<d>\d{{1,2}})"
# MEDLINE DP / PubMed citation-line grammar, most specific first.
_MEDLINE = [
    re.compile(rf"^{_YMD}-(?P<y2>\d{{4}}) (?P<m2>{_MON}) (?P<d2>\d{{1,2}})$"),
    re.compile(rf"^{_YMD}-(?P<m2>{_MON}) (?P<d2>\d{{1,2}})$"),
    re.compile(rf"^{_YMD}-(?P<d2>\d{{1,2}})$"),
    re.compile(rf"^{_YMD}$"),
    re.compile(rf"^(?P<y>\d{{4}}) (?P<m>{_MON})-(?P<y2>\d{{4}}) (?P<m2>{_MON})$"),
    re.compile(rf"^(?P<y>\d{{4}}) (?P<m>{_MON})-(?P<m2>{_MON})$"),
    re.compile(rf"^(?P<y>\d{{4}}) (?P<m>{_MON})$"),
    re.compile(r"^(?P<y>\d{4})-(?P<y2>\d{4})$"),
    re.compile(r"^(?P<y>\d{4})$"),
]
_DAY_MONTH_YEAR = re.compile(rf"^(?P<d>\d{{1,2}}) (?P<m>{_MON}),? (?P<y>\d{{4}})$")
_MONTH_DAY_YEAR = re.compile(rf"^(?P<m>{_MON}) (?P<d>\d{{1,2}}),? (?P<y>\d{{4}})$")
_MONTH_YEAR = re.compile(rf"^(?P<m>{_MON}),? (?P<y>\d{{4}})$")
_MONTH_RANGE_YEAR = re.compile(rf"^(?P<m>{_MON})\s*[-/\u2013]\s*(?P<m2>{_MON}),? (?P<y>\d{{4}})$")
# RIS `2010/05/01/other`, ISO `2009-03-01T00:00:00` (or a space before the time, as Python
# prints a datetime), Ingenta `/2009`; anything after the separators must start with `/`,
# `T` or a time, so `2007 Mar` is left to the MEDLINE grammar.
_NUMERIC = re.compile(
    r"^/?(?P<y>\d{4})(?:[-/](?P<m>\d{1,2})?(?:[-/](?P<d>\d{1,2})?)?)?(?:[/T].*| \d{1,2}:\d\d\b.*)?$"
)

# Year last, as some `citation_date` tags write it: `03/2019`, `15/03/2019`, `3/15/2019`.
# Day and month are told apart only by a number over 12; otherwise the year alone is kept.
_YEAR_LAST = re.compile(r"^(?P<a>\d{1,2})[/.](?:(?P<b>\d{1,2})[/.])?(?P<y>\d{4})$")


def _month(token: str | None) -> int | None:
    if not token:
        return None
    return MONTHS.get(token.rstrip(".").lower())


def _parts(y: str, m: str | None = None, d: str | None = None) -> list[int] | None:
    part = [int(y)]
    if m is not None:
        month = _month(m)
        if month is None:
            return None
        part.append(month)
        if d is not None:
            part.append(int(d))
    return part


def _season(raw: str) -> dict[str, Any] | None:
    match = re.match(r"^(\d{4}) ([A-Za-z]+)(?:-([A-Za-z]+))?$", raw)
    if not match or match.group(2).lower() not in SEASONS:
        return None
    return {"date_parts": [[int(match.group(1))]], "season": SEASONS[match.group(2).lower()],
            "raw": raw}


def parse_medline_date(raw: str) -> dict[str, Any] | None:
    """`2003 Jun`, `2010 May 1-7`, `2009 Dec 30-2010 Jan 5` ... as CSL date kwargs."""
    text = " ".join(raw.replace("\u2013", "-").split())
    season = _season(text)
    if season:
        return season
    for grammar in _MEDLINE:
        match = grammar.match(text)
        if not match:
            continue
        g = match.groupdict()
        start = _parts(g["y"], g.get("m"), g.get("d"))
        if start is None:
            continue
        dates = [start]
        if g.get("m2") or g.get("d2") or g.get("y2"):
            end = _parts(g.get("y2") or g["y"], g.get("m2") or g.get("m"), g.get("d2"))
            if g.get("y2") and not g.get("m"):
                end = [int(g["y2"])]
            if end:
                dates.append(end)
        return {"date_parts": dates, "raw": raw}
    return None


def parse_written_date(raw: str) -> dict[str, Any] | None:
    """`17 January 2007`, `March 1, 2009`, `January 2011`, `September-October 2004`,
    `2009-03-01`, RIS `2010/05/01/`."""
    text = " ".join(raw.split()).strip(" .")
    for grammar in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _MONTH_YEAR):
        match = grammar.match(text)
        if match:
            g = match.groupdict()
            part = _parts(g["y"], g["m"], g.get("d"))
            return {"date_parts": [part], "raw": raw} if part else None
    match = _MONTH_RANGE_YEAR.match(text)  # Ingenta `September-October 2004`
    if match:
        first, last = _parts(match["y"], match["m"]), _parts(match["y"], match["m2"])
        return {"date_parts": [first, last], "raw": raw} if first and last else None
    match = _NUMERIC.match(text)
    if match:
        part = [int(match.group("y"))]
        if match.group("m"):
            part.append(int(match.group("m")))
            if match.group("d"):
                part.append(int(match.group("d")))
        return {"date_parts": [part], "raw": raw}
    if match := _YEAR_LAST.match(text):
        return {"date_parts": [_year_last(match)], "raw": raw}
    return parse_medline_date(text)


def _year_last(match: re.Match[str]) -> list[int]:
    year, first, second = int(match["y"]), int(match["a"]), match["b"]
    if second is None:
        return [year, first] if 1 <= first <= 12 else [year]
    day_first = first > 12 >= int(second) >= 1
    month_first = int(second) > 12 >= first >= 1
    if day_first or month_first:
        month, day = (int(second), first) if day_first else (first, int(second))
        return [year, month, day] if day <= 31 else [year, month]
    return [year]
