"""Storage: SQLite through SQLAlchemy 2, schema by Alembic migrations."""
