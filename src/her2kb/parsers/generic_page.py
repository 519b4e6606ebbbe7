"""The fallback reader: any other scholarly page, saved as HTML or as text (formats.md §0 step 8).

Sources, best first: Highwire `citation_*` tags > PRISM > Dublin Core > JSON-LD > the
visible text. Highwire leads because publishers fill it for indexers with one value per
field (pages split, authors one per tag); PRISM is as precise but rarer and has no title
or authors; Dublin Core packs mixed values into `dc.identifier` and `dc.date`; JSON-LD is
often site-level (a `WebPage` or a partial `Article`); text is a guess. Each field comes
from the best source that has it, and every field taken from the text names its doubt in
a warning. It is registered as the fallback: detection asks it only when no other reader
claims the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise
from typing import Any

from ..dates import parse_written_date
from ..identifiers import normalize_doi, normalize_pmcid, normalize_pmid
from ..names import parse_name, vancouver
from ..text import clean_spaces
from . import InputFormat, ParsedEntry, ParseProblem, build_entry, is_markup
from ._json_ld import read_json_ld
from ._meta_tags import DUBLIN_CORE, HIGHWIRE, PRISM, highwire_names, read_page, vocabulary
from ._page import ends_open, holds_tagged_export, looks_like_json, page_lines
from ._page_values import (
    VANCOUVER_NAME,
    checked_pages,
    keyword_list,
    missing_note,
    split_author_list,
    type_for,
)
from ._source_merge import (
    TAG_TITLE,
    TEXT,
    TEXT_FIRST,
    TITLE_WORDS_HELD,
    merge_sources,
    words_held,
)
from ._text_cited_names import completed, respelled, with_cited_families, with_given_names
from ._text_evidence import text_evidence
from ._text_fields import read_text
from ._text_record_table import ovid_records

NAME = "generic"
# Keys copied as they are; the others are converted in `_fields`.
PLAIN_KEYS = ("title", "container_title", "container_title_short", "publisher", "language",
              "url", "original_type", "authors_truncated")
ISSN = re.compile(r"\d{4}-\d{3}[\dXx]")
TAG = re.compile(r"<[^>]+>")
# Springer and Nature open `dc.description` with the section's heading: `Summary The …`.
HEADING_WORD = re.compile(r"^(?:Abstract|Summary)(?::\s*|\s+)(?=[A-Z])")
# Detection scores. Highwire tags in a saved HTML page are unambiguous; PRISM, Dublin Core
# or JSON-LD alone are weaker; text is a last resort. All of them are 0 whenever another
# reader claims the text, so this reader never ties with or beats a specific one.
HTML_HIGHWIRE_SCORE, HTML_OTHER_SCORE, TEXT_SCORE = 5, 3, 1
MIN_TAGS = 2
TAIL_CHARS = 300  # enough to hold a last keyword
# Where a `<title>` may end in the site's name: ` | Nature`, ` - PMC`, ` – Europe PMC`.
SITE_TAIL = re.compile(r"\s+[|\-–—]\s+")
MIN_TITLE_WORDS = 3
SITE_WORDS = 4  # `Taylor & Francis Online`


def detect(head: str) -> int:
    """A score for scholarly evidence; asked only when no other reader claims the text."""
    start = head.lstrip("\ufeff \t\r\n")
    if holds_tagged_export(head) or looks_like_json(start):
        return 0  # tagged exports and JSON belong to their own readers (§0 steps 1-5)
    markup = is_markup(head)
    page = read_page(head, markup)
    tags = highwire_names(page.metas)
    if markup:
        if "citation_title" in tags or len(tags) >= MIN_TAGS:
            return HTML_HIGHWIRE_SCORE
        others = len(vocabulary(page.metas, PRISM)) + len(vocabulary(page.metas, DUBLIN_CORE))
        work = read_json_ld(page.json_ld, [])
        if others >= MIN_TAGS or work.get("title"):
            return HTML_OTHER_SCORE
        # A page whose markup names nothing (a Next.js Scilit page) may show it all.
        return TEXT_SCORE if text_evidence(list(page.lines)) else 0
    # Tag lines in text: `citation_title: …`, or a DSpace record's `dc.title<TAB>…` table
    # with a work's title and its DOI or date (not a list of what the elements mean).
    dublin_core = vocabulary(page.metas, DUBLIN_CORE)
    if len(tags) >= MIN_TAGS or (dublin_core.get("title") and (
            dublin_core.get("doi") or parse_written_date(dublin_core.get("date") or ""))):
        return TEXT_SCORE
    return TEXT_SCORE if text_evidence(page_lines(head)) else 0


def parse(text: str, origin: str) -> Iterator[ParsedEntry | ParseProblem]:
    """One record per page (per record of an Ovid results display); warnings name every
    guessed, disputed or cut-off field."""
    body = text.lstrip("\ufeff")
    markup = is_markup(body)
    lines = body.splitlines(keepends=True)
    starts = [] if markup else ovid_records([line.strip() for line in lines])
    if not starts:
        yield _page_entry(body, markup, origin, 1)
        return
    for start, end in pairwise([0, *starts[1:], len(lines)]):  # the site's head goes first
        yield _page_entry("".join(lines[start:end]), False, origin, start + 1)


def _page_entry(body: str, markup: bool, origin: str, line: int) -> ParsedEntry | ParseProblem:
    page = read_page(body, markup)
    warnings: list[str] = []
    notes: dict[str, str] = {}
    text_values = read_text(page.lines, notes)
    if markup:
        _title_from_markup(page.metas, page.title, list(page.lines), text_values, notes)
    sources = [("Highwire", vocabulary(page.metas, HIGHWIRE)),
               ("PRISM", vocabulary(page.metas, PRISM)),
               ("Dublin Core", vocabulary(page.metas, DUBLIN_CORE)),
               ("JSON-LD", read_json_ld(page.json_ld, warnings)), (TEXT, text_values)]
    if any(line.strip().casefold() == "subjects" for line in page.lines):
        for name, values in sources:  # Nature prints its `dc.subject` terms as `Subjects`
            if name in TEXT_FIRST["keywords"]:
                values.pop("keywords", None)
    merged, origins = merge_sources(sources, warnings)
    for key, note in notes.items():
        if origins.get(key, TEXT) == TEXT:
            warnings.append(note)
    fields = _fields(merged, warnings)
    if origins.get("authors", TEXT) != TEXT:  # tags may drop the marks the byline shows
        fields["author"] = respelled(fields["author"], list(page.lines))
    keywords = fields["keywords"]
    if keywords and not markup and ends_open(body) \
            and clean_spaces(body[-TAIL_CHARS:]).endswith(keywords[-1]):
        # The text stops in its last keyword (`tumor mark`): only the whole ones are kept.
        warnings.append(f"keywords: the text ends inside {keywords.pop()!r}; left out")
    warnings.extend(missing_note(fields, ("title", "container_title", "issued")))
    return build_entry(fields, origin, line, body, warnings)


def _title_from_markup(metas: list[tuple[str, str]], title: str | None, lines: list[str],
                       values: dict[str, Any], notes: dict[str, str]) -> None:
    """In HTML the visible text starts with navigation: prefer `og:title`, then `<title>`,
    without a ` | Site` tail. Where the page prints that title as a line of its own, the
    printed line is the title: tags often lower its case (`… tumor DNA …` over a heading
    `… Tumor DNA …`) and `<title>` adds the site (` - PMC`)."""
    og = next((value for name, value in metas if name == "og:title"), None)
    chosen = og or title
    if not chosen:
        return
    # The whole, else the whole but a last part that names the site (` - PMC`, ` | Wiley
    # Online Library`): never a shorter prefix, which a breadcrumb may print.
    tails = list(SITE_TAIL.finditer(chosen))
    site = chosen[tails[-1].end():] if tails else ""
    candidates = [chosen, *([chosen[:tails[-1].start()]] if site[:1].isupper()
                            and len(site.split()) <= SITE_WORDS else [])]
    journal = clean_spaces(values.get("container_title") or "").casefold()
    shown = {clean_spaces(line).casefold(): clean_spaces(line) for line in reversed(lines)}
    printed = next((shown[key] for text in candidates if len(text.split()) >= MIN_TITLE_WORDS
                    and (key := clean_spaces(text).casefold()) != journal and key in shown),
                   None)
    if printed:  # the tag and the text agree: no doubt left to report
        values["title"] = printed
        notes.pop("title", None)
        return
    if " | " in chosen:
        chosen = chosen.rsplit(" | ", 1)[0].strip()
    own = values.get("title")
    if own and words_held(chosen, own) >= TITLE_WORDS_HELD:
        return  # the tag shortened the printed title (the merge warns of the two)
    values["title"], values[TAG_TITLE] = chosen, True  # not printed: no better than the tags
    notes["title"] = f"title taken from the page's {'og:title' if og else '<title>'}; check it"


def _fields(merged: dict[str, Any], warnings: list[str]) -> dict[str, Any]:
    """Record kwargs from the merged common keys (names, date, pages, ids, lists)."""
    fields: dict[str, Any] = {key: merged.get(key) for key in PLAIN_KEYS}
    fields.update(merged.get("numbering") or {})
    for key in ("volume", "issue"):  # Scilit's `Volume: Not yet assigned (Online First)`
        if isinstance(fields.get(key), str) and not any(map(str.isdigit, fields[key])) \
                and len(fields[key].split()) > 1:
            warnings.append(f"{key} {fields.pop(key)!r} is no number; left empty")
    printed = [type_for(name) for name in merged.get("publication_types") or []]
    fields["type"] = (merged.get("type") or type_for(merged.get("original_type"))
                      or next(filter(None, printed), None)  # Scilit's `Book Chapter`
                      or ("article-journal" if merged.get("container_title") else "article"))
    names = with_cited_families(_authors(merged.get("authors"), warnings),
                                merged.get("cited_families") or [])
    if fields.get("authors_truncated") and (
            whole := completed(names, merged.get("cited_families") or [])):
        names, fields["authors_truncated"] = whole, False
    fields["author"] = with_given_names(
        names, [split_author_list(byline, []) for byline in merged.get("bylines") or []])
    if date := merged.get("date"):
        fields["issued"] = parse_written_date(date)
        if fields["issued"] is None:
            warnings.append(f"date {date!r} not understood; left empty")
    fields["page"] = _pages(merged.get("page_parts") or {}, warnings)
    fields["doi"] = normalize_doi(merged.get("doi"))
    fields["pmid"] = normalize_pmid(merged.get("pmid"))
    fields["pmcid"] = normalize_pmcid(merged.get("pmcid"))
    fields["issn"] = [i for value in merged.get("issn", []) for i in ISSN.findall(value)]
    fields["keywords"] = keyword_list(merged.get("keywords"))
    fields["publication_types"] = list(merged.get("publication_types") or [])
    if abstract := merged.get("abstract"):
        fields["abstract"] = HEADING_WORD.sub("", TAG.sub(" ", abstract).strip()) or None
    return fields


def _authors(value: Any, warnings: list[str]) -> list[dict[str, Any]]:
    if isinstance(value, str):
        return split_author_list(value, warnings)
    names: list[dict[str, Any]] = []
    # Europe PMC writes one `citation_author` a name, in PubMed's order: `Kim JH`.
    plain = [item.strip() for item in value or [] if isinstance(item, str) and ";" not in item]
    reader = vancouver if len(plain) > 1 and all(map(VANCOUVER_NAME.match, plain)) \
        else parse_name
    for item in value or []:
        if isinstance(item, dict):
            names.append(item)
        elif ";" in item:  # `citation_authors` holds the whole list, often with a last `;`
            names.extend(split_author_list(item.rstrip("; "), warnings))
        elif name := reader(item.strip()):
            names.append(name)
    return names


def _pages(parts: dict[str, Any], warnings: list[str]) -> str | None:
    first, last = parts.get("first_page"), parts.get("last_page")
    if first:
        printed = f"{first}-{last}" if last and last != first else str(first)
        return checked_pages(printed, warnings)
    return checked_pages(parts.get("pages"), warnings)


FORMAT = InputFormat(
    name=NAME,
    description="Fallback for other scholarly pages: Highwire/PRISM/DC meta tags, JSON-LD, "
                "or the page text (guesses are warned about)",
    suffixes=(".html", ".htm", ".txt"),
    detect=detect,
    parse=parse,
    aliases=("generic-page", "html", "meta"),
    fallback=True,
)
