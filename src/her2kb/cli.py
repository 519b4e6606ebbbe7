"""The her2kb command line: thin click commands and the single error boundary."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

import click
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from . import __version__, cli_merge, parsers, render
from .app import App
from .cli_dedup import dedup
from .cli_export import export, formats
from .db import merges
from .db import repository as repo
from .db.engine import default_path
from .db.stored import stored_records
from .errors import Her2kbError, QueryError
from .ingest import FileReport, ingest_file, iter_inputs
from .search import search

RAISE_ENV = "HER2KB_RAISE_ERRORS"


class Her2kbGroup(click.Group):
    """Turns expected errors into one-line messages; bugs re-raise under --debug or tests."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except QueryError as exc:
            raise click.UsageError(str(exc)) from exc
        except Her2kbError as exc:
            raise click.ClickException(str(exc)) from exc
        except OperationalError as exc:
            if "locked" not in str(exc.orig):
                raise self._internal(ctx, exc) from None
            raise click.ClickException(
                "the library is busy: another her2kb is writing to it; try again when it is done"
            ) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort, BrokenPipeError):
            raise
        except Exception as exc:
            raise self._internal(ctx, exc) from None

    @staticmethod
    def _internal(ctx: click.Context, exc: Exception) -> Exception:
        """A bug: re-raised under --debug or tests, else one line (SQL errors can be huge)."""
        app = ctx.obj
        if (isinstance(app, App) and app.debug) or os.environ.get(RAISE_ENV):
            return exc
        first = (str(exc).splitlines() or [""])[0][:200]
        return click.ClickException(
            f"internal error ({type(exc).__name__}: {first}); rerun with --debug and report it"
        )


@click.group(cls=Her2kbGroup)
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Library file (default: $HER2KB_DB, else her2kb.sqlite in your data folder).")
@click.option("--debug", is_flag=True, help="Show tracebacks for internal errors.")
@click.version_option(__version__, prog_name="her2kb")
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None, debug: bool) -> None:
    """her2kb: a citation knowledge base for the literature you collect.

    \b
    Example:
      her2kb ingest data/seeds/
      her2kb search resistance
      her2kb export --bibtex > library.bib
    """
    ctx.obj = App(db_path or default_path(), debug)


@contextmanager
def _opened(path: str) -> Iterator[BinaryIO]:
    """The input as a seekable binary file; stdin is spooled to a temporary file first."""
    if path == "-":
        with tempfile.TemporaryFile() as spool:
            shutil.copyfileobj(sys.stdin.buffer, spool)
            yield spool
        return
    try:
        handle = open(path, "rb")  # noqa: SIM115  (closed below; errors must name the file)
    except OSError as exc:
        raise Her2kbError(f"{path}: cannot read ({exc.strerror}); check the path") from None
    with handle:
        yield handle


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", default="auto", metavar="NAME",
              type=click.Choice([*(n for f in parsers.formats() for n in (f.name, *f.aliases)),
                                 "auto"], case_sensitive=False),
              help="Skip detection and read every input with this reader (see `formats`).")
@click.option("--json", "as_json", is_flag=True, help="One JSON report on stdout.")
@click.option("-v", "--verbose", is_flag=True,
              help="Also print each reader warning and the fields each record lacks.")
@click.pass_obj
def ingest(app: App, paths: tuple[str, ...], fmt: str, as_json: bool, verbose: bool) -> None:
    """Read reference files, folders (recursively) or - (stdin) into the library.

    Each file goes in as one transaction; a file already ingested adds nothing.

    \b
    Example:
      her2kb ingest data/seeds/
      her2kb ingest --format endnote export.enw
    """
    engine = app.engine(create=True)
    # The library itself, its -wal/-shm and backups may sit in the folder being ingested.
    library = str(app.db_path.resolve())
    files = [f for f in iter_inputs(list(paths))
             if f == "-" or not str(Path(f).resolve()).startswith(library)]
    reports: list[FileReport] = []
    with render.progress(len(files)) as advance:
        for origin in files:
            try:
                with _opened(origin) as handle:
                    reports.append(
                        ingest_file(engine, handle, origin, None if fmt == "auto" else fmt)
                    )
            except Her2kbError as exc:
                reports.append(FileReport(origin, error=str(exc)))
            advance()
    for report in reports:
        for line in ([report.error] if report.error else []) + report.problems:
            render.problem(line)
        for line in report.warnings if verbose else ():
            render.problem(f"warning: {line}")
        # Warnings are listed only with -v; without it only a problem overflow is news.
        if report.problems_cut or (verbose and report.notes_not_kept):
            render.problem(f"{report.origin}: {report.notes_not_kept} more problems and warnings "
                           "not listed; fix the ones above and ingest the file again")
        for line in report.lacking if verbose else ():
            render.problem(f"note: {line}")
        if verbose and report.records_lacking > len(report.lacking):
            render.problem(f"note: {report.origin}: {report.records_lacking - len(report.lacking)}"
                           " more records lack fields")
    warned = sum(len(report.warnings) for report in reports)
    if warned and not verbose and not as_json:
        render.problem(f"{warned} reader warnings (missing or doubtful fields); -v lists them")
    maybe = sum(report.maybe for report in reports)
    if maybe and not as_json:
        subject = ("1 new record may duplicate a record in the library; review it" if maybe == 1
                   else f"{maybe} new records may duplicate records in the library; review them")
        render.problem(f"{subject} with: her2kb dedup")
    lacking = sum(report.records_lacking for report in reports)
    if lacking and not verbose and not as_json:
        subject = "1 record lacks" if lacking == 1 else f"{lacking} records lack"
        render.problem(f"{subject} fields a reference needs (journal, year, pages ...); "
                       "-v lists them")
    render.ingest_reports(reports, as_json)
    if any(report.failed for report in reports):
        sys.exit(1)


@cli.command("search")
@click.argument("query")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1))
@click.option("--json", "as_json", is_flag=True, help="Hits as a JSON array.")
@click.pass_obj
def search_command(app: App, query: str, limit: int, as_json: bool) -> None:
    """Ranked full-text search (stemmed; title matches rank highest).

    Words are ANDed; use OR / NOT in capitals, "quoted phrases", prefix* and
    title: author: journal: abstract: keyword: to narrow a term.

    \b
    Example:
      her2kb search resistance
      her2kb search 'title:trastuzumab "her2-positive" NOT review'
    """
    with Session(app.engine()) as session:
        hits = search(session, query, limit)
        rows = {row.id: row for row in repo.live_rows(session, [h.id for h in hits])}
        found = [(h, rows[h.id]) for h in hits]
    if as_json:
        render.echo_json([
            {"id": h.id, "key": r.citation_key, "score": -h.score, "year": r.year,
             "title": r.title, "container-title": r.container_title, "snippet": h.snippet}
            for h, r in found
        ])
        return
    render.table(("id", "key", "year", "title"),
                 [(h.id, r.citation_key, r.year, r.title) for h, r in found])


@cli.command("list")
@click.option("--json", "as_json", is_flag=True, help="Records as a JSON array.")
@click.pass_obj
def list_command(app: App, as_json: bool) -> None:
    """List every record in the library (merged-away copies are not shown).

    \b
    Example:
      her2kb list
      her2kb list --json | jq '.[].key'
    """
    with Session(app.engine()) as session:
        rows = repo.live_rows(session)
    if as_json:
        render.echo_json([
            {"id": r.id, "key": r.citation_key, "year": r.year, "title": r.title,
             "container-title": r.container_title, "DOI": r.data.get("DOI")}
            for r in rows
        ])
        return
    render.table(("id", "key", "year", "journal", "title"),
                 [(r.id, r.citation_key, r.year, r.container_title, r.title) for r in rows])


@cli.command()
@click.argument("wanted", metavar="ID|KEY")
@click.option("--json", "as_json", is_flag=True, help="The record as a CSL-JSON item.")
@click.pass_obj
def show(app: App, wanted: str, as_json: bool) -> None:
    """Show one record with its sources and cited references.

    \b
    Example:
      her2kb show nahta2012molecular
      her2kb show 3 --json
    """
    from .exporters.csljson import to_csl

    with Session(app.engine()) as session:
        row = repo.require_row(session, wanted)
        if row.merged_into is not None:
            render.problem(f"{row.citation_key} was merged into record {row.merged_into}")
        item = to_csl(stored_records(session, [row.id])[0])
        item["custom"]["merges"] = merges.merge_history(session, row.id)
    if as_json:
        render.echo_json(item)
    else:
        click.echo(render.record_text(item))


cli.add_command(export)
cli.add_command(formats)
cli.add_command(dedup)
for command in cli_merge.COMMANDS:
    cli.add_command(command)


def main() -> None:
    """Console entry point; a closed pipe (`her2kb list | head`) is not an error."""
    try:
        cli()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
