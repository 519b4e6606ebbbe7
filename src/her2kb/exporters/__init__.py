"""The export registry: every output format is an `Exporter` with a pure `export`.

`export(items)` turns stored records into the text of one file. It does no I/O and
prints nothing, and its output is deterministic (fixed field order, `\\n` line ends,
sorted JSON keys), so goldens and round-trip tests can compare bytes. The CLI builds
one flag per exporter (`--bibtex`, `--csl-json`, ...) from `names()`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from ..errors import ExportError
from ..records import StoredRecord

Export = Callable[[Sequence[StoredRecord]], str]
# Batches of records in, pieces of text out: "".join(stream([a, b])) == export(a + b).
Stream = Callable[[Iterable[Sequence[StoredRecord]]], Iterator[str]]


@dataclass(frozen=True)
class Exporter:
    """An output format: its CLI name, a one-line description, a file suffix, the writer."""

    name: str
    description: str
    suffix: str
    export: Export
    # Record attributes the format can hold; the round-trip tests compare only these.
    carries: frozenset[str] = field(default=frozenset())
    # `--encoding ascii`: the same format with LaTeX macros instead of UTF-8 (BibTeX family).
    export_ascii: Export | None = None
    aliases: tuple[str, ...] = ()
    # Set for formats that are entries one after another: export(A + B) is
    # export(A) + joiner + export(B), so the CLI can write a large library in batches.
    joiner: str | None = None
    # Set for framed formats (a JSON array, a CSV header): the same text as `export`,
    # written batch by batch, so a large export needs no more memory than a batch.
    stream: Stream | None = None


# Modules that define EXPORTER, in the order `formats` lists them. One line per format.
BUILTIN = (
    "her2kb.exporters.bibtex",
    "her2kb.exporters.csljson",
    "her2kb.exporters.csv",
    "her2kb.exporters.jsonl",
    "her2kb.exporters.ris",
    "her2kb.exporters.medline",
    "her2kb.exporters.biblatex",
    "her2kb.exporters.endnote",
)


def exporters() -> list[Exporter]:
    return [importlib.import_module(module).EXPORTER for module in BUILTIN]


def names() -> list[str]:
    return [exporter.name for exporter in exporters()]


def get(name: str) -> Exporter:
    """Look an exporter up by name; an unknown name is an ExportError listing the choices."""
    wanted = name.lower()
    for exporter in exporters():
        if wanted == exporter.name or wanted in exporter.aliases:
            return exporter
    raise ExportError(f"unknown export format {name!r}; choose one of: {', '.join(names())}")


def check_keys(items: Iterable[StoredRecord]) -> None:
    """Refuse two records with one citation key: both BibTeX and CSL-JSON need them unique."""
    seen: dict[str, int] = {}
    for item in items:
        if item.key in seen:
            raise ExportError(
                f"records {seen[item.key]} and {item.id} share the citation key {item.key!r}; "
                "give one of them a new key before exporting"
            )
        seen[item.key] = item.id
