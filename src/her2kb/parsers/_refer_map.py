"""EndNote / Refer tags mapped onto Record fields (formats.md §1).

The tagged reader (`refer.py`) and the EndNote XML reader both hand tag/value pairs to
`record_fields`. Quirks handled here:
* EndNote relabels generic fields per reference type (BY_TYPE): a journal article's
  `%7` is its Epub Date, a book's `%B` its series;
* `%R` is EndNote's DOI field but a report number in classic refer: a DOI only when it
  holds one (likewise `%M` PMID, `%2` PMCID);
* a trailing comma (`%A World Health Organization,`) is EndNote's mark for a name not
  to invert: a corporate author;
* `%J` holding a whole citation (journal, year, volume, pages, a DOI URL) is flagged and
  split as a guess into the fields the record lacks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..identifiers import normalize_doi, normalize_pmcid, normalize_pmid
from ._refer_values import (
    author_name,
    citation_parts,
    issn_isbn,
    looks_like_citation,
    read_date,
)

# Tag -> Record field, in order of preference where two tags fill one field (%J before
# %B). None: known, deliberately not mapped (the raw source keeps it).
FIELD_MAP: dict[str, str | None] = {
    "0": "original_type", "A": "author", "E": "editor", "T": "title", "J": "container_title",
    "B": "container_title", "S": "collection_title", "7": "edition", "D": "issued",
    "8": "issued", "V": "volume", "N": "issue", "P": "page",
    "O": "number",  # only `Artn 123` (Web of Science); other %O text stays in the source
    "I": "publisher", "C": "publisher_place", "@": "issn",  # ISSN or ISBN, told by shape
    "R": "doi", "M": "pmid", "2": "pmcid",  # custom 2 is EndNote's PMCID field
    "U": "url", "[": "accessed", "K": "keywords", "9": "publication_types", "G": "language",
    "X": "abstract", "Z": "note",
    "F": None,  # label: her2kb keeps its own citation key
    "L": None, "H": None, "Q": None, "Y": None, "?": None, "W": None, "~": None, "!": None,
    "+": None, "&": None, "(": None, ")": None, "*": None, "^": None, ">": None, "<": None,
    "6": None, "=": None, "1": None, "3": None, "4": None, "#": None, "$": None, "]": None,
}
# EndNote's field labels per reference type (lower-cased %0) where they differ.
BY_TYPE: dict[str, dict[str, str | None]] = {
    "journal article": {"7": "available_date", "]": "number"},  # Epub Date; Article Number
    "book": {"B": "collection_title", "E": None},  # series title; series editor
    "edited book": {"A": "editor", "B": "collection_title", "E": None},
    "thesis": {"B": None},  # academic department
}
TYPE_MAP = {
    "journal article": "article-journal", "electronic article": "article-journal",
    "book": "book", "edited book": "book", "electronic book": "book",
    "book section": "chapter", "electronic book section": "chapter",
    "conference proceedings": "paper-conference", "conference paper": "paper-conference",
    "thesis": "thesis", "report": "report", "web page": "webpage", "dataset": "dataset",
    "magazine article": "article-magazine", "newspaper article": "article-newspaper",
    "patent": "patent", "manuscript": "manuscript", "encyclopedia": "entry-encyclopedia",
}

_ARTN = re.compile(r"^(?:Artn|Article\s+(?:number|no\.?))\s*:?\s*(\S.*)$", re.IGNORECASE)
# Names of the parts a `%J` citation was split into, for the warning.
_PART_NAMES = {"issued": "year"}


@dataclass
class _Out:
    """What `record_fields` builds: the fields, and the reader's doubts about them."""

    fields: dict[str, Any]
    warnings: list[str]


def _dates(values: dict[str, list[str]], out: _Out) -> None:
    """`%D` is the year, `%8` the date; a `%8` in another year is not the citation date."""
    year_text, date_text = (values.get(tag, [None])[0] for tag in ("D", "8"))
    by_year = read_date(year_text) if year_text else None
    year = str(by_year["date_parts"][0][0]) if by_year else None
    date = read_date(date_text, year) if date_text else None
    if date and year and date["date_parts"][0][0] != int(year):
        out.warnings.append(f"%8 {date_text!r} is not in the year of %D {year_text!r}; "
                            "kept the year")
        date = None
    if date or by_year:
        out.fields["issued"] = date or by_year


def _citation_in_journal(value: str, out: _Out) -> None:
    """§1: `%J` holding journal, year, volume, pages and a DOI; only fills missing fields."""
    parts = citation_parts(value)
    if parts is None:
        out.fields["container_title"] = value
        out.warnings.append(f"%J looks like a whole citation and could not be split: {value!r}")
        return
    out.fields["container_title"] = parts.pop("container_title")
    found = ["journal"]
    for field, part in parts.items():
        if not out.fields.get(field):
            out.fields[field] = part
            found.append(_PART_NAMES.get(field, field))
    out.warnings.append(f"%J holds a whole citation {value!r}; split as a guess: {sorted(found)}")


Handler = Callable[[_Out, str, str, list[str]], None]


def _scalar(out: _Out, target: str, tag: str, values: list[str]) -> None:
    if out.fields.get(target):
        return
    if tag == "J" and looks_like_citation(values[0]):
        _citation_in_journal(values[0], out)
    else:
        out.fields[target] = values[0]


def _names(out: _Out, target: str, tag: str, values: list[str]) -> None:
    out.fields.setdefault(target, []).extend(n for n in map(author_name, values) if n)


def _terms(out: _Out, target: str, tag: str, values: list[str]) -> None:
    """Repeated tags, or one tag holding a newline- or `;`-separated list."""
    for value in values:
        out.fields.setdefault(target, []).extend(
            t.strip() for t in re.split(r"[\n;]", value) if t.strip())


def _numbers(out: _Out, target: str, tag: str, values: list[str]) -> None:
    for value in values:
        issns, isbns = issn_isbn(value)
        # dict.fromkeys: EndNote repeats the print ISSN as the linking one
        out.fields["issn"] = list(dict.fromkeys(out.fields.get("issn", []) + issns))
        out.fields["isbn"] = list(dict.fromkeys(out.fields.get("isbn", []) + isbns))


def _identifier(out: _Out, target: str, tag: str, values: list[str]) -> None:
    """%R is a DOI only when it holds one; %M a PMID, %2 a PMCID only in their shapes."""
    clean = {"doi": normalize_doi, "pmid": normalize_pmid, "pmcid": normalize_pmcid}[target]
    value = clean(values[0])
    if value and not out.fields.get(target):
        out.fields[target] = value
    elif not value and tag == "R":
        out.warnings.append(f"%R {values[0]!r} is not a DOI; kept in the source only")


def _number(out: _Out, target: str, tag: str, values: list[str]) -> None:
    """`%O Artn 123` (other %O text is not a number), or EndNote's own Article Number."""
    for value in values:
        match = _ARTN.match(value) if tag == "O" else None
        number = value if tag != "O" else match.group(1).strip() if match else None
        if number and not out.fields.get(target):
            out.fields[target] = number


def _date_field(out: _Out, target: str, tag: str, values: list[str]) -> None:
    if target == "issued":  # %D with %8: see _dates
        return
    out.fields[target] = read_date(values[0])
    if out.fields[target] is None and tag == "7":
        out.fields["edition"] = values[0]  # a journal article's %7 that is no Epub Date after all
    elif out.fields[target] is None:
        out.warnings.append(f"%{tag} {values[0]!r} is not a date; kept in the source only")


def _note(out: _Out, target: str, tag: str, values: list[str]) -> None:
    out.fields[target] = "\n".join(values)


HANDLERS: dict[str, Handler] = {
    "author": _names, "editor": _names, "keywords": _terms, "publication_types": _terms,
    "issn": _numbers, "doi": _identifier, "pmid": _identifier, "pmcid": _identifier,
    "number": _number, "issued": _date_field, "available_date": _date_field,
    "accessed": _date_field, "note": _note,
}


def record_fields(pairs: list[tuple[str, str]]) -> tuple[dict[str, Any], list[str]]:
    """Record fields (as printed) from tag/value pairs, with the reader's doubts."""
    values: dict[str, list[str]] = {}
    for tag, value in pairs:
        if value.strip():
            values.setdefault(tag, []).append(value.strip())
    original = values.get("0", [None])[0]
    kind = (original or "").lower()
    overrides = BY_TYPE.get(kind, {})
    out = _Out({"type": TYPE_MAP.get(kind, "article"), "original_type": original}, [])
    _dates(values, out)  # first: a citation in %J only fills a missing year
    for tag, default in FIELD_MAP.items():
        target = overrides.get(tag, default)
        if tag in values and target and tag != "0":
            HANDLERS.get(target, _scalar)(out, target, tag, values[tag])
    return out.fields, out.warnings
