"""initial schema: records, verbatim sources, alternatives, citations, merge log, FTS5

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The FTS5 index is external-content over `record`, kept in step by triggers.
# bm25 weights in search.py follow this column order.
FTS_COLUMNS = "title, authors, abstract, container_title, keywords"
FTS_NEW = "new.title, new.authors, new.abstract, new.container_title, new.keywords"
FTS_OLD = "old.title, old.authors, old.abstract, old.container_title, old.keywords"
FTS_DDL = (
    f"CREATE VIRTUAL TABLE record_fts USING fts5({FTS_COLUMNS}, content='record',"
    " content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER record_fts_ai AFTER INSERT ON record BEGIN"
    f" INSERT INTO record_fts(rowid, {FTS_COLUMNS}) VALUES (new.id, {FTS_NEW}); END",
    f"CREATE TRIGGER record_fts_ad AFTER DELETE ON record BEGIN"
    f" INSERT INTO record_fts(record_fts, rowid, {FTS_COLUMNS})"
    f" VALUES ('delete', old.id, {FTS_OLD}); END",
    f"CREATE TRIGGER record_fts_au AFTER UPDATE ON record BEGIN"
    f" INSERT INTO record_fts(record_fts, rowid, {FTS_COLUMNS})"
    f" VALUES ('delete', old.id, {FTS_OLD});"
    f" INSERT INTO record_fts(rowid, {FTS_COLUMNS}) VALUES (new.id, {FTS_NEW}); END",
)


def _fk(column: str, target: str, table: str, cascade: bool = False) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [target], name=f"fk_{table}_{column}_{target.split('.')[0]}",
        ondelete="CASCADE" if cascade else None,
    )


def upgrade() -> None:
    op.create_table(
        "record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("citation_key", sa.Text(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("authors", sa.Text()),
        sa.Column("container_title", sa.Text()),
        sa.Column("year", sa.Integer()),
        sa.Column("abstract", sa.Text()),
        sa.Column("keywords", sa.Text()),
        sa.Column("doi_norm", sa.Text()),
        sa.Column("pmid", sa.Text()),
        sa.Column("pmcid", sa.Text()),
        sa.Column("title_key", sa.Text()),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("merged_into", sa.Integer()),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.Text(), nullable=False),
        _fk("merged_into", "record.id", "record"),
        sa.PrimaryKeyConstraint("id", name="pk_record"),
        sa.UniqueConstraint("citation_key", name="uq_record_citation_key"),
    )
    for column in ("doi_norm", "merged_into", "pmcid", "pmid", "title_key"):
        op.create_index(f"ix_record_{column}", "record", [column])

    op.create_table(
        "source",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.Text(), nullable=False),
        sa.Column("format", sa.Text(), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("encoding", sa.Text(), nullable=False),
        sa.Column("raw_text", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_source"),
        sa.UniqueConstraint("sha256", name="uq_source_sha256"),
    )
    op.create_table(
        "citation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("citing_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("container_title", sa.Text()),
        sa.Column("year", sa.Integer()),
        sa.Column("doi_norm", sa.Text()),
        sa.Column("title_key", sa.Text()),
        sa.Column("cited_id", sa.Integer()),
        _fk("cited_id", "record.id", "citation"),
        _fk("citing_id", "record.id", "citation", cascade=True),
        sa.PrimaryKeyConstraint("id", name="pk_citation"),
    )
    for column in ("cited_id", "citing_id", "doi_norm", "title_key"):
        op.create_index(f"ix_citation_{column}", "citation", [column])

    op.create_table(
        "merge_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("survivor_id", sa.Integer(), nullable=False),
        sa.Column("absorbed_id", sa.Integer(), nullable=False),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.Column("score", sa.Double()),
        sa.Column("before", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.Column("undone_at", sa.Text()),
        _fk("absorbed_id", "record.id", "merge_log"),
        _fk("survivor_id", "record.id", "merge_log"),
        sa.PrimaryKeyConstraint("id", name="pk_merge_log"),
    )
    for column in ("absorbed_id", "survivor_id"):
        op.create_index(f"ix_merge_log_{column}", "merge_log", [column])

    op.create_table(
        "record_source",
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("entry_index", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        _fk("record_id", "record.id", "record_source", cascade=True),
        _fk("source_id", "source.id", "record_source", cascade=True),
        sa.PrimaryKeyConstraint("record_id", "source_id", "entry_index", name="pk_record_source"),
    )
    op.create_index("ix_record_source_source_id", "record_source", ["source_id"])

    op.create_table(
        "field_alternative",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.Text(), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("source_id", sa.Integer()),
        sa.Column("merge_id", sa.Integer()),
        _fk("merge_id", "merge_log.id", "field_alternative"),
        _fk("record_id", "record.id", "field_alternative", cascade=True),
        _fk("source_id", "source.id", "field_alternative"),
        sa.PrimaryKeyConstraint("id", name="pk_field_alternative"),
    )
    op.create_index("ix_field_alternative_record_id", "field_alternative", ["record_id"])

    for statement in FTS_DDL:
        op.execute(statement)


def downgrade() -> None:
    for trigger in ("record_fts_ai", "record_fts_ad", "record_fts_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS record_fts")
    tables = ("field_alternative", "record_source", "merge_log", "citation", "source", "record")
    for table in tables:
        op.drop_table(table)
