"""Values inside MEDLINE fields (formats.md §3): authors grouped from FAU/AU/CN with
their AD and AUID lines, MeSH headings with their qualifiers and stars, article
identifiers in LID/AID, substance names in RN, and DEP's compact dates."""

from __future__ import annotations

import re
from typing import Any

from ..identifiers import normalize_doi
from ..names import family_given, vancouver
from ._tagged import year_only

_ARTICLE_ID = re.compile(r"^(.*\S)\s*\[([a-z-]+)\]$")
_E_LOCATOR = re.compile(r"^[A-Za-z]{0,2}[0-9]{1,10}$")
_ORCID = re.compile(r"([0-9]{4})-?([0-9]{4})-?([0-9]{4})-?([0-9]{3}[0-9Xx])")


class _Authors:
    """§3 author grouping over the fields in document order."""

    def __init__(self) -> None:
        self.names: list[dict[str, Any]] = []
        self.open_fau = False  # the last author came from FAU and has not had its AU yet

    def add(self, tag: str, value: str) -> None:
        if tag == "AU" and self.open_fau:
            self.open_fau = False  # the Vancouver form of the FAU just read
        elif tag in ("FAU", "AU", "CN"):
            name = {"literal": value} if tag == "CN" else (
                family_given(value) if tag == "FAU" else vancouver(value))
            if name and (name.get("family") or name.get("literal")):
                self.names.append(name)
            self.open_fau = tag == "FAU" and bool(name)
        elif self.names and tag == "AD":
            self.names[-1].setdefault("affiliations", []).append(value)
        elif self.names and tag == "AUID":
            match = _ORCID.search(value)
            if match and value.upper().startswith("ORCID"):
                self.names[-1]["orcid"] = "-".join(match.groups()).upper()


def authors(pairs: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Authors with affiliations and ORCIDs. An AD before every author is the record's;
    until 2014 MEDLINE gave only the first author's affiliation, so it goes to the first."""
    group = _Authors()
    leading: list[str] = []
    for tag, value in pairs:
        if tag == "AD" and not group.names:
            leading.append(value)
        elif value and tag in ("FAU", "AU", "CN", "AD", "AUID"):
            group.add(tag, value)
    if leading and group.names:
        group.names[0]["affiliations"] = leading + group.names[0].get("affiliations", [])
    return group.names


def mesh_headings(value: str) -> list[dict[str, Any]]:
    """`Breast Neoplasms/*drug therapy/metabolism` -> one heading per qualifier."""
    descriptor, *qualifiers = (part.strip() for part in value.split("/"))
    major = descriptor.startswith("*")
    descriptor = descriptor.lstrip("*").strip()
    if not descriptor:
        return []
    if not qualifiers:
        return [{"descriptor": descriptor, "qualifier": None, "major": major}]
    return [
        {"descriptor": descriptor, "qualifier": q.lstrip("*").strip(),
         "major": major or q.startswith("*")}
        for q in qualifiers if q.lstrip("*").strip()
    ]


def article_ids(values: dict[str, list[str]]) -> dict[str, str | None]:
    """DOI from LID/AID `[doi]`; an e-locator `LID [pii]` is the article number (§12.5);
    the pii is AID's `[pii]`, else a LID `[pii]` that is not an e-locator."""
    found: dict[str, str | None] = {"doi": None, "pii": None, "number": None}
    spare_pii = None
    for tag in ("LID", "AID"):
        for value in values.get(tag, []):
            match = _ARTICLE_ID.match(value)
            kind = match.group(2) if match else None
            ident = match.group(1) if match else value
            if kind == "doi":
                found["doi"] = found["doi"] or normalize_doi(ident)
            elif kind == "pii" and tag == "AID":
                found["pii"] = found["pii"] or ident
            elif kind == "pii" and _E_LOCATOR.match(ident):
                found["number"] = found["number"] or ident
            elif kind == "pii":
                spare_pii = spare_pii or ident
    found["pii"] = found["pii"] or spare_pii
    return found


def substance(value: str) -> str | None:
    """`0 (Antineoplastic Agents)`, `EC 2.7.10.1 (Receptor, ErbB-2)` -> the name."""
    start = value.find(" (")
    return value[start + 2:-1].strip() or None if start >= 0 and value.endswith(")") else None


def compact_date(value: str) -> dict[str, Any] | None:
    """DEP `YYYYMMDD` (also `YYYYMM`, `YYYY`) as date-parts at the precision given."""
    digits = value.strip()
    if not (digits.isascii() and digits.isdigit() and len(digits) in (4, 6, 8)):
        return year_only(value)
    parts = [int(digits[:4])] + [int(digits[i:i + 2]) for i in range(4, len(digits), 2)]
    return {"date_parts": [parts], "raw": value}
