"""The state every command shares: where the library is, and its engine once opened."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

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
