"""field actions and team settings

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 07:45:08.820341
"""

import sqlalchemy as sa
from alembic import op

from storage.models import customer_search_text

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organiser_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("place", sa.String(length=500), nullable=True),
        sa.Column("agenda", sa.String(length=3000), nullable=True),
        sa.Column("minutes", sa.String(length=3000), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
        ),
        sa.ForeignKeyConstraint(
            ["organiser_id"],
            ["member.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_organiser_id"), ["organiser_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_starts_at"), ["starts_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_status"), ["status"], unique=False)

    op.create_table(
        "sample_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rep_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("product", sa.String(length=200), nullable=False),
        sa.Column("quantity", sa.Numeric(precision=18, scale=3), nullable=False),
        sa.Column("purpose", sa.String(length=1000), nullable=True),
        sa.Column("needed_by", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("approver_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reject_reason", sa.String(length=1000), nullable=True),
        sa.Column("tracking_no", sa.String(length=100), nullable=True),
        sa.Column("shipped_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("feedback", sa.String(length=3000), nullable=True),
        sa.Column("feedback_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["approver_id"],
            ["member.id"],
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
        ),
        sa.ForeignKeyConstraint(
            ["rep_id"],
            ["member.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("sample_request", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sample_request_customer_id"), ["customer_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_sample_request_rep_id"), ["rep_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sample_request_status"), ["status"], unique=False)

    op.create_table(
        "visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rep_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("summary", sa.String(length=3000), nullable=False),
        sa.Column("effective", sa.Boolean(), nullable=False),
        sa.Column("next_step", sa.String(length=500), nullable=True),
        sa.Column("next_step_due", sa.Date(), nullable=True),
        sa.Column("follow_up_done", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
        ),
        sa.ForeignKeyConstraint(
            ["rep_id"],
            ["member.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visit_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_next_step_due"), ["next_step_due"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_rep_id"), ["rep_id"], unique=False)

    op.create_table(
        "meeting_attendee",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("slack_user_id", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("meeting_id", "slack_user_id"),
    )
    with op.batch_alter_table("meeting_attendee", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_attendee_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_meeting_attendee_slack_user_id"), ["slack_user_id"], unique=False
        )

    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("search_text", sa.String(length=300), nullable=False, server_default="")
        )
        batch_op.create_index(batch_op.f("ix_customer_search_text"), ["search_text"], unique=False)

    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sent_channel", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("sent_ts", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("updates_key", sa.String(length=200), nullable=True))

    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("settings", sa.JSON(), nullable=False, server_default=sa.text("'{}'"))
        )
    _fill_customer_search_text()


def _fill_customer_search_text() -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, code, name FROM customer")).all()
    for id_, code, name in rows:
        connection.execute(
            sa.text("UPDATE customer SET search_text = :text WHERE id = :id"),
            {"text": customer_search_text(code, name), "id": id_},
        )


def downgrade() -> None:
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.drop_column("settings")

    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.drop_column("updates_key")
        batch_op.drop_column("sent_ts")
        batch_op.drop_column("sent_channel")

    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customer_search_text"))
        batch_op.drop_column("search_text")

    with op.batch_alter_table("meeting_attendee", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_attendee_slack_user_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_attendee_meeting_id"))

    op.drop_table("meeting_attendee")
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_rep_id"))
        batch_op.drop_index(batch_op.f("ix_visit_next_step_due"))
        batch_op.drop_index(batch_op.f("ix_visit_customer_id"))
        batch_op.drop_index(batch_op.f("ix_visit_at"))

    op.drop_table("visit")
    with op.batch_alter_table("sample_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sample_request_status"))
        batch_op.drop_index(batch_op.f("ix_sample_request_rep_id"))
        batch_op.drop_index(batch_op.f("ix_sample_request_customer_id"))

    op.drop_table("sample_request")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_status"))
        batch_op.drop_index(batch_op.f("ix_meeting_starts_at"))
        batch_op.drop_index(batch_op.f("ix_meeting_organiser_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_customer_id"))

    op.drop_table("meeting")
