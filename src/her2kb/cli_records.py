"""`search`, `list` and `show`: the commands that read the library."""

from __future__ import annotations

import click
from sqlalchemy.orm import Session

from . import render
from .app import App
from .db import merges
from .db import repository as repo
from .db.stored import stored_records
from .search import search


@click.command("search")
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


@click.command("list")
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


@click.command()
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


COMMANDS = (search_command, list_command, show)
