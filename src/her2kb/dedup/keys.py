"""`MatchKeys`: everything the matcher compares, computed once per record.

Built from a validated `Record` or from a plain mapping of fields (a CSV row, a
parser's dict), so the evaluation needs no validation. The keys are small, frozen
and hold only short strings and ints: a million of them must fit in memory.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..dates import MONTHS
from ..identifiers import doi_key, normalize_doi, normalize_pmcid, normalize_pmid
from ..records import Name, Record
from ..text import match_key
from . import titles
from .journal_keys import journal_keys

# Matching needs the first few authors; long consortium lists would only cost memory.
MAX_AUTHORS = 12
_PARTICLES = frozenset({
    "de", "la", "le", "del", "della", "di", "da", "dos", "du", "van", "von", "der", "den",
    "ten", "ter", "dal", "st"
})
_SUFFIXES = frozenset({
    "jr", "sr", "ii", "iii", "iv", "2nd", "3rd"
})
_INITIALS = re.compile(r"^(?:[A-Z]\.?){1,4}$")  # the `GM` of Vancouver `Valabrega GM`
# Spreadsheets turn a page range `5-13` into the date `13-May`: the page is lost.
_SPREADSHEET_DATE = re.compile(r"^(?:(\d{1,2})-([A-Za-z]{3})|([A-Za-z]{3})-(\d{1,2}))$")
_PAGE_PARTS = re.compile(r"\s*[,;+]\s*")
_FIRST_PAGE = re.compile(r"^\[?\s*([A-Za-z]{0,4})\s?(\d+)[A-Za-z]?(?:\.e\d+)?")
_LAST_PAGE = re.compile(r"\s*[-\u2010-\u2015\u2212]\s*[A-Za-z]{0,4}(\d+)")
_VOLUME = re.compile(r"^\s*(?:vol(?:ume)?\.?\s*)?(\d+)\s*([A-Za-z](?![A-Za-z]))?", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_SERIES_WORDS = re.compile(r"part|paper|series")  # a cheap screen before the full pattern
_SERIES_PART = re.compile(r"\b(?:part|paper|series)\s+(\d+[a-z]?)\b")
_ERRATUM_TYPES = ("erratum", "retraction of publication", "correction")
_COMMENT_TYPES = ("comment",)


@dataclass(frozen=True, slots=True)
class MatchKeys:
    title: str  # normalised whole title; "" when the record has none
    title_variants: tuple[str, ...]  # the other language versions found inside it
    first_author: str  # family-name key of the first author; "" when none
    authors: tuple[str, ...]  # family-name keys in order (at most MAX_AUTHORS)
    year: int | None
    journal: tuple[str, ...]  # journal group keys (journal_keys.py)
    volume: str | None  # leading number and letter: `30a`, `10` for `10 Suppl 2`
    first_page: str | None  # digits; `e43268` for an electronic article number
    last_page: str | None
    doi: str | None  # lower case
    pmid: str | None
    pmcid: str | None
    translated: bool  # a `[bracketed]` (MEDLINE) or bilingual title: wording may differ
    kind: str  # from the title: article, erratum, comment or reply
    stated_kind: str | None  # from publication types, when the source gave any
    part: str | None  # `Part 2` of a series
    marks: frozenset[str]  # title tokens with digits, and polarity/negation words


@lru_cache(maxsize=200_000)  # surnames repeat across records; the cache is bounded
def family_key(family: str) -> str:
    """`Gonzalez-De la Rosa` -> gonzalezrosa, `Cobano?lu` -> cobanolu, `von Pawel` -> pawel."""
    words = match_key(titles.LOST_LETTER.sub("", family)).split()
    kept = [w for w in words if w not in _PARTICLES and w not in _SUFFIXES]
    return sys.intern("".join(kept or words))


def _family_of_string(name: str) -> str:
    """The family part of a printed name in any of the forms of formats.md §12.8."""
    text = name.strip().strip(",;. ")
    if "," in text:
        return text.split(",", 1)[0]
    words = text.split()
    if len(words) > 1 and _INITIALS.match(words[-1]):
        return " ".join(words[:-1])  # Vancouver `Valabrega GM`
    return words[-1] if words else ""


def _author_keys(authors: Any) -> tuple[str, ...]:
    if not authors:
        return ()
    if isinstance(authors, str):
        sep = ";" if ";" in authors else " and " if " and " in authors else None
        parts = authors.split(",")
        if sep is None and len(parts) > 2 and all(" " in p.strip() for p in parts):
            sep = ","  # `Slamon DJ, Leyland-Jones B, Shak S` is a list (formats.md §12.8)
        authors = authors.split(sep) if sep else [authors]
    out: list[str] = []
    for author in authors:
        if isinstance(author, Name):
            family = author.family or author.literal or ""
        elif isinstance(author, Mapping):
            family = author.get("family") or author.get("literal") or ""
        else:
            family = _family_of_string(str(author))
        if key := family_key(family):
            out.append(key)
        if len(out) == MAX_AUTHORS:
            break
    return tuple(out)


def _spreadsheet_pages(text: str) -> tuple[str, str] | None:
    """`13-May` was `5-13` and `Sep-17` was `9-17`: a spreadsheet read the range as a
    date. Day (or two-digit year) and month number are the two pages, smaller first."""
    match = _SPREADSHEET_DATE.match(text)
    if not match:
        return None
    number, month = (match.group(1), match.group(2)) if match.group(1) else (
        match.group(4), match.group(3))
    month_number = MONTHS.get(month[:3].lower())
    if month_number is None:
        return None
    low, high = sorted((int(number), month_number))
    return str(low), str(high)


def _page_part(text: str) -> tuple[str, str | None] | None:
    first = _FIRST_PAGE.match(text)
    if not first:
        return None
    prefix, digits = first.group(1).lower(), first.group(2).lstrip("0") or "0"
    if prefix == "e":  # article numbers are numbered apart from pages: `e29` is not 29
        return "e" + digits, None
    last = _LAST_PAGE.match(text, first.end())
    if not last:
        return digits, None
    end = last.group(1)
    if len(end) < len(digits):  # `1027-9` -> 1029 (formats.md §12.6)
        end = digits[: len(digits) - len(end)] + end
    return digits, (end.lstrip("0") or "0") if int(end) >= int(digits) else None


def pages(printed: str | None) -> tuple[str | None, str | None]:
    """First and last page as digits (`viii108` -> 108); None where nothing is certain.

    A field of several ranges (`233-8, 230-5, 246-51`, in any order) gives its lowest
    range, so that two orders of one list agree.
    """
    if not printed:
        return None, None
    text = printed.strip().strip('"').strip()
    if recovered := _spreadsheet_pages(text):
        return recovered
    parts = [p for p in map(_page_part, _PAGE_PARTS.split(text)) if p]
    if not parts:
        return None, None
    return min(parts, key=lambda p: (p[0].startswith("e"), int(p[0].lstrip("e"))))


def volume_key(printed: str | None, year: int | None) -> str | None:
    if not printed:
        return None
    match = _VOLUME.match(str(printed))
    if not match:
        return None
    number = match.group(1).lstrip("0") or "0"
    if year is not None and number == str(year):
        return None  # a year copied into the volume field tells nothing
    return number + (match.group(2) or "").lower()


def _year(value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, int):
        return value
    match = _YEAR.search(str(value))
    return int(match.group(1)) if match else None


def _stated_kind(types: Iterable[str]) -> str | None:
    folded = [t.casefold() for t in types if t]
    if not folded:
        return None
    if any(e in t for t in folded for e in _ERRATUM_TYPES):
        return "erratum"
    if any(t in _COMMENT_TYPES for t in folded):
        return "comment"
    return "article"


def _journal(names: Iterable[str | None]) -> tuple[str, ...]:
    out: list[str] = []
    for name in names:
        for key in journal_keys(name):
            if key not in out:
                out.append(sys.intern(key))
    return tuple(out[:6])


def build(*, title: str | None, authors: Any, year: int | None, journals: Iterable[str | None],
          volume: str | None, page: str | None, doi: str | None, pmid: str | None,
          pmcid: str | None, publication_types: Iterable[str] = ()) -> MatchKeys:
    """MatchKeys from loose field values (any may be missing)."""
    cleaned = titles.clean(title or "")
    variants = titles.variants(cleaned) if cleaned else [""]
    main = variants[0]
    part = _SERIES_PART.search(main) if _SERIES_WORDS.search(main) else None
    authors_keys = _author_keys(authors)
    first, last = pages(page)
    return MatchKeys(
        title=main, title_variants=tuple(variants[1:]),
        first_author=authors_keys[0] if authors_keys else "", authors=authors_keys,
        year=year, journal=_journal(journals), volume=volume_key(volume, year),
        first_page=first, last_page=last,
        doi=doi_key(normalize_doi(doi)),
        pmid=normalize_pmid(str(pmid)) if pmid else None,
        pmcid=normalize_pmcid(pmcid) if pmcid else None,
        translated=cleaned.startswith("[") or len(variants) > 1,
        kind=titles.kind_of(cleaned), stated_kind=_stated_kind(publication_types),
        part=part.group(1) if part else None, marks=titles.marks(main),
    )


def keys_for(source: Record | Mapping[str, Any]) -> MatchKeys:
    """Keys of a Record, or of a mapping with CSL-like or CSV-like field names."""
    if isinstance(source, Record):
        return build(
            title=source.title, authors=source.author, year=source.year,
            journals=(source.container_title, source.container_title_short),
            volume=source.volume, page=source.page or source.page_as_printed or source.number,
            doi=source.doi, pmid=source.pmid, pmcid=source.pmcid,
            publication_types=source.publication_types,
        )
    get = source.get
    types = get("publication_types") or ()
    return build(
        title=get("title"), authors=get("authors") or get("author"),
        year=_year(get("year") or get("issued")),
        journals=(get("journal") or get("container_title") or get("container-title"),
                  get("journal_abbrev") or get("container_title_short")
                  or get("container-title-short")),
        volume=get("volume"), page=get("pages") or get("page"),
        doi=get("doi") or get("DOI"), pmid=get("pmid") or get("PMID"),
        pmcid=get("pmcid") or get("PMCID"),
        publication_types=[types] if isinstance(types, str) else types,
    )
