"""the pipeline: lead assignment and first-contact clocks, the pool, opportunities, quotes

- `member.lead_capacity`, `member.away_until`: the round robin's weight and who it skips.
- `lead`: acceptance, the first-contact SLA's three moments and the next one due, activity,
  the pool, qualification and conversion.
- `lead_pass`, `lead_routing_rule`: who passed on a lead; which team a lead goes to.
- `opportunity`, `opportunity_stage_change`, `quote`, `quote_line`.
- `contact.phone_key`, `contact.email_key`, `customer_name_gram`: duplicate checks find a
  customer by its contact or a similar name through an index instead of reading every row.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 22:10:00
"""

import sqlalchemy as sa
from alembic import op

from storage.match_keys import email_key, name_grams, phone_key

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

LEAD_MOMENTS = (
    "accepted_at",
    "sla_remind_at",
    "sla_due_at",
    "sla_return_at",
    "sla_next_at",
    "last_activity_at",
    "pooled_at",
    "qualified_at",
    "converted_at",
)


def upgrade() -> None:
    with op.batch_alter_table("member") as batch:
        batch.add_column(sa.Column("lead_capacity", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("away_until", sa.Date(), nullable=True))
    with op.batch_alter_table("contact") as batch:
        batch.add_column(sa.Column("phone_key", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("email_key", sa.String(length=200), nullable=True))
        batch.create_index("ix_contact_phone_key", ["phone_key"])
        batch.create_index("ix_contact_email_key", ["email_key"])
    with op.batch_alter_table("lead") as batch:
        for moment in LEAD_MOMENTS:
            batch.add_column(sa.Column(moment, sa.DateTime(timezone=True), nullable=True))
        batch.add_column(
            sa.Column("sla_stage", sa.String(length=16), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("previous_owner_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_lead_previous_owner_id", "member", ["previous_owner_id"], ["id"]
        )
        batch.create_index("ix_lead_owner_assigned", ["owner_id", "assigned_at"])
        batch.create_index("ix_lead_status_sla_next", ["status", "sla_next_at"])
    _fill_contact_keys()
    _create_name_grams()
    _create_lead_tables()
    _create_opportunities()
    _create_quotes()


def _fill_contact_keys() -> None:
    contact = sa.table(
        "contact",
        sa.column("id", sa.Integer),
        sa.column("phone", sa.String),
        sa.column("email", sa.String),
        sa.column("phone_key", sa.String),
        sa.column("email_key", sa.String),
    )
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(contact.c.id, contact.c.phone, contact.c.email).where(
            sa.or_(contact.c.phone.is_not(None), contact.c.email.is_not(None))
        )
    ).all()
    keys = [
        {"contact_id": row.id, "phone_key": phone_key(row.phone), "email_key": email_key(row.email)}
        for row in rows
    ]
    if keys:
        connection.execute(
            contact.update()
            .where(contact.c.id == sa.bindparam("contact_id"))
            .values(phone_key=sa.bindparam("phone_key"), email_key=sa.bindparam("email_key")),
            keys,
        )


def _create_name_grams() -> None:
    op.create_table(
        "customer_name_gram",
        sa.Column("gram", sa.String(length=40), nullable=False),
        sa.Column("customer_id", sa.Integer(), sa.ForeignKey("customer.id"), nullable=False),
        sa.PrimaryKeyConstraint("gram", "customer_id"),
    )
    op.create_index("ix_customer_name_gram_customer_id", "customer_name_gram", ["customer_id"])
    connection = op.get_bind()
    customers = connection.execute(sa.text("SELECT id, name FROM customer")).all()
    rows = [
        {"gram": gram, "customer_id": customer_id}
        for customer_id, name in customers
        for gram in name_grams(name)
    ]
    if rows:
        grams = sa.table("customer_name_gram", sa.column("gram"), sa.column("customer_id"))
        connection.execute(grams.insert(), rows)


def _create_lead_tables() -> None:
    op.create_table(
        "lead_pass",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lead_id", sa.Integer(), sa.ForeignKey("lead.id"), nullable=False),
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("member.id"), nullable=False),
        sa.Column("passed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("lead_id", "member_id"),
    )
    op.create_table(
        "lead_routing_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), sa.ForeignKey("team.id"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=True),
        sa.Column("industry", sa.String(length=100), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_lead_routing_rule_team_id", "lead_routing_rule", ["team_id"])


def _create_opportunities() -> None:
    op.create_table(
        "opportunity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), sa.ForeignKey("team.id"), nullable=False),
        sa.Column("owner_id", sa.Integer(), sa.ForeignKey("member.id"), nullable=False),
        sa.Column("customer_id", sa.Integer(), sa.ForeignKey("customer.id"), nullable=False),
        sa.Column("lead_id", sa.Integer(), sa.ForeignKey("lead.id"), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("amount", sa.Numeric(18, 2), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.Column("expected_close_on", sa.Date(), nullable=True),
        sa.Column("next_step", sa.String(length=500), nullable=True),
        sa.Column("lost_reason", sa.String(length=500), nullable=True),
        sa.Column("competitor", sa.String(length=200), nullable=True),
        sa.Column("order_id", sa.Integer(), sa.ForeignKey("sales_order.id"), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("stage_changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_activity_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_opportunity_team_stage", "opportunity", ["team_id", "stage"])
    op.create_index("ix_opportunity_owner_stage", "opportunity", ["owner_id", "stage"])
    op.create_index("ix_opportunity_customer_id", "opportunity", ["customer_id"])
    op.create_index("ix_opportunity_lead_id", "opportunity", ["lead_id"])
    op.create_table(
        "opportunity_stage_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), sa.ForeignKey("opportunity.id"), nullable=False),
        sa.Column("from_stage", sa.String(length=16), nullable=True),
        sa.Column("to_stage", sa.String(length=16), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_opportunity_stage_change_opportunity_id",
        "opportunity_stage_change",
        ["opportunity_id"],
    )


def _create_quotes() -> None:
    op.create_table(
        "quote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), sa.ForeignKey("opportunity.id"), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("tax_rate", sa.Numeric(5, 2), nullable=False),
        sa.Column("tax_inclusive", sa.Boolean(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("subtotal", sa.Numeric(18, 2), nullable=False),
        sa.Column("tax_amount", sa.Numeric(18, 2), nullable=False),
        sa.Column("total", sa.Numeric(18, 2), nullable=False),
        sa.Column("max_discount_percent", sa.Numeric(5, 2), nullable=False),
        sa.Column("created_by_id", sa.Integer(), sa.ForeignKey("member.id"), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), sa.ForeignKey("member.id"), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_note", sa.String(length=1000), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("number"),
    )
    op.create_index("ix_quote_opportunity_id", "quote", ["opportunity_id"])
    op.create_index("ix_quote_status", "quote", ["status"])
    op.create_table(
        "quote_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("quote_id", sa.Integer(), sa.ForeignKey("quote.id"), nullable=False),
        sa.Column("product_id", sa.Integer(), sa.ForeignKey("product.id"), nullable=False),
        sa.Column("product_name", sa.String(length=200), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("quantity", sa.Numeric(18, 3), nullable=False),
        sa.Column("unit_price", sa.Numeric(18, 2), nullable=False),
        sa.Column("discount_percent", sa.Numeric(5, 2), nullable=False, server_default="0"),
        sa.Column("line_total", sa.Numeric(18, 2), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("quote_id", "product_id"),
    )
    op.create_index("ix_quote_line_quote_id", "quote_line", ["quote_id"])


def downgrade() -> None:
    for table in ("quote_line", "quote", "opportunity_stage_change", "opportunity"):
        op.drop_table(table)
    op.drop_table("lead_routing_rule")
    op.drop_table("customer_name_gram")
    op.drop_table("lead_pass")
    with op.batch_alter_table("lead") as batch:
        batch.drop_index("ix_lead_status_sla_next")
        batch.drop_index("ix_lead_owner_assigned")
        batch.drop_constraint("fk_lead_previous_owner_id", type_="foreignkey")
        batch.drop_column("previous_owner_id")
        batch.drop_column("sla_stage")
        for moment in reversed(LEAD_MOMENTS):
            batch.drop_column(moment)
    with op.batch_alter_table("contact") as batch:
        batch.drop_index("ix_contact_email_key")
        batch.drop_index("ix_contact_phone_key")
        batch.drop_column("email_key")
        batch.drop_column("phone_key")
    with op.batch_alter_table("member") as batch:
        batch.drop_column("away_until")
        batch.drop_column("lead_capacity")
