"""EndNote tagged / Refer (`%0 Journal Article`, `%T title`, ...), formats.md §1.

One field per line as `%X value`; a line without a tag continues the previous
value; blank lines separate records. Two real-world quirks handled here:
* the collapsed one-line record (`%0 Journal Article %T ... %A ... %U ...`, seed 002),
  split before every known tag token that follows whitespace;
* `%R` is EndNote's DOI field but a report number in classic refer: it is a DOI
  only when it holds one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..dates import parse_written_date
from ..identifiers import normalize_doi, normalize_pmid
from ..names import parse_name
from . import InputFormat, ParsedEntry, ParseProblem, build_entry

# Tag -> Record field. None: known, deliberately not mapped (the raw source keeps it).
FIELD_MAP: dict[str, str | None] = {
    "0": "original_type", "T": "title", "A": "author", "J": "container_title",
    "B": "container_title", "V": "volume", "N": "issue", "P": "page", "D": "issued",
    "8": "issued", "I": "publisher", "@": "issn", "R": "doi", "U": "url", "M": "pmid",
    "K": "keywords", "X": "abstract", "G": "language", "O": None, "E": None, "C": None,
    "7": None, "Z": None, "F": None, "L": None, "S": None, "H": None, "Q": None, "Y": None,
    "?": None, "W": None, "~": None, "9": None, "!": None, "+": None, "&": None, "(": None,
    ")": None, "*": None, "^": None, ">": None, "<": None, "[": None, "6": None, "=": None,
    "1": None, "2": None, "3": None, "4": None, "#": None, "$": None, "]": None,
}
TYPE_MAP = {
    "journal article": "article-journal", "electronic article": "article-journal",
    "book": "book", "edited book": "book", "book section": "chapter",
    "conference proceedings": "paper-conference", "conference paper": "paper-conference",
    "thesis": "thesis", "report": "report", "web page": "webpage", "dataset": "dataset",
    "magazine article": "article-magazine", "newspaper article": "article-newspaper",
    "patent": "patent", "manuscript": "manuscript", "encyclopedia": "entry-encyclopedia",
}
REPEATED = {"A", "K", "@"}

_TAG_CHARS = "".join(re.escape(c) for c in FIELD_MAP)
_TAG_LINE = re.compile(rf"^%([{_TAG_CHARS}])(?: (.*)|)$")
# A tag token inside a collapsed line: `%`, a known tag character, a space, after whitespace.
_INLINE_TAG = re.compile(rf"(?:(?<=\s)|^)(?=%[{_TAG_CHARS}] )")
_DETECT_LINE = re.compile(rf"^%[{_TAG_CHARS}] ", re.MULTILINE)
_ISSN = re.compile(r"\b\d{4}-?\d{3}[\dXx]\b")


def detect(head: str) -> int:
    """100 for `%0 ` at a line start or two tagged lines; also the one-line form."""
    if re.search(r"^%0 ", head, re.MULTILINE) and _DETECT_LINE.search(head):
        return 100
    if len(_DETECT_LINE.findall(head)) >= 2:
        return 100
    return 100 if re.search(r"(?:^|\s)%0 .*\s%T ", head) else 0


def _expand_collapsed(line: str) -> list[str]:
    """A record flattened onto one line becomes one line per tag."""
    if not (line.startswith("%0 ") and len(_INLINE_TAG.findall(line)) > 2):
        return [line]
    return [part.rstrip() for part in _INLINE_TAG.split(line) if part.strip()]


def _blocks(text: str) -> Iterator[tuple[int, list[str]]]:
    """(first line number, lines) per record; runs of blank lines separate records."""
    start, lines = 0, list[str]()
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            if lines:
                yield start, lines
            lines = []
            continue
        if not lines:
            start = number
        lines.extend(_expand_collapsed(line.rstrip()))
    if lines:
        yield start, lines


def _fields(lines: list[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """Tag/value pairs with continuation lines joined; stray text before a tag is a warning."""
    pairs: list[tuple[str, str]] = []
    warnings: list[str] = []
    for line in lines:
        match = _TAG_LINE.match(line)
        if match:
            pairs.append((match.group(1), match.group(2) or ""))
        elif pairs:
            tag, value = pairs[-1]
            pairs[-1] = (tag, f"{value}\n{line}")
        else:
            warnings.append(f"text before the first tag ignored: {line[:40]!r}")
    return pairs, warnings


def _map(pairs: list[tuple[str, str]]) -> tuple[dict[str, Any], list[str]]:
    fields: dict[str, Any] = {"author": [], "keywords": [], "issn": []}
    warnings: list[str] = []
    for tag, value in pairs:
        value = value.strip()
        target = FIELD_MAP.get(tag)
        if not value or target is None:
            continue
        if tag == "A":
            name = parse_name(value)
            fields["author"].extend([name] if name else [])
        elif tag == "K":
            fields["keywords"].extend(k.strip() for k in re.split(r"[\n;]", value) if k.strip())
        elif tag == "@":
            fields["issn"].extend(m.group().upper() for m in _ISSN.finditer(value))
        elif tag == "R":
            doi = normalize_doi(value)
            if doi:
                fields["doi"] = doi
            else:
                warnings.append(f"%R {value!r} is not a DOI; kept in the source only")
        elif tag == "M":
            fields["pmid"] = normalize_pmid(value)
        elif tag in ("D", "8"):
            date = parse_written_date(value)
            if date and (tag == "8" or "issued" not in fields):
                fields["issued"] = date
        elif target == "container_title" and tag == "B" and "container_title" in fields:
            continue
        else:
            fields[target] = value
    return fields, warnings


def parse(text: str, origin: str) -> Iterator[ParsedEntry | ParseProblem]:
    for line, block in _blocks(text):
        pairs, warnings = _fields(block)
        if not pairs:
            yield ParseProblem(origin, line, "no %-tagged fields in this block", "\n".join(block))
            continue
        fields, map_warnings = _map(pairs)
        original = fields.get("original_type")
        fields["type"] = TYPE_MAP.get(str(original).lower(), "article") if original else "article"
        yield build_entry(fields, origin, line, "\n".join(block), warnings + map_warnings)


FORMAT = InputFormat(
    name="endnote",
    description="EndNote tagged / Refer (%0, %T, %A ...), also flattened onto one line",
    suffixes=(".enw", ".refer", ".txt"),
    detect=detect,
    parse=parse,
    aliases=("refer", "enw", "endnote-tagged"),
)
