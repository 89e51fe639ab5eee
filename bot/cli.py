"""The `salesdesk` command line."""

import argparse
import logging
import sys

from bot.console.output import silence_stdout
from bot.i18n import t
from bot.logs import setup_logging
from bot.settings import Settings, SettingsError, operator_locale

log = logging.getLogger("salesdesk")
IMPORT_KINDS = (
    "teams",
    "members",
    "customers",
    "orders",
    "invoices",
    "payments",
    "targets",
    "rates",
    "leads",
    "products",
    "order_lines",
    "opportunities",
)
SIGPIPE_EXIT = 141  # what a shell reports for a program whose reader went away


class Parser(argparse.ArgumentParser):
    """Usage mistakes in one line, pointing at --help, instead of the usage text and a
    second line."""

    def error(self, message: str):
        hint = t(operator_locale(), "cli.usage_error", message=message, prog=self.prog)
        self.exit(2, f"{self.prog}: {hint}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="salesdesk", description="Sales Desk, the sales back office in Slack")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = sub.add_parser("serve", help="connect to Slack (Socket Mode, or HTTP with --http)")
    serve.add_argument("--http", action="store_true", help="serve Slack's HTTP mode with gunicorn")
    serve.add_argument("--host", default="0.0.0.0")
    serve.add_argument("--port", type=_port, default=3000)
    serve.add_argument("--workers", type=_positive, default=2)
    serve.add_argument("--no-scheduler", action="store_true", help="do not run scheduled jobs here")
    serve.set_defaults(run=_serve)

    console = sub.add_parser("console", help="talk to the bot in this terminal, no Slack needed")
    console.add_argument("-c", dest="line", help="run one line, print the reply and exit")
    console.add_argument(
        "--as",
        dest="user",
        metavar="MEMBER",
        help="act as this member: a Slack user id, a name or the start of one",
    )
    console.add_argument(
        "--demo", action="store_true", help="load demo data into an empty database first"
    )
    console.set_defaults(run=_console)

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    db_sub.add_parser("upgrade", help="apply migrations").set_defaults(run=_db_upgrade)

    imports = sub.add_parser("import", help="upsert records from a CSV file")
    imports.add_argument("kind", choices=IMPORT_KINDS)
    imports.add_argument("file")
    imports.set_defaults(run=_import)

    report = sub.add_parser("report", help="a report as a file: xlsx, csv, png or txt")
    report.add_argument("kind", help="sales, collections, orders, activity or pipeline")
    report.add_argument("--period", required=True, help="2026-11, 2026-Q4, 2026 or 2026-W48")
    report.add_argument("--team", help="one team (the company when left out)")
    report.add_argument("--format", dest="format_", help="xlsx, csv, png or txt")
    report.add_argument("-o", "--output", required=True, help="the file to write; - for stdout")
    report.set_defaults(run=_report)

    jobs = sub.add_parser("jobs", help="scheduled jobs: list them, or run one now")
    jobs_sub = jobs.add_subparsers(dest="jobs_command", required=True, metavar="ACTION")
    jobs_sub.add_parser("list", help="every job with its next run per team").set_defaults(
        run=_jobs_list
    )
    run = jobs_sub.add_parser("run", help="run one job now, as if the clock read --at")
    run.add_argument("name")
    run.add_argument("--at", help="ISO-8601 date and time (default: now)")
    run.set_defaults(run=_jobs_run)

    team_settings = sub.add_parser("settings", help="show or change a team's settings")
    settings_sub = team_settings.add_subparsers(dest="settings_command", required=True)
    show = settings_sub.add_parser("show", help="every team's settings")
    show.set_defaults(run=_settings_show)
    change = settings_sub.add_parser("set", help="change settings: TEAM name=value …")
    change.add_argument("team")
    change.add_argument("changes", nargs="+", metavar="name=value")
    change.set_defaults(run=_settings_set)

    members = sub.add_parser("members", help="people who leave: deactivate and hand over")
    members_sub = members.add_subparsers(dest="members_command", required=True, metavar="ACTION")
    leave = members_sub.add_parser(
        "deactivate", help="deactivate a member and hand everything open of theirs to another"
    )
    leave.add_argument("member", metavar="SLACK_ID")
    leave.add_argument("--to", required=True, metavar="SLACK_ID", help="who takes over")
    leave.set_defaults(run=_members_deactivate)
    _add_leads(sub)
    return parser


def _add_leads(sub) -> None:
    leads = sub.add_parser("leads", help="leads: the tokens their sources send with POST /leads")
    leads_sub = leads.add_subparsers(dest="leads_command", required=True, metavar="WHAT")
    token = leads_sub.add_parser("token", help="create, list or revoke a lead source's token")
    token_sub = token.add_subparsers(dest="token_command", required=True, metavar="ACTION")
    create = token_sub.add_parser("create", help="a new token for a source, shown once")
    create.add_argument("source", help="website, trade_show, referral, phone, email, slack, other")
    create.set_defaults(run=_leads_token_create)
    token_sub.add_parser("list", help="every source's token: created, revoked").set_defaults(
        run=_leads_token_list
    )
    revoke = token_sub.add_parser("revoke", help="revoke a source's token at once")
    revoke.add_argument("source")
    revoke.set_defaults(run=_leads_token_revoke)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    serving = args.command == "serve"
    setup_logging(logging.INFO if serving else logging.WARNING, server=serving)
    try:
        status = args.run(Settings.from_env(), args) or 0
        sys.stdout.flush()
        return status
    except SettingsError as error:
        print(f"salesdesk: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        silence_stdout()
        return SIGPIPE_EXIT
    except Exception as error:
        if serving:  # the server's log is read by operators: the whole traceback goes there
            log.exception("Sales Desk stopped")
        message = t(operator_locale(), "cli.unexpected", kind=type(error).__name__, error=error)
        print(f"salesdesk: {message}", file=sys.stderr)
        return 1


def _positive(text: str) -> int:
    value = int(text) if text.isdigit() else 0
    if value < 1:
        raise argparse.ArgumentTypeError(t(operator_locale(), "config.workers", value=text))
    return value


def _port(text: str) -> int:
    value = int(text) if text.isdigit() else 0
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(t(operator_locale(), "config.port", value=text))
    return value


def _serve(settings: Settings, args) -> int:
    from bot import serve

    scheduler = not args.no_scheduler
    if args.http:
        serve.serve_http(settings, args.host, args.port, args.workers, scheduler)
    else:
        serve.serve_socket_mode(settings, scheduler)
    return 0


def _console(settings: Settings, args) -> int:
    from bot.console import run_console

    return run_console(settings, line=args.line, user=args.user, demo=args.demo)


def _db_upgrade(settings: Settings, args) -> int:
    from bot.runtime import migrate

    done = migrate(settings)
    for migration in done.applied:
        print(
            t(settings.locale, "cli.db.applied", revision=migration.revision, title=migration.title)
        )
    key = "cli.db.now_at" if done.applied else "cli.db.already"
    print(t(settings.locale, key, revision=done.revision))
    return 0


def _jobs_list(settings: Settings, args) -> int:
    from bot.jobs_cli import list_jobs

    return list_jobs(settings)


def _jobs_run(settings: Settings, args) -> int:
    from bot.jobs_cli import run_job

    return run_job(settings, args.name, args.at)


def _settings_show(settings: Settings, args) -> int:
    from bot.jobs_cli import show_settings

    return show_settings(settings)


def _settings_set(settings: Settings, args) -> int:
    from bot.jobs_cli import set_settings

    return set_settings(settings, args.team, args.changes)


def _import(settings: Settings, args) -> int:
    from bot.import_report import run_import

    return run_import(settings, args.kind, args.file)


def _report(settings: Settings, args) -> int:
    from bot.report_cli import run_report

    return run_report(settings, args.kind, args.period, args.team, args.format_, args.output)


def _leads_token_create(settings: Settings, args) -> int:
    from bot.leads_cli import create_token

    return create_token(settings, args.source)


def _leads_token_list(settings: Settings, args) -> int:
    from bot.leads_cli import list_tokens

    return list_tokens(settings)


def _leads_token_revoke(settings: Settings, args) -> int:
    from bot.leads_cli import revoke_token

    return revoke_token(settings, args.source)


def _members_deactivate(settings: Settings, args) -> int:
    from bot.members_cli import deactivate_member

    return deactivate_member(settings, args.member, args.to)


if __name__ == "__main__":
    sys.exit(main())
