"""What a visit must say before it is logged: a customer, a time not in the future, a known
channel, a summary, and a next step that comes with its due date (and the other way round)."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from commands.errors import DomainError, FormProblems, InvalidInput
from commands.orders import today_for
from commands.people import Actor
from storage.models import utcnow

CHANNELS = ("visit", "call", "wechat", "email", "meeting")
MAX_SUMMARY = 3000
MAX_NEXT_STEP = 500
# A form filled in just before the hour it names ("15:00" picked at 14:55) is not a typo.
FUTURE_GRACE = timedelta(minutes=15)


@dataclass(frozen=True)
class VisitDraft:
    """What a form or a one-line command says about a visit, before it is checked."""

    customer_id: int | None
    at: datetime
    channel: str
    summary: str
    effective: bool = True
    next_step: str | None = None
    next_step_due: date | None = None


class VisitProblems(FormProblems):
    """Everything wrong with a draft, by field (customer, when, channel, summary, next_step,
    next_step_due), so a form can show each next to its field; reads as the first one."""


def check_draft(
    actor: Actor, draft: VisitDraft, now: datetime | None = None, customer_known: bool = False
) -> None:
    """Raise VisitProblems naming every field that is wrong; change nothing."""
    moment = now or utcnow()
    problems: dict[str, DomainError] = {}
    if draft.customer_id is None and not customer_known:
        problems["customer"] = InvalidInput("visit.error.no_customer")
    if draft.at > moment + FUTURE_GRACE:
        problems["when"] = InvalidInput("visit.error.when_in_future")
    if draft.channel not in CHANNELS:
        problems["channel"] = InvalidInput("visit.error.unknown_channel", word=draft.channel)
    problems.update(_summary_problems(draft.summary))
    problems.update(_next_step_problems(draft, today_for(actor, moment)))
    if problems:
        raise VisitProblems(problems)


def _summary_problems(summary: str) -> dict[str, DomainError]:
    summary = summary.strip()
    if not summary:
        return {"summary": InvalidInput("visit.error.no_summary")}
    if len(summary) > MAX_SUMMARY:
        return {"summary": InvalidInput("visit.error.summary_too_long", limit=MAX_SUMMARY)}
    return {}


def _next_step_problems(draft: VisitDraft, today: date) -> dict[str, DomainError]:
    """A next step and its due date come together; the step fits, the day is not past."""
    problems: dict[str, DomainError] = {}
    next_step = (draft.next_step or "").strip()
    if len(next_step) > MAX_NEXT_STEP:
        problems["next_step"] = InvalidInput("visit.error.next_step_too_long", limit=MAX_NEXT_STEP)
    elif draft.next_step_due and not next_step:
        problems["next_step"] = InvalidInput("visit.error.next_step_missing")
    if next_step and draft.next_step_due is None:
        problems["next_step_due"] = InvalidInput("visit.error.due_missing")
    elif draft.next_step_due and draft.next_step_due < today:
        problems["next_step_due"] = InvalidInput("visit.error.due_in_past")
    return problems
