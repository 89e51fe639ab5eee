"""The stand-up post, the rep's brief and the manager's weekly review."""

from datetime import date, datetime
from decimal import Decimal

from bot.i18n import day, moment, money, t
from bot.views.attainment import month_blocks
from bot.views.blocks import context, grouped_lines, header, mrkdwn_section, plain_section
from bot.views.deals import stage_label
from bot.views.leaderboard import weekly_targets
from bot.views.orders import status_label
from bot.views.pipeline import _conversion_text
from bot.views.receivables import overdue_digest, weekly_receivables
from commands.people import Reader
from commands.pipeline.queries import Counts

LIST_CAP = 5


def daily_digest(params: dict, reader: Reader) -> tuple[str, list]:
    locale, zone = params.get("locale") or reader.locale, params.get("timezone") or reader.timezone
    today = date.fromisoformat(params["day"])
    title = t(locale, "digest.title", team=params["team"], day=day(today, locale))
    blocks = [header(title)]
    targets = month_blocks(
        params.get("targets", []), params.get("targets_currency"), locale, "digest"
    )
    if _all_clear(params):
        blocks.append(plain_section(t(locale, "digest.all_clear")))
        return title, blocks + targets
    blocks.append(mrkdwn_section(_yesterday_counts(params, locale)))
    blocks += _orders(locale, "digest.late", params["late"], late=True)
    blocks += _orders(locale, "digest.on_hold", params["on_hold"])
    if params.get("overdue_invoices"):
        blocks += _capped(locale, *overdue_digest(params["overdue_invoices"], locale))
    blocks += _pipeline(params.get("pipeline") or {}, locale, zone)
    if params["visits_per_rep"]:
        visits = t(locale, "list.separator").join(
            t(locale, "digest.visit_count", rep=rep, count=n)
            for rep, n in sorted(params["visits_per_rep"].items())
        )
        blocks += [mrkdwn_section(t(locale, "digest.visits")), plain_section(visits)]
    if params["samples_to_approve"] or params["samples_to_ship"]:
        text = t(
            locale,
            "digest.samples",
            approve=params["samples_to_approve"],
            ship=params["samples_to_ship"],
        )
        blocks.append(mrkdwn_section(text))
    blocks += _meetings(locale, zone, params["meetings_today"])
    return title, blocks + targets


def rep_brief(params: dict, reader: Reader) -> tuple[str, list]:
    locale = reader.locale
    title = t(locale, "brief.title", day=day(date.fromisoformat(params["day"]), locale))
    blocks = [header(title)]
    blocks += _orders(locale, "brief.late", params["late_orders"], late=True)
    if params["follow_ups"]:
        lines = [
            t(
                locale,
                "brief.follow_up_line",
                customer=f["customer"],
                step=f["step"] or "",
                due=day(date.fromisoformat(f["due"]), locale),
            )
            for f in params["follow_ups"]
        ]
        blocks += _capped(locale, t(locale, "brief.follow_ups", count=len(lines)), lines)
    blocks += _meetings(locale, reader.timezone, params["meetings"])
    return title, blocks


def weekly_report(params: dict, reader: Reader) -> tuple[str, list]:
    locale = reader.locale
    start, end = date.fromisoformat(params["week_start"]), date.fromisoformat(params["week_end"])
    title = t(
        locale, "weekly.title", team=params["team"], start=day(start, locale), end=day(end, locale)
    )
    blocks = [header(title), context(t(locale, "weekly.legend"))]
    rep_lines = [_weekly_rep_line(rep, locale) for rep in params["reps"]]
    blocks += [plain_section("\n".join(group)) for group in grouped_lines(rep_lines)]
    if not params["reps"]:
        blocks.append(plain_section(t(locale, "weekly.no_reps")))
    blocks.append(
        mrkdwn_section(
            t(
                locale,
                "weekly.attention",
                late=params["late_orders"],
                hold=params["on_hold"],
                stuck=params["stuck_samples"],
            )
        )
    )
    blocks += _weekly_funnel(params.get("funnel"), locale)
    collections, overdue = params.get("collections", []), params.get("overdue_by_bucket", [])
    blocks += weekly_receivables(collections, overdue, locale)
    blocks += weekly_targets(params, locale)
    return title, blocks


def _weekly_funnel(funnel: dict | None, locale: str) -> list:
    """The month's funnel in one section, in the words of `/pipeline`; none for a team with
    nothing in it."""
    if not funnel:
        return []
    currency = funnel["currency"]

    def cash(amount: str) -> str:
        return money(Decimal(amount), currency, locale)

    lines = [f"*{t(locale, 'weekly.funnel', period=funnel['period'], currency=currency)}*"]
    lines += [
        t(
            locale,
            "pipeline.stage",
            stage=stage_label(line["stage"], locale),
            count=line["count"],
            amount=cash(line["amount"]),
        )
        for line in funnel["stages"]
    ]
    lines.append(_conversion_text(Counts(0, None, **funnel["conversion"]), locale))
    forecast = funnel["forecast"]
    lines.append(
        t(
            locale,
            "pipeline.forecast",
            month=funnel["month"],
            month_amount=cash(forecast["month"]),
            quarter=funnel["quarter"],
            quarter_amount=cash(forecast["quarter"]),
        )
    )
    if funnel["missing_rates"]:
        rates = ", ".join(
            f"{m['currency']}→{m['to_currency']} {m['month']}" for m in funnel["missing_rates"]
        )
        lines.append(t(locale, "pipeline.missing_rates", rates=rates))
    return [mrkdwn_section("\n".join(lines))]


def _weekly_rep_line(rep: dict, locale: str) -> str:
    figures = t(locale, "list.separator").join(
        t(locale, f"weekly.{metric}", now=rep["this_week"][metric], before=rep["last_week"][metric])
        for metric in ("orders", "shipments", "visits", "samples")
    )
    return t(locale, "weekly.rep", rep=rep["rep"], figures=figures)


def _all_clear(params: dict) -> bool:
    lists = ("new_orders", "shipped", "delivered", "late", "on_hold", "meetings_today")
    counts = ("samples_to_approve", "samples_to_ship")
    return (
        not any(params[k] for k in lists + counts)
        and not params["visits_per_rep"]
        and not params.get("overdue_invoices")
        and not _pipeline_news(params.get("pipeline") or {})
    )


def _yesterday_counts(params: dict, locale: str) -> str:
    return t(
        locale,
        "digest.yesterday",
        new=len(params["new_orders"]),
        shipped=len(params["shipped"]),
        delivered=len(params["delivered"]),
        visits=sum(params["visits_per_rep"].values()),
    )


def _orders(locale: str, title_key: str, orders: list[dict], late: bool = False) -> list:
    if not orders:
        return []
    key = "digest.order_line_late" if late else "digest.order_line"
    lines = [
        t(
            locale,
            key,
            number=o["number"],
            customer=o["customer"],
            rep=o["rep"],
            status=status_label(o["status"], locale),
            promised=day(_date(o["promised_ship_on"]), locale),
        )
        for o in orders
    ]
    return _capped(locale, t(locale, title_key, count=len(orders)), lines)


def _meetings(locale: str, zone: str, meetings: list[dict]) -> list:
    if not meetings:
        return []
    lines = [
        t(
            locale,
            "digest.meeting_line",
            at=moment(datetime.fromisoformat(m["starts_at"]), locale, zone),
            title=m["title"],
            customer=m["customer"] or "—",
        )
        for m in meetings
    ]
    return _capped(locale, t(locale, "digest.meetings", count=len(meetings)), lines)


def _pipeline_news(pipeline: dict) -> bool:
    keys = ("new_leads", "waiting_leads", "sla_missed", "stalled")
    return any(pipeline.get(key) for key in keys)


def _pipeline(pipeline: dict, locale: str, zone: str) -> list:
    """New and waiting leads, yesterday's missed first-contact deadlines, stalled deals."""
    if not _pipeline_news(pipeline):
        return []
    counts = t(locale, "digest.leads", new=pipeline["new_leads"], waiting=pipeline["waiting_leads"])
    blocks = [mrkdwn_section(counts)]
    missed = [
        t(
            locale,
            "digest.sla_missed_line",
            lead=line["lead_id"],
            company=line["company"],
            rep=line["rep"],
            due=moment(datetime.fromisoformat(line["due_at"]), locale, zone),
        )
        for line in pipeline["sla_missed"]
    ]
    if missed:
        title = t(locale, "digest.sla_missed", count=pipeline["sla_missed_count"])
        blocks += _capped(locale, title, missed, pipeline["sla_missed_count"])
    stalled = [
        t(
            locale,
            "digest.stalled_line",
            deal=line["deal_id"],
            title=line["title"],
            customer=line["customer"],
            rep=line["rep"],
            stage=stage_label(line["stage"], locale),
            days=line["idle_days"],
        )
        for line in pipeline["stalled"]
    ]
    if stalled:
        title = t(locale, "digest.stalled", count=pipeline["stalled_count"])
        blocks += _capped(locale, title, stalled, pipeline["stalled_count"])
    return blocks


def _capped(locale: str, title: str, lines: list[str], total: int | None = None) -> list:
    """A titled list of at most LIST_CAP lines, then how many more there are (of `total`,
    when the lines given are already a part)."""
    total = len(lines) if total is None else total
    blocks = [mrkdwn_section(f"*{title}*"), plain_section("\n".join(lines[:LIST_CAP]))]
    if total > LIST_CAP:
        blocks.append(context(t(locale, "digest.more", count=total - min(len(lines), LIST_CAP))))
    return blocks


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
