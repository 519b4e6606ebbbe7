"""JSON-LD (`<script type="application/ld+json">`) scholarly works as the generic reader's keys.

The first node typed as one of `WORK_TYPES` wins, whether it stands alone, sits in a list,
in an `@graph` or as a page's `mainEntity`. Its journal, volume and issue hang off `isPartOf` chains
(`PublicationIssue` -> `PublicationVolume` -> `Periodical`); identifiers may be strings,
lists or `PropertyValue` objects. Bodies that are not valid JSON are skipped with a note.
"""

from __future__ import annotations

import json
from typing import Any

from ..identifiers import normalize_doi, normalize_pmid
from ..names import parse_name

# schema.org type -> CSL type. Other types are not scholarly works and are skipped.
WORK_TYPES = {
    "ScholarlyArticle": "article-journal", "MedicalScholarlyArticle": "article-journal",
    "Article": "article-journal", "Chapter": "chapter", "Book": "book", "Thesis": "thesis",
    "Report": "report", "Dataset": "dataset",
}
# isPartOf node type -> the key its number or name fills.
PART_KEYS = {"PublicationIssue": ("issue", "issueNumber"),
             "PublicationVolume": ("volume", "volumeNumber"),
             "Periodical": ("container_title", "name"), "Book": ("container_title", "name")}
MAX_DEPTH = 4


def read_json_ld(bodies: list[str], notes: list[str]) -> dict[str, Any]:
    """Common keys from the first scholarly-work node across the JSON-LD bodies."""
    for body in bodies:
        try:
            data = json.loads(body, strict=False)
        except ValueError:
            notes.append("a JSON-LD block is not valid JSON; skipped")
            continue
        node = next((n for n in _nodes(data) if _work_type(n)), None)
        if node is not None:
            return _read_work(node)
    return {}


def _nodes(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [node for item in data for node in _nodes(item)]
    if isinstance(data, dict):
        # SpringerLink wraps the article in a `WebPage` as its `mainEntity`.
        inner = [data[key] for key in ("@graph", "mainEntity") if data.get(key)]
        return [data, *(node for item in inner for node in _nodes(item))]
    return []


def _types(node: dict[str, Any]) -> list[str]:
    kind = node.get("@type")
    return [kind] if isinstance(kind, str) else [k for k in kind or [] if isinstance(k, str)]


def _work_type(node: dict[str, Any]) -> str | None:
    return next((k for k in _types(node) if k in WORK_TYPES), None)


def _text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    return value.strip() or None if isinstance(value, str) else None


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value] if value else []


def _read_work(node: dict[str, Any]) -> dict[str, Any]:
    kind = _work_type(node) or "Article"
    found: dict[str, Any] = {
        "title": _text(node.get("headline")) or _text(node.get("name")),
        "authors": [n for n in map(_person, _listed(node.get("author"))) if n],
        "date": _text(node.get("datePublished")),
        "first_page": _text(node.get("pageStart")), "last_page": _text(node.get("pageEnd")),
        "pages": _text(node.get("pagination")),
        "abstract": _text(node.get("abstract")) or _text(node.get("description")),
        "publisher": _text(node.get("publisher")), "language": _text(node.get("inLanguage")),
        "url": _text(node.get("url")), "type": WORK_TYPES[kind], "original_type": kind,
    }
    keywords = node.get("keywords")
    found["keywords"] = (keywords  # one string: the generic reader splits it
                         if isinstance(keywords, str)
                         else [k for k in map(_text, _listed(keywords)) if k])
    _read_parts(node.get("isPartOf"), found, 0)
    _read_identifiers(node, found)
    return {key: value for key, value in found.items() if value}


def _person(value: Any) -> dict[str, Any] | None:
    """A schema.org Person or Organization (or a plain string) as Name kwargs."""
    if isinstance(value, str):
        return parse_name(value)
    if not isinstance(value, dict):
        return None
    if "Organization" in _types(value):
        name = _text(value.get("name"))
        return {"literal": name} if name else None
    family, given = _text(value.get("familyName")), _text(value.get("givenName"))
    if family:
        return {"family": family, **({"given": given} if given else {})}
    name = _text(value.get("name"))
    return parse_name(name) if name else None


def _read_parts(value: Any, found: dict[str, Any], depth: int) -> None:
    """Follow `isPartOf` up to the periodical, filling issue, volume, journal and ISSN."""
    for part in _listed(value):
        if not isinstance(part, dict) or depth > MAX_DEPTH:
            continue
        for kind in _types(part):
            if kind in PART_KEYS:
                key, attribute = PART_KEYS[kind]
                if not found.get(key):
                    found[key] = _text(part.get(attribute))
        if part.get("issn") and not found.get("issn"):
            found["issn"] = [i for i in map(_text, _listed(part["issn"])) if i]
        _read_parts(part.get("isPartOf"), found, depth + 1)


def _read_identifiers(node: dict[str, Any], found: dict[str, Any]) -> None:
    """DOI and PMID from `identifier` (strings or PropertyValue), `sameAs` and `@id`."""
    candidates: list[tuple[str, str]] = []
    for item in [*_listed(node.get("identifier")), *_listed(node.get("sameAs")),
                 node.get("@id")]:
        if isinstance(item, dict):
            kind = str(item.get("propertyID", "")).lower()
            candidates.append((kind, _text(item.get("value")) or ""))
        elif isinstance(item, str):
            candidates.append(("", item))
    for kind, value in candidates:
        if kind == "pmid" and not found.get("pmid"):
            found["pmid"] = normalize_pmid(value)
        elif normalize_doi(value) and not found.get("doi"):
            found["doi"] = normalize_doi(value)
