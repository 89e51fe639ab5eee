"""The live month as a team channel's canvas, in canvas markdown and the team's language: one
section per part, each under its own h2 heading, so each can be found and replaced alone
(jobs.canvas_writer). The channel sees percents and the team's totals; amounts per rep never.
Names and numbers people typed are escaped, so a customer called `*A* | B` stays text."""

import re
from dataclasses import dataclass
from decimal import Decimal

from bot.i18n import day, money, t
from bot.views.attainment import month_line
from bot.views.attainment import percent_text as share_text
from bot.views.attainment import period_label as month_label
from bot.views.blocks import plain_section
from bot.views.leaderboard import metric_label, percent_text
from commands.people import Reader
from commands.receivables import OverdueInvoice
from commands.reports.canvas import CANVAS, LiveMonth
from commands.targets.periods import Period

LANGUAGES = ("en", "zh-CN")
PARTS = ("target", "leaderboard", "sla", "overdue")
MARKDOWN_SPECIALS = re.compile(r"([\\`*_~\[\]<>|#])")
LEADING_NUMBER = re.compile(r"^(\d+)\.")


@dataclass(frozen=True)
class CanvasSection:
    part: str
    heading: str  # the h2's text, by which the section is looked up
    markdown: str  # the heading and its body

    @property
    def content(self) -> dict:
        return {"type": "markdown", "markdown": self.markdown}


def heading(part: str, locale: str) -> str:
    return t(locale, f"canvas.heading.{part}")


def canvas_sections(month: LiveMonth, locale: str) -> list[CanvasSection]:
    bodies = {
        "target": _target(month, locale),
        "leaderboard": _leaderboard(month, locale),
        "sla": _sla(month, locale),
        "overdue": _overdue(month, locale),
    }
    return [
        CanvasSection(
            part, heading(part, locale), f"## {heading(part, locale)}\n\n{bodies[part]}\n"
        )
        for part in PARTS
    ]


def canvas_document(sections: list[CanvasSection]) -> dict:
    """The whole canvas, for its creation: every section one after another."""
    return {"type": "markdown", "markdown": "\n".join(s.markdown for s in sections)}


def escaped(text: str) -> str:
    return MARKDOWN_SPECIALS.sub(r"\\\1", text)


def _lines(lines: list[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def _month(month: LiveMonth, locale: str) -> str:
    return month_label(Period.of(month.month), locale)


def _target(month: LiveMonth, locale: str) -> str:
    as_of = t(
        locale,
        "canvas.as_of",
        team=escaped(month.team),
        month=_month(month, locale),
        day=day(month.day, locale),
    )
    if not month.targets:
        return f"{as_of}\n\n{t(locale, 'canvas.target.none', month=_month(month, locale))}"
    lines = [
        escaped(month_line(record, month.currency, locale, "attainment.digest.line"))
        for record in month.targets
    ]
    return f"{as_of}\n\n{_lines(lines)}"


def _leaderboard(month: LiveMonth, locale: str) -> str:
    board = month.board
    if board is None:
        return t(locale, "canvas.board.private")
    metric = metric_label(board["metric"], locale)
    head = t(locale, "canvas.board.metric", metric=metric)
    if not board["ranked"] and not board["unranked"]:
        period = _month(month, locale)
        return f"{head}\n\n{t(locale, 'leaderboard.nobody', metric=metric, period=period)}"
    lines = [_rank_line(line, locale) for line in board["ranked"]]
    if board["unranked"]:
        names = t(locale, "list.separator").join(line["name"] for line in board["unranked"])
        lines.append(escaped(t(locale, "leaderboard.no_target", names=names)))
    text = f"{head}\n\n{_lines(lines)}"
    if month.privacy == "top3":
        text += f"\n\n{t(locale, 'canvas.board.top3')}"
    return text


def _rank_line(line: dict, locale: str) -> str:
    key = "leaderboard.line_tied" if line["tied"] else "leaderboard.line"
    text = t(
        locale, key, rank=line["rank"], name=line["name"], percent=percent_text(line["percent"])
    )
    if not line["complete"]:
        text += t(locale, "leaderboard.incomplete")
    # "1. 王芳" would start a numbered list that renumbers ties: the rank stays as written.
    return LEADING_NUMBER.sub(r"\1\\.", escaped(text))


def _sla(month: LiveMonth, locale: str) -> str:
    if not month.sla_due:
        return t(locale, "canvas.sla.none")
    total = t(
        locale,
        "canvas.sla.total",
        met=month.sla_met,
        due=month.sla_due,
        percent=share_text(month.sla_share, locale),
    )
    reps = [
        escaped(
            t(
                locale,
                "canvas.sla.rep",
                name=rep.name,
                met=rep.met,
                due=rep.due,
                percent=share_text(_share(rep.met, rep.due), locale),
            )
        )
        for rep in month.sla_by_rep
    ]
    return f"{total}\n\n{_lines(reps)}" if reps else total


def _share(met: int, due: int) -> Decimal | None:
    return (Decimal(met) * 100 / due).quantize(Decimal("0.1")) if due else None


def _overdue(month: LiveMonth, locale: str) -> str:
    if not month.overdue:
        return t(locale, "canvas.overdue.none")
    return _lines([_overdue_line(invoice, locale) for invoice in month.overdue])


def _overdue_line(invoice: OverdueInvoice, locale: str) -> str:
    return escaped(
        t(
            locale,
            "canvas.overdue.line",
            number=invoice.number,
            customer=invoice.customer,
            amount=money(Decimal(invoice.open_amount), invoice.currency, locale),
            days=invoice.days_overdue,
            due=invoice.due_on,
            rep=invoice.rep or "—",
        )
    )


def render_canvas(params: dict, reader: Reader) -> tuple[str, list[dict]]:
    """With the live month built (at sending time): (its first line, the sections to write,
    each with the headings it may be found under: this language's, then the other's, so a
    team that changes language has its sections replaced, not added again). Before that
    (`jobs run` shows what it queued): a line naming it."""
    locale = params.get("locale") or reader.locale
    month = params.get("built")
    if month is None:
        text = t(locale, "canvas.queued", day=params.get("day", ""))
        return text, [plain_section(text).to_dict()]
    other = next(code for code in LANGUAGES if code != locale) if locale in LANGUAGES else "en"
    sections = [
        {
            "part": s.part,
            "markdown": s.markdown,
            "headings": list(dict.fromkeys([s.heading, heading(s.part, other)])),
        }
        for s in canvas_sections(month, locale)
    ]
    return sections[0]["markdown"].splitlines()[0], sections


NOTIFICATIONS = {CANVAS: render_canvas}
