"""`export` and `formats`: the commands built from the two registries."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO, TypeVar

import click
from sqlalchemy.orm import Session

from . import exporters, parsers, render
from .app import App
from .db import repository as repo
from .db.stored import stored_records
from .errors import ExportError
from .records import StoredRecord
from .search import search

ALL_HITS = 1_000_000_000
EXPORT_BATCH = 1000
# The user-facing style names (bibliography.STYLES); listed here so --help needs no citeproc.
STYLE_NAMES = ["vancouver", "apa", "ama", "ieee", "harvard"]
F = TypeVar("F", bound=Callable[..., Any])


FLAGS_SEEN = "her2kb_format_flags"


def _remember_flag(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """Each format flag is its own option, so two of them can be told apart and refused."""
    if value and param.name:
        ctx.meta.setdefault(FLAGS_SEEN, []).append(
            param.name.removeprefix("as_").replace("_", "-"))


def _format_flags(command: F) -> F:
    """One flag per exporter (`--bibtex`, `--csl-json` ...), built from the registry."""
    for exporter in reversed(exporters.exporters()):
        command = click.option(
            f"--{exporter.name}", "as_" + exporter.name.replace("-", "_"), is_flag=True,
            expose_value=False,
            callback=_remember_flag, help=exporter.description,
        )(command)
    return command


def _select(session: Session, query: str | None, ids: tuple[int, ...],
            keys: tuple[str, ...]) -> list[int]:
    """Ids of live rows: every one, those matching QUERY (ranked), or --id/--key in order."""
    if ids or keys:
        chosen = []
        for wanted in [str(i) for i in ids] + list(keys):
            chosen.append(repo.require_row(session, wanted).id)
        return chosen
    if query is None:
        return repo.live_ids(session)
    return [hit.id for hit in search(session, query, ALL_HITS)]


@contextmanager
def _sink(output: Path | None) -> Iterator[TextIO]:
    """stdout, or a file that appears whole: written beside it and renamed at the end."""
    if output is None:
        yield sys.stdout
        return
    partial = output.with_name(f".{output.name}.partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as handle:
            yield handle
        os.replace(partial, output)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ExportError(f"cannot write {output} ({exc.strerror}); check the path") from None


@dataclass(frozen=True)
class Writer:
    """How the chosen output is produced: all at once, entry batches, or a framed stream."""

    write: Callable[[Sequence[StoredRecord]], str]
    joiner: str | None = None  # entry formats: batches joined by this
    stream: exporters.Stream | None = None  # framed formats written batch by batch


def _writer(fmt: str | None, format_name: str | None, style: str | None, to: str,
            encoding: str) -> Writer:
    """The chosen writer; conflicting choices are usage errors."""
    if fmt and format_name and fmt != format_name:
        raise click.UsageError(f"--{fmt} and --format {format_name} disagree; give one")
    chosen = fmt or format_name
    if style:
        if chosen:
            raise click.UsageError("--style writes a reference list; drop the format flag")
        from . import bibliography

        return Writer(lambda items: bibliography.render(items, style, to))
    if not chosen:
        flags = ", ".join("--" + n for n in exporters.names())
        raise click.UsageError(f"choose a format ({flags}) or a --style")
    try:
        exporter = exporters.get(chosen)
    except ExportError as exc:
        raise click.UsageError(str(exc)) from None
    if encoding == "ascii":
        if exporter.export_ascii is None:
            raise click.UsageError(f"--encoding ascii is for the BibTeX family, not {chosen}")
        return Writer(exporter.export_ascii, exporter.joiner)
    return Writer(exporter.export, exporter.joiner, exporter.stream)


@click.command()
@click.argument("query", required=False)
@_format_flags
@click.option("--format", "format_name", metavar="NAME",
              help=f"Export format by name ({', '.join(exporters.names())}).")
@click.option("--style", type=click.Choice(STYLE_NAMES),
              help="A formatted reference list in this citation style.")
@click.option("--to", type=click.Choice(["text", "html", "markdown"]), default="text",
              show_default=True, help="Markup of a --style reference list.")
@click.option("--encoding", type=click.Choice(["utf-8", "ascii"]), default="utf-8",
              show_default=True, help="ascii: LaTeX macros for non-ASCII (BibTeX family).")
@click.option("--id", "ids", type=int, multiple=True, help="Export this record (repeatable).")
@click.option("--key", "keys", multiple=True, help="Export the record with this citation key "
              "(repeatable).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of stdout.")
@click.pass_obj
def export(app: App, query: str | None, format_name: str | None, style: str | None, to: str,
           encoding: str, ids: tuple[int, ...], keys: tuple[str, ...],
           output: Path | None) -> None:
    """Write the library, the records matching QUERY, or chosen records.

    \b
    Example:
      her2kb export --bibtex > library.bib
      her2kb export --csl-json -o resistance.json resistance
      her2kb export --ris --key nahta2012molecular --id 4
      her2kb export --style vancouver --to markdown trastuzumab
    """
    flags = click.get_current_context().meta.get(FLAGS_SEEN, [])
    if len(flags) > 1:
        raise click.UsageError(f"give one format, not --{' and --'.join(flags)}")
    writer = _writer(flags[0] if flags else None, format_name, style, to, encoding)
    if query is not None and (ids or keys):
        raise click.UsageError("give a QUERY or --id/--key, not both")
    with Session(app.engine()) as session, _sink(output) as out:
        chosen = _select(session, query, ids, keys)
        # Entry formats and framed ones (CSL-JSON, CSV) go out a batch at a time, in bounded
        # memory; a reference list needs every record at once (numbering, year suffixes).
        batched = writer.joiner is not None or writer.stream is not None
        size = EXPORT_BATCH if batched else max(len(chosen), 1)
        batches = (stored_records(session, chosen[start:start + size])
                   for start in range(0, len(chosen), size))
        if writer.stream is not None:
            for text in writer.stream(batches):
                out.write(text)
        else:
            for number, items in enumerate(batches):
                out.write(("" if number == 0 else writer.joiner or "") + writer.write(items))
            if not chosen:
                out.write(writer.write([]))
    written = len(chosen)  # ids read in this session: every one of them is stored
    if output is not None:
        render.problem(f"wrote {written} record{'' if written == 1 else 's'} to {output}")


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Readers and writers as JSON.")
def formats(as_json: bool) -> None:
    """List the input readers and export formats.

    \b
    Example:
      her2kb formats
    """
    rows = [("reader", f.name, " ".join(f.suffixes), f.description) for f in parsers.formats()]
    rows += [("writer", e.name, e.suffix, e.description) for e in exporters.exporters()]
    if as_json:
        render.echo_json([dict(zip(("kind", "name", "suffixes", "description"), r, strict=True))
                          for r in rows])
        return
    render.table(("kind", "name", "suffixes", "description"), rows)
