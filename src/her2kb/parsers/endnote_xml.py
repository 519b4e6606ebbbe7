"""EndNote XML (`<xml><records><record>`), formats.md §11.

EndNote XML carries the same fields as EndNote tagged, under element names: each
element maps onto its `%` tag here, and `_refer_map.record_fields` turns the tags into
record fields, so both EndNote formats share one field model, type map and quirks
(DOI rule, no-invert comma on corporate names, per-type labels). Values are wrapped in
`<style face=... font=... size=...>` runs (several when part of a title is italic), so
every value is all of its text nodes joined; EndNote stores line breaks as CR
characters (`&#xD;`), read here as newlines. EndNote writes the whole export on one
line, so records there report line 1; problems also name the record's ordinal.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import TextIO

from . import InputFormat, ParsedEntry, ParseProblem, build_entry, text_parser
from ._refer_map import record_fields
from ._xml import Build, block_text, read_records, text

RECORD_TAGS = frozenset({"record"})
# Element path under <record> -> EndNote tag (_refer_map.FIELD_MAP names the Record field;
# tags it leaves unmapped stay unmapped here). None: no tagged counterpart, not mapped.
ELEMENT_TAGS: dict[str, str | None] = {
    "contributors/authors/author": "A", "contributors/secondary-authors/author": "E",
    "contributors/tertiary-authors/author": "Y", "contributors/subsidiary-authors/author": "?",
    "contributors/translated-authors/author": "H", "auth-address": "+",
    "titles/title": "T", "periodical/full-title": "J", "titles/secondary-title": "B",
    "titles/tertiary-title": "S", "titles/short-title": "!", "titles/translated-title": "Q",
    "pages": "P", "volume": "V", "number": "N", "edition": "7", "section": "&",
    "num-vols": "6", "dates/year": "D", "dates/pub-dates/date": "8", "pub-location": "C",
    "publisher": "I", "isbn": "@", "accession-num": "M", "electronic-resource-num": "R",
    "urls/related-urls/url": "U", "urls/web-urls/url": "U", "urls/pdf-urls/url": ">",
    "keywords/keyword": "K", "abstract": "X", "notes": "Z", "research-notes": "<",
    "language": "G", "work-type": "9", "label": "F", "call-num": "L", "access-date": "[",
    "remote-database-name": "~", "remote-database-provider": "W", "caption": "^",
    "orig-pub": "(", "reprint-edition": ")", "reviewed-item": "*",
    "custom1": "1", "custom2": "2", "custom3": "3", "custom4": "4", "custom5": "#",
    "custom6": "$", "custom7": "]",
    "periodical/abbr-1": None,  # the journal abbreviation: container_title_short, below
    "titles/alt-title": None, "alt-periodical": None, "urls/image-urls": None,
    "database": None, "source-app": None, "rec-number": None, "foreign-keys": None,
    "modified-date": None,
}
# `ref-type` numbers for exports that leave out the name attribute.
REF_TYPE_NAMES = {
    "5": "Book Section", "6": "Book", "10": "Conference Proceedings", "12": "Web Page",
    "13": "Generic", "17": "Journal Article", "19": "Magazine Article",
    "23": "Newspaper Article", "25": "Patent", "27": "Report", "28": "Edited Book",
    "32": "Thesis", "36": "Manuscript", "43": "Electronic Article", "47": "Conference Paper",
}


def detect(head: str) -> int:
    return 100 if "<records>" in head and ("<record>" in head or "<ref-type" in head) else 0


def _pairs(record: ET.Element) -> list[tuple[str, str]]:
    """(`%` tag, value) pairs in the order of ELEMENT_TAGS, the reference type first."""
    ref_type = record.find("ref-type")
    pairs: list[tuple[str, str]] = []
    if ref_type is not None:
        number = text(ref_type) or ""
        pairs.append(("0", ref_type.get("name") or REF_TYPE_NAMES.get(number, number)))
    for path, tag in ELEMENT_TAGS.items():
        if tag:
            pairs += [(tag, value) for value in map(block_text, record.findall(path)) if value]
    return pairs


def _builder(origin: str) -> Build:
    def build(record: ET.Element, line: int, ordinal: int, raw: str) -> ParsedEntry | ParseProblem:
        fields, warnings = record_fields(_pairs(record))
        fields["container_title_short"] = text(record.find("periodical/abbr-1"))
        entry = build_entry(fields, origin, line, raw, warnings)
        if isinstance(entry, ParseProblem):
            return ParseProblem(origin, line, f"record {ordinal}: {entry.reason}", entry.raw)
        return entry

    return build


def read(stream: TextIO, origin: str) -> Iterator[ParsedEntry | ParseProblem]:
    """Records one at a time; the line is that of the `<record>` tag (see `_xml.py`)."""
    return read_records(stream, origin, RECORD_TAGS, _builder(origin), "<record>")


FORMAT = InputFormat(
    name="endnote-xml",
    description="EndNote XML export (<xml><records><record>), values in <style> runs",
    suffixes=(".xml",),
    detect=detect,
    parse=text_parser(read),
    aliases=("enxml",),
    stream=read,
)
