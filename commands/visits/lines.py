"""A logged visit as the other layers read it: one line with its customer and rep."""

from dataclasses import dataclass
from datetime import date, datetime

from storage.models import Customer, Member, Visit, as_utc, stored_id


@dataclass(frozen=True)
class VisitLine:
    id: int
    customer_code: str
    customer_name: str
    rep_name: str
    rep_slack_id: str
    at: datetime
    channel: str
    summary: str
    effective: bool
    next_step: str | None
    next_step_due: date | None


def visit_line(visit: Visit, customer: Customer, rep: Member) -> VisitLine:
    return VisitLine(
        id=stored_id(visit),
        customer_code=customer.code,
        customer_name=customer.name,
        rep_name=rep.name,
        rep_slack_id=rep.slack_user_id,
        at=as_utc(visit.at),
        channel=visit.channel,
        summary=visit.summary,
        effective=visit.effective,
        next_step=visit.next_step,
        next_step_due=visit.next_step_due,
    )
