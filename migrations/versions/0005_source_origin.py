"""source_origin: further paths the same bytes were ingested from

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22

The first path stays in source.origin. A copy of a file saved under another name used
to be skipped without a trace; its path is now remembered, and listed with the record's
sources.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "source_origin",
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["source_id"], ["source.id"], ondelete="CASCADE",
                                name="fk_source_origin_source_id_source"),
        sa.PrimaryKeyConstraint("source_id", "origin", name="pk_source_origin"),
    )


def downgrade() -> None:
    op.drop_table("source_origin")
