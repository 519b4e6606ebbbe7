"""Shared reader for `TAG  - value` exports: RIS (formats.md §2) and MEDLINE/nbib (§3).

This module knows lines and record boundaries only; what a tag means lives in ris.py
and medline.py. Both readers stream: a record is yielded as soon as it ends and only
its own lines are held, so a 1 GB export reads in bounded memory.

* RIS: `TY` opens a record and `ER` closes it; a new `TY` or the end of the file also
  closes it (with a warning). Tags are two characters, then one or two spaces and `-`.
* MEDLINE: blank lines separate records, and so does a second `PMID` line. Tags are
  left-aligned in four columns; continuation lines start with six spaces.

In both, a line that is not a tag line continues the previous field. Lines are checked
with string operations first: a regular expression runs only for the rare odd line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

# formats.md §0, order 1: a line starting `TY - ` or `TY  - ` marks RIS (BOM tolerated).
RIS_SIGNATURE = re.compile(r"^\ufeff?TY {1,2}- ?", re.MULTILINE)
_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_TAG_CHAR = _UPPER | frozenset("0123456789")
# §3 variants: `TI - x` (one space, from other tools), `PMID-123`; the fast path takes the rest.
_LOOSE_MEDLINE = re.compile(r"^([A-Z][A-Z0-9]{1,3}) {0,3}-(?: (.*))?$|^(PMID)-([0-9].*)$")
# A whitespace-only line this long is a blank continuation line, not a record separator.
_BLANK_CONTINUATION = 6

Field = tuple[str, str]
_ISSN = re.compile(r"\b([0-9]{4})-?([0-9]{3}[0-9Xx])\b")
_ISBN_CHARS = re.compile(r"[^0-9Xx]")
_YEAR = re.compile(r"\b(1[5-9][0-9]{2}|20[0-9]{2})\b")


@dataclass
class TaggedRecord:
    """One record's lines as read, its (tag, value) pairs with continuations joined."""

    line: int
    lines: list[str] = field(default_factory=list)
    pairs: list[Field] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    orphan: bool = False  # RIS fields found outside any TY ... ER record

    @property
    def raw(self) -> str:
        return "\n".join(self.lines)

    def continue_field(self, text: str, joiner: str) -> None:
        """Append a continuation line to the last field's value."""
        tag, value = self.pairs[-1]
        self.pairs[-1] = (tag, f"{value}{joiner}{text}" if value else text)


def ris_field(line: str) -> Field | None:
    """`TY  - JOUR`, `TY - JOUR`, `ER  -` -> (tag, value); None for any other line.

    The line is already stripped on the right. Same grammar as the regex
    `^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$` (formats.md §2), in plain string tests.
    """
    if len(line) < 4 or line[2] != " " or line[0] not in _UPPER or line[1] not in _TAG_CHAR:
        return None
    rest = line[4:] if line[3] == " " else line[3:]
    if not rest.startswith("-") or (len(rest) > 1 and rest[1] != " "):
        return None
    return line[:2], rest[2:].strip()


def medline_field(line: str) -> Field | None:
    """`PMID- 1`, `AU  - Doe J`, `FAU - Doe, Jane` -> (tag, value); None for other lines."""
    if len(line) >= 5 and line[4] == "-" and (len(line) == 5 or line[5] == " "):
        tag = line[:4].rstrip(" ")
        if len(tag) >= 2 and tag[0] in _UPPER and tag.isascii() and tag.isalnum() \
                and tag.isupper():
            return tag, line[6:].strip()
    if not line or line[0] not in _UPPER:
        return None
    match = _LOOSE_MEDLINE.match(line)
    if not match:
        return None
    if match.group(3):
        return "PMID", match.group(4).strip()
    return match.group(1), (match.group(2) or "").strip()


def ris_records(stream: TextIO, newline_tags: frozenset[str]) -> Iterator[TaggedRecord]:
    """RIS records in file order, plus `orphan` blocks of fields that had no `TY` line.

    Continuation lines join their field with a space, or with a newline for the tags in
    `newline_tags` (abstracts and notes keep their line breaks, §2). Blank lines are
    ignored; non-tag text outside a record is left to the raw source.
    """
    current: TaggedRecord | None = None
    orphan: TaggedRecord | None = None
    for number, text in enumerate(stream, start=1):
        raw = text.rstrip("\r\n") if number > 1 else text.rstrip("\r\n").lstrip("\ufeff")
        line = raw.rstrip()  # trailing spaces carry nothing (`ER  - `); raw keeps them
        parsed = ris_field(line)
        if parsed is None:
            if current is not None:
                current.lines.append(raw)
                if line and current.pairs:
                    joiner = "\n" if current.pairs[-1][0] in newline_tags else " "
                    current.continue_field(line.strip(), joiner)
            elif orphan is not None:
                orphan.lines.append(raw)
            continue
        tag = parsed[0]
        if tag == "TY":
            if orphan is not None:
                yield orphan
                orphan = None
            if current is not None:
                current.warnings.append("no ER line: the next TY line ended this record")
                yield current
            current = TaggedRecord(number, [raw], [parsed])
        elif current is not None:
            current.lines.append(raw)
            if tag == "ER":
                yield current
                current = None
            else:
                current.pairs.append(parsed)
        elif tag != "ER" or orphan is not None:
            orphan = orphan or TaggedRecord(number, orphan=True)
            orphan.lines.append(raw)
            if tag != "ER":
                orphan.pairs.append(parsed)
    if orphan is not None:
        yield orphan
    if current is not None:
        current.warnings.append("no ER line: the file ended inside this record")
        yield current


def medline_records(
    stream: TextIO, expand: Callable[[str], list[str] | None]
) -> Iterator[TaggedRecord]:
    """MEDLINE records in file order; a record without any tag line has no pairs.

    `expand(line)` turns a collapsed one-line record into tag lines (§3) or returns None.
    """
    current: TaggedRecord | None = None
    for number, text in enumerate(stream, start=1):
        raw = text.rstrip("\r\n") if number > 1 else text.rstrip("\r\n").lstrip("\ufeff")
        line = raw.rstrip()
        if not line:
            if current is not None and len(raw) < _BLANK_CONTINUATION:
                yield current
                current = None
            continue
        parts = expand(line) if line.startswith("PMID-") else None
        for part in parts or (line,):
            parsed = medline_field(part)
            if current is None or (parsed is not None and parsed[0] == "PMID" and current.pairs):
                if current is not None:
                    yield current
                current = TaggedRecord(number)
            _medline_line(current, part, parsed, number)
        if current is not None:
            current.lines.append(raw)  # a collapsed record keeps its one line
    if current is not None:
        yield current


def _medline_line(record: TaggedRecord, line: str, parsed: Field | None, number: int) -> None:
    if parsed is not None:
        record.pairs.append(parsed)
    elif not record.pairs:
        _warn_once(record, f"line {number}: text before the first tag ignored: {line[:40]!r}")
    else:
        if line[0] not in " \t":
            _warn_once(record, f"line {number}: neither a tag line nor indented; joined to "
                               f"{record.pairs[-1][0]}")
        record.continue_field(line.strip(), " ")


def _warn_once(record: TaggedRecord, message: str) -> None:
    """One warning per kind and record: a long run of odd lines must not flood the report."""
    kind = message.split(": ", 1)[1][:12]
    if not any(w.split(": ", 1)[-1].startswith(kind) for w in record.warnings):
        record.warnings.append(message)


def by_tag(pairs: list[Field]) -> dict[str, list[str]]:
    """Non-empty values per tag, in file order."""
    values: dict[str, list[str]] = {}
    for tag, value in pairs:
        if value:
            values.setdefault(tag, []).append(value)
    return values


def first(values: dict[str, list[str]], tags: tuple[str, ...]) -> str | None:
    """The first value of the first tag present: earlier tags win."""
    for tag in tags:
        if tag in values:
            return values[tag][0]
    return None


def first_tag(values: dict[str, list[str]], tags: tuple[str, ...]) -> list[str]:
    """All values of the first tag present (files repeat AU as A1, they do not mix them)."""
    for tag in tags:
        if tag in values:
            return values[tag]
    return []


def issns(text: str) -> list[str]:
    """Every ISSN in the text as `1234-567X` (SN and IS lines add `(Print)` and the like)."""
    return [f"{head}-{tail.upper()}" for head, tail in _ISSN.findall(text)]


def isbn13(value: str) -> str | None:
    """An ISBN as 13 digits (formats.md §12.5); ISBN-10s get the 978 prefix and a new check."""
    chars = _ISBN_CHARS.sub("", value).upper()
    if len(chars) == 13 and chars.isdigit():
        return chars
    if len(chars) != 10 or not chars[:9].isdigit():
        return None
    core = "978" + chars[:9]
    total = sum(int(digit) * (3 if index % 2 else 1) for index, digit in enumerate(core))
    return core + str((10 - total % 10) % 10)


def year_only(value: str) -> dict[str, Any] | None:
    """The last resort for a date no grammar reads: its year, so the record keeps one."""
    match = _YEAR.search(value)
    return {"date_parts": [[int(match.group(1))]], "raw": value} if match else None


def unknown_tags(pairs: list[Field], known: Container[str]) -> list[str]:
    """One warning per record naming the tags no map knows (their values stay in the raw)."""
    unknown = sorted({tag for tag, _ in pairs if tag not in known})
    return [f"unknown tags kept in the source only: {', '.join(unknown)}"] if unknown else []
