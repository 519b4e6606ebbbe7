"""Fields read from a scholarly page's visible text: the generic reader's last resort.

Only the head of the page counts (the lines before a reference-list heading), because
reference lists carry DOIs and citation lines of other works (formats.md §12.4). The
citation line is the PubMed shape `Journal. Year;Vol(Issue):Pages` (§4.3). Labelled lines
(`Authors:`, `Keywords:`, `DOI:` …) are read as such; the title, an unlabelled author line
and an unheaded abstract are guesses, each named in a note for the caller's warnings.
"""

from __future__ import annotations

import ast
import re
from typing import Any

from ..dates import parse_written_date
from ..identifiers import find_dois, normalize_doi, normalize_pmcid, normalize_pmid
from ..text import clean_spaces
from ._journal_names import abbreviates, journal_line, masthead
from ._text_abstract import in_contents_menu, metadata_end, read_abstract
from ._text_article_type import labelled_types, printed_type
from ._text_citation import CITE_LABEL, CITED_DOI, ISSUE_DATE, read_citation
from ._text_cited_names import cited_families
from ._text_glued import rejoined_lines
from ._text_hanzi import hanzi_names
from ._text_lines import LABELS, ONLINE_DATE, line_pairs, with_colons, without_language_menus
from ._text_name_blocks import AUTHOR_HEADING, names_below_label
from ._text_names import SEPARATOR, folds_names, names_line
from ._text_numbering import is_numbering_line, journal_citation
from ._text_record_blocks import (
    about_this_article,
    article_information,
    keywords_below,
    own_citations,
    published_in,
    wiley_details,
)
from ._text_terms import NUMBERED_REFERENCE, term_lines
from ._text_title import read_title_and_authors

DOI_ONLY = re.compile(r"^(?:doi\s*:?\s*)?(?:https?://(?:dx\.)?doi\.org/)?10\.\d{4,9}/\S+$",
                      re.IGNORECASE)
# Headings that end the abstract; reference-list headings also end the page's head.
REFERENCES_HEADING = re.compile(
    r"^(?:References|Bibliography|Literature cited|Works cited|Cited by|Citing articles|"
    r"(?:Similar|Related) (?:articles|publications)|Recommended(?: articles)?)"
    r"(?:\s*\(\d[\d,]*\))?\s*:?$"  # Scilit: `References (41)`
    r"|^References\s+\d[\d,]*$"  # … and `References 41` (never `Cited by 18`),
    r"|^Cited by \d[\d,]* (?:publications|articles)$", re.IGNORECASE)  # `Cited by 2 publications`
PMID = re.compile(r"\bPMID:?\s*(?P<v>\d{1,8})\b")
PMCID = re.compile(r"\bPMCID:?\s*(?P<v>PMC\d{1,9})\b")
REFERENCE_MIN_WORDS = 5
RECORD_LINE_WORDS = 8  # a title or a paragraph of the record
LETTER_TYPE = re.compile(r"\b(?:letter|correspondence)\b", re.IGNORECASE)
EMPTY_LIST = re.compile(r"^No (?:references|citations|\w+) (?:available|found)\.?$",
                        re.IGNORECASE)
LIST_CONTROL = re.compile(r"^(?:Sort by\b|Showing \d+ of \d+$)")
MENU_WORDS = 3
# A preprint server's name alone on a line above the abstract (the site header), on a page
# whose DOI is the server's, is where the work appears (Highwire's `citation_journal_title`
# on those sites says so too). Name -> the server's DOI prefix.
PREPRINT_SERVERS = {
    "bioRxiv": "10.1101/", "medRxiv": "10.1101/", "arXiv": "10.48550/",
    "Research Square": "10.21203/", "SSRN": "10.2139/", "Preprints.org": "10.20944/",
    "ChemRxiv": "10.26434/"}
_SERVER_NAMES = {name.casefold(): name for name in PREPRINT_SERVERS}


def head_lines(lines: list[str]) -> list[str]:
    """The page's lines before the first reference-list heading, cleaned (blanks kept, but
    for those inside a translation menu)."""
    cleaned = without_language_menus([clean_spaces(line) for line in with_colons(lines)])
    # (Not a sidebar's `Similar publications` above the record: only menus stand above it.)
    end = next((i for i, line in enumerate(cleaned) if REFERENCES_HEADING.match(line)
                and _list_below(cleaned, i)
                and any(len(above.split()) >= RECORD_LINE_WORDS for above in cleaned[:i])),
               len(cleaned))
    return cleaned[:end]


def _list_below(lines: list[str], index: int) -> bool:
    """A references heading heads a list; in a page's table of contents, menus follow it."""
    # (Scilit heads its list with a sort menu or a count: `Sort by: Relevance`, `Showing 3
    # of 48`.)
    below = next((line for line in lines[index + 1:] if line and not LIST_CONTROL.match(line)),
                 "")
    # A tab row (Europe PMC: `Abstract`, `Free full text`, `Citations & impact`, `Similar
    # Articles`); J-STAGE's runs into `Volume 188 (1999) Issue 3`.
    # (Not an empty list above it: Scilit's `References (0)` over `No references available`.)
    if is_numbering_line(below) or (index >= 2 and not NUMBERED_REFERENCE.match(below) and all(
            lines[i] and len(lines[i].split()) <= MENU_WORDS and not lines[i].endswith(".")
            and not EMPTY_LIST.match(lines[i]) for i in (index - 2, index - 1))) \
            or in_contents_menu(lines, index):
        return False
    return len(below.split()) >= REFERENCE_MIN_WORDS or NUMBERED_REFERENCE.match(below) is not None


def read_text(lines: list[str], notes: dict[str, str]) -> dict[str, Any]:
    """Common keys from visible text; `notes[key]` says why a key's value is doubtful."""
    lines = rejoined_lines(lines)
    head = head_lines(lines)
    at_end = len(head) == len(lines)
    info = published_in(lines, len(head))
    about = (about_this_article(lines, len(head)) + own_citations(lines, len(head))
             + article_information(lines, len(head)) + wiley_details(lines, len(head)))
    about += keywords_below(lines, len(head))
    # Each block keeps its heading, which ends an abstract standing right above it.
    if info:
        head = [*head, "", "Published In", *info]
    if about:
        head = [*head, "", "About this article", *about]
    found: dict[str, Any] = {}
    for index, line in enumerate(head):
        pairs = line_pairs(line)
        terms = term_lines(head, index) if pairs == [("keywords", "")] \
            or LABELS.get(line.casefold()) == "keywords" else []  # Scopus `Author keywords`
        if terms:  # the list below the heading: one line (MDPI) or a term per line (BMC, T&F)
            pairs = [("keywords", "; ".join(terms))]
        elif pairs in ([("keywords", "")], [("issue_dated", "")], [("date", "")]):
            # The value under its label (a `<dt>`/`<dd>` list: `Published in Print:`).
            below = next((text for text in head[index + 1:] if text), "")
            pairs = [(pairs[0][0], below if pairs[0][0] == "keywords"
                      or parse_written_date(below) else "")]
        elif (pairs == [("authors", "")] or AUTHOR_HEADING.match(line)) \
                and "authors" not in found \
                and (listed := names_below_label(head, index)):
            pairs, found["authors_truncated"] = [("authors", listed[0])], listed[1]
        for key, value in pairs:
            if key == "issue_dated" and value:  # the issue's date beats the day online
                key, found[ISSUE_DATE] = "date", value  # … and the tags' (often that day)
                found.pop("date", None)
            if key in ("date", ONLINE_DATE):  # `Published Online: July 15, 2021. doi:…`
                value = re.split(r"\.\s|;\s", value)[0]
            if key == "authors" and "authors" not in found:
                value = _labelled_names(value, found)
            if value and key == ONLINE_DATE and "date" not in found:
                found["date"], found[ONLINE_DATE] = value, True
            elif value and (key not in found  # a print date replaces an online one (Lens)
                            or (key == "date" and found.pop(ONLINE_DATE, False))):
                found[key] = value
    found.pop(ONLINE_DATE, None)
    end = metadata_end(head)  # the abstract starts here; the work's own data stands above
    read_citation(head, end, found, notes, info)
    _read_ids(head, end, found, notes)
    read_abstract(head, at_end, found, notes)
    read_title_and_authors(head, found, notes)
    _without_abstract_number(found)
    labelled = labelled_types(found.pop("article_type", "") or "")
    printed = printed_type(head, end, found.get("title"))
    found["publication_types"] = labelled or ([printed] if printed else [])
    if notes.get("abstract", "").startswith("guessed") \
            and LETTER_TYPE.search(" ".join(found["publication_types"])):
        found.pop("abstract", None)  # a letter's first paragraph, guessed: no abstract
        notes["abstract"] = "a letter prints no abstract; its first paragraph is not one"
    _spell_out_journal(head[:end], found)
    # The server alone on a line, or before the DOI (Scilit: `medRxiv; https://doi.org/…`).
    server = next((_SERVER_NAMES[name] for line in head[:end]
                   if (name := re.split(r"[;,]\s", line)[0].casefold()) in _SERVER_NAMES), None)
    doi = (normalize_doi(found.get("doi")) or "").lower()
    if server and doi.startswith(PREPRINT_SERVERS[server]) and not found.get("container_title"):
        found["container_title"], found["type"] = server, "article"  # CSL's type for preprints
    found["bylines"] = [byline for line in head[:end]
                        if (byline := names_line(line)) and len(SEPARATOR.split(byline)) > 1]
    found["cited_families"] = next(
        (names for line in head
         if (names := cited_families(CITE_LABEL.sub("", line), found.get("title")))), [])
    return found


def _without_abstract_number(found: dict[str, Any]) -> None:
    """AACR heads a meeting abstract's title with its number (`P3-02-05: Trastuzumab …`),
    which is also its page; the citation it prints under the abstract has the bare title."""
    title, number = found.get("title"), found.get("pages")
    if isinstance(title, str) and number:
        bare = re.sub(rf"^(?:Abstract\s+)?{re.escape(str(number))}:\s+", "", title)
        found["title"] = bare or title


def python_list(value: str) -> list[str] | None:
    """The strings of a Python list literal (`['A B', 'C D']`), else None."""
    if not (value.startswith("[") and value.endswith("]")):
        return None
    try:
        items = ast.literal_eval(value)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return None
    return items if isinstance(items, list) and all(isinstance(i, str) for i in items) \
        and items else None


def _labelled_names(value: Any, found: dict[str, Any]) -> Any:
    """NEJM's `Authors: Jane Roe, M.D., Ph.D., +6 , and Tom Poe, M.D.` without degrees and
    folds (which say the list is not whole). A list cut at a comma stays as printed."""
    if isinstance(value, str) and (names := hanzi_names(value)):
        return names
    if isinstance(value, str) and (listed := python_list(value)):
        value = ", ".join(listed)  # a script printed a list: `['A B', "Mary O'Brien"]`
    if isinstance(value, str) and not value.endswith((",", ";")) \
            and (names := names_line(value)):
        found["authors_truncated"] = found.get("authors_truncated") or folds_names(value)
        return names
    return value


def _spell_out_journal(top_lines: list[str], found: dict[str, Any]) -> None:
    """A page header naming the journal in full (a listed name, or one the citation's
    `Front. Oncol.` abbreviates) is how a reader would name it; the abbreviation is kept as
    the short title."""
    top = [masthead(line) for line in top_lines if line]
    short = found.get("container_title")
    if (shaped := journal_citation(top)) and shaped["container_title"]:
        top.append(shaped["container_title"])  # `Future Oncology Vol. 6, No. 4`
    full = journal_line(top)
    if short and not (full and abbreviates(short, full)):
        full = next((line for line in top if line != short and abbreviates(short, line)), None)
    if full:
        found["container_title"] = full
        if short and short.casefold() != full.casefold():  # the abbreviation: the short title
            found.setdefault("container_title_short", short)


def work_dois(head: list[str], end: int) -> list[str]:
    """DOIs of the work itself: on DOI-only lines, or anywhere above the abstract.

    A DOI in running text below the abstract belongs to a work the body cites (§12.4).
    """
    lines = [line for index, line in enumerate(head) if index < end or DOI_ONLY.match(line)]
    return find_dois("\n".join(lines))


def _read_ids(head: list[str], end: int, found: dict[str, Any], notes: dict[str, str]) -> None:
    dois = work_dois(head, end)
    cited = found.pop(CITED_DOI, None)  # on the numbering line: the work's own, of them all
    if not found.get("doi") and dois:
        found["doi"] = cited if cited in dois else dois[0]
    elif cited and not found.get("doi"):
        found["doi"] = cited
    chosen = normalize_doi(found.get("doi"))
    others = [d for d in dois if chosen and d.lower() != chosen.lower()]
    if others:
        notes["doi"] = f"{len(others)} other DOI(s) above the abstract; took {chosen}"
    top = "\n".join(head[:end])
    if not normalize_pmid(found.get("pmid")) and (match := PMID.search(top)):
        found["pmid"] = match.group("v")
    if not normalize_pmcid(found.get("pmcid")) and (match := PMCID.search(top)):  # Europe PMC
        found["pmcid"] = match.group("v")
    found["pmid"] = normalize_pmid(found.get("pmid"))
