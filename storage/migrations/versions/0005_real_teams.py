"""what real teams need: members who leave, shared send pacing, longer names, history by order

- `member.active` and `member.deactivated_at`: a member who leaves keeps their history but no
  longer uses the desk; their records are handed to someone else.
- `send_pace`: when each channel (and, under a Retry-After, the whole workspace) may be sent to
  next, shared by every process that delivers the outbox.
- Customer names up to 500 characters (company names with a branch and an English name do not
  fit in 200).
- `order_status_change (order_id, id)`: the newest change of one order is read straight from
  this index; the primary key alone made PostgreSQL walk half the table backwards.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 16:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("member") as batch:
        batch.add_column(
            sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch.add_column(sa.Column("deactivated_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("customer") as batch:
        batch.alter_column("name", type_=sa.String(length=500), existing_nullable=False)
        batch.alter_column("search_text", type_=sa.String(length=600), existing_nullable=False)
    op.create_table(
        "send_pace",
        sa.Column("scope", sa.String(length=32), nullable=False),
        sa.Column("not_before", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("scope"),
    )
    op.create_index("ix_order_status_change_order_id_id", "order_status_change", ["order_id", "id"])
    op.execute("ANALYZE")


def downgrade() -> None:
    op.drop_index("ix_order_status_change_order_id_id", table_name="order_status_change")
    op.drop_table("send_pace")
    with op.batch_alter_table("customer") as batch:
        batch.alter_column("search_text", type_=sa.String(length=300), existing_nullable=False)
        batch.alter_column("name", type_=sa.String(length=200), existing_nullable=False)
    with op.batch_alter_table("member") as batch:
        batch.drop_column("deactivated_at")
        batch.drop_column("active")
