"""open_database(): create, back up and upgrade the schema before any command uses it.

* no file: every migration from empty to head (the only way a library is created);
* at head: open it;
* older revision: copy it beside itself with sqlite3's backup API, then upgrade;
* newer revision, or a SQLite file her2kb did not create: refuse, naming the file.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DatabaseError

from ..errors import StorageError
from .engine import make_engine


def migrations_dir() -> Path:
    """The packaged migrations, or the checkout's folder under an editable install."""
    packaged = resources.files("her2kb") / "migrations"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "migrations"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    if head is None:
        raise StorageError("her2kb's migrations are missing; reinstall her2kb")
    return head


def _upgrade(engine: Engine) -> None:
    config = _config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _current_revision(engine: Engine, path: Path) -> str | None:
    tables = set(inspect(engine).get_table_names())
    if not tables:
        return None
    if "alembic_version" not in tables or "record" not in tables:
        raise StorageError(
            f"{path} is a SQLite database that her2kb did not create; "
            "choose another file with --db"
        )
    with engine.connect() as connection:
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def backup(path: Path, revision: str) -> Path:
    """Copy the database beside itself; the backup API also copies what is still in the WAL."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.bak-{revision}-{stamp}")
    with sqlite3.connect(path) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    source.close()
    copy.close()
    return target


def open_database(path: Path) -> tuple[Engine, str | None]:
    """An engine on a database at head, plus a note for stderr when it was upgraded."""
    if path.exists() and path.is_dir():
        raise StorageError(f"{path} is a folder; give --db a file path")
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path)
    try:
        current = _current_revision(engine, path)
    except DatabaseError as exc:
        engine.dispose()
        raise StorageError(
            f"{path} is not a SQLite database; choose another file with --db"
        ) from exc
    head = head_revision()
    note = None
    if current is None:
        _upgrade(engine)
    elif current != head:
        known = {s.revision for s in ScriptDirectory.from_config(_config()).walk_revisions()}
        if current not in known:
            engine.dispose()
            raise StorageError(
                f"{path} was written by a newer her2kb (schema {current}); upgrade her2kb"
            )
        saved = backup(path, current)
        _upgrade(engine)
        note = f"upgraded {path} from schema {current} to {head}; backup at {saved}"
    return engine, note
