"""`her2kb dedup`: find clusters of records that are one work, show them, or merge them."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from typing import Any

import click
from sqlalchemy.orm import Session

from . import render
from .app import App
from .db import merges
from .db.stored import documents, live_documents
from .dedup import REVIEW, SURE, Cluster, MatchKeys, find_clusters, keys_for
from .errors import Her2kbError

# The fields shown side by side for each member of a cluster, as CSL-JSON names them.
SHOWN = (("year", "year"), ("journal", "container-title"), ("volume", "volume"),
         ("issue", "issue"), ("pages", "page"), ("DOI", "DOI"), ("PMID", "PMID"),
         ("title", "title"))


def _match_fields(year: int | None, data: dict[str, Any]) -> dict[str, Any]:
    """What the matcher reads, from a stored document, without building a Record."""
    return {"title": data.get("title"), "author": data.get("author"), "year": year,
            "container-title": data.get("container-title"),
            "container-title-short": data.get("container-title-short"),
            "volume": data.get("volume"),
            "page": data.get("page") or data.get("page-as-printed") or data.get("number"),
            "DOI": data.get("DOI"), "PMID": data.get("PMID"), "PMCID": data.get("PMCID"),
            "publication_types": data.get("publication-types") or ()}


def library_keys(session: Session) -> Iterator[tuple[int, MatchKeys]]:
    """Match keys of every live record, read straight from the stored JSON."""
    for record_id, year, text in live_documents(session):
        yield record_id, keys_for(_match_fields(year, json.loads(text)))


def _members(session: Session, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    found = {}
    for record_id, (key, year, text) in documents(session, ids).items():
        data = json.loads(text)
        found[record_id] = {"id": record_id, "key": key, "year": year} | {
            name: data.get(name) for _, name in SHOWN if name != "year"}
    return found


def _reasons(cluster: Cluster) -> str:
    return "; ".join(dict.fromkeys(edge.link.reason for edge in cluster.links))


def _view(cluster: Cluster, members: dict[int, dict[str, Any]]) -> dict[str, Any]:
    return {"members": cluster.members, "confidence": round(cluster.confidence, 4),
            "links": [{"a": e.a, "b": e.b, "score": round(e.link.score, 4),
                       "reason": e.link.reason} for e in cluster.links],
            "records": [members[i] for i in cluster.members if i in members]}


@click.command()
@click.option("--apply", is_flag=True,
              help="Merge every cluster at or above --min-confidence, one transaction each.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help=f"Weakest link a cluster may hold [default: {REVIEW} to review, "
                   f"{SURE} with --apply].")
@click.option("--json", "as_json", is_flag=True, help="Clusters (members, links, reasons) as JSON.")
@click.pass_obj
def dedup(app: App, apply: bool, min_confidence: float | None, as_json: bool) -> None:
    """Find records that are one work: review the clusters, or merge them with --apply.

    Records are compared only within blocks (shared identifier, first author and year,
    title start, journal volume and page), scored on title, authors, year, journal,
    volume and pages, and kept apart by vetoes (conflicting identifiers, different
    pages, erratum or comment vs article, HER2-positive vs -negative, part 1 vs 2).
    Pairs marked with `not-duplicate` are never proposed. Every merge can be undone.

    \b
    Example:
      her2kb dedup
      her2kb dedup --json | jq '.[0].links'
      her2kb dedup --apply
    """
    threshold = min_confidence if min_confidence is not None else (SURE if apply else REVIEW)
    with Session(app.engine()) as session:
        clusters = find_clusters(library_keys(session), min_confidence=threshold,
                                 not_duplicates=merges.not_duplicates(session))
        members = _members(session, [i for c in clusters for i in c.members])
    views = [_view(cluster, members) for cluster in clusters]
    if apply:
        _apply(app, clusters, views, as_json)
    elif as_json:
        render.echo_json(views)
    else:
        render.clusters(views, [label for label, _ in SHOWN],
                        [name for _, name in SHOWN])
        render.problem(f"{len(clusters)} clusters at confidence {threshold} or more; "
                       "merge them with --apply, or a pair with `her2kb merge`")


def _apply(app: App, clusters: list[Cluster], views: list[dict[str, Any]],
           as_json: bool) -> None:
    done: list[dict[str, Any]] = []
    failed = 0
    for cluster, view in zip(clusters, views, strict=True):
        try:
            with app.writing() as session:
                survivor, merge_ids = merges.merge_cluster(
                    session, cluster.members, f"dedup: {_reasons(cluster)}", cluster.confidence)
        except Her2kbError as exc:  # a member changed since the clusters were found
            render.problem(f"cluster {cluster.members}: not merged ({exc})")
            failed += 1
            continue
        done.append(view | {"survivor": survivor, "merges": merge_ids})
    if as_json:
        render.echo_json(done)
    else:
        _merged_table(done)
    if failed:
        sys.exit(1)  # the merges that went in stay; the ones named above did not


def _merged_table(done: list[dict[str, Any]]) -> None:
    render.table(("survivor", "merged", "merge ids", "confidence"),
                 [(v["survivor"], " ".join(str(i) for i in v["members"] if i != v["survivor"]),
                   " ".join(map(str, v["merges"])), v["confidence"]) for v in done])
    absorbed = sum(len(v["members"]) - 1 for v in done)
    render.problem(f"merged {absorbed} records in {len(done)} clusters; "
                   "undo one with: her2kb undo-merge MERGE")
