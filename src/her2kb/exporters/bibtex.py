"""BibTeX writer, UTF-8 mode (formats.md §12.11).

Our own small writer: pybtex's writer escapes existing escapes a second time, and
bibtexparser's encoding middleware escapes the braces we add for case protection
(libraries.md). Each text value goes through four steps, in this order:

1. collapse whitespace: BibTeX treats every run of spaces and newlines as one space,
   and a line starting with `@word{` ends the entry for bibtexparser;
2. escape `\\ { } & % $ # _ ~ ^` (verbatim fields `doi` and `url` are left alone);
3. break the TeX ligatures `--`, ``` `` ```, `''`, `,,`, `<<`, `>>`, `` !` `` and `` ?` ``
   with `{}`, so data that holds them is not printed as dashes, quotes or inverted marks;
4. title-like fields only: brace words that a sentence-case style must not lower-case.

Non-ASCII text stays UTF-8 (biber, XeLaTeX, pdfLaTeX with inputenc). ASCII mode
(`export_ascii`) then turns each written non-verbatim value into LaTeX macros with
pylatexenc, so case protection is decided on the Unicode words (`{ÉTAT}` becomes
`{{\\'E}TAT}`). exporters/biblatex.py reuses every step here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..errors import ExportError
from ..records import DateParts, Record, StoredRecord
from . import Exporter, check_keys
from ._bibtex_names import name_list
from ._bibtex_text import escape, escape_specials, latex_encoder, protect_case

# CSL type -> BibTeX entry type; anything not listed is written as `misc`.
TYPE_MAP: dict[str, str] = {
    "article-journal": "article", "article-magazine": "article", "article-newspaper": "article",
    "review": "article", "book": "book", "chapter": "incollection",
    "paper-conference": "inproceedings", "report": "techreport", "thesis": "phdthesis",
    "webpage": "misc",
}
DEFAULT_TYPE = "misc"

# Record attribute -> BibTeX field, in output order. None: deliberately not written.
FIELD_MAP: dict[str, str | None] = {
    "author": "author",  # `Family, Given and ...`; `and others` when the source truncated
    "editor": "editor",
    "title": "title",
    "container_title": "journal",  # booktitle / howpublished by type: FIELD_BY_TYPE
    "container_title_short": "shortjournal",  # BibLaTeX; BibTeX styles ignore unknown fields
    "collection_title": "series",
    "edition": "edition",
    "issued": "year",  # plus `month = jun`, a bare macro, when the month is known
    "volume": "volume",
    "issue": "number",
    "page": "pages",  # `129--136`
    "number": "eid",  # article number (e2051); the `number` field is taken by the issue
    "number_of_pages": "pagetotal",  # BibLaTeX
    "publisher": "publisher",  # institution / school by type: FIELD_BY_TYPE
    "publisher_place": "address",
    "issn": "issn",  # comma-joined
    "isbn": "isbn",  # comma-joined
    "doi": "doi",  # verbatim, no resolver prefix
    "url": "url",  # verbatim
    "pmid": "pmid",  # the common non-standard field; BibLaTeX eprint is left to a later mode
    "pmcid": "pmcid",
    "language": "language",
    "keywords": "keywords",  # comma-joined
    "abstract": "abstract",
    "note": "note",
    # BibTeX has no place for these; CSL-JSON keeps them under `custom`.
    "type": None,  # the entry type, TYPE_MAP
    "authors_truncated": None,  # written as `and others` in author
    "available_date": None, "accessed": None, "pii": None,
    "page_as_printed": None, "mesh": None, "substances": None,
    "publication_types": None, "original_type": None, "open_access": None, "top_cited": None,
    "relations": None,  # `note` would print errata in every formatted reference
    "references": None, "references_total_stated": None, "full_text_excerpt": None,
}
# Fields whose name depends on the entry type (required fields of the classic styles).
# A book, report or thesis keeps its container in `journal`, which the styles ignore:
# `series` is the collection title's, and one field cannot carry both back.
FIELD_BY_TYPE: dict[str, dict[str, str]] = {
    "incollection": {"journal": "booktitle"},
    "inproceedings": {"journal": "booktitle"},
    "techreport": {"publisher": "institution"},
    "phdthesis": {"publisher": "school"},
    "misc": {"journal": "howpublished"},
}
TITLE_LIKE = frozenset({"title", "booktitle"})
VERBATIM = frozenset({"doi", "url"})
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

# ASCII mode: pylatexenc writes U+2011 as `\\nobreakdash-`, which needs amsmath (§12.11).
_NB_HYPHEN = "\u2011"
_HYPHENS = re.compile("-+")
# A verbatim field cannot hold an unbalanced brace or a backslash; URLs percent-encode them.
_VERBATIM = str.maketrans({"{": "%7B", "}": "%7D", "\\": "%5C", " ": "%20"})
_WRITTEN = [(attr, field) for attr, field in FIELD_MAP.items() if field]
_KEY = re.compile(r"^[^\s\"#%'(),={}\\~]+$")


def _date_fields(issued: DateParts) -> Iterator[tuple[str, str]]:
    start = issued.date_parts[0]
    yield "year", f"{{{start[0]}}}"
    if len(start) > 1:
        yield "month", MONTHS[start[1] - 1]  # bare: the styles' own macro


def field_value(attr: str, field: str, value: object) -> str:
    """The braced value of one field."""
    if field in VERBATIM:
        text = str(value).translate(_VERBATIM)
    elif isinstance(value, list):
        text = ", ".join(escape(str(part)) for part in value)
    elif attr == "page":
        # Stored pages use one ASCII hyphen per range (formats.md §12.6); BibTeX wants `--`.
        text = _HYPHENS.sub("--", escape_specials(str(value)))
    else:
        text = escape(str(value))
        if field in TITLE_LIKE:
            text = protect_case(text)
    return "{" + text + "}"


def fields(record: Record, bibtype: str) -> Iterator[tuple[str, str]]:
    """`(field, value as written)` pairs in FIELD_MAP order; empty values are skipped."""
    renames = FIELD_BY_TYPE.get(bibtype, {})
    for attr, field in _WRITTEN:
        value = getattr(record, attr)
        if value is None or value == "" or value == []:
            continue
        if attr == "issued":
            yield from _date_fields(value)
        elif attr == "author":
            yield field, "{" + name_list(value, record.authors_truncated) + "}"
        elif attr == "editor":
            yield field, "{" + name_list(value) + "}"
        else:
            field = renames.get(field, field)
            yield field, field_value(attr, field, value)


def check_key(item: StoredRecord) -> None:
    """Refuse a citation key that would end the entry header early."""
    if not _KEY.match(item.key):
        raise ExportError(
            f"record {item.id}: citation key {item.key!r} cannot be written in BibTeX "
            "(no spaces, commas, braces, quotes, #, %, =, ~ or backslashes); rename it first"
        )


def _replace_nb_hyphens(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace(_NB_HYPHEN, "-")
    if isinstance(value, list):
        return [_replace_nb_hyphens(item) for item in value]
    if isinstance(value, dict):
        return {key: _replace_nb_hyphens(item) for key, item in value.items()}
    return value


def for_ascii(record: Record) -> Record:
    """U+2011 becomes `-` before escaping, so `‑-` still gets its ligature broken."""
    data = record.model_dump(exclude_defaults=True)
    cleaned = _replace_nb_hyphens(data)
    return record if cleaned == data else Record.model_validate(cleaned)


def render(key: str, bibtype: str, pairs: Iterable[tuple[str, str]], ascii: bool = False,
           verbatim: frozenset[str] = VERBATIM) -> str:
    """One `@type{key, ...}` block from written pairs, ending with a newline."""
    if ascii:
        encode = latex_encoder()
        pairs = ((field, value if field in verbatim else encode(value)) for field, value in pairs)
    body = ",\n".join(f"  {field} = {value}" for field, value in pairs)
    return f"@{bibtype}{{{key},\n" + (body + "\n" if body else "") + "}\n"


def entry(item: StoredRecord, ascii: bool = False) -> str:
    """One `@type{key, ...}` block, ending with a newline."""
    check_key(item)
    record = for_ascii(item.record) if ascii else item.record
    bibtype = TYPE_MAP.get(record.type, DEFAULT_TYPE)
    return render(item.key, bibtype, fields(record, bibtype), ascii)


def export(items: Sequence[StoredRecord]) -> str:
    """A BibTeX file: one entry per record, in the given order, separated by blank lines."""
    check_keys(items)
    return "\n".join(entry(item) for item in items)


def export_ascii(items: Sequence[StoredRecord]) -> str:
    """The same file with every non-ASCII character as a LaTeX macro (`Z{\\"u}rich`).

    Characters pylatexenc has no macro for (CJK, emoji) stay as they are; url and doi
    stay verbatim.
    """
    check_keys(items)
    return "\n".join(entry(item, ascii=True) for item in items)


# Round trips keep these, with losses no BibTeX file can avoid: issued as the first date's
# year and month (no day, range end, season or printed `raw`); whitespace in abstracts
# collapsed; entry types coarser than CSL types (a webpage is @misc, a review @article);
# a family name that starts lower-case (`van Gogh` with no particle) comes back split.
CARRIES = frozenset(attr for attr, field in FIELD_MAP.items() if field) | {"authors_truncated"}

EXPORTER = Exporter(
    name="bibtex",
    description="BibTeX (UTF-8), for LaTeX with BibTeX or biber",
    suffix=".bib",
    export=export,
    carries=CARRIES,
    export_ascii=export_ascii,
    joiner="\n",
)
