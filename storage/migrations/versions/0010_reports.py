"""reports on schedule: subscriptions, and each team channel's canvas

- `report_subscription`: a pack of one kind and cadence posted to a channel, once per period.
- `team.canvas_id`: the canvas of the team channel that holds the live month.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 22:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("team") as batch:
        batch.add_column(sa.Column("canvas_id", sa.String(length=32), nullable=True))
    op.create_table(
        "report_subscription",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), sa.ForeignKey("team.id"), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("cadence", sa.String(length=16), nullable=False),
        sa.Column("channel_id", sa.String(length=32), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("team_id", "kind", "cadence", "channel_id"),
    )
    op.create_index("ix_report_subscription_team_id", "report_subscription", ["team_id"])


def downgrade() -> None:
    op.drop_table("report_subscription")
    with op.batch_alter_table("team") as batch:
        batch.drop_column("canvas_id")
