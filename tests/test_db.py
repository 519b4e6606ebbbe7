"""Schema by migration: create, head, triggers, metadata in step, upgrade with backup, refusals."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from her2kb.db import schema
from her2kb.db.engine import make_engine
from her2kb.db.tables import Base
from her2kb.errors import StorageError

from .conftest import seed


def _include(name: str | None, type_: str, parents: object) -> bool:
    return not (type_ == "table" and name is not None and name.startswith("record_fts"))


def test_new_database_is_at_head_with_fts_triggers(tmp_path: Path) -> None:
    engine, note = schema.open_database(tmp_path / "new" / "kb.sqlite")
    assert note is None
    with engine.connect() as conn:
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert version == schema.head_revision() == "0006"
        query = text("SELECT name FROM sqlite_master WHERE type='trigger'")
        triggers = {r[0] for r in conn.execute(query)}
        assert triggers == {"record_fts_ai", "record_fts_ad", "record_fts_au"}
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_tables_match_the_migrations(tmp_path: Path) -> None:
    engine, _ = schema.open_database(tmp_path / "kb.sqlite")
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": _include})
        assert compare_metadata(context, Base.metadata) == []


def test_one_head() -> None:
    config = schema._config()
    assert len(ScriptDirectory.from_config(config).get_heads()) == 1


def test_older_revision_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    engine, _ = schema.open_database(path)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0000'"))
    engine.dispose()
    # '0000' is unknown, so this build must refuse rather than guess.
    with pytest.raises(StorageError, match="newer her2kb"):
        schema.open_database(path)


def test_backup_copies_committed_rows(tmp_path: Path) -> None:
    from her2kb.ingest import ingest_bytes

    path = tmp_path / "kb.sqlite"
    engine, _ = schema.open_database(path)
    ingest_bytes(engine, seed("004").read_bytes(), "004.txt")
    copy = schema.backup(path, "0001")
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT count(*) FROM record").fetchone() == (1,)
    conn.close()


def test_foreign_and_non_sqlite_files_are_refused(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(StorageError, match="did not create"):
        schema.open_database(foreign)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database at all, just text" * 50)
    with pytest.raises(StorageError, match="not a SQLite database"):
        schema.open_database(junk)


def test_upgrade_from_0001_keeps_sources_and_writes_a_backup(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "kb.sqlite"
    engine = make_engine(path)
    config = schema._config()
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    raw = "TY  - JOUR\r\nTI  - Caf\u00e9 au lait\r\nER  - \r\n"
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO source (id, sha256, format, origin, encoding, raw_text, ingested_at)"
            " VALUES (1, 'abc', 'ris', 'old.ris', 'cp1252', :raw, '2026-01-01')"), {"raw": raw})
        conn.execute(text(
            "INSERT INTO record (id, citation_key, type, data, created_at, updated_at)"
            " VALUES (1, 'cafe2001', 'article-journal', '{}', 'x', 'x')"))
        conn.execute(text("INSERT INTO record_source VALUES (1, 1, 0, 1)"))
    engine.dispose()
    upgraded, note = schema.open_database(path)
    assert note is not None and note.startswith(f"upgraded {path} from schema 0001 to 0006")
    backups = list(tmp_path.glob("kb.sqlite.bak-0001-*"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as old:
        assert old.execute("SELECT raw_text FROM source").fetchone() == (raw,)
    old.close()
    with upgraded.connect() as conn:
        assert conn.execute(text("SELECT text FROM source_chunk")).all() == [(raw,)]
        assert conn.execute(text("SELECT byte_size FROM source")).scalar() == len(
            raw.encode("cp1252"))
        # The batch rebuild of `source` ran with foreign keys off: no cascade into children.
        assert conn.execute(text("SELECT count(*) FROM record_source")).scalar() == 1


def test_identifier_lookup_uses_the_identifier_index(tmp_path: Path) -> None:
    """Live-record lookups by DOI must not walk the merged_into index (migration 0003)."""
    engine, _ = schema.open_database(tmp_path / "kb.sqlite")
    with engine.connect() as conn:
        plan = " ".join(str(row[-1]) for row in conn.execute(text(
            "EXPLAIN QUERY PLAN SELECT id FROM record"
            " WHERE doi_norm IN ('10.1/a', '10.1/b') AND merged_into IS NULL")))
        indexes = {row[0]: row[1] for row in conn.execute(text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
            " AND name IN ('ix_record_merged_into', 'ix_citation_cited_id')"))}
    assert "ix_record_doi_norm" in plan, plan
    assert "merged_into IS NOT NULL" in indexes["ix_record_merged_into"]
    assert "cited_id IS NOT NULL" in indexes["ix_citation_cited_id"]
