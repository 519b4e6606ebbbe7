"""Assemble StoredRecord views (record + sources + alternatives + resolved references)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..records import Alternative, SourceRef, StoredRecord
from .repository import load_record
from .tables import AlternativeRow, CitationRow, RecordRow, RecordSourceRow, SourceRow


def _family(session: Session, ids: Sequence[int]) -> dict[int, int]:
    """Each row id that belongs to a survivor in `ids`: itself, and records merged into it."""
    owner = {record_id: record_id for record_id in ids}
    frontier = list(ids)
    while frontier:
        query = select(RecordRow.id, RecordRow.merged_into).where(
            RecordRow.merged_into.in_(frontier)
        )
        frontier = []
        for absorbed, survivor in session.execute(query):
            if absorbed not in owner and survivor is not None:
                owner[absorbed] = owner[survivor]
                frontier.append(absorbed)
    return owner


def _sources(session: Session, owner: dict[int, int]) -> dict[int, list[SourceRef]]:
    query = (
        select(RecordSourceRow.record_id, SourceRow.format, SourceRow.origin, SourceRow.sha256)
        .join(SourceRow, SourceRow.id == RecordSourceRow.source_id)
        .where(RecordSourceRow.record_id.in_(list(owner)))
        .order_by(SourceRow.id, RecordSourceRow.entry_index)
    )
    found: dict[int, list[SourceRef]] = defaultdict(list)
    for record_id, fmt, origin, sha in session.execute(query):
        ref = SourceRef(format=fmt, origin=origin, sha256=sha)
        if ref not in found[owner[record_id]]:
            found[owner[record_id]].append(ref)
    return found


def _alternatives(session: Session, ids: Sequence[int]) -> dict[int, list[Alternative]]:
    query = (
        select(AlternativeRow.record_id, AlternativeRow.field, AlternativeRow.value,
               SourceRow.sha256)
        .outerjoin(SourceRow, SourceRow.id == AlternativeRow.source_id)
        .where(AlternativeRow.record_id.in_(ids))
        .order_by(AlternativeRow.id)
    )
    found: dict[int, list[Alternative]] = defaultdict(list)
    for record_id, name, value, sha in session.execute(query):
        found[record_id].append(Alternative(field=name, value=value, source_sha256=sha))
    return found


def _resolved(session: Session, ids: Sequence[int]) -> dict[tuple[int, int], int]:
    query = select(CitationRow.citing_id, CitationRow.position, CitationRow.cited_id).where(
        CitationRow.citing_id.in_(ids), CitationRow.cited_id.is_not(None)
    )
    return {
        (citing, position): cited
        for citing, position, cited in session.execute(query)
        if cited is not None
    }


def stored_records(session: Session, rows: Sequence[RecordRow]) -> list[StoredRecord]:
    """StoredRecords for `rows`, in the given order, with three queries per batch."""
    ids = [row.id for row in rows]
    owner = _family(session, ids)
    sources = _sources(session, owner)
    alternatives = _alternatives(session, ids)
    resolved = _resolved(session, ids)
    result = []
    for row in rows:
        record = load_record(row)
        if record.references:
            refs = [
                ref.model_copy(update={"record_id": resolved.get((row.id, n))})
                for n, ref in enumerate(record.references, start=1)
            ]
            record = record.model_copy(update={"references": refs})
        result.append(StoredRecord(id=row.id, key=row.citation_key, record=record,
                                   sources=sources[row.id], alternatives=alternatives[row.id]))
    return result
