"""Where the library lives and how connections to it are set up."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event

DB_ENV = "HER2KB_DB"
DB_FILENAME = "her2kb.sqlite"


def default_path() -> Path:
    """`HER2KB_DB`, else `her2kb.sqlite` in the user's data directory."""
    configured = os.environ.get(DB_ENV)
    if configured:
        return Path(configured)
    return Path(platformdirs.user_data_dir("her2kb", appauthor=False)) / DB_FILENAME


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin (see _on_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")  # SQLite's default is off
    cursor.execute("PRAGMA busy_timeout=5000")  # a second writer waits instead of failing
    cursor.execute("PRAGMA journal_mode=WAL")  # a file property; readers never wait for writers
    cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL: a crash loses no commit
    # 64 MiB of page cache (default 2 MiB): a 100k-record ingest touches index pages all
    # over the file, and every miss is a read through the WAL index.
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.close()


def _on_begin(connection: Connection) -> None:
    """BEGIN, or BEGIN IMMEDIATE for a writer that asked for it.

    An ingest takes the write lock up front (`execution_options(sqlite_begin="IMMEDIATE")`)
    so a second writer waits at the start instead of failing halfway; readers keep the
    plain deferred BEGIN and, in WAL mode, never wait for a writer.
    """
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine
