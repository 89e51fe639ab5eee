"""A scheduled report pack as it reaches its reader: one message per kind, the kind's headline
figures and notes as the comment of its files (XLSX, CSV, charts). Before it is sent (`jobs run`
shows what it queued) a pack is only named: its report is built when the outbox delivers it."""

from bot.i18n import t
from bot.report_delivery import report_files
from bot.views.blocks import clip, escape, plain_section
from bot.views.reports import figure_line, kind_name, report_label, report_title
from commands.people import Reader
from commands.reports.model import Report
from commands.reports.request import ASKED

COMMENT_LIMIT = 3000


def render_pack(params: dict, reader: Reader) -> tuple[str, list[dict]]:
    """With the built report: (the upload's comment, the files for files_upload_v2); without
    it: (a line naming the pack, its blocks)."""
    report = params.get("built")
    if report is None:
        text = pack_heading(params, reader.locale)
        return text, [plain_section(text).to_dict()]
    uploads = [
        {"file": f.content, "filename": f.name, "title": f.name}
        for f in report_files(report, reader.locale)
    ]
    return pack_comment(report, params["cadence"], reader.locale), uploads


def pack_heading(params: dict, locale: str) -> str:
    return t(
        locale,
        "report.pack.queued",
        cadence=t(locale, f"report.slack.cadence.{params['cadence']}"),
        kind=kind_name(params["report"], locale),
        period=params["period"],
    )


def pack_comment(report: Report, cadence: str, locale: str) -> str:
    """The kind's title, its figures against the period before and a year before, its notes
    (no orders, a missing rate…) and what the files hold; mrkdwn with every name escaped."""
    label = report_label(locale)
    title = report_title(report, locale)
    if cadence != ASKED:
        cadence_name = t(locale, f"report.slack.cadence.{cadence}")
        title = t(locale, "report.pack.title", cadence=cadence_name, title=title)
    lines = [f"*{escape(title)}*"]
    lines += [f"• {escape(figure_line(figure, locale))}" for figure in report.figures]
    notes = [label(key, params) for key, params in report.notes]
    if not report.figures and not any(table.rows for table in report.tables):
        notes.insert(0, t(locale, "report.slack.nothing"))
    lines += [f"_{escape(note)}_" for note in notes[:10]]
    lines.append(t(locale, "report.pack.files"))
    return clip("\n".join(lines), COMMENT_LIMIT)


NOTIFICATIONS = {"report_pack": render_pack}
