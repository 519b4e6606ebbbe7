"""Alembic environment for her2kb.

her2kb runs migrations itself (db/schema.py) and passes its connection in
`config.attributes["connection"]`; a developer running `alembic` by hand gets the
URL from alembic.ini instead. Foreign keys are off while migrating because batch
mode rebuilds tables, and a DROP TABLE with foreign keys on cascades into children.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine, text

from her2kb.db.tables import Base

FTS_PREFIX = "record_fts"


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Hide the FTS5 table and its shadow tables from autogenerate."""
    return not (type_ == "table" and name is not None and name.startswith(FTS_PREFIX))


def _pragma(connection: Connection, statement: str) -> None:
    """Run a PRAGMA outside any transaction: inside one, SQLite ignores it."""
    if connection.in_transaction():
        connection.commit()
    driver = connection.connection.driver_connection
    if driver is None:
        raise RuntimeError("the migration connection has no driver connection")
    driver.execute(statement)


def run_on(connection: Connection) -> None:
    _pragma(connection, "PRAGMA foreign_keys=OFF")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()
    problems = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
    if problems:
        raise RuntimeError(f"foreign key check failed after migration: {problems[:5]}")
    connection.commit()
    _pragma(connection, "PRAGMA foreign_keys=ON")


def main() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_on(connection)
        return
    engine = create_engine(context.config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as own:
        run_on(own)
    engine.dispose()


main()
