"""Merging live records, undoing a merge, and pairs a person said are different works.

A merge never deletes: the absorbed record keeps its row, its sources and its own JSON,
and is marked `merged_into` the survivor. The survivor's state before the merge is in
`merge_log.before`, and the values it did not take are alternatives tied to the merge,
so an undo puts both records back exactly as they were.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from ..errors import MergeError, NotFoundError
from ..merge import MergeOutcome, merge_records
from ..records import Record
from . import citations
from . import repository as repo
from .tables import (
    AlternativeRow,
    CitationRow,
    MergeLogRow,
    NotDuplicateRow,
    RecordRow,
    RecordSourceRow,
)


def _live(session: Session, record_id: int) -> RecordRow:
    row = session.get(RecordRow, record_id)
    if row is None:
        raise NotFoundError(f"no record with id {record_id}; see `her2kb list`")
    if row.merged_into is not None:
        raise MergeError(f"record {record_id} was merged into record {row.merged_into}; "
                         f"use {row.merged_into}, or undo that merge first")
    return row


def master_order(records: Iterable[tuple[int, Record]]) -> list[int]:
    """Ids best first: most identifiers, then most fields filled, then the oldest."""
    def rank(item: tuple[int, Record]) -> tuple[int, int, int]:
        record_id, record = item
        identifiers = sum(1 for value in (record.doi, record.pmid, record.pmcid) if value)
        filled = sum(1 for name in Record.model_fields
                     if getattr(record, name) not in (None, [], False, ""))
        return (-identifiers, -filled, record_id)

    return [record_id for record_id, _ in sorted(records, key=rank)]


def merge_pair(session: Session, survivor_id: int, absorbed_id: int, rule: str,
               score: float | None) -> int:
    """Merge one live record into another inside the caller's transaction: the merge id."""
    if survivor_id == absorbed_id:
        raise MergeError(f"record {survivor_id} cannot be merged with itself")
    survivor, absorbed = _live(session, survivor_id), _live(session, absorbed_id)
    kept, incoming = repo.load_record(survivor), repo.load_record(absorbed)
    first_source = session.scalar(
        select(RecordSourceRow.source_id).where(RecordSourceRow.record_id == absorbed_id)
        .order_by(RecordSourceRow.source_id, RecordSourceRow.entry_index).limit(1))
    return absorb(session, survivor, absorbed_id, kept, merge_records(kept, incoming),
                  first_source, rule, score)


def absorb(session: Session, survivor: RecordRow, absorbed_id: int, kept: Record,
           outcome: MergeOutcome, source_id: int | None, rule: str,
           score: float | None) -> int:
    """Record a merge already worked out (`outcome` of `kept` with the absorbed record),
    for `merge`, `dedup --apply` and ingest alike: the merge id."""
    merge_id = repo.log_merge(session, survivor, absorbed_id, rule, score, outcome.record)
    repo.mark_merged(session, absorbed_id, survivor.id)
    repo.add_alternatives(session, survivor.id, outcome.alternatives, source_id, merge_id)
    if outcome.changed:
        repo.update_record(session, survivor.id, outcome.record)
        added = citations.citation_dicts(survivor.id, outcome.record,
                                         start=len(kept.references))
        if added:
            citations.insert_citations(session, added)
            citations.resolve_references_of(session, survivor.id)
        # The survivor may now carry the DOI or title another record's reference names.
        citations.resolve_citations(session, [citations.citable(survivor.id, outcome.record)])
    return merge_id


def merge_cluster(session: Session, ids: Sequence[int], rule: str,
                  score: float | None) -> tuple[int, list[int]]:
    """Merge every record of a cluster into its best member: (survivor, merge ids)."""
    rows = [_live(session, record_id) for record_id in dict.fromkeys(ids)]
    if len(rows) < 2:
        raise MergeError("a merge needs at least two different live records")
    order = master_order((row.id, repo.load_record(row)) for row in rows)
    survivor = order[0]
    return survivor, [merge_pair(session, survivor, other, rule, score) for other in order[1:]]


def undo_merge(session: Session, merge_id: int) -> MergeLogRow:
    """Put the survivor back as it was before `merge_id` and the absorbed record back to life.

    Only the survivor's latest merge can be undone, and only while the survivor is live:
    a later merge was made on top of it.
    """
    entry = session.get(MergeLogRow, merge_id)
    if entry is None:
        raise NotFoundError(f"no merge {merge_id}; `her2kb show ID` lists a record's merges")
    if entry.undone_at is not None:
        raise MergeError(f"merge {merge_id} was already undone at {entry.undone_at}")
    later = session.scalar(
        select(func.max(MergeLogRow.id)).where(MergeLogRow.survivor_id == entry.survivor_id,
                                               MergeLogRow.undone_at.is_(None)))
    if later != merge_id:
        raise MergeError(f"merge {later} into record {entry.survivor_id} came later; "
                         f"undo it first (her2kb undo-merge {later})")
    survivor = session.get(RecordRow, entry.survivor_id)
    if survivor is not None and survivor.merged_into is not None:
        # Its values, the absorbed record's among them, now live on in another record.
        later = session.scalar(select(func.max(MergeLogRow.id)).where(
            MergeLogRow.absorbed_id == entry.survivor_id, MergeLogRow.undone_at.is_(None)))
        raise MergeError(f"record {entry.survivor_id} was itself merged into record "
                         f"{survivor.merged_into} later; undo that first "
                         f"(her2kb undo-merge {later})")
    before = Record.model_validate(entry.before)
    repo.update_record(session, entry.survivor_id, before)
    session.execute(delete(CitationRow).where(CitationRow.citing_id == entry.survivor_id,
                                              CitationRow.position > len(before.references)))
    session.execute(delete(AlternativeRow).where(AlternativeRow.merge_id == merge_id))
    session.execute(update(RecordRow).where(RecordRow.id == entry.absorbed_id)
                    .values(merged_into=None, updated_at=repo.now()))
    entry.undone_at = repo.now()
    return entry


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def mark_not_duplicate(session: Session, a: int, b: int) -> bool:
    """Remember that two records are different works; False if it was already known."""
    if a == b:
        raise MergeError(f"record {a} is the same record; give two different ids")
    for record_id in (a, b):
        if session.get(RecordRow, record_id) is None:
            raise NotFoundError(f"no record with id {record_id}; see `her2kb list`")
    low, high = _pair(a, b)
    if session.get(NotDuplicateRow, (low, high)) is not None:
        return False
    session.add(NotDuplicateRow(low_id=low, high_id=high, created_at=repo.now()))
    return True


def not_duplicates(session: Session) -> set[frozenset[int]]:
    rows = session.execute(select(NotDuplicateRow.low_id, NotDuplicateRow.high_id))
    return {frozenset(pair) for pair in rows}


def merge_history(session: Session, record_id: int) -> list[dict[str, object]]:
    """The merges into this record, oldest first, for `show` (undo takes their ids)."""
    rows = session.scalars(select(MergeLogRow).where(MergeLogRow.survivor_id == record_id)
                           .order_by(MergeLogRow.id))
    return [{"merge": row.id, "absorbed": row.absorbed_id, "rule": row.rule, "score": row.score,
             "at": row.created_at, "undone_at": row.undone_at} for row in rows]
