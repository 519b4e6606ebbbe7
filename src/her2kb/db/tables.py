"""SQLAlchemy 2 tables, imported by the db/ modules, store.py and the migrations' env.py.

The full record lives in `record.data` (CSL-vocabulary JSON); the columns beside it
are copies kept for indexing, matching and full-text search.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, MetaData, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names, so batch migrations can find them (architecture.md §6).
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class RecordRow(Base):
    __tablename__ = "record"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    citation_key: Mapped[str] = mapped_column(Text, unique=True)
    type: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    authors: Mapped[str | None] = mapped_column(Text)
    container_title: Mapped[str | None] = mapped_column(Text)
    year: Mapped[int | None] = mapped_column(Integer)
    abstract: Mapped[str | None] = mapped_column(Text)
    keywords: Mapped[str | None] = mapped_column(Text)
    doi_norm: Mapped[str | None] = mapped_column(Text, index=True)
    pmid: Mapped[str | None] = mapped_column(Text, index=True)
    pmcid: Mapped[str | None] = mapped_column(Text, index=True)
    title_key: Mapped[str | None] = mapped_column(Text, index=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    merged_into: Mapped[int | None] = mapped_column(ForeignKey("record.id"))
    created_at: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[str] = mapped_column(Text)

    # Partial: it finds the few absorbed records of a survivor. A full index would hold
    # mostly NULLs, and SQLite's planner would pick it for `merged_into IS NULL` and walk
    # every live record instead of the identifier index (migration 0003).
    __table_args__ = (
        Index("ix_record_merged_into", "merged_into", sqlite_where=text("merged_into IS NOT NULL")),
    )


class SourceRow(Base):
    """A source as received; sha256 over its bytes makes re-ingest a no-op.

    The text itself is in `source_chunk`: SQLite caps one value at 1 GB, and chunks let
    a large export be stored while it streams.
    """

    __tablename__ = "source"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(Text, unique=True)
    format: Mapped[str] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(Text)
    encoding: Mapped[str] = mapped_column(Text)
    byte_size: Mapped[int] = mapped_column(Integer)
    ingested_at: Mapped[str] = mapped_column(Text)


class SourceOriginRow(Base):
    """Another path the very same bytes were ingested from (`source.origin` is the first)."""

    __tablename__ = "source_origin"

    source_id: Mapped[int] = mapped_column(
        ForeignKey("source.id", ondelete="CASCADE"), primary_key=True
    )
    origin: Mapped[str] = mapped_column(Text, primary_key=True)
    ingested_at: Mapped[str] = mapped_column(Text)


class SourceChunkRow(Base):
    """Consecutive pieces of a source's text, exactly as decoded (`encoding`), in `seq` order."""

    __tablename__ = "source_chunk"

    source_id: Mapped[int] = mapped_column(
        ForeignKey("source.id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)


class RecordSourceRow(Base):
    __tablename__ = "record_source"

    record_id: Mapped[int] = mapped_column(
        ForeignKey("record.id", ondelete="CASCADE"), primary_key=True
    )
    source_id: Mapped[int] = mapped_column(
        ForeignKey("source.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    entry_index: Mapped[int] = mapped_column(Integer, primary_key=True)
    line: Mapped[int] = mapped_column(Integer)


class AlternativeRow(Base):
    """A value that conflicted with the survivor's during a merge, kept with its source."""

    __tablename__ = "field_alternative"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("record.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(Text)
    value: Mapped[Any] = mapped_column(JSON)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id"))
    merge_id: Mapped[int | None] = mapped_column(ForeignKey("merge_log.id"))


class CitationRow(Base):
    """A reference a record cites; cited_id is set once the cited work is in the library."""

    __tablename__ = "citation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    citing_id: Mapped[int] = mapped_column(ForeignKey("record.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(Text)
    container_title: Mapped[str | None] = mapped_column(Text)
    year: Mapped[int | None] = mapped_column(Integer)
    doi_norm: Mapped[str | None] = mapped_column(Text, index=True)
    title_key: Mapped[str | None] = mapped_column(Text, index=True)
    cited_id: Mapped[int | None] = mapped_column(ForeignKey("record.id"))

    # Partial for the same reason as record.merged_into: `cited_id IS NULL` is the common
    # filter while linking, and must not be answered by walking this index.
    __table_args__ = (
        Index("ix_citation_cited_id", "cited_id", sqlite_where=text("cited_id IS NOT NULL")),
    )


class MergeLogRow(Base):
    """One merge: the rule that matched, the survivor's state before (for undo) and after."""

    __tablename__ = "merge_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    survivor_id: Mapped[int] = mapped_column(ForeignKey("record.id"), index=True)
    absorbed_id: Mapped[int] = mapped_column(ForeignKey("record.id"), index=True)
    rule: Mapped[str] = mapped_column(Text)
    score: Mapped[float | None]
    before: Mapped[dict[str, Any]] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # None: logged before 0006
    created_at: Mapped[str] = mapped_column(Text)
    undone_at: Mapped[str | None] = mapped_column(Text)



class NotDuplicateRow(Base):
    """Two records a person said are different works: never proposed as duplicates again."""

    __tablename__ = "not_duplicate"

    low_id: Mapped[int] = mapped_column(
        ForeignKey("record.id", ondelete="CASCADE"), primary_key=True
    )
    high_id: Mapped[int] = mapped_column(
        ForeignKey("record.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    created_at: Mapped[str] = mapped_column(Text)
