"""Reading leads: one's own open leads."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from commands.people import Actor
from storage.leads import OPEN_STATUSES
from storage.models import Lead, as_utc
from storage.statuses import LeadStatus

LIST_LIMIT = 20


@dataclass(frozen=True)
class LeadLine:
    lead_id: int
    company: str
    contact_name: str | None
    phone: str | None
    email: str | None
    status: LeadStatus
    note: str | None
    created_at: datetime


@dataclass(frozen=True)
class LeadPage:
    leads: list[LeadLine]
    total: int


def my_open_leads(session: Session, actor: Actor) -> LeadPage:
    """The actor's own leads still being worked, newest first."""
    mine = (col(Lead.owner_id) == actor.member_id, col(Lead.status).in_(OPEN_STATUSES))
    total = session.exec(select(func.count()).select_from(Lead).where(*mine)).one()
    rows = session.exec(
        select(Lead).where(*mine).order_by(col(Lead.created_at).desc(), col(Lead.id).desc())
    ).fetchmany(LIST_LIMIT)
    lines = [
        LeadLine(
            lead_id=lead.id or 0,
            company=lead.company,
            contact_name=lead.contact_name,
            phone=lead.phone,
            email=lead.email,
            status=LeadStatus(lead.status),
            note=lead.assignment_note,
            created_at=as_utc(lead.created_at),
        )
        for lead in rows
    ]
    return LeadPage(lines, total)
