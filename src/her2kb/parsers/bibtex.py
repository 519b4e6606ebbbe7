"""BibTeX and BibLaTeX (formats.md §8), read as a stream of `@` blocks.

The stream is cut at lines that open a block (`@type{` at a line start, where
bibtexparser's own splitter also starts one), and a batch of blocks at a time goes
to bibtexparser with an empty parse stack: it finds entries, fields and syntax errors
with their lines, and leaves values raw (`{...}`, `"..."`, `macro # {...}`). The rest
is ours, in this order:

1. values: `#` concatenation, `@string` macros carried forward through the file, and
   the month macros (`may` -> May);
2. names split on ` and ` and into von/last/jr/first BEFORE LaTeX is decoded, so
   `{World Health Organization}` stays one literal name;
3. LaTeX decoded to Unicode (`M{\\"u}ller 20--30\\%` -> `Müller 20–30%`); verbatim fields
   (doi, url, eprint) are only unescaped;
4. fields and entry types mapped onto the Record, BibTeX and BibLaTeX alike.

A duplicate citation key is a warning, not a lost record: her2kb makes its own keys,
and two entries that share one in a real file are usually two works.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TextIO

from ..identifiers import normalize_doi, normalize_pmcid, normalize_pmid
from . import InputFormat, ParsedEntry, ParseProblem, build_entry, text_parser
from ._bibtex_values import decode, issued, names, resolve, verbatim

if TYPE_CHECKING:
    from bibtexparser.model import Entry

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
BATCH_BLOCKS = 64  # blocks per bibtexparser call: bounded memory, little call overhead

_BLOCK_START = re.compile(r"[ \t]*@\w*[ \t]*[{(]")
_DETECT = re.compile(r"^\s*@[A-Za-z]+\s*[{(]", re.MULTILINE)
_URL = re.compile(r"^\s*(?:\\url\{([^{}]*)\}|(https?://\S+))\s*$")
_ID_SEPARATORS = re.compile(r"[,;\s]+")
_VERBATIM_ATTRS = frozenset({"doi", "url", "pmid", "pmcid"})


def detect(head: str) -> int:
    """100 when a line opens an `@type{` block (formats.md §0, order 4)."""
    return 100 if _DETECT.search(head) else 0


def _batches(stream: TextIO) -> Iterator[tuple[int, str]]:
    """(number of the first line, text) for runs of BATCH_BLOCKS blocks."""
    lines: list[str] = []
    first, blocks = 1, 0
    for number, line in enumerate(stream, start=1):
        if _BLOCK_START.match(line):
            blocks += 1
            if blocks > BATCH_BLOCKS:
                yield first, "".join(lines)
                lines, first, blocks = [], number, 1
        lines.append(line)
    if lines:
        yield first, "".join(lines)


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


class _Reader:
    """State carried from batch to batch: macros, keys seen, the origin."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.macros: dict[str, str] = {}
        self.keys: dict[str, int] = {}

    def batch(self, first: int, text: str) -> Iterator[ParsedEntry | ParseProblem]:
        from bibtexparser.entrypoint import parse_string
        from bibtexparser.model import Entry, ParsingFailedBlock, String

        for block in parse_string(text, parse_stack=[]).blocks:
            line = first + (block.start_line or 0)
            if isinstance(block, ParsingFailedBlock) and block.ignore_error_block is not None:
                block = block.ignore_error_block  # duplicate keys: ours to judge, below
            if isinstance(block, String):
                self.macros[block.key.lower()] = resolve(block.value, self.macros, [])
            elif isinstance(block, Entry):
                yield self.entry(block, line)
            elif isinstance(block, ParsingFailedBlock) and not _is_comment(block.raw):
                reason = getattr(block.error, "abort_reason", None) or str(block.error)
                yield ParseProblem(self.origin, line, f"BibTeX syntax error: {reason.strip()}",
                                   block.raw or "")

    def entry(self, entry: Entry, line: int) -> ParsedEntry | ParseProblem:
        warnings: list[str] = []
        values: dict[str, str] = {}
        for field in entry.fields:
            name = field.key.lower()
            if name in values:
                warnings.append(f"field {name} given twice; the first value is kept")
                continue
            values[name] = resolve(field.value, self.macros, warnings)
        if entry.key in self.keys:
            warnings.append(f"citation key {entry.key!r} also used at line "
                            f"{self.keys[entry.key]}; both entries imported")
        self.keys.setdefault(entry.key, line)
        fields, more = to_fields(entry.entry_type.lower(), values)
        return build_entry(fields, self.origin, line, entry.raw or "", warnings + more)


def _is_comment(raw: str | None) -> bool:
    return (raw or "").lstrip().lower().startswith("@comment")


@functools.cache
def _quiet_bibtexparser() -> None:
    # bibtexparser logs each syntax error, which without a handler goes to stderr through
    # logging's last resort; we report them as problems instead.
    logging.getLogger("bibtexparser").addHandler(logging.NullHandler())


def read(stream: TextIO, origin: str) -> Iterator[ParsedEntry | ParseProblem]:
    """Entries and problems in file order, one batch of blocks in memory at a time."""
    _quiet_bibtexparser()
    reader = _Reader(origin)
    for first, text in _batches(stream):
        yield from reader.batch(first, text)


FORMAT = InputFormat(
    name="bibtex",
    description="BibTeX and BibLaTeX (.bib from JabRef, Zotero, Mendeley, Google Scholar)",
    suffixes=(".bib", ".bibtex", ".biblatex"),
    detect=detect,
    parse=text_parser(read),
    aliases=("biblatex", "bib"),
    stream=read,
)
