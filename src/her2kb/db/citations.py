"""Who cites whom: a record's cited references, and the records that cite it.

Links are stored per record row; a merge leaves them on the rows they were made for, so
both questions are asked of the record's whole family (itself and what was merged into
it) and answered with live records.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import NotFoundError
from .stored import family_ids
from .tables import CitationRow, RecordRow


@dataclass(frozen=True)
class CitedWork:
    position: int
    title: str | None
    container_title: str | None
    year: int | None
    doi: str | None
    record_id: int | None  # the live library record it resolved to
    key: str | None


def live_id(session: Session, record_id: int) -> int:
    """The live record that holds `record_id`: itself, or the survivor it was merged into."""
    seen: set[int] = set()
    current = record_id
    while current not in seen:
        seen.add(current)
        merged_into = session.scalar(select(RecordRow.merged_into).where(RecordRow.id == current))
        if merged_into is None:
            if session.get(RecordRow, current) is None:
                raise NotFoundError(f"no record with id {record_id}; see `her2kb list`")
            return current
        current = merged_into
    return current


def cited_works(session: Session, record_id: int) -> list[CitedWork]:
    """The references the record lists, in its order, each with the record it resolved to."""
    owner = live_id(session, record_id)
    rows = session.execute(
        select(CitationRow.position, CitationRow.title, CitationRow.container_title,
               CitationRow.year, CitationRow.doi_norm, CitationRow.cited_id)
        .where(CitationRow.citing_id == owner).order_by(CitationRow.position)).all()
    works = []
    for position, title, container, year, doi, cited in rows:
        target = live_id(session, cited) if cited is not None else None
        key = session.scalar(select(RecordRow.citation_key).where(RecordRow.id == target)) \
            if target is not None else None
        works.append(CitedWork(position, title, container, year, doi, target, key))
    return works


def citing_records(session: Session, record_id: int) -> list[RecordRow]:
    """Live records whose reference lists name this record (or a copy merged into it)."""
    owner = live_id(session, record_id)
    family = list(family_ids(session, [owner]))
    citing = session.scalars(
        select(CitationRow.citing_id).where(CitationRow.cited_id.in_(family)).distinct())
    live = sorted({live_id(session, citing_id) for citing_id in citing} - {owner})
    return list(session.scalars(select(RecordRow).where(RecordRow.id.in_(live))
                                .order_by(RecordRow.id)))
