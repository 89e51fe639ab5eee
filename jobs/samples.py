"""Sample reminders and escalations, planned for one team; each sent once, its outbox key
naming the sample and the occasion.

- needed soon: a sample not shipped yet whose needed-by date is within
  `sample_needed_soon_days` on its rep's calendar → the rep, and the desk once it is approved
  (the desk ships it), from the team's digest time on the rep's clock;
- waiting for approval: a request undecided for more than `sample_approval_hours` → the
  rep's manager."""

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from commands.team_settings import TeamSettings
from jobs.recipients import manager_of, working_days
from storage.models import Customer, Member, SampleRequest, Team
from storage.statuses import Role, SampleStatus

NOT_SHIPPED = (SampleStatus.requested, SampleStatus.approved)


def needed_soon_reminders(
    session: Session, members: Iterable[Member], settings: TeamSettings, at: datetime
) -> list[dict]:
    members = list(members)
    days = working_days(members, settings, at)
    if not days:
        return []
    soon = timedelta(days=settings.sample_needed_soon_days)
    reps = {m.id: m.slack_user_id for m in members}
    desk = [m.slack_user_id for m in members if m.role == Role.desk]
    rows = session.exec(
        select(SampleRequest, Customer.name)
        .join(Customer, col(SampleRequest.customer_id) == Customer.id)
        .where(
            col(SampleRequest.rep_id).in_(list(days)),
            col(SampleRequest.status).in_(NOT_SHIPPED),
            col(SampleRequest.needed_by).is_not(None),
            col(SampleRequest.needed_by) <= max(days.values()) + soon,
        )
    ).all()
    planned = []
    for sample, customer in rows:
        needed_by = sample.needed_by
        if needed_by is None or needed_by > days[sample.rep_id] + soon:
            continue
        readers = [reps[sample.rep_id]] + (desk if sample.status == SampleStatus.approved else [])
        for reader in readers:
            planned.append(
                {
                    "key": f"sample-needed-soon:{sample.id}:{needed_by}:{reader}",
                    "channel": reader,
                    "kind": "sample_needed_soon",
                    "sample_id": sample.id,
                    "customer": customer,
                    "product": sample.product,
                    "status": sample.status,
                    "needed_by": needed_by.isoformat(),
                }
            )
    return planned


def waiting_for_approval(
    session: Session, team: Team, members: dict[int, Member], settings: TeamSettings, at: datetime
) -> list[dict]:
    cutoff = at - timedelta(hours=settings.sample_approval_hours)
    rows = session.exec(
        select(SampleRequest, Customer.name)
        .join(Customer, col(SampleRequest.customer_id) == Customer.id)
        .where(
            col(SampleRequest.rep_id).in_(list(members)),
            SampleRequest.status == SampleStatus.requested,
            SampleRequest.created_at < cutoff,
        )
    ).all()
    planned = []
    for sample, customer in rows:
        manager = manager_of(members[sample.rep_id], team)
        if manager:
            planned.append(
                {
                    "key": f"escalation:sample-approval:{sample.id}:manager",
                    "channel": manager,
                    "kind": "escalation_sample_approval",
                    "sample_id": sample.id,
                    "customer": customer,
                    "product": sample.product,
                    "rep": members[sample.rep_id].name,
                    "hours": settings.sample_approval_hours,
                }
            )
    return planned
