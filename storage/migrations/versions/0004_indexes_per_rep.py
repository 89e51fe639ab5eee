"""indexes for each rep's orders and visits by day

The daily digest and the rep briefs read every rep's orders and visits of a day; with these
the digest for 100 teams and 1,000,000 orders takes a third of the time (bench/bench_digest.py).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 07:30:00
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

INDEXES = {
    "sales_order": {
        "ix_sales_order_rep_ordered_on": ["rep_id", "ordered_on"],
        "ix_sales_order_rep_shipped_on": ["rep_id", "shipped_on"],
        "ix_sales_order_rep_delivered_on": ["rep_id", "delivered_on"],
        "ix_sales_order_rep_status_promised": ["rep_id", "status", "promised_ship_on"],
    },
    "visit": {
        "ix_visit_rep_at": ["rep_id", "at"],
        "ix_visit_rep_follow_ups": ["rep_id", "follow_up_done", "next_step_due"],
    },
}


def upgrade() -> None:
    for table, indexes in INDEXES.items():
        for name, columns in indexes.items():
            op.create_index(name, table, columns)
    # Fresh statistics, so the planner picks the new indexes at once (PostgreSQL's autovacuum
    # would get there later; SQLite never does on its own).
    op.execute("ANALYZE")


def downgrade() -> None:
    for table, indexes in INDEXES.items():
        for name in indexes:
            op.drop_index(name, table_name=table)
