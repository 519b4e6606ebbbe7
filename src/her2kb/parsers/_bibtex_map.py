"""BibTeX / BibLaTeX fields and entry types mapped onto Record fields (formats.md §8).

The reader hands over one entry's values with macros and `#` resolved but LaTeX still
in them; names are split before LaTeX is decoded (`_bibtex_values.names`), verbatim
fields (doi, url, eprint) are only unescaped, and everything else is decoded to Unicode.
"""

from __future__ import annotations

import re
from typing import Any

from ..identifiers import normalize_doi, normalize_pmcid, normalize_pmid
from ._bibtex_dates import issued
from ._bibtex_values import decode, names, verbatim

# Field -> Record attribute, in priority order: the first field present wins.
# None: known and deliberately not mapped (the raw entry keeps it).
FIELD_MAP: dict[str, str | None] = {
    "author": "author", "editor": "editor", "title": "title",
    "journaltitle": "container_title", "journal": "container_title",
    "booktitle": "container_title", "maintitle": "container_title",
    "howpublished": "container_title",  # unless it holds a URL: see _redirect
    "shortjournal": "container_title_short", "journalabbrev": "container_title_short",
    "journal-iso": "container_title_short",  # Web of Science
    "abbrev_source_title": "container_title_short",  # Scopus
    "series": "collection_title", "edition": "edition",
    "volume": "volume", "number": "issue", "issue": "issue", "pages": "page", "eid": "number",
    "article-number": "number", "art_number": "number",  # Web of Science, Scopus
    "pagetotal": "number_of_pages",
    "publisher": "publisher", "institution": "publisher", "school": "publisher",
    "organization": "publisher",  # the website's name in @online: see TYPE_FIELDS
    "address": "publisher_place", "location": "publisher_place",
    "issn": "issn", "eissn": "issn", "isbn": "isbn", "doi": "doi", "url": "url",
    "pmid": "pmid", "pubmed_id": "pmid", "pmcid": "pmcid",
    "language": "language", "langid": "language",  # language wins: it is what we write
    "keywords": "keywords", "author_keywords": "keywords", "abstract": "abstract",
    "note": "note",
    # Dates go through `issued`; eprint through _redirect; subtitle joins the title.
    "year": None, "month": None, "day": None, "date": None, "urldate": None, "eprint": None,
    "eprinttype": None, "entrysubtype": None, "subtitle": None,
    "shorttitle": None, "titleaddon": None, "annote": None, "annotation": None, "file": None,
    "type": None, "chapter": None, "crossref": None, "timestamp": None, "owner": None,
}
TYPE_FIELDS: dict[str, dict[str, str]] = {"online": {"organization": "container_title"}}
# Entry type -> CSL type; unknown types become "article" and keep their name.
TYPE_MAP: dict[str, str] = {
    "article": "article-journal", "book": "book", "mvbook": "book", "booklet": "book",
    "collection": "book", "mvcollection": "book", "proceedings": "book", "mvproceedings": "book",
    "inbook": "chapter", "incollection": "chapter", "bookinbook": "chapter",
    "suppbook": "chapter", "suppcollection": "chapter", "inproceedings": "paper-conference",
    "conference": "paper-conference", "techreport": "report", "report": "report",
    "manual": "report", "phdthesis": "thesis", "mastersthesis": "thesis", "thesis": "thesis",
    "online": "webpage", "www": "webpage", "electronic": "webpage", "dataset": "dataset",
    "patent": "patent", "unpublished": "manuscript", "inreference": "entry-encyclopedia",
    "misc": "article",
}
SUBTYPES = {"magazine": "article-magazine", "newspaper": "article-newspaper"}
# The types our own writers produce: their CSL type says it all, so no original_type.
WRITTEN_TYPES = frozenset({
    "article", "book", "incollection", "inproceedings", "techreport", "report", "phdthesis",
    "thesis", "online", "dataset", "patent", "unpublished", "inreference", "misc",
})
EPRINT_TYPES = {"pubmed": "pmid", "pmid": "pmid", "pmc": "pmcid", "pmcid": "pmcid", "doi": "doi"}
_URL = re.compile(r"^\s*(?:\\url\{([^{}]*)\}|(https?://\S+))\s*$")
_ID_SEPARATORS = re.compile(r"[,;\s]+")
_VERBATIM_ATTRS = frozenset({"doi", "url", "pmid", "pmcid"})


def _split(value: str) -> list[str]:
    """Keywords: comma-separated, or semicolons when there is no comma (Mendeley, JabRef)."""
    separator = "," if "," in value else ";"
    return [part.strip() for part in value.split(separator) if part.strip()]


def _convert(attr: str, raw: str, warnings: list[str]) -> Any:
    """One field value, resolved but still LaTeX, as the Record attribute wants it."""
    if attr in _VERBATIM_ATTRS:
        text = verbatim(raw)
        checked = {"doi": normalize_doi, "pmid": normalize_pmid, "pmcid": normalize_pmcid}
        if attr in checked and text:
            value = checked[attr](text)
            if value is None:
                warnings.append(f"{attr} {raw.strip()!r} is not valid; kept in the source only")
            return value
        return text
    if attr == "page":
        # BibTeX's `--` is the range dash, not an en dash printed in the source.
        return decode(re.sub(r"-+", "-", raw))
    text = decode(raw, paragraphs=attr == "abstract")
    if attr in ("issn", "isbn"):
        return [part for part in _ID_SEPARATORS.split(text) if part]
    if attr == "keywords":
        return _split(text)
    if attr == "number_of_pages":
        return int(text) if text.isdigit() else None
    return text


def _redirect(values: dict[str, str]) -> None:
    """Fields whose meaning depends on another: eprint + eprinttype, a URL in howpublished."""
    target = EPRINT_TYPES.get(verbatim(values.get("eprinttype", "")).lower())
    if target and "eprint" in values:
        values.setdefault(target, values["eprint"])
    match = _URL.match(values.get("howpublished", ""))
    if match:
        values.setdefault("url", match.group(1) or match.group(2))
        del values["howpublished"]


def _record_type(bibtype: str, values: dict[str, str]) -> dict[str, Any]:
    csl = TYPE_MAP.get(bibtype, "article")
    subtype = verbatim(values.get("entrysubtype", "")).lower()
    if csl == "article-journal" and subtype in SUBTYPES:
        csl = SUBTYPES[subtype]
    original = None if bibtype in WRITTEN_TYPES else bibtype
    return {"type": csl, "original_type": original}


def to_fields(bibtype: str, values: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    """Record fields from one entry's resolved values (field names lower-case)."""
    warnings: list[str] = []
    _redirect(values)
    fields = _record_type(bibtype, values)
    overrides = TYPE_FIELDS.get(bibtype, {})
    for name, raw in sorted(values.items(), key=lambda item: _rank(item[0])):
        attr = overrides.get(name, FIELD_MAP.get(name))
        if attr is None or fields.get(attr) not in (None, [], ""):
            continue
        if attr in ("author", "editor"):
            fields[attr], truncated = names(raw)
            fields["authors_truncated"] = fields.get("authors_truncated") or truncated
        else:
            fields[attr] = _convert(attr, raw, warnings)
    if fields.get("title") and values.get("subtitle"):
        fields["title"] = f"{fields['title']}: {decode(values['subtitle'])}"
    fields["issued"] = issued(values, warnings)
    if "urldate" in values:
        fields["accessed"] = issued({"date": values["urldate"]}, warnings)
    return fields, warnings


_RANK = {name: rank for rank, name in enumerate(FIELD_MAP)}


def _rank(name: str) -> int:
    return _RANK.get(name, len(_RANK))
