"""The first-contact clock (首次联系时限): a lead is to be contacted within the team's
`lead_sla_hours`, counted only in business hours — the team's `business_hours` on its working
days (commands.workdays: Monday to Friday, or China's calendar with its public holidays and
make-up working days), on the team's clock.

Assignment starts the clock: the moments the rep is reminded, the manager told and the lead
returned to the pool are computed once, as shares of the hours (`sla_remind_percent`,
`sla_escalate_percent`, `sla_return_percent`), and stored, so the job that acts on them reads
one indexed column (`sla_next_at`) instead of counting hours for every lead it looks at.
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from commands.team_settings import TeamSettings
from commands.workdays import is_working_day
from storage.models import Lead, as_utc

# Longer than any clock the settings allow (240 business hours) can need, holidays included.
MAX_DAYS = 400


def business_deadline(start: datetime, hours: float, settings: TeamSettings) -> datetime:
    """The moment (UTC) `hours` business hours after `start`."""
    remaining = timedelta(hours=hours)
    for opens, closes in _business_spans(start, settings):
        if remaining <= closes - opens:
            return opens + remaining
        remaining -= closes - opens
    raise ValueError(f"no {hours} business hours within {MAX_DAYS} days of {start}")


def business_hours_between(start: datetime, end: datetime, settings: TeamSettings) -> float:
    """How many business hours lie between `start` and `end` (0 when end is not later)."""
    counted = timedelta()
    end = as_utc(end)
    for opens, closes in _business_spans(start, settings):
        if opens >= end:
            break
        counted += min(closes, end) - opens
    return counted.total_seconds() / 3600


def start_clock(lead: Lead, settings: TeamSettings, now: datetime) -> None:
    """The three moments of a lead just assigned, from `now`."""
    hours = settings.lead_sla_hours
    lead.sla_remind_at = business_deadline(now, hours * settings.sla_remind_percent / 100, settings)
    lead.sla_due_at = business_deadline(now, hours * settings.sla_escalate_percent / 100, settings)
    lead.sla_return_at = business_deadline(now, hours * settings.sla_return_percent / 100, settings)
    lead.sla_stage = ""
    lead.sla_next_at = min(lead.sla_remind_at, lead.sla_due_at, lead.sla_return_at)


def stop_clock(lead: Lead) -> None:
    """Contacted, returned to the pool or closed: nothing more is due."""
    lead.sla_next_at = None


def _business_spans(start: datetime, settings: TeamSettings):
    """Each stretch of business time from `start` on, as (opens, closes) in UTC, day by day."""
    zone = ZoneInfo(settings.timezone)
    opening, closing = (time.fromisoformat(clock) for clock in settings.business_day)
    start = as_utc(start)
    day = start.astimezone(zone).date()
    for offset in range(MAX_DAYS):
        current = day + timedelta(days=offset)
        if not is_working_day(current, settings.chinese_calendar):
            continue
        opens = max(start, _moment(current, opening, zone))
        closes = _moment(current, closing, zone)
        if opens < closes:
            yield opens, closes


def _moment(day: date, clock: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, clock, zone).astimezone(UTC)
