"""the audit trail of one record, read by its entity and key

A contract's card shows who last moved it, read as the newest audit entry of that contract;
without an index on (entity, entity_key) that read scans the whole trail, which after a large
import holds a row per imported record.

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


def downgrade() -> None:
    op.drop_index("ix_audit_entry_entity_key", table_name="audit_entry")
