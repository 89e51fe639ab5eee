"""The one-line grammar of `/quote`, in English and Chinese:

    /quote | /quote help | 帮助                       usage
    /quote new 12 | 新建 12                          the form, for opportunity #12
    /quote new 12 SKU-100 x10 -5%, SKU-200 x3        a quote in one line
    /quote new 12 SKU-100 ×10 折扣5%；SKU-200 *3；有效期至 2026-12-31
    /quote Q-2026-0001 | show | 查看 Q-2026-0001      one quote
    /quote list 12 | 列表 12                         an opportunity's quotes
    /quote send | 发送 Q-…                           marked sent, the files to the rep again
    /quote accept | 接受 Q-…                         the customer accepted it
    /quote approve | 批准 Q-…,  reject | 驳回 Q-… [reason]

Lines are separated by `,`, `、` or `;`; a quantity is written `x10`, `×10` or `*10`, a
discount `-5%` or `折扣5%`. A part starting with `valid`/`有效期` is the validity date.
The text arrives NFKC-folded (bot.middleware), so full-width `，；％＊` read as ASCII.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from commands.command_words import split_verb
from commands.errors import InvalidInput
from commands.when import parse_when

MAX_TEXT = 4000
MAX_LINES = 40  # a quote's lines on one Slack card and one page of the PDF
MAX_QUANTITY = Decimal(10) ** 12
HELP_WORDS = {"help", "?", "帮助"}
VERBS = {
    "new": "new",
    "新建": "new",
    "新": "new",
    "show": "show",
    "查看": "show",
    "list": "list",
    "列表": "list",
    "send": "send",
    "发送": "send",
    "accept": "accept",
    "接受": "accept",
    "approve": "approve",
    "批准": "approve",
    "reject": "reject",
    "驳回": "reject",
}
NUMBER = re.compile(r"^Q-\d{4}-\d{4,}$", re.IGNORECASE)
DEAL = re.compile(r"^#?(\d{1,9})$")
ITEM_SEPARATORS = re.compile(r"[,、;\n]")
VALIDITY = re.compile(r"^(?:valid(?:\s+until)?|有效期至|有效期|有效至)\s*:?\s*(.+)$", re.I)
QUANTITY_MARK = re.compile(r"^[x×*](\d+(?:\.\d+)?)$", re.IGNORECASE)
DISCOUNT = re.compile(r"^-(\d+(?:\.\d+)?)%?$")
PERCENT = re.compile(r"^(\d+(?:\.\d+)?)%?$")


@dataclass(frozen=True)
class ShowHelp:
    pass


@dataclass(frozen=True)
class OpenForm:
    opportunity_id: int


@dataclass(frozen=True)
class LineRequest:
    sku: str
    quantity: Decimal
    discount_percent: Decimal = Decimal("0")


@dataclass(frozen=True)
class QuickQuote:
    opportunity_id: int
    lines: tuple[LineRequest, ...]
    valid_until: date | None = None


@dataclass(frozen=True)
class ShowQuote:
    number: str


@dataclass(frozen=True)
class ListQuotes:
    opportunity_id: int


@dataclass(frozen=True)
class QuoteStep:
    """send, accept, approve or reject (with the reason, if typed)."""

    step: str
    number: str
    reason: str = ""


QuoteRequest = ShowHelp | OpenForm | QuickQuote | ShowQuote | ListQuotes | QuoteStep


def parse_quote_command(text: str, timezone: str, now: datetime) -> QuoteRequest:
    text = (text or "").strip()
    if len(text) > MAX_TEXT:
        raise InvalidInput("error.text_too_long", limit=MAX_TEXT)
    if not text or text.casefold() in HELP_WORDS:
        return ShowHelp()
    if NUMBER.match(text):
        return ShowQuote(text.upper())
    verb, word, rest = split_verb(text, VERBS)
    if verb is None:
        raise InvalidInput("quote.error.unknown_verb", word=word[:40])
    if verb == "new":
        return _new(rest, timezone, now)
    if verb == "list":
        return ListQuotes(parse_opportunity_id(rest.split()[0] if rest else ""))
    number, _, reason = rest.partition(" ")
    number = parse_quote_number(number)
    if verb == "show":
        return ShowQuote(number)
    return QuoteStep(verb, number, reason.strip())


def parse_quote_number(word: str) -> str:
    if not NUMBER.match(word or ""):
        raise InvalidInput("quote.error.bad_number", word=(word or "")[:40])
    return word.upper()


def parse_opportunity_id(word: str) -> int:
    match = DEAL.match(word or "")
    if match is None:
        raise InvalidInput("quote.error.bad_opportunity", word=(word or "")[:40])
    return int(match.group(1))


def _new(rest: str, timezone: str, now: datetime) -> OpenForm | QuickQuote:
    first, _, items = rest.partition(" ")
    opportunity_id = parse_opportunity_id(first)
    if not items.strip():
        return OpenForm(opportunity_id)
    lines: list[LineRequest] = []
    valid_until = None
    for part in (part.strip() for part in ITEM_SEPARATORS.split(items)):
        if not part:
            continue
        validity = VALIDITY.match(part)
        if validity:
            valid_until = parse_validity(validity.group(1), timezone, now)
        else:
            lines.append(parse_line(part))
    if not lines:
        raise InvalidInput("quote.error.no_lines")
    if len(lines) > MAX_LINES:
        raise InvalidInput("quote.error.too_many_lines", limit=MAX_LINES)
    return QuickQuote(opportunity_id, tuple(lines), valid_until)


def parse_validity(words: str, timezone: str, now: datetime) -> date:
    moment = parse_when(words, timezone, now)
    if moment is None:
        raise InvalidInput("quote.error.bad_validity", text=words[:60])
    return moment.date()


def parse_line(item: str) -> LineRequest:
    """`SKU-100 x10 -5%`, `SKU-100 ×10 折扣5%`, `SKU-100 * 10`: the SKU first."""
    spaced = re.sub(r"([×*])", r" \1", item)
    spaced = re.sub(r"(折扣|discount)", r" \1 ", spaced, flags=re.IGNORECASE)
    tokens = spaced.split()
    sku, rest = tokens[0], _joined_marks(tokens[1:])
    quantity = discount = None
    for token in rest:
        if match := QUANTITY_MARK.match(token):
            quantity = _once(quantity, match.group(1), "quantity", item)
        elif match := DISCOUNT.match(token) or _labelled_discount(token):
            discount = _once(discount, match.group(1), "discount", item)
        else:
            raise InvalidInput("quote.error.unreadable", part=token[:40], line=item[:100])
    if quantity is None:
        raise InvalidInput("quote.error.no_quantity", line=item[:100])
    return LineRequest(sku, check_quantity(quantity), check_discount(discount or Decimal(0)))


def _joined_marks(tokens: list[str]) -> list[str]:
    """`× 10` and `折扣 5%` as one token each: `×10`, `折扣5%`."""
    joined: list[str] = []
    for token in tokens:
        if joined and joined[-1].casefold() in ("x", "×", "*", "折扣", "discount"):
            joined[-1] += token
        else:
            joined.append(token)
    return joined


def _labelled_discount(token: str) -> re.Match | None:
    for label in ("折扣", "discount"):
        if token.casefold().startswith(label):
            return PERCENT.match(token[len(label) :])
    return None


def _once(seen: Decimal | None, value: str, what: str, item: str) -> Decimal:
    if seen is not None:
        raise InvalidInput(f"quote.error.two_{what}", line=item[:100])
    try:
        return Decimal(value)
    except InvalidOperation:
        raise InvalidInput("quote.error.unreadable", part=value, line=item[:100]) from None


def check_quantity(quantity: Decimal) -> Decimal:
    if quantity <= 0 or quantity >= MAX_QUANTITY:
        raise InvalidInput("quote.error.quantity_range")
    if quantity.as_tuple().exponent < -3:  # type: ignore[operator]
        raise InvalidInput("quote.error.quantity_decimals")
    return quantity


def check_discount(discount: Decimal) -> Decimal:
    if discount < 0 or discount >= 100:
        raise InvalidInput("quote.error.discount_range")
    if discount.as_tuple().exponent < -2:  # type: ignore[operator]
        raise InvalidInput("quote.error.discount_decimals")
    return discount
