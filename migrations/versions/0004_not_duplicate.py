"""not_duplicate: pairs a person said are different works

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "not_duplicate",
        sa.Column("low_id", sa.Integer(), nullable=False),
        sa.Column("high_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["low_id"], ["record.id"], ondelete="CASCADE",
                                name="fk_not_duplicate_low_id_record"),
        sa.ForeignKeyConstraint(["high_id"], ["record.id"], ondelete="CASCADE",
                                name="fk_not_duplicate_high_id_record"),
        sa.PrimaryKeyConstraint("low_id", "high_id", name="pk_not_duplicate"),
    )
    op.create_index("ix_not_duplicate_high_id", "not_duplicate", ["high_id"])


def downgrade() -> None:
    op.drop_index("ix_not_duplicate_high_id", table_name="not_duplicate")
    op.drop_table("not_duplicate")
