"""OUCI values: labels (English and Ukrainian), the compact head line and General
information (formats.md §7); the reference list is read in `_ouci_references`.

The compact head reads `Journal: J, YEAR, № ISSUE, p. PAGES`, where `№` is the **issue**
and no volume is shown. The "General information" block prints each label and its value
on separate lines; some scrapes strip the labels, and the values are then assigned by
their shape alone (`_ouci_shapes`), with a warning naming each guess.
"""

from __future__ import annotations

import re
from typing import Any

from ..dates import parse_written_date
from ..identifiers import normalize_doi
from ..records import LATEST_YEAR, MIN_YEAR
from ..text import clean_spaces
from ._page_values import checked_pages, type_for

# Label (case-folded, no colon) -> field key. Keys starting with `_` are read but not kept.
# Section headings (case-folded) -> section. `cited_by` lists other works and is skipped.
SECTIONS = {
    "abstract": "abstract", "анотація": "abstract", "реферат": "abstract",
    "list of references": "refs", "references": "refs", "список літератури": "refs",
    "publications that cite this publication": "cited_by",
    "публікації, які цитують цю публікацію": "cited_by",
    "general information": "info", "загальна інформація": "info",
    "publication data": "info", "дані публікації": "info",
    "detailed information": "info", "детальна інформація": "info",
    # A bare heading over the keywords (one line, or one a line); `Keywords: …` is a label.
    "keywords": "keywords", "ключові слова": "keywords",
}
LABELS = {
    "journal": "journal", "видання": "journal", "журнал": "journal",
    "published in": "journal", "опубліковано в": "journal",
    "publisher": "publisher", "видавець": "publisher",
    "authors": "authors", "author": "authors", "автори": "authors", "автор": "authors",
    "publication type": "type", "type of publication": "type", "type": "type",
    "тип публікації": "type", "тип": "type",
    "year of publication": "year", "рік публікації": "year", "рік видання": "year",
    "publication year": "year", "year": "year", "рік": "year",
    "volume": "volume", "том": "volume", "issue": "issue", "номер": "issue",
    "випуск": "issue", "pages": "pages", "сторінки": "pages", "doi": "doi",
    "keywords": "keywords", "key words": "keywords", "ключові слова": "keywords", "issn": "issn",
    "number of works in the list of references": "references_total",
    "кількість джерел у списку літератури": "references_total",
    "number of citations": "_citations", "кількість цитувань": "_citations",
    "journal indexed in scopus": "_indexed", "індексується в scopus": "_indexed",
    "journal indexed in web of science": "_indexed",
    "індексується в web of science": "_indexed", "видання індексується в scopus": "_indexed",
    "видання індексується в web of science": "_indexed",
    "language": "_language", "мова": "_language",
    "funder": "_funder", "funders": "_funder", "фундатор": "_funder", "фінансування": "_funder",
    "indexed in scopus": "_indexed", "indexed in web of science": "_indexed",
    "asjc classification": "_asjc", "класифікація asjc": "_asjc",
    "класифікація за asjc": "_asjc",
    # The Ukrainian register's subject codes (`22 Охорона здоров'я`): not keywords.
    "field of knowledge": "_field", "галузь знань": "_field", "specialty": "_field",
    "спеціальність": "_field",
}
TABLE_LABELS = sorted((label for label in LABELS if " " in label), key=len, reverse=True)
DOI_ROW = re.compile(r"^DOI\s+(?P<v>10\.\d{4,9}/\S+)$", re.IGNORECASE)
# `Experimental Oncology, 2022, № 2, p. 134-141` (`т. 9, № 4, с. 51-58`) without `Journal:`.
JOURNAL_ROW = re.compile(r"^[^,]{2,150}, (?:19|20)\d\d, (?:(?:[ТтVv]\.|Vol\.)\s*\S+, )?"
                         r"№\s*\S+, (?:pp?|с)\.\s*\S+$")
LABEL_LINE = re.compile(r"^(?P<label>[^:]{2,60}?)\s*:\s*(?P<value>.*)$")
# Head-line segments, read from the right: `№ 3` (issue here), `p. 211-219` / `с. 45-52`.
ISSUE_SEGMENT = re.compile(r"^(?:№|Issue|Випуск)\s*(?P<v>\S.*)$")
# The newer head line: `Experimental Oncology · 2026 · Vol. 48, Issue 1 · pp. 18-27`.
DOTTED_ROW = re.compile(r"^[^·]{2,150} · (?:19|20)\d\d(?: · [^·]+)+$")
VOLUME_SEGMENT = re.compile(r"^(?i:Vol\.?|Volume|Т\.|Том)\s*(?P<v>\S+)$")  # `Т. 43`, `т. 11`
PAGES_SEGMENT = re.compile(r"^(?:pp?|с)\.\s*(?P<v>\S.*)$")
YEAR = re.compile(r"^\d{4}$")
LIST_ITEM = re.compile(r"^(?:\d{1,3}[.)]|[-–•*])\s")


def label_of(line: str) -> str | None:
    """The field key of a bare label line (`Publication type`, `Тип публікації:`), or None."""
    return LABELS.get(clean_spaces(line).rstrip(":").strip().casefold())


def rows_labelled(text: str) -> str:
    """`Том<TAB>26` -> `Том: 26` for known labels, before spaces are cleaned (then the tab
    still tells a one-word label from a title's first word); and `Journal:` over its value,
    as a saved page's `<dt>` and `<dd>` blocks show, -> `Journal: value`."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        label, tab, value = line.partition("\t")
        if tab and value.strip() and LABELS.get(label.strip().rstrip(":").casefold()):
            lines[index] = f"{label.strip().rstrip(':')}: {value.strip()}"
    for index in range(len(lines) - 2, -1, -1):
        label, after = lines[index].strip(), lines[index + 1].strip()
        # Not over an empty `<dd>` (the next heading follows) nor over `1. Name` lines,
        # nor over one name a line with `,` lines between (a copied flex row).
        listed = index + 2 < len(lines) and lines[index + 2].strip() == ","
        if label.endswith(":") and LABELS.get(label[:-1].strip().casefold()) and after \
                and label_of(after) is None and labelled(after) is None and not listed \
                and after.casefold() not in SECTIONS and not LIST_ITEM.match(after):
            lines[index:index + 2] = [f"{label} {after}"]
    return "\n".join(lines)


def labelled(line: str) -> tuple[str, str] | None:
    """(`key`, value) for a `Label: value` line with a known label, else None.

    The `Details` and `Publication data` tables print `Number of citations<TAB>9`: a
    known label of two or more words, then the value, is read too. One-word labels need
    the colon (`Volume changes in …` is a title; see `rows_labelled` for the tab).
    """
    match = LABEL_LINE.match(line)
    key = LABELS.get(match.group("label").casefold()) if match else None
    if match and key:
        return key, match.group("value").strip()
    text = clean_spaces(line)
    if doi := DOI_ROW.match(text):  # one word, but the value's shape is unmistakable
        return "doi", doi.group("v")
    if JOURNAL_ROW.match(text):  # the phone's head line has no label
        return "journal", text
    if DOTTED_ROW.match(text):
        return "journal", text.replace(" · ", ", ")
    folded = text.casefold()
    label = next((label for label in TABLE_LABELS if folded.startswith(label + " ")), None)
    return (LABELS[label], text[len(label):].strip()) if label else None


def plausible_year(value: str) -> bool:
    return bool(YEAR.match(value)) and MIN_YEAR <= int(value) <= LATEST_YEAR


def read_head_line(value: str, fields: dict[str, Any], warnings: list[str]) -> None:
    """`J, YEAR, № ISSUE, p. PAGES`; the segments after the journal are read from the right."""
    segments = [s.strip() for s in value.split(",")]
    found: dict[str, str] = {}
    while len(segments) > 1:
        last = segments[-1]
        if (match := PAGES_SEGMENT.match(last)) and "pages" not in found:
            found["pages"] = match.group("v")
        elif (match := ISSUE_SEGMENT.match(last)) and "issue" not in found:
            found["issue"] = match.group("v")
        elif (match := VOLUME_SEGMENT.match(last)) and "volume" not in found:
            found["volume"] = match.group("v")  # a copy that shows it: `Vol. 4` / `Т. 43`
        elif plausible_year(last) and "year" not in found:
            found["year"] = last
            segments.pop()
            break
        else:
            break
        segments.pop()
    if "year" not in found and found:
        warnings.append(f"journal line without a year: {value[:80]!r}")
    fields["container_title"] = ", ".join(segments).strip() or None
    for key, text in found.items():
        set_value(key, text, fields, warnings)


def set_value(key: str, value: str, fields: dict[str, Any], warnings: list[str]) -> None:
    """Store one labelled value (authors and keywords are the caller's business)."""
    text = clean_spaces(value)
    if not text:
        return
    if key == "journal":
        read_head_line(text, fields, warnings)
    elif key == "year":
        fields["issued"] = parse_written_date(text) if plausible_year(text[:4]) else None
    elif key == "pages":
        fields["page"] = checked_pages(text, warnings)
    elif key == "doi":
        fields["doi"] = doi_of(text, warnings)
    elif key == "type":
        fields["original_type"] = text
        fields["publication_types"] = [text]
        fields["type"] = type_for(text) or "article-journal"
        if type_for(text) is None:
            warnings.append(f"publication type {text!r} not in the label table; "
                            "kept as original_type")
    elif key == "references_total" and text.isdigit():
        fields["references_total_stated"] = int(text)
    elif key in ("volume", "issue", "publisher"):
        fields[key] = text
    elif key == "issn":
        fields["issn"] = re.findall(r"\d{4}-\d{3}[\dXx]", text)


def doi_of(text: str, warnings: list[str]) -> str | None:
    """A DOI line's DOI: the ` ·` / ` · Full text` link suffix stripped (§7)."""
    bare = re.sub(r"\s*·.*$", "", text).strip()
    doi = normalize_doi(bare)
    if doi is None:
        warnings.append(f"not a valid DOI: {bare[:60]!r}")
    return doi
