"""partial indexes on record.merged_into and citation.cited_id

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22

With full indexes, SQLite's planner (no ANALYZE statistics) answered
`doi_norm IN (…) AND merged_into IS NULL` by walking every live record through
ix_record_merged_into; ingest slowed down as the library grew. Both columns are
looked up only by value, never for NULL, so the indexes now hold the non-NULL rows.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_record_merged_into", table_name="record")
    op.create_index("ix_record_merged_into", "record", ["merged_into"],
                    sqlite_where=sa.text("merged_into IS NOT NULL"))
    op.drop_index("ix_citation_cited_id", table_name="citation")
    op.create_index("ix_citation_cited_id", "citation", ["cited_id"],
                    sqlite_where=sa.text("cited_id IS NOT NULL"))


def downgrade() -> None:
    op.drop_index("ix_citation_cited_id", table_name="citation")
    op.create_index("ix_citation_cited_id", "citation", ["cited_id"])
    op.drop_index("ix_record_merged_into", table_name="record")
    op.create_index("ix_record_merged_into", "record", ["merged_into"])
