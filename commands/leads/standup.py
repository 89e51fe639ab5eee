"""The pipeline's part of a team's stand-up: the leads that came in yesterday, those waiting
for a rep, the first-contact deadlines missed yesterday, and the opportunities gone quiet."""

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from commands.deals.stalled import stalled_opportunities
from storage.models import Lead, Member, Team, as_utc, stored_id
from storage.statuses import LeadStatus

SHOWN = 10  # missed deadlines and stalled opportunities named, at most; the rest are counted


@dataclass
class PipelineDay:
    new_leads: int = 0
    waiting_leads: int = 0
    sla_missed: list[dict] = field(default_factory=list)
    sla_missed_count: int = 0
    stalled: list[dict] = field(default_factory=list)
    stalled_count: int = 0

    def is_empty(self) -> bool:
        return not (self.new_leads or self.waiting_leads or self.sla_missed or self.stalled)


def pipeline_day(session: Session, team: Team, since: datetime, until: datetime) -> PipelineDay:
    """The team's leads and opportunities for the day from `since` to `until` (yesterday, on
    the team's clock)."""
    team_id = stored_id(team)
    missed = _missed_deadlines(session, team_id, since, until)
    stalled = stalled_opportunities(session, [team_id], until)
    return PipelineDay(
        new_leads=_count(
            session,
            col(Lead.team_id) == team_id,
            col(Lead.created_at) >= since,
            col(Lead.created_at) < until,
        ),
        waiting_leads=_count(
            session,
            col(Lead.team_id) == team_id,
            col(Lead.status) == LeadStatus.new,
            col(Lead.owner_id).is_(None),
        ),
        sla_missed=missed[:SHOWN],
        sla_missed_count=len(missed),
        stalled=[
            {
                "deal_id": deal.deal_id,
                "title": deal.title,
                "customer": deal.customer_name,
                "rep": deal.owner_name,
                "stage": str(deal.stage),
                "idle_days": deal.idle_days,
            }
            for deal in stalled[:SHOWN]
        ],
        stalled_count=len(stalled),
    )


def _count(session: Session, *conditions) -> int:
    return session.exec(select(func.count()).select_from(Lead).where(*conditions)).one()


def _missed_deadlines(session: Session, team_id: int, since: datetime, until: datetime):
    """Leads of the team whose first-contact deadline fell in the day and found them not
    contacted (contacted later, or still not)."""
    rows = session.exec(
        select(Lead, Member.name)
        .join(
            Member,
            col(Member.id) == func.coalesce(col(Lead.owner_id), col(Lead.previous_owner_id)),
            isouter=True,
        )
        .where(
            col(Lead.team_id) == team_id,
            col(Lead.sla_due_at) >= since,
            col(Lead.sla_due_at) < until,
            or_(
                col(Lead.first_contact_at).is_(None),
                col(Lead.first_contact_at) > col(Lead.sla_due_at),
            ),
        )
        .order_by(col(Lead.sla_due_at), col(Lead.id))
    ).all()
    return [
        {
            "lead_id": stored_id(lead),
            "company": lead.company,
            "rep": rep or "—",
            "due_at": as_utc(lead.sla_due_at).isoformat() if lead.sla_due_at else None,
        }
        for lead, rep in rows
    ]
