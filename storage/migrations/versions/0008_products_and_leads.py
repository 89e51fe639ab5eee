"""the price list, order lines by product, leads and the tokens of their sources

- `product`: SKU, names in both languages, unit, list price and currency, cost, active.
- `order_line.product_id` and `order_line.discount_percent`: lines count sales by product; one
  line per product on an order.
- `lead`: a lead from its source to a customer, with the keys duplicate checks compare.
- `lead_source_token`: the hashed token each source sends with `POST /leads`.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 19:55:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "product",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=True),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("list_price", sa.Numeric(18, 2), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("cost", sa.Numeric(18, 2), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sku"),
    )
    with op.batch_alter_table("order_line") as batch:
        batch.add_column(sa.Column("product_id", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("discount_percent", sa.Numeric(5, 2), nullable=False, server_default="0")
        )
        batch.create_foreign_key("fk_order_line_product_id", "product", ["product_id"], ["id"])
        batch.create_index("ix_order_line_product_id", ["product_id"])
        batch.create_index("uq_order_line_order_product", ["order_id", "product_id"], unique=True)
    _create_leads()


def _create_leads() -> None:
    op.create_table(
        "lead",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("source_ref", sa.String(length=100), nullable=True),
        sa.Column("company", sa.String(length=500), nullable=False),
        sa.Column("company_key", sa.String(length=600), nullable=False),
        sa.Column("contact_name", sa.String(length=100), nullable=True),
        sa.Column("phone", sa.String(length=50), nullable=True),
        sa.Column("phone_key", sa.String(length=32), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("email_key", sa.String(length=200), nullable=True),
        sa.Column("region", sa.String(length=100), nullable=True),
        sa.Column("industry", sa.String(length=100), nullable=True),
        sa.Column("need", sa.String(length=3000), nullable=True),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("team_id", sa.Integer(), sa.ForeignKey("team.id"), nullable=True),
        sa.Column("owner_id", sa.Integer(), sa.ForeignKey("member.id"), nullable=True),
        sa.Column("customer_id", sa.Integer(), sa.ForeignKey("customer.id"), nullable=True),
        sa.Column("assignment_note", sa.String(length=500), nullable=True),
        sa.Column("disqualify_reason", sa.String(length=500), nullable=True),
        sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("first_contact_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    for column in ("company_key", "phone_key", "email_key", "status", "team_id", "owner_id"):
        op.create_index(f"ix_lead_{column}", "lead", [column])
    op.create_index("ix_lead_customer_id", "lead", ["customer_id"])
    op.create_index("uq_lead_source_ref", "lead", ["source", "source_ref"], unique=True)
    op.create_table(
        "lead_source_token",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source"),
        sa.UniqueConstraint("token_hash"),
    )


def downgrade() -> None:
    op.drop_table("lead_source_token")
    op.drop_table("lead")
    with op.batch_alter_table("order_line") as batch:
        batch.drop_index("uq_order_line_order_product")
        batch.drop_index("ix_order_line_product_id")
        batch.drop_constraint("fk_order_line_product_id", type_="foreignkey")
        batch.drop_column("discount_percent")
        batch.drop_column("product_id")
    op.drop_table("product")
