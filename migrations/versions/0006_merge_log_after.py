"""merge_log.after: the survivor's document after the merge

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22

`before` is what undo restores; `after` records what the merge made, so the log shows
both sides. Merges logged earlier keep NULL: their after-state was not kept.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("merge_log") as batch:
        batch.add_column(sa.Column("after", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("merge_log") as batch:
        batch.drop_column("after")
