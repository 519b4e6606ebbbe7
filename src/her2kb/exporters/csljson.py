"""CSL-JSON writer (formats.md §12.12), valid against the official schema.

The record already speaks CSL (snake_case attributes, CSL keys as aliases), so the
CSL part is a `model_dump` by alias. Three things the schema needs on top: no nulls
and no unknown item keys (`additionalProperties: false`), `keyword` and `ISSN` as one
string, and `id`. Everything her2kb-only goes under `custom`, whose names scripts
rely on: see CUSTOM_FIELDS and `_custom`. The vendored schema is
`her2kb/data/csl/csl-data.json` (citation-style-language/schema, MIT, see SOURCE.md).
"""

from __future__ import annotations

import functools
import importlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib import resources
from typing import Any

from ..errors import ExportError
from ..records import Record, StoredRecord
from . import Exporter, check_keys

# Record attributes with a CSL item key; written under their alias (`container-title`, `DOI`).
CSL_FIELDS = frozenset({
    "type", "title", "author", "editor", "container_title", "container_title_short",
    "collection_title", "publisher", "publisher_place", "edition", "issued", "available_date",
    "accessed", "volume", "issue", "page", "number_of_pages", "number", "doi", "pmid", "pmcid",
    "url", "issn", "isbn", "abstract", "note", "keywords", "language",
})
# The record keeps lists where the schema wants one string: alias -> (CSL key, separator).
JOINED = {"keywords": ("keyword", ", "), "ISSN": ("ISSN", ", "), "ISBN": ("ISBN", ", ")}
# Name attributes that are not CSL name keys; they go to custom.author_details instead.
NAME_EXTRAS = {"orcid", "affiliations"}
# her2kb-only attributes copied into `custom` under their attribute name. A value equal to
# the attribute's default ([], None, authors_truncated=False) says nothing and is left out;
# open_access=False is information and stays.
CUSTOM_FIELDS = frozenset({
    "authors_truncated", "page_as_printed", "substances", "publication_types",
    "original_type", "open_access", "top_cited", "references_total_stated",
    "full_text_excerpt", "pii",
})
# Built by `_custom` with their own shapes: mesh, references, relations (one list per kind).
STRUCTURED = frozenset({"mesh", "references", "relations"})
SCHEMA = ("her2kb.data", "csl/csl-data.json")
_CSL_INCLUDE = set(CSL_FIELDS)  # pydantic wants a set; built once, not per record
_CUSTOM_INCLUDE = set(CUSTOM_FIELDS)


def _references(record: Record) -> list[dict[str, Any]]:
    """`{title, container-title, year, record_id}` (nulls allowed in custom), DOI if known."""
    rows = []
    for ref in record.references:
        row: dict[str, Any] = {
            "title": ref.title, "container-title": ref.container_title, "year": ref.year,
            "record_id": ref.record_id,
        }
        if ref.doi:
            row["DOI"] = ref.doi
        rows.append(row)
    return rows


def _custom(item: StoredRecord) -> dict[str, Any]:
    record = item.record
    custom: dict[str, Any] = {"record_id": item.id}
    custom |= record.model_dump(
        mode="json", by_alias=False, include=_CUSTOM_INCLUDE, exclude_defaults=True
    )
    details = [
        {"position": n, **author.model_dump(include=NAME_EXTRAS, exclude_defaults=True)}
        for n, author in enumerate(record.author, start=1)
        if author.orcid or author.affiliations
    ]
    if details:
        custom["author_details"] = details
    if record.mesh:
        custom["mesh"] = [heading.model_dump(by_alias=False) for heading in record.mesh]
    if record.references:
        custom["references"] = _references(record)
    for relation in record.relations:
        custom.setdefault(relation.kind, []).append(relation.citation)
    if item.sources:
        custom["sources"] = [source.model_dump(by_alias=False) for source in item.sources]
    if item.alternatives:
        custom["alternatives"] = [
            alternative.model_dump(mode="json", by_alias=False)
            for alternative in item.alternatives
        ]
    return custom


def to_csl(item: StoredRecord) -> dict[str, Any]:
    """One CSL-JSON item: `id` and `citation-key` are the citation key."""
    data = item.record.model_dump(
        mode="json", by_alias=True, exclude_none=True, include=_CSL_INCLUDE
    )
    for role in ("author", "editor"):
        for name in data.get(role, ()):
            for extra in NAME_EXTRAS:
                name.pop(extra, None)
    for alias, (key, separator) in JOINED.items():
        values = data.pop(alias, None)
        if values:
            data[key] = separator.join(values)
    for role in ("author", "editor"):
        if not data.get(role):
            data.pop(role, None)  # an empty list says nothing
    data["id"] = item.key
    data["citation-key"] = item.key
    data["custom"] = _custom(item)
    return data


def export(items: Sequence[StoredRecord]) -> str:
    """A CSL-JSON array with one item per line, keys sorted, UTF-8 kept as is.

    One compact item per line rather than `indent=2`: json's C encoder only runs
    without indent (about six times faster on large exports), and a line per record
    still diffs and greps well.
    """
    check_keys(items)
    return "".join(stream([items]))


def stream(batches: Iterable[Sequence[StoredRecord]]) -> Iterator[str]:
    """export() a batch at a time: the array opens with the first item, closes at the end."""
    opened = False
    for batch in batches:
        for item in batch:
            line = json.dumps(to_csl(item), ensure_ascii=False, sort_keys=True)
            yield (",\n" if opened else "[\n") + line
            opened = True
    yield "\n]\n" if opened else "[]\n"


@functools.cache
def schema() -> dict[str, Any]:
    """The vendored official CSL-JSON input schema (Draft-07)."""
    package, path = SCHEMA
    text = resources.files(package).joinpath(path).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def validate(items: Sequence[StoredRecord | Mapping[str, Any]]) -> list[str]:
    """Schema errors as `path: message` lines; stored records are converted first.

    jsonschema is a test-only dependency, so it is imported here and its absence is
    an ExportError with the install hint.
    """
    try:
        jsonschema = importlib.import_module("jsonschema")
    except ImportError as exc:
        raise ExportError(
            "checking CSL-JSON against the schema needs jsonschema; "
            "install it with `pip install jsonschema` (or `pip install her2kb[test]`)"
        ) from exc
    data = [to_csl(item) if isinstance(item, StoredRecord) else item for item in items]
    validator = jsonschema.validators.validator_for(schema())(schema())
    errors = [
        ("/".join(str(part) for part in error.absolute_path) or "(top)", error.message)
        for error in validator.iter_errors(data)
    ]
    return [f"{path}: {message}" for path, message in sorted(errors)]


EXPORTER = Exporter(
    name="csl-json",
    description="CSL-JSON, for citeproc, pandoc and Zotero; her2kb extras under `custom`",
    suffix=".json",
    export=export,
    carries=(CSL_FIELDS | CUSTOM_FIELDS | STRUCTURED),
    stream=stream,
)
