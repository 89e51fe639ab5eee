"""targets per team and rep, yearly plans that lock, monthly exchange rates, KPI indicators

- `target`: what a team, or one rep of it, is to reach for a metric in a year, quarter or month.
- `target_plan`: a team's plan for a metric and year, and whether it is locked.
- `exchange_rate`: a month's rate from one currency to another, kept by an admin.
- `kpi_indicator`: the weighted parts of a team's monthly scorecard.
- `member.joined_on`: a rep who joins mid-period is paced from that day.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 19:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("member") as batch:
        batch.add_column(sa.Column("joined_on", sa.Date(), nullable=True))
    op.create_table(
        "target",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), sa.ForeignKey("team.id"), nullable=False),
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("member.id"), nullable=True),
        sa.Column("metric", sa.String(length=32), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("amount", sa.Numeric(18, 2), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_target_team_id", "target", ["team_id"])
    op.create_index(
        "uq_target_team",
        "target",
        ["team_id", "metric", "period"],
        unique=True,
        sqlite_where=sa.text("member_id IS NULL"),
        postgresql_where=sa.text("member_id IS NULL"),
    )
    op.create_index("uq_target_member", "target", ["member_id", "metric", "period"], unique=True)
    op.create_table(
        "target_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), sa.ForeignKey("team.id"), nullable=False),
        sa.Column("metric", sa.String(length=32), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("locked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("locked_by", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("team_id", "metric", "year"),
    )
    op.create_table(
        "exchange_rate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("to_currency", sa.String(length=3), nullable=False),
        sa.Column("rate", sa.Numeric(18, 8), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("month", "currency", "to_currency"),
    )
    op.create_table(
        "kpi_indicator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), sa.ForeignKey("team.id"), nullable=False),
        sa.Column("indicator", sa.String(length=32), nullable=False),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.Column("floor_percent", sa.Integer(), nullable=False),
        sa.Column("cap_percent", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("team_id", "indicator"),
    )


def downgrade() -> None:
    op.drop_table("kpi_indicator")
    op.drop_table("exchange_rate")
    op.drop_table("target_plan")
    op.drop_index("uq_target_member", table_name="target")
    op.drop_index("uq_target_team", table_name="target")
    op.drop_index("ix_target_team_id", table_name="target")
    op.drop_table("target")
    with op.batch_alter_table("member") as batch:
        batch.drop_column("joined_on")
