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
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from . import __version__, cli_merge, cli_records, parsers, render
from .app import App
from .cli_dedup import dedup
from .cli_export import export, formats
from .db.engine import default_path
from .errors import Her2kbError, QueryError
from .ingest import FileReport, ingest_file
from .inputs import gather_inputs

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
        if shows_tracebacks(ctx.obj):
            return exc
        return click.ClickException(f"internal error ({bug_summary(exc)}); rerun with --debug "
                                    "and report it")


def shows_tracebacks(app: object) -> bool:
    return (isinstance(app, App) and app.debug) or bool(os.environ.get(RAISE_ENV))


def bug_summary(exc: Exception) -> str:
    """`IndexError: list index out of range`: the first line only (SQL errors can be huge)."""
    return f"{type(exc).__name__}: {(str(exc).splitlines() or [''])[0][:200]}"


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
    inputs = gather_inputs(list(paths))
    files = [f for f in inputs.files
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
            except SQLAlchemyError:
                raise  # the library itself is at fault: no other file can go in either
            except Exception as exc:  # a reader's bug: this file is left out, the rest go in
                if shows_tracebacks(app):
                    raise
                reports.append(FileReport(origin, error=(
                    f"{origin}: internal error while reading it ({bug_summary(exc)}); nothing "
                    "of it was stored; rerun with --debug and report it")))
            advance()
    for line in inputs.left_out:
        render.problem(line)
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
    render.ingest_reports(reports, inputs.left_out, as_json)
    if any(report.failed for report in reports):
        sys.exit(1)


cli.add_command(export)
cli.add_command(formats)
cli.add_command(dedup)
for command in (*cli_records.COMMANDS, *cli_merge.COMMANDS):
    cli.add_command(command)


def main() -> None:
    """Console entry point; a closed pipe (`her2kb list | head`) is not an error."""
    try:
        cli()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
