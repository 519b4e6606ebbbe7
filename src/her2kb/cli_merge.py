"""Commands that change which records are one work: merge, undo-merge, not-duplicate;
and the citation links between works: cites, cited-by."""

from __future__ import annotations

import click
from sqlalchemy.orm import Session

from . import render
from .app import App
from .db import citations, merges
from .db import repository as repo


def _record_id(session: Session, wanted: str) -> int:
    return repo.require_row(session, wanted).id


@click.command()
@click.argument("records", nargs=-1, required=True, metavar="ID|KEY ID|KEY...")
@click.option("--json", "as_json", is_flag=True, help="The survivor and merge ids as JSON.")
@click.pass_obj
def merge(app: App, records: tuple[str, ...], as_json: bool) -> None:
    """Merge records you know are one work into the best of them (undoable).

    The survivor is the record with the most identifiers, then the most fields, then the
    oldest; it keeps its citation key, takes the fields it lacks, and keeps every
    differing value as an alternative. Every source stays linked.

    \b
    Example:
      her2kb merge 4 9
      her2kb merge nahta2012molecular nahta2012moleculara
    """
    if len(records) < 2:
        raise click.UsageError("give at least two records to merge")
    with app.writing() as session:
        ids = [_record_id(session, wanted) for wanted in records]
        survivor, merge_ids = merges.merge_cluster(session, ids, "by hand", None)
    if as_json:
        render.echo_json({"survivor": survivor, "merges": merge_ids})
        return
    absorbed = [i for i in dict.fromkeys(ids) if i != survivor]
    click.echo(f"merged {', '.join(map(str, absorbed))} into {survivor} "
               f"(merge {', '.join(map(str, merge_ids))})")
    render.problem(f"undo with: her2kb undo-merge {merge_ids[-1]}")


@click.command("undo-merge")
@click.argument("merge_id", type=int, metavar="MERGE_ID")
@click.pass_obj
def undo_merge(app: App, merge_id: int) -> None:
    """Restore both records of a merge exactly as they were before it.

    MERGE_ID is printed by `merge` and `dedup --apply`, and listed by `show`.

    \b
    Example:
      her2kb undo-merge 12
    """
    with app.writing() as session:
        entry = merges.undo_merge(session, merge_id)
        survivor, absorbed = entry.survivor_id, entry.absorbed_id
    click.echo(f"undid merge {merge_id}: records {survivor} and {absorbed} are apart again")


@click.command("not-duplicate")
@click.argument("first", metavar="ID|KEY")
@click.argument("second", metavar="ID|KEY")
@click.pass_obj
def not_duplicate(app: App, first: str, second: str) -> None:
    """Remember that two records are different works: dedup never proposes them again.

    \b
    Example:
      her2kb not-duplicate 4 9
    """
    with app.writing() as session:
        a, b = _record_id(session, first), _record_id(session, second)
        added = merges.mark_not_duplicate(session, a, b)
    click.echo(f"records {a} and {b}: {'noted' if added else 'already noted'} "
               "as different works")


@click.command()
@click.argument("wanted", metavar="ID|KEY")
@click.option("--json", "as_json", is_flag=True, help="The references as a JSON array.")
@click.pass_obj
def cites(app: App, wanted: str, as_json: bool) -> None:
    """The works a record cites, in its order, with the library record each resolved to.

    \b
    Example:
      her2kb cites 1
    """
    with Session(app.engine()) as session:
        works = citations.cited_works(session, _record_id(session, wanted))
    if as_json:
        render.echo_json([vars(work) for work in works])
        return
    render.table(("#", "year", "title", "journal", "in library"),
                 [(w.position, w.year, w.title, w.container_title,
                   f"{w.record_id} {w.key}" if w.record_id else "") for w in works])


@click.command("cited-by")
@click.argument("wanted", metavar="ID|KEY")
@click.option("--json", "as_json", is_flag=True, help="The citing records as a JSON array.")
@click.pass_obj
def cited_by(app: App, wanted: str, as_json: bool) -> None:
    """The library records whose reference lists cite this record.

    \b
    Example:
      her2kb cited-by 3
    """
    with Session(app.engine()) as session:
        rows = citations.citing_records(session, _record_id(session, wanted))
    if as_json:
        render.echo_json([{"id": r.id, "key": r.citation_key, "year": r.year, "title": r.title}
                          for r in rows])
        return
    render.table(("id", "key", "year", "title"),
                 [(r.id, r.citation_key, r.year, r.title) for r in rows])


COMMANDS = (merge, undo_merge, not_duplicate, cites, cited_by)
