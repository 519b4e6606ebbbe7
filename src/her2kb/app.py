"""The state every command shares: where the library is, and its engine once opened."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from . import render
from .db.schema import open_database


@dataclass
class App:
    db_path: Path
    debug: bool
    _engine: Engine | None = field(default=None, repr=False)

    def engine(self, create: bool = False) -> Engine:
        """The library, upgraded on first use; only commands that add records create it."""
        if self._engine is None:
            self._engine, note = open_database(self.db_path, create=create)
            if note:
                render.problem(note)
        return self._engine

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One transaction that holds the write lock from its start; committed on success."""
        options = {"sqlite_begin": "IMMEDIATE"}  # wait for another writer up front
        with self.engine().connect().execution_options(**options) as connection, \
                Session(bind=connection) as session, session.begin():
            yield session
