"""the audit trail of one record, read by its entity and key; order history by (order, id) only

A contract's card shows who last moved it, read as the newest audit entry of that contract;
without an index on (entity, entity_key) that read scans the whole trail, which after a large
import holds a row per imported record.

The index on order_status_change.order_id alone is dropped: (order_id, id) serves every read of
an order's history, and with fresh statistics SQLite would otherwise pick the narrower index for
the newest change and sort.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 17:35:00
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_audit_entry_entity_key", "audit_entry", ["entity", "entity_key", "id"])
    op.drop_index("ix_order_status_change_order_id", table_name="order_status_change")


def downgrade() -> None:
    op.create_index("ix_order_status_change_order_id", "order_status_change", ["order_id"])
    op.drop_index("ix_audit_entry_entity_key", table_name="audit_entry")
