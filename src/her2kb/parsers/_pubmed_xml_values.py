"""Values inside PubMed XML elements: author names (with particles and ORCID), dates in
the MEDLINE grammar, structured abstracts, MeSH rows and cited references (formats.md §10)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from ..dates import parse_medline_date
from ..identifiers import find_dois, normalize_doi
from ..names import split_particle
from ._xml import block_text, text

MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ORCID = re.compile(r"(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dX])$", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_ID_TEXT = re.compile(r"https?://\S+|\bdoi:?\s*\S+|\b10\.\d{4,9}/\S+|\bPMC?I?D:?\s*\d+", re.I)


def orcid(value: str | None) -> str | None:
    match = _ORCID.search((value or "").strip())
    return "-".join(match.groups()).upper() if match else None


def author_name(author: ET.Element) -> dict[str, Any] | None:
    collective, last = text(author.find("CollectiveName")), text(author.find("LastName"))
    if collective:
        name: dict[str, Any] = {"literal": collective}
    elif last:
        name = split_particle(last)
        initials = text(author.find("Initials"))
        given = text(author.find("ForeName")) or text(author.find("FirstName"))
        given = given or (".".join(initials) + "." if initials else None)
        name |= {"given": given, "suffix": text(author.find("Suffix"))}
    else:
        return None
    orcids = [i for i in author.findall("Identifier") if i.get("Source") == "ORCID"]
    name["orcid"] = orcid(text(orcids[0])) if orcids else None
    name["affiliations"] = [a for a in map(text, author.iter("Affiliation")) if a]
    return {key: value for key, value in name.items() if value}


def people(lists: list[ET.Element], kind: str) -> list[dict[str, Any]]:
    """Names from the AuthorLists of one kind (`authors` is the default Type)."""
    chosen = [al for al in lists if al.get("Type", "authors") == kind]
    return [n for al in chosen for n in map(author_name, al.findall("Author")) if n]


def xml_date(node: ET.Element | None, warnings: list[str]) -> dict[str, Any] | None:
    """PubDate / ArticleDate: Year [Month|Season] [Day], or free-text MedlineDate."""
    if node is None:
        return None
    medline = text(node.find("MedlineDate"))
    year, day = text(node.find("Year")), text(node.find("Day"))
    month = text(node.find("Month")) or text(node.find("Season"))
    raw = medline or " ".join(p for p in (year, month, day) if p)
    if not raw:
        return None
    if not medline and month and month.isdigit() and 1 <= int(month) <= 12:
        month = MONTH_ABBR[int(month) - 1]  # ArticleDate months are numeric, the grammar's not
    date = parse_medline_date(medline or " ".join(p for p in (year, month, day) if p))
    if date:
        date["raw"] = raw
    else:
        found = _YEAR.search(raw)
        warnings.append(f"date {raw!r} not understood; kept {'the year' if found else 'nothing'}")
        date = {"date_parts": [[int(found.group())]], "raw": raw} if found else None
    return date


def abstract_paragraphs(node: ET.Element | None) -> str | None:
    """One paragraph per AbstractText; a structured one keeps its `Label: ` in front."""
    paragraphs = []
    for part in node.findall("AbstractText") if node is not None else ():
        body = block_text(part)
        if body:
            label = part.get("Label")
            paragraphs.append(f"{label}: {body}" if label else body)
    return "\n".join(paragraphs) or None


def mesh_rows(headings: list[ET.Element]) -> list[dict[str, Any]]:
    """One MeshHeading per qualifier (as the MEDLINE and page readers do), with major flags."""
    rows = []
    for heading in headings:
        descriptor = heading.find("DescriptorName")
        name = text(descriptor)
        if descriptor is None or not name:
            continue
        major = descriptor.get("MajorTopicYN") == "Y"
        qualifiers = heading.findall("QualifierName")
        rows += [{"descriptor": name, "qualifier": text(q),
                  "major": major or q.get("MajorTopicYN") == "Y"} for q in qualifiers]
        rows += [] if qualifiers else [{"descriptor": name, "qualifier": None, "major": major}]
    return rows


def year_of(citation: str) -> int | None:
    """The last plausible year once identifiers are cut out (they hold digit runs too)."""
    years = _YEAR.findall(_ID_TEXT.sub(" ", citation))
    return int(years[-1]) if years else None


def reference_rows(reference_list: list[ET.Element]) -> list[dict[str, Any]]:
    """ReferenceList/Reference: the citation as printed (as title), its year and DOI."""
    rows = []
    for reference in (r for rl in reference_list for r in rl.iter("Reference")):
        citation = text(reference.find("Citation"))
        ids = {i.get("IdType"): text(i) for i in reference.findall("ArticleIdList/ArticleId")}
        doi = normalize_doi(ids.get("doi")) or next(iter(find_dois(citation or "")), None)
        if citation or doi:
            rows.append({"title": citation, "year": year_of(citation or ""), "doi": doi})
    return rows
