"""open_database(): create, back up and upgrade the schema before any command uses it.

* no file: every migration from empty to head (the only way a library is created);
* at head: open it;
* older revision: copy it beside itself with sqlite3's backup API, then upgrade;
* newer revision, or a SQLite file her2kb did not create: refuse, naming the file.
"""

from __future__ import annotations

import datetime as dt
import os
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


def _create(path: Path) -> None:
    """Build a new library beside `path`, then link it into place in one step.

    SQLite commits each CREATE of a migration on its own, so a library built in place
    could be left half-made by a kill or raced by a second process. os.link refuses an
    existing target: of two processes creating one library, one wins, the other uses it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    draft = path.with_name(f".{path.name}.creating-{os.getpid()}")
    draft.unlink(missing_ok=True)
    engine = make_engine(draft)
    try:
        _upgrade(engine)
        with engine.connect() as connection:  # fold the WAL into the file before linking
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
    try:
        os.link(draft, path)
    except FileExistsError:
        pass  # another process created it first; use theirs
    except OSError:  # a file system without hard links: a plain rename, not race-proof
        if not path.exists():
            os.replace(draft, path)
    finally:
        for leftover in (draft, *draft.parent.glob(f"{draft.name}-*")):
            leftover.unlink(missing_ok=True)


def _cannot_open(path: Path, exc: DatabaseError) -> StorageError:
    reason = str(exc.orig) if exc.orig is not None else str(exc)
    if "file is not a database" in reason or "malformed" in reason:
        return StorageError(f"{path} is not a SQLite database; choose another file with --db")
    return StorageError(f"cannot open {path} ({reason}); check that its folder is writable")


def open_database(path: Path, create: bool = True) -> tuple[Engine, str | None]:
    """An engine on a database at head, plus a note for stderr when it was upgraded."""
    if path.is_dir():
        raise StorageError(f"{path} is a folder; give --db a file path")
    if not path.exists():
        if not create:
            raise StorageError(f"there is no library at {path} yet; ingest something first")
        try:
            _create(path)
        except DatabaseError as exc:
            raise _cannot_open(path, exc) from None
        except OSError as exc:
            raise StorageError(f"cannot create {path} ({exc.strerror}); check the folder") from None
    engine = make_engine(path)
    try:
        current = _current_revision(engine, path)
    except DatabaseError as exc:
        engine.dispose()
        raise _cannot_open(path, exc) from None
    head = head_revision()
    note = None
    if current is None:
        engine.dispose()
        raise StorageError(f"{path} is an empty SQLite file, not a her2kb library; "
                           "remove it or choose another file with --db")
    if current != head:
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
