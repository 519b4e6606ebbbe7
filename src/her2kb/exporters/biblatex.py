"""BibLaTeX writer (formats.md §12.11), for biber; escaping and names as in exporters/bibtex.py.

Where it differs from the BibTeX writer, and why:
* `date = {2003-06}`: ISO 8601 at the stored precision instead of year + month, so the
  day survives; a range is `2003-06/2003-08` and a season is EDTF `2003-21` (spring),
  both read by biblatex's date parser;
* `journaltitle`, `shortjournal`, `location`, `institution` (reports, theses), and the
  container of other types in the field biblatex has for it (CONTAINER);
* `eprint = {PMID}` with `eprinttype = {pubmed}`, which biblatex links to PubMed;
* `langid` (the babel/polyglossia name, for hyphenation) next to `language` when the
  language is one we can name; `language` stays, because it is what we stored;
* `urldate` for the access date, `entrysubtype` for magazines and newspapers;
* the entry types @online, @report, @thesis, @dataset, @patent, @unpublished.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..records import DateParts, Record, StoredRecord
from . import Exporter, bibtex, check_keys
from ._bibtex_names import name_list

# CSL type -> BibLaTeX entry type; anything not listed is written as `misc`.
TYPE_MAP: dict[str, str] = {
    "article-journal": "article", "article-magazine": "article", "article-newspaper": "article",
    "review": "article", "book": "book", "chapter": "incollection",
    "paper-conference": "inproceedings", "report": "report", "thesis": "thesis",
    "webpage": "online", "dataset": "dataset", "patent": "patent", "manuscript": "unpublished",
    "entry-encyclopedia": "inreference",
}
DEFAULT_TYPE = "misc"
SUBTYPES = {"article-magazine": "magazine", "article-newspaper": "newspaper"}

# Record attribute -> BibLaTeX field, in output order. None: deliberately not written.
FIELD_MAP: dict[str, str | None] = {
    "author": "author",  # as in BibTeX: `Family, Given and ... and others`
    "editor": "editor",
    "title": "title",
    "container_title": "journaltitle",  # by entry type: CONTAINER
    "container_title_short": "shortjournal",
    "collection_title": "series",
    "edition": "edition",
    "issued": "date",  # ISO 8601 / EDTF at the stored precision
    "volume": "volume",
    "issue": "number",
    "page": "pages",
    "number": "eid",  # article number
    "number_of_pages": "pagetotal",
    "publisher": "publisher",  # institution for reports and theses
    "publisher_place": "location",
    "issn": "issn",
    "isbn": "isbn",
    "doi": "doi",
    "url": "url",
    "accessed": "urldate",
    "pmid": "eprint",  # plus eprinttype = {pubmed}
    "pmcid": "pmcid",  # not a biblatex field; kept like BibTeX's
    "language": "language",  # plus langid when LANGIDS knows it
    "keywords": "keywords",
    "abstract": "abstract",
    "note": "note",
    # No BibLaTeX field; CSL-JSON keeps these under `custom`.
    "type": None, "authors_truncated": None, "available_date": None, "pii": None,
    "page_as_printed": None, "mesh": None, "substances": None, "publication_types": None,
    "original_type": None, "open_access": None, "top_cited": None,
    "relations": None,  # `note` would print errata in every formatted reference
    "references": None, "references_total_stated": None, "full_text_excerpt": None,
}
# The field that holds the container, by entry type (default journaltitle).
CONTAINER = {
    "incollection": "booktitle", "inproceedings": "booktitle", "inreference": "booktitle",
    "book": "maintitle", "report": "maintitle", "thesis": "maintitle", "dataset": "maintitle",
    "patent": "maintitle", "online": "organization", "misc": "howpublished",
    "unpublished": "howpublished",
}
PUBLISHER = {"report": "institution", "thesis": "institution"}
# Language as stored (ISO 639-1/-2 code or English name, any case) -> babel name.
LANGIDS = {
    code: babel
    for babel, codes in {
        "english": ("en", "eng"), "german": ("de", "ger", "deu"), "french": ("fr", "fre", "fra"),
        "spanish": ("es", "spa"), "italian": ("it", "ita"), "portuguese": ("pt", "por"),
        "dutch": ("nl", "dut", "nld"), "russian": ("ru", "rus"), "polish": ("pl", "pol"),
        "swedish": ("sv", "swe"), "danish": ("da", "dan"), "turkish": ("tr", "tur"),
        "greek": ("el", "gre", "ell"), "japanese": ("ja", "jpn"),
    }.items()
    for code in (*codes, babel)
}
EDTF_SEASON = 20  # EDTF seasons 21-24 are CSL seasons 1-4
VERBATIM = bibtex.VERBATIM | {"eprint", "date", "urldate"}
_WRITTEN = [(attr, field) for attr, field in FIELD_MAP.items() if field]


def iso_date(date: DateParts) -> str:
    """`2003-06`, `2003-06-15`, `2003-06/2003-08`; a season on a bare year is `2003-21`."""
    if date.season and date.date_parts == [[date.year]]:
        return f"{date.year:04d}-{EDTF_SEASON + date.season}"
    return "/".join(
        "-".join([f"{part[0]:04d}", *(f"{n:02d}" for n in part[1:])]) for part in date.date_parts
    )


def _langid(language: str) -> str | None:
    return LANGIDS.get(language.lower().replace("_", "-").split("-")[0])


def fields(record: Record, bibtype: str) -> Iterator[tuple[str, str]]:
    """`(field, value as written)` pairs in FIELD_MAP order; empty values are skipped."""
    if record.type in SUBTYPES:
        yield "entrysubtype", "{" + SUBTYPES[record.type] + "}"
    renames = {"journaltitle": CONTAINER.get(bibtype, "journaltitle"),
               "publisher": PUBLISHER.get(bibtype, "publisher")}
    for attr, field in _WRITTEN:
        value = getattr(record, attr)
        if value is None or value == "" or value == []:
            continue
        if attr in ("author", "editor"):
            truncated = attr == "author" and record.authors_truncated
            yield field, "{" + name_list(value, truncated) + "}"
        elif attr in ("issued", "accessed"):
            yield field, "{" + iso_date(value) + "}"
        elif attr == "pmid":
            yield from (("eprint", "{" + value + "}"), ("eprinttype", "{pubmed}"))
        else:
            field = renames.get(field, field)
            yield field, bibtex.field_value(attr, field, value)
        if attr == "language" and _langid(value):
            yield "langid", "{" + str(_langid(value)) + "}"


def entry(item: StoredRecord, ascii: bool = False) -> str:
    """One `@type{key, ...}` block, ending with a newline."""
    bibtex.check_key(item)
    record = bibtex.for_ascii(item.record) if ascii else item.record
    bibtype = TYPE_MAP.get(record.type, DEFAULT_TYPE)
    return bibtex.render(item.key, bibtype, fields(record, bibtype), ascii, VERBATIM)


def export(items: Sequence[StoredRecord]) -> str:
    """A BibLaTeX file: one entry per record, in the given order, separated by blank lines."""
    check_keys(items)
    return "\n".join(entry(item) for item in items)


def export_ascii(items: Sequence[StoredRecord]) -> str:
    """The same file with non-ASCII characters as LaTeX macros; url, doi, eprint verbatim."""
    check_keys(items)
    return "\n".join(entry(item, ascii=True) for item in items)


# Round trips keep these, with losses no BibLaTeX file can avoid: dates in full but without
# the printed `raw`, and a season only on a bare year; whitespace in abstracts collapsed;
# entry types coarser than CSL types (a review is an @article); a family name that starts
# lower-case (`van Gogh` with no particle) comes back split, as in BibTeX.
CARRIES = frozenset(attr for attr, field in FIELD_MAP.items() if field) | {"authors_truncated"}

EXPORTER = Exporter(
    name="biblatex",
    description="BibLaTeX (UTF-8), for biber: ISO dates, journaltitle, PubMed eprint",
    suffix=".bib",
    export=export,
    carries=CARRIES,
    export_ascii=export_ascii,
    joiner="\n",
)
