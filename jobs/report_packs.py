"""Report packs on schedule: the reports of the period that just ended, at the team's digest
time on its clock, once per period (the run is claimed in jobs.runs and each message has its
own key, so replicas, restarts and re-runs send nothing twice).

- monthly on the 1st (the month before), quarterly on a quarter's first day (the quarter
  before), yearly on 1 January (the year before): every kind to the team channel and to each
  of the team's managers;
- weekly on Monday (the ISO week before): every kind to the managers only;
- every `report_subscription` of the team on its own cadence, to its channel; the company's
  subscriptions at the digest time on the organisation's clock (`report-packs-company`).

A pack is one message per kind: the kind's headline figures with its XLSX, CSV and charts
attached, so each set of files sits under the summary it belongs to, and a kind whose upload
fails is retried alone. Only the kind, period and scope are queued; the outbox builds the
report and its files when it delivers them (jobs.outbox), so a Slack outage delays a pack but
never loses it, and a retry uploads the same files again rather than half of them.
"""

from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from uuid import uuid4
from zoneinfo import ZoneInfo

from sqlalchemy import update
from sqlmodel import Session, col, select

from commands.reports import KINDS, build_report
from commands.reports.model import Report, ReportPeriod
from commands.reports.request import ASKED, MONTHLY, QUARTERLY, WEEKLY, YEARLY, period_due
from commands.reports.scope import ReportScope, company_scope, team_scope
from commands.team_settings import TeamSettings
from jobs.recipients import queue_new, team_members
from storage.models import Notification, ReportSubscription, Team
from storage.statuses import NotificationStatus, Role

REPORT_PACK = "report_pack"
PACK_KINDS = ("sales", "collections", "orders", "activity", "pipeline")
COMPANY = "company"

SAFETY_NET = timedelta(minutes=10)  # an asked report the outbox sends if its thread did not


@dataclass(frozen=True)
class Pack:
    cadence: str
    kind: str
    period: ReportPeriod
    team_id: int | None  # None: the company's
    channel: str
    locale: str | None = None  # a channel's language; a person reads in their own

    def message(self) -> dict:
        scope = f"team:{self.team_id}" if self.team_id is not None else COMPANY
        return {
            "key": f"report-pack:{scope}:{self.cadence}:{self.kind}:{self.period.key}:"
            f"{self.channel}",
            "channel": self.channel,
            "kind": REPORT_PACK,
            "cadence": self.cadence,
            "report": self.kind,
            "period": self.period.key,
            "team_id": self.team_id,
            "locale": self.locale,
        }


def cadences_due(day: date) -> list[str]:
    """The packs a day sends: the periods that ended the day before."""
    due = []
    if day.isoweekday() == 1:
        due.append(WEEKLY)
    if day.day == 1:
        due.append(MONTHLY)
        if day.month in (1, 4, 7, 10):
            due.append(QUARTERLY)
        if day.month == 1:
            due.append(YEARLY)
    return due


def available_kinds(kinds: tuple[str, ...] = PACK_KINDS) -> list[str]:
    """The kinds a pack holds: those the desk can build (a kind not built yet is left out)."""
    return [kind for kind in kinds if kind in KINDS]


def queue(session: Session, team: Team, at: datetime, settings: TeamSettings) -> int:
    day = at.astimezone(ZoneInfo(settings.timezone)).date()
    due = cadences_due(day)
    if not due:
        return 0
    packs = [
        *_default_packs(session, team, due, day, settings),
        *_subscribed(session, team.id, due, day, settings.locale),
    ]
    return queue_new(session, [pack.message() for pack in packs])


def queue_company(
    session: Session,
    teams: list[tuple[Team, TeamSettings]],
    at: datetime,
    clock: TeamSettings,
) -> int:
    """The company's subscriptions, once the organisation's clock (SALESDESK_TIMEZONE and
    SALESDESK_LOCALE, as the job runner keeps them) reaches the digest time of a day that ends
    a period (run every 15 minutes: the keys keep each pack to once)."""
    local = at.astimezone(ZoneInfo(clock.timezone))
    hour, minute = map(int, clock.digest_time.split(":"))
    if local.time() < time(hour, minute):
        return 0
    due = cadences_due(local.date())
    packs = _subscribed(session, None, due, local.date(), clock.locale) if due else []
    return queue_new(session, [pack.message() for pack in packs])


def _default_packs(
    session: Session, team: Team, due: list[str], day: date, settings: TeamSettings
) -> list[Pack]:
    managers = _managers(session, team)
    packs = []
    for cadence in due:
        period = period_due(cadence, day)
        for kind in available_kinds():
            if cadence != WEEKLY and team.slack_channel_id:
                packs.append(
                    Pack(cadence, kind, period, team.id, team.slack_channel_id, settings.locale)
                )
            packs += [Pack(cadence, kind, period, team.id, manager) for manager in managers]
    return packs


def _subscribed(
    session: Session, team_id: int | None, due: list[str], day: date, locale: str
) -> list[Pack]:
    owner = (
        col(ReportSubscription.team_id).is_(None)
        if team_id is None
        else ReportSubscription.team_id == team_id
    )
    rows = session.exec(
        select(ReportSubscription)
        .where(owner, col(ReportSubscription.cadence).in_(due))
        .order_by(col(ReportSubscription.id))
    )
    return [
        Pack(row.cadence, row.kind, period_due(row.cadence, day), team_id, row.channel_id, locale)
        for row in rows
        if row.kind in KINDS
    ]


def _managers(session: Session, team: Team) -> list[str]:
    ids = {m.slack_user_id for m in team_members(session, team) if m.role == Role.manager}
    if team.manager_slack_id:
        ids.add(team.manager_slack_id)
    return sorted(ids)


def pack_report(session: Session, params: dict, default_timezone: str = "UTC") -> Report | None:
    """The report a queued pack stands for, built now with its rows read into lists (the
    summary and every file read them); None when its team is gone."""
    scope = _pack_scope(session, params, default_timezone)
    if scope is None:
        return None
    report = build_report(session, params["report"], scope, ReportPeriod.of(params["period"]))
    for table in report.tables:
        table.rows = list(table.rows)
    return report


def _pack_scope(session: Session, params: dict, default_timezone: str) -> ReportScope | None:
    """A team's or the company's; a report asked for with /report carries its scope whole, as
    it was checked when asked."""
    asked = params.get("scope")
    if asked:
        ids = {"team_ids": tuple(asked["team_ids"]), "member_ids": tuple(asked["member_ids"])}
        return ReportScope(**{**asked, **ids})
    if params.get("team_id") is None:
        return company_scope(session, default_timezone)
    team = session.get(Team, params["team_id"])
    return team_scope(team, default_timezone) if team else None


def queue_asked(
    session: Session,
    kind: str,
    period: ReportPeriod,
    scope: ReportScope,
    channel: str,
    locale: str,
    now: datetime,
) -> str:
    """A report asked for with /report, kept in the outbox too, due SAFETY_NET later: it is
    made at once in the request's own thread, which marks this row sent once the files went
    (`asked_delivered`); should that process stop first, the outbox sends it. Its key."""
    key = f"report-asked:{uuid4().hex}"
    session.add(
        Notification(
            key=key,
            channel=channel,
            kind=REPORT_PACK,
            params={
                "cadence": ASKED,
                "report": kind,
                "period": period.key,
                "team_id": None,
                "locale": locale,
                "scope": asdict(scope),
            },
            next_attempt_at=now + SAFETY_NET,
        )
    )
    return key


def asked_delivered(session: Session, key: str, now: datetime) -> None:
    """The asked report went out from its own thread: the outbox has nothing left to send."""
    session.execute(
        update(Notification)
        .where(col(Notification.key) == key, col(Notification.status) == NotificationStatus.pending)
        .values(status=NotificationStatus.sent, sent_at=now)
    )
