"""Values inside EndNote / Refer fields: names, ISSN/ISBN lists, free-text dates, and a
`%J` that holds a whole citation instead of a journal name (formats.md §1)."""

from __future__ import annotations

import datetime
import re
from typing import Any

from ..dates import parse_medline_date, parse_written_date
from ..identifiers import find_dois
from ..names import parse_name
from ..records import MIN_YEAR

_ISBN = re.compile(r"(?<![\dXx-])(?:97[89]-?)?(?:\d-?){9}[\dXx](?![\dXx-])")
_ISSN = re.compile(r"\b\d{4}-?\d{3}[\dXx]\b")
_YEAR = r"\b(?:1[5-9]|20)\d\d\b"
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_LATEST_YEAR = datetime.date.today().year + 2  # the Record model's bound
_CITATION_LIKE = re.compile(rf"{_YEAR}.*?[;:]\s*\S*\d|\bdoi\b|doi\.org|https?://|\b10\.\d{{4,9}}/",
                            re.IGNORECASE)
_ID_TEXT = re.compile(r"https?://\S+|\bdoi\b:?\s*\S*|\b10\.\d{4,9}/\S*", re.IGNORECASE)
_JOURNAL = re.compile(r"^(?P<journal>\D+?)[\s.,;:]*(?=\(?\d|Vol\b|Vol\.|Volume|No\.|pp?\.)")
_CITATION_PARTS = {
    "volume": re.compile(r"\bVol(?:ume)?\.?\s*(\w+)|(\d+)\s*(?=\()|;\s*(\d+)", re.IGNORECASE),
    "issue": re.compile(r"\d\s*\((?!(?:1[5-9]|20)\d\d\))([^)]+)\)|\b(?:No|Issue|Iss)\.?\s*(\w+)",
                        re.IGNORECASE),
    "page": re.compile(r"(?:\bpp?\.\s*|:\s*)([A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?)"
                       r"|(?<![\w(])(\d+\s*[-–]\s*\d+)(?![\w)])", re.IGNORECASE),
}


def author_name(value: str) -> dict[str, Any] | None:
    """`Family, Given[, Suffix]`, `Given Family`, or `Corporate Name,` (EndNote: do not invert)."""
    text = " ".join(value.split())
    if text.endswith(",") and "," not in text.rstrip(","):
        return {"literal": text.rstrip(",").strip()} if text.strip(", ") else None
    return parse_name(text)


def issn_isbn(value: str) -> tuple[list[str], list[str]]:
    """The ISSNs and ISBNs in one `%@` value (`1234-5678 (Print)`, `978-0-00-000000-2`)."""
    isbns = [m.group().upper() for m in _ISBN.finditer(value)]
    issns = [m.group().upper() for m in _ISSN.finditer(_ISBN.sub(" ", value))]
    return issns, isbns


def _checked(date: dict[str, Any] | None) -> dict[str, Any] | None:
    """The date if the Record model will take it (so a bad month falls back to the year)."""
    parts = date["date_parts"] if date else []
    ok = all(MIN_YEAR <= part[0] <= _LATEST_YEAR and all(1 <= p <= 12 for p in part[1:2])
             and all(1 <= p <= 31 for p in part[2:3]) for part in parts)
    return date if parts and ok else None


def read_date(text: str, year: str | None = None) -> dict[str, Any] | None:
    """EndNote's free-text date (`May 12`, `2010/05/12`, `2010 Nov-Dec`), completed by `year`."""
    compact = _COMPACT_DATE.match(text.strip())  # MEDLINE's DEP shape, in EndNote's %7
    written = "/".join(compact.groups()) if compact else text
    attempts = [written] + ([f"{written} {year}", f"{year} {written}"] if year else [])
    for attempt in attempts:
        date = _checked(parse_medline_date(attempt) or parse_written_date(attempt))
        if date:
            return date | {"raw": text}
    return None


def looks_like_citation(journal: str) -> bool:
    """§1: a year followed by `;`/`:` and digits, or a DOI, in what should be a journal name."""
    return bool(_CITATION_LIKE.search(journal))


def citation_parts(value: str) -> dict[str, Any] | None:
    """A whole citation in a journal field split into record fields, or None when its
    journal name cannot be told apart: `container_title` first, then what was found of
    volume, issue, page, `issued` (the year) and the DOI."""
    rest = _ID_TEXT.sub(" ", value)
    journal = _JOURNAL.match(rest)
    if not journal:
        return None
    parts: dict[str, Any] = {"container_title": journal.group("journal").strip(" .,;:")}
    tail = rest[journal.end():]
    for field, pattern in _CITATION_PARTS.items():
        if match := pattern.search(tail):
            parts[field] = next(g for g in match.groups() if g)
    if year := re.search(_YEAR, tail):
        parts["issued"] = {"date_parts": [[int(year.group())]], "raw": year.group()}
    if doi := next(iter(find_dois(value)), None):
        parts["doi"] = doi
    return parts
