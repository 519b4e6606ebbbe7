"""Rows and documents: sources, records, merges, and the lookups a batch of ingest needs."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from ..errors import NotFoundError
from ..identifiers import doi_key
from ..prepare import RECORD_COLUMNS, record_values
from ..records import Record
from .tables import (
    AlternativeRow,
    MergeLogRow,
    RecordRow,
    RecordSourceRow,
    SourceChunkRow,
    SourceOriginRow,
    SourceRow,
)


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def index_columns(record: Record) -> dict[str, Any]:
    """The record's columns as a dict, for the ORM paths (merges, updates)."""
    values = dict(zip(RECORD_COLUMNS, record_values(record), strict=True))
    values["data"] = json.loads(values["data"])
    return values


def insert_rows(session: Session, table: str, columns: Sequence[str],
                rows: Sequence[Sequence[Any]]) -> None:
    """One executemany on the driver cursor: the batch path of ingest.

    The ORM's bulk insert spends more time building parameters than SQLite spends
    storing them; these rows are already plain tuples in column order.
    """
    if not rows:
        return
    driver = session.connection().connection.driver_connection
    if driver is None:
        raise RuntimeError("the database connection is closed")
    marks = ", ".join("?" * len(columns))
    # Table and column names are the module's constants, never input; values are bound.
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"  # noqa: S608
    driver.executemany(sql, rows)


def source_by_sha(session: Session, sha256: str) -> SourceRow | None:
    return session.scalars(select(SourceRow).where(SourceRow.sha256 == sha256)).first()


def add_source(session: Session, sha256: str, fmt: str, origin: str, encoding: str,
               byte_size: int) -> int:
    row = SourceRow(sha256=sha256, format=fmt, origin=origin, encoding=encoding,
                    byte_size=byte_size, ingested_at=now())
    session.add(row)
    session.flush()
    return row.id


def add_origin(session: Session, source: SourceRow, origin: str) -> bool:
    """Remember another path the same bytes came from; False when it is known already."""
    if origin == source.origin or origin == "-":
        return False
    query = select(SourceOriginRow.origin).where(SourceOriginRow.source_id == source.id,
                                                 SourceOriginRow.origin == origin)
    if session.scalar(query) is not None:
        return False
    session.add(SourceOriginRow(source_id=source.id, origin=origin, ingested_at=now()))
    return True


def add_chunk(session: Session, source_id: int, seq: int, text: str) -> None:
    session.execute(insert(SourceChunkRow), [{"source_id": source_id, "seq": seq, "text": text}])


def source_text(session: Session, source_id: int) -> str:
    """The whole stored text of a source, chunks joined in order."""
    query = select(SourceChunkRow.text).where(SourceChunkRow.source_id == source_id)
    return "".join(session.scalars(query.order_by(SourceChunkRow.seq)))




def insert_record(session: Session, record_id: int, record: Record, key: str) -> None:
    stamp = now()
    session.add(RecordRow(id=record_id, citation_key=key, created_at=stamp, updated_at=stamp,
                          **index_columns(record)))
    session.flush()


def update_record(session: Session, record_id: int, record: Record) -> None:
    session.execute(
        update(RecordRow).where(RecordRow.id == record_id)
        .values(updated_at=now(), **index_columns(record))
    )


def link_source(session: Session, record_id: int, source_id: int, entry_index: int,
                line: int) -> None:
    session.add(RecordSourceRow(record_id=record_id, source_id=source_id,
                                entry_index=entry_index, line=line))


def _identifier_columns(record: Record) -> list[tuple[Any, str]]:
    pairs = [(RecordRow.doi_norm, doi_key(record.doi)), (RecordRow.pmid, record.pmid),
             (RecordRow.pmcid, record.pmcid)]
    return [(column, value) for column, value in pairs if value]


def live_matches(session: Session, record: Record) -> list[RecordRow]:
    """Live records sharing a DOI, PMID or PMCID with `record`, oldest first.

    One query per identifier, each on its own index (an OR of the three lets SQLite
    fall back to scanning).
    """
    found: dict[int, RecordRow] = {}
    for column, value in _identifier_columns(record):
        for row in session.scalars(select(RecordRow).where(column == value)):
            if row.merged_into is None:
                found[row.id] = row
    return [found[key] for key in sorted(found)]


def identifier_index(session: Session, keys: Iterable[str]) -> dict[str, int]:
    """`doi_norm:…`/`pmid:…`/`pmcid:…` -> the oldest live record holding it, for a batch."""
    wanted: dict[str, set[str]] = {"doi_norm": set(), "pmid": set(), "pmcid": set()}
    for key in keys:
        name, _, value = key.partition(":")
        wanted[name].add(value)
    index: dict[str, int] = {}
    for name, values in wanted.items():
        column = getattr(RecordRow, name)
        for chunk in chunks(sorted(values)):
            query = select(column, RecordRow.id).where(column.in_(chunk),
                                                       RecordRow.merged_into.is_(None))
            for value, record_id in session.execute(query.order_by(RecordRow.id)):
                index.setdefault(f"{name}:{value}", record_id)
    return index


def title_index(session: Session, title_keys: Iterable[str],
                per_title: int = 5) -> dict[str, list[int]]:
    """Normalised title -> the oldest few live records with it (candidates for the matcher)."""
    index: dict[str, list[int]] = {}
    for chunk in chunks(sorted(set(title_keys))):
        query = select(RecordRow.title_key, RecordRow.id).where(
            RecordRow.title_key.in_(chunk), RecordRow.merged_into.is_(None))
        for title_key, record_id in session.execute(query.order_by(RecordRow.id)):
            ids = index.setdefault(str(title_key), [])
            if len(ids) < per_title:
                ids.append(record_id)
    return index


def chunks(values: Sequence[Any], size: int = 500) -> Iterable[Sequence[Any]]:
    """Slices small enough for SQLite's limit on bound parameters."""
    for start in range(0, len(values), size):
        yield values[start:start + size]


def load_record(row: RecordRow) -> Record:
    # Rows were validated on the way in; re-validating keeps the model honest and is cheap.
    return Record.model_validate(row.data)


def add_alternatives(session: Session, record_id: int, values: Iterable[tuple[str, Any]],
                     source_id: int | None, merge_id: int | None) -> None:
    session.add_all(
        AlternativeRow(record_id=record_id, field=name, value=value, source_id=source_id,
                       merge_id=merge_id)
        for name, value in values
    )


def log_merge(session: Session, survivor: RecordRow, absorbed_id: int, rule: str,
              score: float | None, after: Record) -> int:
    """The survivor's document before the merge (for undo) and after it (for the record)."""
    row = MergeLogRow(survivor_id=survivor.id, absorbed_id=absorbed_id, rule=rule, score=score,
                      before=survivor.data, after=index_columns(after)["data"],
                      created_at=now())
    session.add(row)
    session.flush()
    return row.id


def mark_merged(session: Session, absorbed_id: int, survivor_id: int) -> None:
    session.execute(
        update(RecordRow).where(RecordRow.id == absorbed_id)
        .values(merged_into=survivor_id, updated_at=now())
    )


def live_rows(session: Session, ids: Sequence[int] | None = None) -> list[RecordRow]:
    query = select(RecordRow).where(RecordRow.merged_into.is_(None))
    if ids is not None:
        query = query.where(RecordRow.id.in_(ids))
    return list(session.scalars(query.order_by(RecordRow.id)))


def live_ids(session: Session) -> list[int]:
    query = select(RecordRow.id).where(RecordRow.merged_into.is_(None)).order_by(RecordRow.id)
    return list(session.scalars(query))


def row_by_id_or_key(session: Session, wanted: str) -> RecordRow | None:
    if wanted.isdigit():
        row = session.get(RecordRow, int(wanted))
        if row is not None:
            return row
    return session.scalars(select(RecordRow).where(RecordRow.citation_key == wanted)).first()


def require_row(session: Session, wanted: str) -> RecordRow:
    """The record named by id or citation key, or a NotFoundError that says where to look."""
    row = row_by_id_or_key(session, wanted)
    if row is None:
        raise NotFoundError(f"no record with id or key {wanted!r}; see `her2kb list`")
    return row
