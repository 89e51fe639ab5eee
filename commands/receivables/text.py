"""The one-line grammar of `/receivable`, in English and Chinese:

    /receivable                      every open invoice you may see, with its aging
    /receivable mine | 我的           those of your own customers
    /receivable overdue | 逾期        those past their due date
    /receivable ACME | 华联           those of a customer (code or part of the name)
    /receivable INV-2024-001         one invoice and its payments (or `show INV-2024-001`)
    /receivable pay INV-2024-001 5,000 [date] [reference]
    /receivable 付款 INV-2024-001 5000 昨天 TT20241120

The amount of a payment is in the invoice's currency; `all`/`全额` pays what is still open.
Its date (default: today) is read in the user's time zone, backwards ("Friday" is the last
one); whatever follows the date is the reference (a bank transfer or cheque number).
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from commands.errors import InvalidInput
from commands.when import parse_date
from storage.vocabulary import order_number

MAX_TEXT = 3000
MAX_REFERENCE = 100
MAX_AMOUNT = Decimal(10) ** 16
DATE_WORDS = 4  # the longest date read from the words after the amount ("last Friday 3pm")

SUBCOMMANDS = {
    "help": "help",
    "?": "help",
    "帮助": "help",
    "list": "list",
    "ls": "list",
    "列表": "list",
    "应收": "list",
    "show": "show",
    "查看": "show",
    "详情": "show",
    "pay": "pay",
    "paid": "pay",
    "payment": "pay",
    "付款": "pay",
    "回款": "pay",
    "收款": "pay",
}
SCOPES = {
    "mine": "mine",
    "我的": "mine",
    "overdue": "overdue",
    "late": "overdue",
    "逾期": "overdue",
}
WHOLE_REST = ("all", "full", "rest", "全部", "全额", "余额")
REFERENCE_LABELS = re.compile(
    r"^(?:(?:ref|reference|no\.)(?:\s*[:：]\s*|\s+)"
    r"|(?:(?:转账|汇款|银行|交易)?(?:参考号|流水号|单号)|凭证号|交易号)\s*[:：]?\s*)",
    re.IGNORECASE,
)
# A word with digits that can be part of a day or a time: 20, 2026, 20th, 3pm, 15:00, 11/20,
# 12月3日, 下午3点. Any other word with digits (TT20241120, 20241120, ICBC-001) is a reference.
_DAY_OR_TIME = re.compile(
    r"\d{1,4}(?:st|nd|rd|th|am|pm|a\.m\.|p\.m\.)?|[\d:./年月日号点时時分半上下午早晚中凌晨周星期天]+",
    re.IGNORECASE,
)
_LONG_NUMBER = re.compile(r"\d{5}")
_AMOUNT = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?")
_CURRENCY_MARKS = re.compile(r"^(?:[¥$€£]|CN¥|US\$|RMB|CNY|USD|EUR|GBP|JPY|元)|(?:元|块)$")
_DOLLARS = frozenset({"USD", "HKD", "SGD", "AUD", "CAD", "NZD", "TWD"})
MARK_CURRENCIES = {
    "¥": frozenset({"CNY", "JPY"}),
    "$": _DOLLARS,
    "€": frozenset({"EUR"}),
    "£": frozenset({"GBP"}),
    "CN¥": frozenset({"CNY"}),
    "US$": frozenset({"USD"}),
    "RMB": frozenset({"CNY"}),
    "元": frozenset({"CNY"}),
    "块": frozenset({"CNY"}),
}


@dataclass(frozen=True)
class ShowHelp:
    pass


@dataclass(frozen=True)
class ListReceivables:
    scope: str  # "all", "mine", "overdue" or "customer"
    customer_query: str | None = None


@dataclass(frozen=True)
class ShowInvoice:
    number: str


@dataclass(frozen=True)
class RecordPayment:
    """As typed: read with `payment_amount` and `payment_day_and_reference` once the actor is
    known to be allowed to record payments."""

    number: str
    amount_text: str
    rest: str


@dataclass(frozen=True)
class PaymentDetails:
    amount: Decimal | None  # None: whatever is still open
    paid_on: date | None  # None: today
    reference: str | None
    currencies: frozenset[str] | None = None  # those the amount's marks allow; None: any

    def allows(self, currency: str) -> bool:
        return self.currencies is None or currency in self.currencies


ReceivableRequest = ShowHelp | ListReceivables | ShowInvoice | RecordPayment


def parse_receivable_command(text: str) -> ReceivableRequest:
    text = (text or "").strip()
    if len(text) > MAX_TEXT:
        raise InvalidInput("error.text_too_long", limit=MAX_TEXT)
    head, _, rest = text.partition(" ")
    rest = rest.strip()
    verb = SUBCOMMANDS.get(head.lower())
    if verb == "help":
        return ShowHelp()
    if verb == "pay":
        return _parse_pay(rest)
    if verb == "show":
        if not rest:
            raise InvalidInput("receivable.error.show_usage")
        return ShowInvoice(parse_invoice_number(rest.split()[0]))
    if verb == "list":
        return _parse_list(rest)
    return _parse_list(text)


def parse_invoice_number(word: str) -> str:
    number = order_number(word)
    if number is None:
        raise InvalidInput("receivable.error.bad_number", number=word[:60])
    return number


def payment_details(request: RecordPayment, timezone: str, now: datetime) -> PaymentDetails:
    """The amount, day and reference of a payment as typed; a malformed amount, a day that is
    no day or a reference too long is refused here."""
    paid_on, reference = payment_day_and_reference(request.rest, timezone, now)
    amount_text = request.amount_text
    currencies = amount_currencies(amount_text)
    return PaymentDetails(payment_amount(amount_text), paid_on, reference, currencies)


def amount_currencies(text: str) -> frozenset[str] | None:
    """The currencies the marks on an amount allow ("$5000": the dollars, "5000元": CNY);
    None when it has none."""
    cleaned = unicodedata.normalize("NFKC", text).strip().lstrip("-+").strip()
    allowed = None
    for mark in _CURRENCY_MARKS.findall(cleaned):
        named = MARK_CURRENCIES.get(mark, frozenset({mark}))
        allowed = named if allowed is None else allowed & named
    return allowed


def payment_amount(text: str) -> Decimal | None:
    """A positive amount with at most two decimals ("5000", "5,000.50", "¥5000"); None for
    `all`: what is still open."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if cleaned.lower() in WHOLE_REST:
        return None
    negative = cleaned.startswith("-")
    digits = _CURRENCY_MARKS.sub("", cleaned.lstrip("-+").strip()).strip()
    if not _AMOUNT.fullmatch(digits):
        raise InvalidInput("receivable.error.bad_amount", amount=text[:60])
    amount = Decimal(digits.replace(",", ""))
    if negative or amount == 0:
        raise InvalidInput("receivable.error.amount_not_positive", amount=text[:60])
    if amount >= MAX_AMOUNT:
        raise InvalidInput("receivable.error.bad_amount", amount=text[:60])
    return amount


def payment_day_and_reference(
    rest: str, timezone: str, now: datetime
) -> tuple[date | None, str | None]:
    """The day the leading words name (read backwards: "Friday" is the last one), and what
    follows them as the reference."""
    words = rest.split()
    paid_on, count = _leading_day(words, timezone, now)
    reference = REFERENCE_LABELS.sub("", " ".join(words[count:])).strip() or None
    if reference and len(reference) > MAX_REFERENCE:
        raise InvalidInput("receivable.error.reference_too_long", limit=MAX_REFERENCE)
    return paid_on, reference


def _leading_day(words: list[str], timezone: str, now: datetime) -> tuple[date | None, int]:
    """The day named by the longest run of leading words that reads as one, and how many words
    name it. The date reader forgives words it cannot place ("昨天 TT20241120" reads as
    yesterday), so a reference at the end of the run is given back when the day reads
    without it."""
    for count in range(min(DATE_WORDS, len(words)), 0, -1):
        paid_on = parse_date(" ".join(words[:count]), timezone, now, prefer="past")
        if paid_on is not None:
            break
    else:
        return None, 0
    while count > 1 and _is_reference(words[count - 1]):
        shorter = parse_date(" ".join(words[: count - 1]), timezone, now, prefer="past")
        if shorter is None:
            break
        paid_on, count = shorter, count - 1
    return paid_on, count


def _is_reference(word: str) -> bool:
    has_digits = any(char.isdigit() for char in word)
    return has_digits and bool(_LONG_NUMBER.search(word) or not _DAY_OR_TIME.fullmatch(word))


def _parse_pay(rest: str) -> RecordPayment:
    words = rest.split(maxsplit=2)
    if len(words) < 2:
        raise InvalidInput("receivable.error.pay_usage")
    return RecordPayment(
        parse_invoice_number(words[0]), words[1], words[2].strip() if len(words) == 3 else ""
    )


def _parse_list(rest: str) -> ListReceivables:
    if not rest:
        return ListReceivables("all")
    scope = SCOPES.get(rest.lower())
    if scope:
        return ListReceivables(scope)
    return ListReceivables("customer", customer_query=rest)
