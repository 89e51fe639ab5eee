"""`salesdesk jobs …` and `salesdesk settings …`: the scheduler and team settings for operators."""

from dataclasses import asdict
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel import func, select

from bot.app import create_desk
from bot.console.render import render_message
from bot.i18n import t
from bot.runtime import open_database
from bot.settings import Settings, SettingsError
from bot.views.errors import error_text
from commands.errors import DomainError
from commands.home_refresh import HOME_REFRESH
from commands.people import Reader, reader_for
from commands.team_settings import change_team_settings
from jobs.registry import JOBS
from jobs.scheduler import planned_jobs
from storage.models import Notification, utcnow


def list_jobs(settings: Settings) -> int:
    desk = create_desk(settings, open_database(settings))
    now = utcnow()
    print(t(settings.locale, "jobs.list.header"))
    for plan in planned_jobs(desk.job_runner()):
        upcoming = plan.next_run(now)
        local = upcoming.astimezone(ZoneInfo(plan.timezone)) if upcoming else None
        print(
            f"{plan.job} · {plan.team} · "
            f"{local:%Y-%m-%d %H:%M %Z} · {upcoming.astimezone(ZoneInfo('UTC')):%Y-%m-%d %H:%M}Z"
            if upcoming
            else f"{plan.job} · {plan.team} · —"
        )
    return 0


def run_job(settings: Settings, name: str, at_text: str | None) -> int:
    locale = settings.locale
    if name not in JOBS:
        print(t(locale, "jobs.error.unknown", name=name, names=", ".join(JOBS)))
        return 2
    at = _moment(at_text, settings) if at_text else utcnow()
    desk = create_desk(settings, open_database(settings))
    before = _last_notification_id(desk)
    for result in desk.job_runner().run(name, at):
        key = "jobs.run.already" if result.already_done else "jobs.run.queued"
        print(
            t(
                locale,
                key,
                job=name,
                target=result.label,
                period=result.period,
                count=result.queued,
            )
        )
    queued = _queued_since(desk, before)
    for notification in queued:
        if notification.kind != HOME_REFRESH:  # a Home is built when it is published
            _show(desk, notification)
    if not queued:
        return 0
    if settings.slack_bot_token:
        while desk.outbox.deliver_due():
            pass
        print(t(locale, "jobs.run.delivered", **_outbox_counts(desk)))
    else:
        print(t(locale, "cli.jobs.waiting"))
    return 0


def _last_notification_id(desk) -> int:
    with desk.db.session() as session:
        return session.exec(select(func.max(Notification.id))).one() or 0


def _queued_since(desk, last_id: int) -> list[Notification]:
    """The messages this run queued: the outbox rows written after it started (a bot serving
    at the same moment may add its own among them)."""
    with desk.db.session() as session:
        query = select(Notification).where(Notification.id > last_id).order_by(Notification.id)
        return list(session.exec(query))


def _show(desk, notification: Notification) -> None:
    """A queued message as the console shows it, in its reader's language and zone."""
    settings = desk.settings
    with desk.db.session() as session:
        reader = reader_for(session, notification.channel, settings.locale, settings.timezone)
    text, blocks = desk.outbox.render(notification.kind, notification.params, reader)
    heading = t(
        settings.locale, "cli.jobs.message", kind=notification.kind, channel=notification.channel
    )
    print(f"\n{heading}\n{render_message({'text': text, 'blocks': blocks})}")


def show_settings(settings: Settings) -> int:
    desk = create_desk(settings, open_database(settings))
    runner = desk.job_runner()
    with desk.db.session() as session:
        for team, team_settings in runner.teams(session):
            print(t(settings.locale, "settings.title", team=team.name))
            for name, value in asdict(team_settings).items():
                print(f"  {name} = {value}")
    return 0


def set_settings(settings: Settings, team: str, changes: list[str]) -> int:
    pairs = dict(change.split("=", 1) for change in changes if "=" in change)
    if len(pairs) != len(changes):
        print(t(settings.locale, "settings.error.usage"))
        return 2
    db = open_database(settings)
    try:
        with db.session() as session:
            change_team_settings(session, None, team, pairs)
    except DomainError as error:
        print(error_text(error, Reader(settings.locale, settings.timezone)))
        return 2
    return show_settings(settings)


def _moment(text: str, settings: Settings) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise SettingsError(t(settings.locale, "jobs.error.bad_time", value=text)) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(settings.timezone))
    return moment


def _outbox_counts(desk) -> dict[str, int]:
    with desk.db.session() as session:
        statuses = list(session.exec(select(Notification.status)))
    return {
        "sent": statuses.count("sent"),
        "pending": statuses.count("pending") + statuses.count("sending"),
        "failed": statuses.count("failed"),
    }
