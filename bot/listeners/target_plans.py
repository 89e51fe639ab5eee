"""The planning half of `/target`: its help, the target form (and its submission), and
targets set, split and locked from one line. `bot.listeners.targets` dispatches here."""

from collections.abc import Callable
from typing import TypeVar
from zoneinfo import ZoneInfo

from slack_bolt import Ack, App
from sqlmodel import Session

from bot.i18n import t
from bot.listeners.replies import FormToOpen, answer_submission
from bot.views import target_plans as views
from commands.errors import DomainError, FormProblems, InvalidInput
from commands.people import Actor
from commands.targets.plans import (
    LockRefused,
    TargetSet,
    lock_plan,
    plannable_teams,
    reporting_currency,
    set_target,
    split_target,
    team_members,
)
from commands.targets.text import (
    Holder,
    LockPlan,
    SetTarget,
    SplitTarget,
    period_word,
    read_amount,
)
from storage.db import Database
from storage.models import Team, utcnow
from storage.statuses import Metric

T = TypeVar("T")
# Where a problem with the form is shown: under its own field, else under whose target it is.
FIELD_OF_ERROR = {
    "target.error.reason_needed": "reason",
    "target.error.reason_too_long": "reason",
    "target.error.whole_number": "amount",
    "target.error.amount": "amount",
    "target.error.period": "period",
    "target.error.metric_missing": "metric",
}


def target_help(actor: Actor) -> dict:
    return views.target_help(actor.locale)


def set_reply(db: Database, actor: Actor, request: SetTarget) -> dict:
    with db.session() as session:
        result = in_words(actor, lambda: set_target(session, actor, request))
    return views.set_message(result, actor.locale)


def split_reply(db: Database, actor: Actor, request: SplitTarget) -> dict:
    with db.session() as session:
        result = in_words(actor, lambda: split_target(session, actor, request))
    return views.split_message(result, actor.locale)


def lock_reply(db: Database, actor: Actor, request: LockPlan) -> dict:
    with db.session() as session:
        result = in_words(actor, lambda: lock_plan(session, actor, request))
    if isinstance(result, LockRefused):
        return views.refused_message(result, actor.locale)
    return views.locked_message(result, actor.reader)


def in_words(actor: Actor, produce: Callable[[], T]) -> T:
    """Run a command; a refusal that names a metric names it in the reader's words."""
    try:
        return produce()
    except DomainError as error:
        labelled(error, actor.locale)
        raise


def labelled(error: DomainError, locale: str) -> None:
    error.params = {
        name: views.metric_label(value, locale) if isinstance(value, Metric) else value
        for name, value in error.params.items()
    }
    if isinstance(error, FormProblems):
        for problem in error.problems.values():
            labelled(problem, locale)


# -- the form ----------------------------------------------------------------------------------


def target_form(db: Database, actor: Actor) -> FormToOpen:
    """The form, offering the teams the asker plans for: their own team and its members
    first, then (for an admin) every other team."""
    with db.session() as session:
        teams = plannable_teams(session, actor)
        holders = form_holders(session, actor, teams)
        currencies = sorted({reporting_currency(team) for team in teams})
    return FormToOpen(views.target_form(holders, "/".join(currencies), actor.locale))


def form_holders(session: Session, actor: Actor, teams: list[Team]) -> list[tuple[str, str]]:
    own = [team for team in teams if team.id == actor.team_id]
    holders = []
    for team in own + [team for team in teams if team.id != actor.team_id]:
        holders.append((f"{views.TEAM_CHOICE}:{team.name}", _team_label(team, actor.locale)))
        if team.id == actor.team_id:
            holders += [
                (f"{views.MEMBER_CHOICE}:{member.slack_user_id}", member.name)
                for member in team_members(session, team)
            ]
    return holders[: views.MAX_OPTIONS]


def _team_label(team: Team, locale: str) -> str:
    return t(locale, "target.team_holder", team=team.name)


def target_form_submitted(ack: Ack, view: dict, actor: Actor, db: Database) -> None:
    def save() -> dict:
        request = form_request(views.form_values(view), actor)
        with db.session() as session:
            result = in_words(actor, lambda: _set_from_form(session, actor, request))
        return views.set_done_view(result, actor.locale)

    answer_submission(ack, actor, save, views.FORM_FIELDS, "holder")


def _set_from_form(session: Session, actor: Actor, request: SetTarget) -> TargetSet:
    """The target set; a refusal shown under the field it is about."""
    try:
        return set_target(session, actor, request)
    except FormProblems:
        raise
    except DomainError as error:
        raise FormProblems({FIELD_OF_ERROR.get(error.key, "holder"): error}) from None


def form_request(values: dict[str, str | None], actor: Actor) -> SetTarget:
    """The target a submitted form asks for; every problem at once, each under its field."""
    problems: dict[str, DomainError] = {}
    holder = _form_holder(values["holder"])
    if holder is None:
        problems["holder"] = InvalidInput("target.error.holder_missing")
    metric = values["metric"] if values["metric"] in tuple(Metric) else None
    if metric is None:
        problems["metric"] = InvalidInput("target.error.metric_missing")
    today = utcnow().astimezone(ZoneInfo(actor.timezone)).date()
    period = period_word(values["period"] or "", today)
    if period is None:
        problems["period"] = InvalidInput(
            "target.error.period", value=(values["period"] or "")[:40]
        )
    try:
        amount = read_amount(values["amount"] or "")
    except InvalidInput as error:
        problems["amount"] = error
    if problems:
        raise FormProblems(problems)
    assert holder is not None and metric is not None and period is not None  # no problems
    return SetTarget(holder, Metric(metric), period, amount, values["reason"])


def _form_holder(value: str | None) -> Holder | None:
    kind, _, name = (value or "").partition(":")
    if not name:
        return None
    return Holder(member=name) if kind == views.MEMBER_CHOICE else Holder(team=name)


def register(app: App) -> None:
    app.view(views.TARGET_FORM)(target_form_submitted)
