"""source text in chunks: large exports are stored while they stream

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "source_chunk",
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["source_id"], ["source.id"], ondelete="CASCADE",
                                name="fk_source_chunk_source_id_source"),
        sa.PrimaryKeyConstraint("source_id", "seq", name="pk_source_chunk"),
    )
    op.execute(
        "INSERT INTO source_chunk (source_id, seq, text) SELECT id, 0, raw_text FROM source"
    )
    with op.batch_alter_table("source") as batch:
        batch.add_column(sa.Column("byte_size", sa.Integer(), nullable=False,
                                   server_default="0"))
    # The bytes were decoded losslessly, so re-encoding gives the original size back.
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, encoding, raw_text FROM source")).fetchall()
    for source_id, encoding, raw_text in rows:
        connection.execute(sa.text("UPDATE source SET byte_size = :n WHERE id = :id"),
                           {"n": len(raw_text.encode(encoding)), "id": source_id})
    with op.batch_alter_table("source") as batch:
        batch.drop_column("raw_text")
        batch.alter_column("byte_size", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("source") as batch:
        batch.add_column(sa.Column("raw_text", sa.Text(), nullable=False, server_default=""))
    op.execute(
        "UPDATE source SET raw_text = (SELECT group_concat(text, '') FROM"
        " (SELECT text FROM source_chunk c WHERE c.source_id = source.id ORDER BY c.seq))"
    )
    with op.batch_alter_table("source") as batch:
        batch.drop_column("byte_size")
        batch.alter_column("raw_text", server_default=None)
    op.drop_table("source_chunk")
