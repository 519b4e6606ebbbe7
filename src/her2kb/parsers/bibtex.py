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
4. fields and entry types mapped onto the Record, BibTeX and BibLaTeX alike
   (`_bibtex_map`).

A duplicate citation key is a warning, not a lost record: her2kb makes its own keys,
and two entries that share one in a real file are usually two works.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

from . import InputFormat, ParsedEntry, ParseProblem, build_entry, text_parser
from ._bibtex_map import to_fields
from ._bibtex_values import resolve

if TYPE_CHECKING:
    from bibtexparser.model import Entry

BATCH_BLOCKS = 64  # blocks per bibtexparser call: bounded memory, little call overhead

_BLOCK_START = re.compile(r"[ \t]*@\w*[ \t]*[{(]")
_DETECT = re.compile(r"^\s*@[A-Za-z]+\s*[{(]", re.MULTILINE)


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
