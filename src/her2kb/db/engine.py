"""Where the library lives and how connections to it are set up."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event

DB_ENV = "HER2KB_DB"
DB_FILENAME = "her2kb.sqlite"


def default_path() -> Path:
    """`HER2KB_DB`, else `her2kb.sqlite` in the user's data directory."""
    configured = os.environ.get(DB_ENV)
    if configured:
        return Path(configured)
    return Path(platformdirs.user_data_dir("her2kb", appauthor=False)) / DB_FILENAME


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")  # SQLite's default is off
    cursor.execute("PRAGMA busy_timeout=5000")  # a second writer waits instead of failing
    cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL: a crash loses no commit
    cursor.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _on_connect)
    return engine
