"""OUCI (Open Ukrainian Citation Index) and similar aggregator pages saved as text (formats.md §7).

Layouts, English or Ukrainian labels: the compact head (`Journal: J, YEAR, № ISSUE,
p. PAGES` / `Publisher: …` / `Authors: a, b`); the single-newline variant with authors
as `- ` bullets; `Authors:` followed by numbered `1. Name` lines; the "General information"
block with label and value on separate lines, or with the labels stripped (values then
guessed by shape, with a warning). The DOI line ends in ` ·` or ` · Full text`; the work's
DOI comes only from the head block, never from the reference list (`…, Journal, № 170,
p. 321`, where `№` is the volume) or from the citing publications.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from . import InputFormat, ParsedEntry, ParseProblem, build_entry
from ._ouci_detect import detect
from ._ouci_info import keyword_lines, list_item, list_items, read_info, rows_below, store_value
from ._ouci_references import is_doi_line, read_references
from ._ouci_values import SECTIONS, doi_of, label_of, labelled, rows_labelled
from ._page import (
    bullet_item,
    ends_open,
    page_lines,
)
from ._page_values import (
    checked_abstract,
    missing_note,
    name_items,
    split_author_list,
    type_for,
)
from ._text_name_blocks import AUTHOR_HEADING, names_evidence
from ._text_names import is_name, names_line

FURNITURE = frozenset({
    "open ukrainian citation index", "відкритий український індекс наукових цитувань",
    "відкритий український індекс цитувань",
    "ouci", "search", "пошук", "en", "ua", "english", "українська", "full text",
    "повний текст", "про проєкт", "about", "cite", "цитувати",
    "share", "поділитися", "details", "деталі", "детальніше", "show more", "показати більше",
    # The site menu and footer.
    "skip to main content", "перейти до основного вмісту", "sources", "джерела",
    "organizations", "організації", "statistics", "статистика", "про проект", "contacts",
    "контакти", "terms of use", "умови використання", "help", "допомога", "contact us",
    "зв'язатися з нами",
    # The newer Ukrainian header: `ОУІЦ`, its tagline, menu and sign-in entries.
    "оуіц", "відкритий український індекс цитування", "про оуіц", "увійти",
    "ua | en", "en | ua", "статистика використання", "usage statistics", "sign in",
    "оуіц — відкритий український індекс цитування", "about the project",
    "знайти всі цитування публікації", "find all citations of the publication",
    "report an error", "повідомити про помилку",
    # The footer under the `Details` rows.
    "state scientific and technical library of ukraine", "about ouci",
    "державна науково-технічна бібліотека україни", "privacy policy", "feedback",
    "політика конфіденційності", "зворотний зв'язок",
})
SHOW_ALL = re.compile(r"^(?:show all \d+ references|показати всі \d+\b.*)$")  # a folded list
# `Details` over `Number of citations: 3`, `DOI: …` rows closes the English page; alone it
# is a button.
DETAILS = frozenset({"details", "деталі", "детальніше"})
MIN_NAME_LINES, MAX_NAME_WORDS = 2, 4  # names one a line under the title
MIN_TITLE_WORDS = 4  # a menu line (`About the project`) is shorter than a title
TWIN_TITLE_WORDS = 6  # … and the site's tagline than a title and its translation
INLINE_KEYWORDS = re.compile(r"\s(?:Key ?words|Ключові слова)\s*:\s*(?P<k>[^\n]+)$", re.I)
HEAD_YEAR = re.compile(r",\s*\d{4}\b")
def parse(text: str, origin: str) -> Iterator[ParsedEntry | ParseProblem]:
    """One record per page; warnings name what was guessed, cut off or not shown."""
    sections = _sections(page_lines(rows_labelled(text.lstrip("\ufeff"))))
    fields: dict[str, Any] = {"type": "article-journal"}
    warnings: list[str] = []
    last = _last_section(sections)
    _read_head(sections.get("head", []), last == "head" and ends_open(text), fields, warnings)
    read_info(sections.get("info", []), fields, warnings)
    abstract_lines = []
    for line in sections.get("abstract", []):
        pair = labelled(line)
        if pair and pair[0] == "keywords":  # printed right under the abstract
            store_value(*pair, fields, warnings)
        elif line:
            abstract_lines.append(line)
    if words := keyword_lines(sections.get("keywords", [])):
        store_value("keywords", "; ".join(words), fields, warnings)
    abstract = "\n".join(abstract_lines)
    if inline := INLINE_KEYWORDS.search(abstract):  # Crossref's abstract: `… Key Words: a, b.`
        abstract = abstract[:inline.start()]
        if "keywords" not in fields:
            store_value("keywords", inline["k"], fields, warnings)
    fields["abstract"] = checked_abstract(abstract, last == "abstract", warnings)
    refs = [line for line in sections.get("refs", []) if line]
    fields["references"] = read_references(refs, last == "refs", warnings)
    warnings.extend(missing_note(fields, ("title", "container_title", "issued")))
    yield build_entry(fields, origin, 1, text, warnings)


def _sections(lines: list[str]) -> dict[str, list[str]]:
    """The page's lines by section, in page order; furniture dropped, blank lines kept."""
    sections: dict[str, list[str]] = {"head": []}
    current = "head"
    for index, line in enumerate(lines):
        key = line.casefold().rstrip(":")
        if key in DETAILS and rows_below(lines[index + 1:index + 5]):
            key = "detailed information"  # a `Details` button has no labelled rows under it
        if current in ("refs", "cited_by") and (labelled(line) or ("", ""))[0] == "type":
            current = "info"  # the article's `Type of publication:` row under the lists
            sections.setdefault(current, [])
        if key in SECTIONS:
            current = SECTIONS[key]
            sections.setdefault(current, [])
        elif key not in FURNITURE and not SHOW_ALL.match(key):
            sections[current].append(line)
    return sections


def _last_section(sections: dict[str, list[str]]) -> str:
    """The section holding the end of the text: only there can a value be cut off."""
    return next((key for key in reversed(sections) if any(sections[key])), "head")


def _read_head(head: list[str], at_end: bool, fields: dict[str, Any],
               warnings: list[str]) -> None:
    """Title, `Label: value` lines, author lists and the DOI line of the head block."""
    # A copy of the byline's flex row puts each separating comma on a line of its own.
    lines = [line for line in head if line and line != ","]
    index = _title_index(lines)  # site navigation above the title is skipped
    if index and type_for(lines[index - 1]):  # the type over the title, not under it
        store_value("type", lines[index - 1], fields, warnings)
    while index < len(lines):
        line = lines[index]
        index += 1
        pair = labelled(line)
        if pair and at_end and index == len(lines) and _cut_head_line(*pair):
            warnings.append(f"the text ends inside the {pair[0]} line ({pair[1][-40:]!r}); "
                            "left empty")
        elif pair and pair[0] == "authors":
            # Under a bare label: list items, or (a copied flex row) one name a line.
            items = [] if pair[1] else (list_items(lines, index, list_item)
                                        or _names_one_a_line(lines, index))
            index += len(items)
            fields["author"] = (split_author_list(pair[1], warnings) if pair[1]
                                else name_items(items, warnings))
        elif pair:
            store_value(pair[0], pair[1], fields, warnings)
        elif is_doi_line(line):
            fields["doi"] = fields.get("doi") or doi_of(line, warnings)
        elif bullet_item(line) and "title" in fields and not fields.get("author"):
            items = list_items(lines, index - 1, bullet_item)
            index += len(items) - 1
            fields["author"] = name_items(items, warnings)
            warnings.append("authors taken from unlabelled bullets under the title; check them")
        elif "title" not in fields and label_of(line) is None:
            fields["title"] = line
        elif "title" in fields and type_for(line) and "publication_types" not in fields:
            store_value("type", line, fields, warnings)  # the type printed under the title
        elif not fields.get("author") and names_evidence(lines, index - 1) == 2 \
                and not AUTHOR_HEADING.match(line):  # the names are below it
            fields["author"] = split_author_list(names_line(line) or line, warnings)
            warnings.append("authors taken from an unlabelled line under the title; check them")
        elif "title" in fields and not fields.get("author") \
                and len(names := _names_one_a_line(lines, index - 1)) >= MIN_NAME_LINES:
            index += len(names) - 1
            fields["author"] = name_items(names, warnings)
            warnings.append("authors taken from unlabelled name lines under the title; check them")
        elif "title" in fields and label_of(line) is not None:
            # Label and value on separate lines without a `General information` heading.
            read_info(lines[index - 1:], fields, warnings)
            return
        else:
            warnings.append(f"unrecognised line kept out of the record: {line[:60]!r}")


def _names_one_a_line(lines: list[str], start: int) -> list[str]:
    """A newer page's byline: one `Given Family` a line, no label, no commas."""
    names: list[str] = []
    for line in lines[start:]:
        if label_of(line) is not None or not is_name(line) or len(line.split()) > MAX_NAME_WORDS:
            break
        names.append(line)
    return names


def _title_index(lines: list[str]) -> int:
    """The title is the last plain line above the DOI line or the first labelled line."""
    # The site menu above the title lists `Authors` too: a bare label counts only below
    # the first line long enough to be the title.
    first_long = next((i for i, line in enumerate(lines) if _title_like(line)), len(lines))
    stop = next((i for i, line in enumerate(lines) if is_doi_line(line) or labelled(line)
                 or (label_of(line) and i > first_long)), len(lines))
    # The type (`Journal Article`) may stand between the title and the labelled lines.
    plain = [i for i in range(stop) if not bullet_item(lines[i]) and type_for(lines[i]) is None]
    if len(plain) > 1 and names_evidence(lines, plain[-1]) == 2 and _title_like(lines[plain[-2]]):
        return _first_twin(lines, plain[-2])  # no `Authors` label: names under the title
    for index in reversed(plain[:-1]):  # … or a narrow page's names, one a line
        names = _names_one_a_line(lines, index + 1)
        if len(names) >= MIN_NAME_LINES and index + len(names) >= plain[-1] \
                and _title_like(lines[index]):
            return index
    if not plain or stop == len(lines):
        return 0
    return _first_twin(lines, plain[-1])


def _first_twin(lines: list[str], index: int) -> int:
    """A Ukrainian article's title over its English one (or its transliteration): the
    heading is the first."""
    above = lines[index - 1] if index else ""
    if above and _title_like(above) and label_of(above) is None \
            and _cyrillic(above) != _cyrillic(lines[index]) \
            and min(len(above.split()), len(lines[index].split())) >= TWIN_TITLE_WORDS:
        return index - 1
    return index


def _cyrillic(line: str) -> bool:
    letters = [char for char in line if char.isalpha()]
    return sum("\u0400" <= char <= "\u04ff" for char in letters) * 2 > len(letters)


def _title_like(line: str) -> bool:
    """Above an unlabelled names line: a title, not a site menu entry such as `Help`."""
    return len(line.split()) >= MIN_TITLE_WORDS and line.casefold() not in FURNITURE


def _cut_head_line(key: str, value: str) -> bool:
    """The file's last line, cut: a journal line before its year, or any author list
    (whether its last name is whole cannot be seen, so none of the list is kept)."""
    return (key == "journal" and HEAD_YEAR.search(value) is None) or key == "authors"


FORMAT = InputFormat(
    name="ouci-page",
    description="OUCI-style aggregator page saved as text (English or Ukrainian labels)",
    suffixes=(".txt",),
    detect=detect,
    parse=parse,
    aliases=("ouci",),
    reads_shown_text=True,
)
