"""`export` and `formats`: the commands built from the two registries."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from sqlalchemy.orm import Session

from . import exporters, parsers, render
from .app import App
from .db import repository as repo
from .db.stored import stored_records
from .errors import ExportError
from .search import search

ALL_HITS = 1_000_000_000
F = TypeVar("F", bound=Callable[..., Any])


def _format_flags(command: F) -> F:
    """One flag per exporter (`--bibtex`, `--csl-json` ...) on the shared `fmt` parameter."""
    for exporter in reversed(exporters.exporters()):
        command = click.option(
            f"--{exporter.name}", "fmt", flag_value=exporter.name, help=exporter.description
        )(command)
    return command


@click.command()
@click.argument("query", required=False)
@_format_flags
@click.option("--format", "format_name", metavar="NAME",
              help=f"Export format by name ({', '.join(exporters.names())}).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of stdout.")
@click.pass_obj
def export(app: App, query: str | None, fmt: str | None, format_name: str | None,
           output: Path | None) -> None:
    """Write the library, or the records matching QUERY, as BibTeX, CSL-JSON ...

    \b
    Example:
      her2kb export --bibtex > library.bib
      her2kb export --csl-json -o resistance.json resistance
    """
    if fmt and format_name and fmt != format_name:
        raise click.UsageError(f"--{fmt} and --format {format_name} disagree; give one")
    chosen = fmt or format_name
    if not chosen:
        raise click.UsageError(
            f"choose a format: {', '.join('--' + n for n in exporters.names())}"
        )
    try:
        exporter = exporters.get(chosen)
    except ExportError as exc:
        raise click.UsageError(str(exc)) from None
    with Session(app.engine()) as session:
        if query is None:
            rows = repo.live_rows(session)
        else:
            ids = [hit.id for hit in search(session, query, ALL_HITS)]
            by_id = {row.id: row for row in repo.live_rows(session, ids)}
            rows = [by_id[i] for i in ids if i in by_id]
        items = stored_records(session, rows)
    text = exporter.export(items)
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        render.problem(f"wrote {len(items)} records to {output}")


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
