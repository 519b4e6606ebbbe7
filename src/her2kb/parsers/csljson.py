"""CSL-JSON (formats.md §9): an array of items, or one item, read item by item.

The array is read element by element (`_json_stream`), so a large export never sits
in memory whole; an item that is not valid JSON is a problem at its line and reading
goes on with the next one.

The record speaks CSL, so items map almost by key; the work is coercion of what real
files hold: numbers where strings belong, strings in date-parts, `keyword` as one
string, the legacy `journalAbbreviation`. her2kb's own `custom` keys map back
(exporters/csljson.py) so our export reads back equal. `custom.record_id`, `sources`,
`alternatives` and the `record_id` of cited references describe the library the file
came from, not the work: they are ignored, with one warning per file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any, TextIO, get_args

from ..exporters.csljson import CUSTOM_FIELDS
from ..identifiers import normalize_doi, normalize_pmcid, normalize_pmid
from ..records import CslType
from . import InputFormat, ParsedEntry, ParseProblem, build_entry, text_parser
from ._csljson_values import read_date, read_name, split_list, text_value
from ._json_stream import JsonItem, JsonWindow, array_items

# CSL key -> Record attribute for plain text values (numbers become strings).
TEXT_FIELDS: dict[str, str] = {
    "title": "title", "container-title": "container_title",
    "container-title-short": "container_title_short",
    "journalAbbreviation": "container_title_short",  # legacy Zotero/citeproc-js key
    "collection-title": "collection_title", "publisher": "publisher",
    "publisher-place": "publisher_place", "edition": "edition", "volume": "volume",
    "issue": "issue", "page": "page", "number": "number", "URL": "url", "abstract": "abstract",
    "note": "note", "language": "language",
}
IDENTIFIERS: dict[str, tuple[str, Callable[[str | None], str | None]]] = {
    "DOI": ("doi", normalize_doi), "PMID": ("pmid", normalize_pmid),
    "PMCID": ("pmcid", normalize_pmcid),
}
LISTS = {"ISSN": "issn", "ISBN": "isbn", "keyword": "keywords"}
DATES = {"issued": "issued", "available-date": "available_date", "accessed": "accessed"}
# CSL types the Record lacks; anything else unknown becomes "article" (§12.12).
TYPE_MAP = {
    "entry": "entry-encyclopedia", "entry-dictionary": "entry-encyclopedia",
    "post": "webpage", "post-weblog": "webpage", "review-book": "review",
    "collection": "book", "classic": "book", "pamphlet": "book", "standard": "report",
    "speech": "paper-conference", "periodical": "article-journal",
}
RECORD_TYPES = frozenset(get_args(CslType))
# custom keys that describe the exporting library, not the work.
LIBRARY_KEYS = frozenset({"record_id", "sources", "alternatives"})
# custom keys holding PubMed related-item lists (erratum_in, comment_on, retraction_of ...).
RELATION_KIND = re.compile(r"^[a-z][a-z_]*_(?:in|of|for|from|on)$")
_START = re.compile(r'^\s*(?:\[\s*)?\{\s*"')
_ID_KEY = re.compile(r'"(?:id|type)"\s*:')
_CSL_KEY = re.compile(r'"(?:title|author|issued|container-title|DOI|URL|citation-key)"\s*:')


def detect(head: str) -> int:
    """100 for an array of objects with `type`/`id`, or one such object (§0, order 5).

    The head may be cut off; then its start decides: `[{"` or `{"` and CSL keys.
    """
    if not _START.match(head):
        return 0
    try:
        data = json.loads(head)
    except json.JSONDecodeError:
        return 100 if _ID_KEY.search(head) and _CSL_KEY.search(head) else 0
    items = data if isinstance(data, list) else [data]
    csl = bool(items) and all(isinstance(i, dict) and ("type" in i or "id" in i) for i in items)
    return 100 if csl else 0


def _references(value: Any) -> list[dict[str, Any]]:
    """custom.references rows; their record_id points into the exporting library."""
    rows = []
    for row in value if isinstance(value, list) else []:
        if isinstance(row, dict):
            rows.append({"title": row.get("title"), "container_title": row.get("container-title"),
                         "year": row.get("year"), "doi": row.get("DOI")})
    return rows


def _details(names: list[dict[str, Any]], value: Any) -> None:
    """custom.author_details: ORCID and affiliations by 1-based author position."""
    for row in value if isinstance(value, list) else []:
        position = row.get("position") if isinstance(row, dict) else None
        if not (isinstance(position, int) and 0 < position <= len(names)):
            continue
        if isinstance(row.get("orcid"), str):
            names[position - 1]["orcid"] = row["orcid"]
        if isinstance(row.get("affiliations"), list):
            names[position - 1]["affiliations"] = [str(a) for a in row["affiliations"]]


def _custom(custom: Any, fields: dict[str, Any], warnings: list[str]) -> set[str]:
    """Map her2kb's custom keys back; return the library keys met (warned once per file)."""
    if not isinstance(custom, dict):
        return set()
    relations, unknown = [], []
    for key, value in custom.items():
        if key in CUSTOM_FIELDS or key == "mesh":
            fields[key] = value
        elif key == "references":
            fields["references"] = _references(value)
        elif key == "author_details":
            _details(fields.get("author") or [], value)
        elif RELATION_KIND.match(key) and isinstance(value, list):
            relations += [{"kind": key, "citation": str(c)} for c in value]
        elif key not in LIBRARY_KEYS:
            unknown.append(key)
    fields["relations"] = relations
    if unknown:
        warnings.append(f"custom keys not read: {', '.join(sorted(unknown))}")
    return set(LIBRARY_KEYS & custom.keys())


def to_fields(item: dict[str, Any], warnings: list[str]) -> tuple[dict[str, Any], set[str]]:
    """Record fields from one CSL item; also the library-only custom keys it carried."""
    csl_type = text_value(item.get("type")) or "article"
    record_type = csl_type if csl_type in RECORD_TYPES else TYPE_MAP.get(csl_type, "article")
    fields: dict[str, Any] = {"type": record_type}
    if record_type != csl_type:
        fields["original_type"] = csl_type
    for key, attr in TEXT_FIELDS.items():
        fields[attr] = fields.get(attr) or text_value(item.get(key))
    for key, (attr, normalize) in IDENTIFIERS.items():
        text = text_value(item.get(key))
        fields[attr] = normalize(text)
        if text and fields[attr] is None:
            warnings.append(f"{key} {text!r} is not valid; kept in the source only")
    fields |= {attr: split_list(item[key], key == "keyword") for key, attr in LISTS.items()
               if key in item}
    fields |= {attr: read_date(item.get(key), warnings) for key, attr in DATES.items()}
    for role in ("author", "editor"):
        names = item.get(role)
        fields[role] = [n for n in map(read_name, names if isinstance(names, list) else []) if n]
    pages = text_value(item.get("number-of-pages"))
    fields["number_of_pages"] = int(pages) if pages and pages.isdigit() else None
    return fields, _custom(item.get("custom"), fields, warnings)


class _Reader:
    def __init__(self, origin: str) -> None:
        self.origin, self.warned = origin, False

    def item(self, found: JsonItem) -> ParsedEntry | ParseProblem:
        if found.error is not None:
            return ParseProblem(self.origin, found.line, f"not valid JSON: {found.error}",
                                found.raw)
        if not isinstance(found.value, dict):
            return ParseProblem(self.origin, found.line, "a CSL-JSON item must be an object",
                                found.raw)
        warnings: list[str] = []
        fields, library = to_fields(found.value, warnings)
        if library and not self.warned:
            self.warned = True
            warnings.append(f"custom {', '.join(sorted(library))} describe the exporting "
                            "library, not the work; ignored (this file's other items too)")
        return build_entry(fields, self.origin, found.line, found.raw, warnings)


def read(stream: TextIO, origin: str) -> Iterator[ParsedEntry | ParseProblem]:
    """Items in file order, holding one item (and one chunk) in memory at a time."""
    window, reader = JsonWindow(stream), _Reader(origin)
    first = window.peek()
    if first == "[":
        for found in array_items(window):
            yield reader.item(found)
    elif first == "{":
        yield reader.item(window.value())
    elif first is not None:
        yield ParseProblem(origin, window.line(), "not CSL-JSON: expected an array of items")


FORMAT = InputFormat(
    name="csl-json",
    description="CSL-JSON (Zotero, pandoc, citeproc; her2kb's own export with `custom`)",
    suffixes=(".json", ".csl.json", ".csljson"),
    detect=detect,
    parse=text_parser(read),
    aliases=("csl", "json", "csljson"),
    stream=read,
)
