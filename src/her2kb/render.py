"""Output for people and scripts. The only importer of rich.

rich is used only when the stream is a terminal and --json is off: piped output
is plain tab-separated text (rich would wrap it at 80 columns and eat `[brackets]`).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import click

from .ingest import FileReport

INGEST_COLUMNS = ("file", "format", "new", "merged", "unchanged", "problems")


def is_terminal(stream: Any) -> bool:
    return bool(getattr(stream, "isatty", lambda: False)())


def echo_json(document: Any) -> None:
    click.echo(json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True))


def table(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """A rich table on a terminal, else a header line and tab-separated rows."""
    cells = [["" if c is None else str(c) for c in row] for row in rows]
    if is_terminal(sys.stdout):
        from rich.console import Console
        from rich.table import Table

        grid = Table(highlight=False)
        for column in columns:
            grid.add_column(column, overflow="fold")  # a path or key is never cut to "…"
        for row in cells:
            grid.add_row(*row)
        Console(highlight=False).print(grid, markup=False)
        return
    click.echo("\t".join(columns))
    for row in cells:
        click.echo("\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in row))


def clusters(views: Sequence[dict[str, Any]], labels: Sequence[str],
             names: Sequence[str]) -> None:
    """Each duplicate cluster: its reason, then its members side by side.

    On a terminal a value that differs from the first member's is highlighted; piped,
    rows are tab-separated with the cluster number first and a `*` on differing values.
    """
    columns = ("cluster", "id", "key", *labels)
    terminal = is_terminal(sys.stdout)
    if not terminal:
        click.echo("\t".join(columns))
    for number, view in enumerate(views, start=1):
        first = view["records"][0] if view["records"] else {}
        rows = []
        for record in view["records"]:
            cells = []
            for name in names:
                value = "" if record.get(name) is None else str(record[name])
                differs = record is not first and record.get(name) != first.get(name)
                cells.append((value, differs))
            rows.append((record["id"], record["key"], cells))
        heading = f"cluster {number}: confidence {view['confidence']:.2f}"
        reasons = "; ".join(dict.fromkeys(link["reason"] for link in view["links"]))
        if terminal:
            _cluster_grid(f"{heading} ({reasons})", columns[1:], rows)
            continue
        click.echo(f"# {heading}: {reasons}")
        for record_id, key, cells in rows:
            shown = [("*" if differs else "") + value.replace("\t", " ") for value, differs
                     in cells]
            click.echo("\t".join([str(number), str(record_id), key, *shown]))


def _cluster_grid(title: str, columns: Sequence[str],
                  rows: Sequence[tuple[int, str, list[tuple[str, bool]]]]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    grid = Table(title=title, title_justify="left", highlight=False)
    for column in columns:
        grid.add_column(column, overflow="fold")
    for record_id, key, cells in rows:
        grid.add_row(str(record_id), key, *(
            Text(value, style="bold yellow" if differs else "") for value, differs in cells))
    Console(highlight=False).print(grid, markup=False)


def problem(message: str) -> None:
    """A diagnostic line on stderr (never markup-parsed)."""
    click.echo(message, err=True)


def ingest_reports(reports: Sequence[FileReport], left_out: Sequence[str], as_json: bool) -> None:
    if as_json:
        echo_json({"files": [vars(r) | {"failed": r.failed} for r in reports],
                   "left_out": list(left_out)})
        return
    rows = []
    for r in reports:
        status = "already ingested" if r.skipped else (r.format or "-")
        issues = len(r.problems) + (1 if r.error else 0)
        rows.append((r.origin, status, r.new, r.merged, r.unchanged, issues))
    table(INGEST_COLUMNS, rows)


@contextmanager
def progress(total: int) -> Iterator[Any]:
    """A progress bar on stderr for long ingests at a terminal; a no-op elsewhere."""
    if total < 2 or not is_terminal(sys.stderr):
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("ingesting", total=total)
        yield lambda: bar.advance(task)


def record_text(item: dict[str, Any]) -> str:
    """A readable multi-line view of one CSL item (from exporters.csljson.to_csl)."""
    custom = item.get("custom", {})
    lines = [f"{item['citation-key']} (id {custom.get('record_id')})", ""]
    names = "; ".join(
        a.get("literal") or ", ".join(filter(None, [a.get("family"), a.get("given")]))
        for a in item.get("author", [])
    )
    if custom.get("authors_truncated"):
        names += " et al."
    issued = item.get("issued", {}).get("date-parts", [[None]])[0]
    for label, value in (
        ("type", item.get("type")), ("title", item.get("title")), ("authors", names),
        ("journal", item.get("container-title")), ("publisher", item.get("publisher")),
        ("date", "-".join(str(p) for p in issued if p)), ("volume", item.get("volume")),
        ("issue", item.get("issue")), ("pages", item.get("page")), ("DOI", item.get("DOI")),
        ("PMID", item.get("PMID")), ("PMCID", item.get("PMCID")), ("URL", item.get("URL")),
        ("keywords", item.get("keyword")),
    ):
        if value:
            lines.append(f"{label:10} {value}")
    for heading, key in (("publication types", "publication_types"), ("substances", "substances")):
        if custom.get(key):
            lines.append(f"{heading:10} {'; '.join(custom[key])}")
    if item.get("abstract"):
        lines += ["", "abstract", item["abstract"]]
    if custom.get("mesh"):
        lines += ["", "MeSH"] + [
            f"  {m['descriptor']}" + (f" / {m['qualifier']}" if m.get("qualifier") else "")
            + (" *" if m.get("major") else "")
            for m in custom["mesh"]
        ]
    if custom.get("references"):
        lines += ["", f"references ({len(custom['references'])})"] + [
            f"  {r.get('title')} — {r.get('container-title')}, {r.get('year')}"
            + (f"  [record {r['record_id']}]" if r.get("record_id") else "")
            for r in custom["references"]
        ]
    lines += ["", "sources"] + [
        f"  {s['format']}\t{s['origin']}\t{s['sha256'][:12]}" for s in custom.get("sources", [])
    ]
    if custom.get("alternatives"):
        lines += ["", "alternatives (values other sources gave)"] + [
            f"  {a['field']:10} {json.dumps(a['value'], ensure_ascii=False)}"
            for a in custom["alternatives"]
        ]
    if custom.get("merges"):
        lines += ["", "merges (her2kb undo-merge MERGE)"] + [
            f"  merge {m['merge']}: record {m['absorbed']} by {m['rule']}"
            + (f" ({m['score']:.2f})" if m.get("score") is not None else "")
            + (f", undone {m['undone_at']}" if m.get("undone_at") else "")
            for m in custom["merges"]
        ]
    return "\n".join(lines)
