"""How targets set, split and locked look in Slack: the help, the target form and its
confirmation, the replies to set, split and lock, and exchange rates set and listed. Names and
reasons people typed only ever go into plain_text."""

from decimal import Decimal

from slack_sdk.models.blocks import (
    Block,
    InputBlock,
    Option,
    PlainTextInputElement,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot.i18n import moment, money, number, t
from bot.views.blocks import clip, message, mrkdwn_section, plain_section
from bot.views.forms import FIELD, TITLE_LIMIT, field_value, modal, selected_value
from commands.people import Reader
from commands.targets.periods import QUARTER, Period
from commands.targets.plans import (
    EVEN,
    MAX_REASON,
    Beside,
    LockRefused,
    Mismatch,
    PlanLocked,
    TargetSet,
    TargetSplit,
)
from commands.targets.rates import RateList, RateSet
from storage.statuses import Metric

TARGET_FORM = "target_form"
DONE_FORM = "target_done"
FORM_FIELDS = ("holder", "metric", "period", "amount", "reason")
TEAM_CHOICE, MEMBER_CHOICE = "team", "member"
MISMATCHES_SHOWN = 25
MAX_OPTIONS = 100  # Slack's limit for a static select
PERIOD_LIMIT, AMOUNT_LIMIT = 20, 30


def metric_label(metric: Metric | str, locale: str) -> str:
    return t(locale, f"target.metric.{metric}")


def amount_text(amount: Decimal | None, metric: Metric, currency: str, locale: str) -> str:
    """Money in the team's currency, or a whole count; "not set" for none."""
    if amount is None:
        return t(locale, "target.none")
    return money(amount, currency, locale) if metric.is_money else number(amount, locale)


# -- help --------------------------------------------------------------------------------------


def target_help(locale: str) -> dict:
    parts = ("target.help", "target.help.words", "target.help.rules")
    return message(
        t(locale, "target.help.title"), [mrkdwn_section(t(locale, part)) for part in parts]
    )


# -- set, split, lock ------------------------------------------------------------------------


def set_lines(result: TargetSet, locale: str) -> list[str]:
    def shown(value: Decimal | None) -> str:
        return amount_text(value, result.metric, result.currency, locale)

    params = dict(
        holder=result.holder,
        metric=metric_label(result.metric, locale),
        period=result.period.key,
        amount=shown(result.after),
        before=shown(result.before),
    )
    if not result.changed:
        lines = [t(locale, "target.set.unchanged", **params)]
    else:
        lines = [
            t(
                locale,
                "target.set.changed" if result.before is not None else "target.set.created",
                **params,
            )
        ]
        if result.reason:
            lines.append(t(locale, "target.set.reason", reason=result.reason))
        if result.locked:
            lines.append(t(locale, "target.set.locked", year=result.period.year))
    lines.append(beside_line(result.beside, result.period, result.metric, result.currency, locale))
    return lines


def set_message(result: TargetSet, locale: str) -> dict:
    lines = set_lines(result, locale)
    return message(lines[0], [plain_section(line) for line in lines])


def beside_line(beside: Beside, period: Period, metric: Metric, currency: str, locale: str) -> str:
    return t(
        locale,
        "target.beside",
        period=period.key,
        team_amount=amount_text(beside.team_amount, metric, currency, locale),
        reps_sum=amount_text(beside.reps_sum, metric, currency, locale),
        reps=number(beside.reps, locale),
    )


def split_message(result: TargetSplit, locale: str) -> dict:
    def shown(value: Decimal | None) -> str:
        return amount_text(value, result.metric, result.currency, locale)

    method = (
        t(locale, "target.split.even")
        if result.method == EVEN
        else t(locale, "target.split.seasonal", source=result.shape_of)
    )
    title = t(
        locale,
        "target.split.title",
        holder=result.holder,
        metric=metric_label(result.metric, locale),
        period=result.period.key,
        amount=shown(result.amount),
        method=method,
    )
    lines = []
    for part in result.parts:
        key = "target.split.line" if part.before in (None, part.amount) else "target.split.was"
        indent = "    " if part.period.kind != QUARTER and result.period.kind != QUARTER else ""
        line = t(
            locale,
            key,
            period=part.period.key,
            amount=shown(part.amount),
            before=shown(part.before),
        )
        lines.append(indent + "• " + line)
    return message(title, [plain_section(title), plain_section("\n".join(lines))])


def locked_message(result: PlanLocked, reader: Reader) -> dict:
    locale = reader.locale
    params = dict(team=result.team, metric=metric_label(result.metric, locale), year=result.year)
    if result.already:
        at = moment(result.locked_at, locale, reader.timezone)
        first = t(locale, "target.lock.already", **params, at=at, by=result.locked_by)
    else:
        first = t(locale, "target.lock.done", **params)
    beside = beside_line(result.beside, Period(result.year), result.metric, result.currency, locale)
    return message(first, [plain_section(first), plain_section(beside)])


def refused_message(result: LockRefused, locale: str) -> dict:
    first = t(
        locale,
        "target.lock.refused",
        team=result.team,
        metric=metric_label(result.metric, locale),
        year=result.year,
    )
    lines = [
        mismatch_line(mismatch, result.metric, result.currency, locale)
        for mismatch in result.mismatches[:MISMATCHES_SHOWN]
    ]
    hidden = len(result.mismatches) - MISMATCHES_SHOWN
    if hidden > 0:
        lines.append(t(locale, "target.lock.more", count=number(hidden, locale)))
    return message(first, [plain_section(first), plain_section("\n".join(lines))])


def mismatch_line(mismatch: Mismatch, metric: Metric, currency: str, locale: str) -> str:
    children = mismatch.period.children()
    line = t(
        locale,
        "target.lock.mismatch",
        holder=mismatch.holder,
        period=mismatch.period.key,
        amount=amount_text(mismatch.amount, metric, currency, locale),
        children=f"{children[0].key}…{children[-1].key}",
        children_sum=amount_text(mismatch.children_sum, metric, currency, locale),
    )
    if mismatch.missing:
        missing = t(locale, "list.separator").join(period.key for period in mismatch.missing)
        line += t(locale, "target.lock.missing", missing=missing)
    return line


# -- the form ----------------------------------------------------------------------------------


def target_form(holders: list[tuple[str, str]], currency: str, locale: str) -> dict:
    """The modal: whose target (value "team:ID" or "member:SLACK_ID", with its label), the
    metric, the period, the amount and an optional reason."""
    holder_options = [Option(value=value, label=clip(label, 75)) for value, label in holders]
    metric_options = [
        Option(value=str(metric), label=metric_label(metric, locale)) for metric in Metric
    ]
    blocks: list[Block] = [
        InputBlock(
            block_id="holder",
            label=t(locale, "target.form.holder"),
            element=StaticSelectElement(
                action_id=FIELD,
                options=holder_options[:MAX_OPTIONS],
                initial_option=holder_options[0] if len(holder_options) == 1 else None,
            ),
        ),
        InputBlock(
            block_id="metric",
            label=t(locale, "target.form.metric"),
            element=StaticSelectElement(
                action_id=FIELD, options=metric_options, initial_option=metric_options[0]
            ),
        ),
        _text_input(
            "period", "target.form.period", PERIOD_LIMIT, locale, hint="target.form.period_hint"
        ),
        InputBlock(
            block_id="amount",
            label=t(locale, "target.form.amount"),
            hint=t(locale, "target.form.amount_hint", currency=currency),
            element=PlainTextInputElement(action_id=FIELD, max_length=AMOUNT_LIMIT),
        ),
        InputBlock(
            block_id="reason",
            label=t(locale, "target.form.reason"),
            hint=t(locale, "target.form.reason_hint"),
            optional=True,
            element=PlainTextInputElement(action_id=FIELD, multiline=True, max_length=MAX_REASON),
        ),
    ]
    return modal(
        TARGET_FORM,
        t(locale, "target.form.title"),
        blocks,
        close=t(locale, "target.form.close"),
        submit=t(locale, "target.form.submit"),
    )


def _text_input(block_id: str, label: str, limit: int, locale: str, hint: str) -> InputBlock:
    return InputBlock(
        block_id=block_id,
        label=t(locale, label),
        hint=t(locale, hint),
        element=PlainTextInputElement(action_id=FIELD, max_length=limit),
    )


def form_values(view: dict) -> dict[str, str | None]:
    """What a submitted target form holds, as typed or chosen."""
    values = view.get("state", {}).get("values", {})
    return {
        "holder": selected_value(values, "holder"),
        "metric": selected_value(values, "metric"),
        "period": str(field_value(values, "period", "value") or "").strip() or None,
        "amount": str(field_value(values, "amount", "value") or "").strip() or None,
        "reason": str(field_value(values, "reason", "value") or "").strip() or None,
    }


def set_done_view(result: TargetSet, locale: str) -> dict:
    """The form turned into its confirmation (`response_action: update`)."""
    view = View(
        type="modal",
        callback_id=DONE_FORM,
        title=clip(t(locale, "target.form.done"), TITLE_LIMIT),
        close=t(locale, "target.form.close"),
        blocks=[plain_section(line) for line in set_lines(result, locale)],
    )
    return view.to_dict()


# -- exchange rates ----------------------------------------------------------------------------


def rate_text(rate: Decimal) -> str:
    """A rate as kept, without the zeros its 8 decimals pad it with."""
    return format(rate.normalize(), "f")


def rate_set_message(result: RateSet, locale: str) -> dict:
    if result.before == result.after:
        key = "rate.set.unchanged"
    else:
        key = "rate.set.changed" if result.before is not None else "rate.set.created"
    text = t(
        locale,
        key,
        month=result.month,
        currency=result.currency,
        to_currency=result.to_currency,
        rate=rate_text(result.after),
        before=rate_text(result.before) if result.before is not None else "",
    )
    return message(text, [plain_section(text)])


def rates_message(rates: RateList, locale: str) -> dict:
    month = rates.month or t(locale, "rate.list.all")
    if not rates.lines:
        text = t(locale, "rate.list.empty", month=month)
        return message(text, [mrkdwn_section(text)])
    title = t(locale, "rate.list.title", month=month)
    lines = [
        t(
            locale,
            "rate.list.line",
            month=line.month,
            currency=line.currency,
            to_currency=line.to_currency,
            rate=rate_text(line.rate),
        )
        for line in rates.lines
    ]
    if rates.more:
        lines.append(t(locale, "rate.list.more", count=number(rates.more, locale)))
    return message(title, [plain_section(title), plain_section("\n".join(lines))])
