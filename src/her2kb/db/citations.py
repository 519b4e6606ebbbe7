"""Who cites whom: storing a record's cited references, linking them to library records
(both when the citing and when the cited record arrives), and asking in both directions.

Links are stored per record row; a merge leaves them on the rows they were made for, so
both questions are asked of the record's whole family (itself and what was merged into
it) and answered with live records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from ..dedup.vetoes import MAX_YEAR_GAP
from ..errors import NotFoundError
from ..identifiers import doi_key
from ..prepare import CITATION_COLUMNS, citation_values
from ..records import Record
from ..text import match_key
from .repository import chunks
from .stored import family_ids
from .tables import CitationRow, RecordRow


def citation_dicts(record_id: int, record: Record, start: int = 0) -> list[dict[str, Any]]:
    """Citation rows for the record's references after the first `start` (already stored)."""
    columns = ("citing_id", *CITATION_COLUMNS)
    return [dict(zip(columns, (record_id, *row), strict=True))
            for row in citation_values(record, start)]


def insert_citations(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    session.execute(insert(CitationRow), list(rows))


def years_agree(cited: int | None, stored: int | None) -> bool:
    """A reference's year and a record's: unknown, or at most one apart (epub vs print),
    the matcher's own tolerance (dedup/vetoes.py)."""
    return cited is None or stored is None or abs(cited - stored) <= MAX_YEAR_GAP


# What resolve_citations needs of a new record: id, normalised DOI, title key, year.
CitableRecord = tuple[int, str | None, str | None, int | None]


def citable(record_id: int, record: Record) -> CitableRecord:
    return (record_id, doi_key(record.doi), match_key(record.title) if record.title else None,
            record.year)


def resolve_citations(session: Session, new: Sequence[CitableRecord]) -> None:
    """Point unresolved references at these records when DOI, or title and year, agree."""
    by_doi = {doi: (i, year) for i, doi, _, year in new if doi}
    by_title = {title: (i, year) for i, _, title, year in new if title}
    if not by_doi and not by_title:
        return
    updates: dict[int, int] = {}
    for column, index in ((CitationRow.doi_norm, by_doi), (CitationRow.title_key, by_title)):
        for chunk in chunks(sorted(k for k in index if k)):
            query = select(CitationRow.id, column, CitationRow.year, CitationRow.citing_id).where(
                column.in_(chunk), CitationRow.cited_id.is_(None))
            for citation_id, value, year, citing_id in session.execute(query):
                record_id, record_year = index[str(value)]
                fits = years_agree(year, record_year)
                if fits and citing_id != record_id and citation_id not in updates:
                    updates[citation_id] = record_id
    if updates:
        session.execute(update(CitationRow), [{"id": c, "cited_id": r} for c, r in updates.items()])


def resolve_references_of(session: Session, record_id: int) -> None:
    """Link this record's own references to works already in the library."""
    for citation in session.scalars(select(CitationRow).where(CitationRow.citing_id == record_id)):
        candidates: dict[int, int | None] = {}
        for column, value in ((RecordRow.doi_norm, citation.doi_norm),
                              (RecordRow.title_key, citation.title_key)):
            if value:
                query = select(RecordRow.id, RecordRow.year).where(
                    column == value, RecordRow.merged_into.is_(None), RecordRow.id != record_id)
                candidates.update((row_id, year) for row_id, year in session.execute(query))
        for cited_id in sorted(candidates):
            year = candidates[cited_id]
            if years_agree(citation.year, year):
                citation.cited_id = cited_id
                break


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
