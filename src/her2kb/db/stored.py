"""Assemble StoredRecord views (record + sources + alternatives + resolved references)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from sqlalchemy import Text, select, type_coerce
from sqlalchemy.orm import Session

from ..records import Alternative, Record, SourceRef, StoredRecord
from .repository import chunks
from .tables import (
    AlternativeRow,
    CitationRow,
    RecordRow,
    RecordSourceRow,
    SourceOriginRow,
    SourceRow,
)


def family_ids(session: Session, ids: Sequence[int]) -> dict[int, int]:
    """Row id -> the id in `ids` it belongs to: each itself, and the records merged into it."""
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
    """Each survivor's sources: every path they came from, the first path first."""
    query = (
        select(RecordSourceRow.record_id, SourceRow.id, SourceRow.format, SourceRow.origin,
               SourceRow.sha256)
        .join(SourceRow, SourceRow.id == RecordSourceRow.source_id)
        .where(RecordSourceRow.record_id.in_(list(owner)))
        .order_by(SourceRow.id, RecordSourceRow.entry_index)
    )
    rows = session.execute(query).all()
    copies: dict[int, list[str]] = defaultdict(list)
    origins = select(SourceOriginRow.source_id, SourceOriginRow.origin).where(
        SourceOriginRow.source_id.in_({row[1] for row in rows})).order_by(
        SourceOriginRow.ingested_at, SourceOriginRow.origin)
    for source_id, origin in session.execute(origins):
        copies[source_id].append(origin)
    found: dict[int, list[SourceRef]] = defaultdict(list)
    for record_id, source_id, fmt, origin, sha in rows:
        for path in (origin, *copies[source_id]):
            ref = SourceRef(format=fmt, origin=path, sha256=sha)
            if ref not in found[owner[record_id]]:
                found[owner[record_id]].append(ref)
    return found


def _alternatives(session: Session, owner: dict[int, int]) -> dict[int, list[Alternative]]:
    """Alternatives of each survivor and of the records merged into it: none is hidden."""
    query = (
        select(AlternativeRow.record_id, AlternativeRow.field, AlternativeRow.value,
               SourceRow.sha256)
        .outerjoin(SourceRow, SourceRow.id == AlternativeRow.source_id)
        .where(AlternativeRow.record_id.in_(list(owner)))
        .order_by(AlternativeRow.id)
    )
    found: dict[int, list[Alternative]] = defaultdict(list)
    for record_id, name, value, sha in session.execute(query):
        found[owner[record_id]].append(Alternative(field=name, value=value, source_sha256=sha))
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


def documents(session: Session, ids: Sequence[int]) -> dict[int, tuple[str, int | None, str]]:
    """id -> (citation key, year, the record's JSON text), for any number of ids.

    The text is left for the caller to parse: pydantic validates it in one step, and the
    duplicate matcher reads only a few fields of it.
    """
    found = {}
    for chunk in chunks(list(ids)):
        query = select(RecordRow.id, RecordRow.citation_key, RecordRow.year,
                       type_coerce(RecordRow.data, Text)).where(RecordRow.id.in_(chunk))
        found.update({record_id: (key, year, text)
                      for record_id, key, year, text in session.execute(query)})
    return found


def live_documents(session: Session) -> Iterator[tuple[int, int | None, str]]:
    """(id, year, JSON text) of every live record, in id order, streamed."""
    query = (select(RecordRow.id, RecordRow.year, type_coerce(RecordRow.data, Text))
             .where(RecordRow.merged_into.is_(None)).order_by(RecordRow.id))
    for record_id, year, text in session.execute(query).yield_per(5000):  # noqa: UP028
        # Plain tuples rather than Row objects: callers unpack them, nothing more.
        yield record_id, year, text


def stored_records(session: Session, ids: Sequence[int]) -> list[StoredRecord]:
    """StoredRecords for the records with these ids, in the given order (unknown ids skipped).

    Five queries per batch. The JSON goes straight from its text to the model: parsing
    it to dicts first and validating those cost half as much again.
    """
    found = documents(session, ids)
    ids = [record_id for record_id in ids if record_id in found]
    owner = family_ids(session, ids)
    sources = _sources(session, owner)
    alternatives = _alternatives(session, owner)
    resolved = _resolved(session, ids)
    result = []
    for record_id in ids:
        key, _, text = found[record_id]
        record = Record.model_validate_json(text)
        if record.references:
            refs = [
                ref.model_copy(update={"record_id": resolved.get((record_id, n))})
                for n, ref in enumerate(record.references, start=1)
            ]
            record = record.model_copy(update={"references": refs})
        result.append(StoredRecord(id=record_id, key=key, record=record,
                                   sources=sources[record_id],
                                   alternatives=alternatives[record_id]))
    return result
