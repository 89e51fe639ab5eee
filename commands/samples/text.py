"""The one-line grammar of `/sample`, in English and Chinese:

    /sample C-1001; M8 bolts 304; 200; trial run; by next Friday
    /sample 华联; 螺栓M8; 200; 试产; 下周五前
    /sample ship 12 SF1234567890        /sample 发货 12 顺丰SF1234567890
    /sample approve 12 · reject 12 [reason] · delivered 12 · feedback 12 [text] · list · 12

A request's parts are separated by ";" or "；". The customer (code or part of the name) comes
first; the others in any order, told apart by what they are:

- a number, optionally with a unit ("200", "1,000 pcs", "200个", "2 kg"): the quantity. Piece
  units are dropped; any other unit ("kg", "boxes", "套") joins the product, as "Resin (kg)";
- a date, bare or marked ("next Friday", "by Dec 3", "下周五前", "需要:12月3日"): needed by;
- the first other part is the product, any further ones the purpose.
Labels make any part explicit: "qty:", "product:", "purpose:", "by:", 数量:, 产品:, 用途:, 日期:.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import cast

from commands.errors import InvalidInput
from commands.when import parse_date

MAX_TEXT = 3000
MAX_PRODUCT = 200
MAX_PURPOSE = 1000
MAX_REASON = 1000
MAX_FEEDBACK = 3000
MAX_TRACKING = 100
SEPARATORS = re.compile(r"[;；]")

VERBS = {
    "help": "help",
    "?": "help",
    "帮助": "help",
    "用法": "help",
    "list": "list",
    "ls": "list",
    "open": "list",
    "列表": "list",
    "清单": "list",
    "show": "show",
    "status": "show",
    "查看": "show",
    "状态": "show",
    "approve": "approve",
    "ok": "approve",
    "批准": "approve",
    "同意": "approve",
    "通过": "approve",
    "reject": "reject",
    "decline": "reject",
    "拒绝": "reject",
    "驳回": "reject",
    "ship": "ship",
    "shipped": "ship",
    "发货": "ship",
    "寄出": "ship",
    "已发货": "ship",
    "deliver": "deliver",
    "delivered": "deliver",
    "送达": "deliver",
    "已送达": "deliver",
    "签收": "deliver",
    "已签收": "deliver",
    "feedback": "feedback",
    "反馈": "feedback",
}
# Verbs that act on one sample: the word after them must be its number.
ID_VERBS = ("show", "approve", "reject", "ship", "deliver", "feedback")
LABELS = {
    "qty": "quantity",
    "quantity": "quantity",
    "amount": "quantity",
    "数量": "quantity",
    "product": "product",
    "item": "product",
    "sample": "product",
    "产品": "product",
    "样品": "product",
    "品名": "product",
    "purpose": "purpose",
    "for": "purpose",
    "why": "purpose",
    "用途": "purpose",
    "目的": "purpose",
    "用于": "purpose",
    "by": "needed_by",
    "needed by": "needed_by",
    "need by": "needed_by",
    "due": "needed_by",
    "date": "needed_by",
    "when": "needed_by",
    "日期": "needed_by",
    "需要日期": "needed_by",
    "交期": "needed_by",
    "截止": "needed_by",
    "需要": "needed_by",
}
PIECE_UNITS = {
    "pc", "pcs", "piece", "pieces", "unit", "units", "ea", "each", "x",
    "个", "件", "只", "支", "片", "颗", "根", "台", "张", "粒", "块", "条", "枚", "pcs.",
}  # fmt: skip
_ID = re.compile(r"^[#＃]?(\d{1,9})$")
_QUANTITY = re.compile(
    r"^(?:x\s*)?(?P<sign>[-+−])?\s*(?P<number>\d[\d,]*(?:\.\d+)?|\.\d+)\s*(?P<unit>[^\d\s][^\d]{0,11})?$"
)
_LABEL = re.compile(r"^(?P<label>[^:：]{1,12})[:：]\s*(?P<value>.*)$", re.S)
_EN_DATE_MARKER = re.compile(
    r"^(?:needed\s+by|need\s+by|required\s+by|no\s+later\s+than|at\s+the\s+latest\s+by|"
    r"by|before|until|due(?:\s+by|\s+on)?)\s+",
    re.I,
)
_CN_DATE_PREFIX = re.compile(r"^(?:需要在?|需在|要在|截止到?|截至|最迟|最晚|不晚于|交期)\s*")
_CN_DATE_SUFFIX = re.compile(r"\s*(?:之前|以前|前|到货|送到|交付|要)$")


@dataclass(frozen=True)
class ShowHelp:
    pass


@dataclass(frozen=True)
class OpenForm:
    """Bare `/sample`, or a customer alone: the form, with that customer chosen if clear."""

    customer_text: str | None = None


@dataclass(frozen=True)
class ListSamples:
    pass


@dataclass(frozen=True)
class ShowSample:
    sample_id: int


@dataclass(frozen=True)
class Approve:
    sample_id: int


@dataclass(frozen=True)
class Reject:
    sample_id: int
    reason: str | None  # None: ask for it in a form


@dataclass(frozen=True)
class Ship:
    sample_id: int
    tracking_no: str | None  # None: ask for it in a form


@dataclass(frozen=True)
class Deliver:
    sample_id: int


@dataclass(frozen=True)
class Feedback:
    sample_id: int
    text: str | None  # None: ask for it in a form


@dataclass(frozen=True)
class QuickSample:
    customer_text: str
    product: str
    quantity: Decimal
    purpose: str | None
    needed_by: date | None


# The commands that take a step of a sample's life cycle.
StepCommand = Approve | Reject | Ship | Deliver | Feedback
SampleCommand = (
    ShowHelp
    | OpenForm
    | ListSamples
    | ShowSample
    | Approve
    | Reject
    | Ship
    | Deliver
    | Feedback
    | QuickSample
)


def parse_sample_command(text: str, tz: str, now: datetime) -> SampleCommand:
    text = (text or "").strip()
    if len(text) > MAX_TEXT:
        raise InvalidInput("error.text_too_long", limit=MAX_TEXT)
    if not text:
        return OpenForm()
    head, _, rest = text.partition(" ")
    rest = rest.strip()
    verb = VERBS.get(_folded(head))
    if _ID.match(head) and not rest:
        return ShowSample(parse_sample_id(head))
    if verb in ID_VERBS:
        word, _, tail = rest.partition(" ")
        if _ID.match(word):
            return _acting(verb, parse_sample_id(word), tail.strip())
        if not SEPARATORS.search(text):
            raise InvalidInput(f"sample.error.{verb}_usage")
    elif verb and not SEPARATORS.search(text):
        return ShowHelp() if verb == "help" else ListSamples()
    if not SEPARATORS.search(text):
        return OpenForm(text)
    customer, *parts = (part.strip() for part in SEPARATORS.split(text))
    if not customer:
        raise InvalidInput("sample.error.customer_first")
    return _quick_sample(customer, [part for part in parts if part], tz, now)


def parse_sample_id(word: str) -> int:
    match = _ID.match(unicodedata.normalize("NFKC", word.strip()))
    if match is None:
        raise InvalidInput("sample.error.bad_id", word=word[:40])
    return int(match.group(1))


def parse_quantity(text: str) -> tuple[Decimal, str | None]:
    """A positive quantity and its unit, if it is not a piece unit: "1,000 pcs" -> (1000,
    None), "2 kg" -> (2, "kg"). Raises InvalidInput for what is not one."""
    match = _QUANTITY.match(_folded(text))
    if match is None:
        raise InvalidInput("sample.error.bad_quantity", text=text[:40])
    return _quantity_value(match, text), _unit(match)


def check_quantity(quantity: Decimal | None, shown: str) -> Decimal:
    """The rules every quantity follows, however it was typed: positive, at most 3 decimals
    (what the books keep), and not absurdly large."""
    if quantity is None or not quantity.is_finite():
        raise InvalidInput("sample.error.bad_quantity", text=shown[:40])
    if quantity <= 0:
        raise InvalidInput("sample.error.quantity_not_positive", text=shown[:40])
    if int(quantity.as_tuple().exponent) < -3:
        raise InvalidInput("sample.error.quantity_decimals", text=shown[:40])
    if quantity >= 10**12:
        raise InvalidInput("sample.error.quantity_too_large", text=shown[:40])
    return quantity


def read_quantity(text: str) -> Decimal | None:
    """A number as a form's number field sends it; None if it is none."""
    try:
        value = Decimal(_folded(text).replace(",", ""))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _acting(verb: str, sample_id: int, tail: str) -> SampleCommand:
    if verb == "show":
        return ShowSample(sample_id)
    if verb == "approve":
        return Approve(sample_id)
    if verb == "deliver":
        return Deliver(sample_id)
    if verb == "reject":
        return Reject(sample_id, _limited(tail, MAX_REASON, "sample.error.reason_too_long"))
    if verb == "ship":
        return Ship(sample_id, _limited(tail, MAX_TRACKING, "sample.error.tracking_too_long"))
    return Feedback(sample_id, _limited(tail, MAX_FEEDBACK, "sample.error.feedback_too_long"))


def _limited(text: str, limit: int, key: str) -> str | None:
    if len(text) > limit:
        raise InvalidInput(key, limit=limit)
    return text or None


def _quick_sample(customer: str, parts: list[str], tz: str, now: datetime) -> QuickSample:
    found: dict[str, tuple[object, str]] = {}
    unlabelled: list[str] = []
    for part in parts:
        field, value = _read_part(part, tz, now)
        if field is None:
            unlabelled.append(part)
        elif field in found:
            raise InvalidInput(f"sample.error.two_{field}", first=found[field][1], second=part)
        else:
            found[field] = (value, part)
    if "product" not in found and unlabelled:
        found["product"] = (unlabelled.pop(0), "")
    if "quantity" not in found:
        raise InvalidInput("sample.error.no_quantity_in_line")
    if "product" not in found:
        raise InvalidInput("sample.error.no_product_in_line")
    purposes = ([str(found["purpose"][0])] if "purpose" in found else []) + unlabelled
    # What _read_part found for each field: (quantity, unit), a date, text.
    quantity, unit = cast(tuple[Decimal, str | None], found["quantity"][0])
    product = str(found["product"][0])
    return QuickSample(
        customer_text=customer,
        product=f"{product} ({unit})" if unit else product,
        quantity=quantity,
        purpose="; ".join(purposes) or None,
        needed_by=cast(date, found["needed_by"][0]) if "needed_by" in found else None,
    )


def _read_part(part: str, tz: str, now: datetime) -> tuple[str | None, object]:
    labelled = _labelled(part)
    if labelled:
        field, value = labelled
        if not value:
            raise InvalidInput("sample.error.empty_label", part=part[:60])
        if field == "quantity":
            return field, parse_quantity(value)
        if field == "needed_by":
            needed_by = _date(value, tz, now)
            if needed_by is None:
                raise InvalidInput("sample.error.bad_date", text=value[:60])
            return field, needed_by
        return field, value
    needed_by = _date(part, tz, now)
    if needed_by is not None:
        return "needed_by", needed_by
    quantity = _QUANTITY.match(_folded(part))
    if quantity and _is_quantity(quantity):
        return "quantity", parse_quantity(part)
    return None, part


def _is_quantity(match: re.Match) -> bool:
    """A number with a unit reads as a quantity only if the unit is short and has no digit:
    "200 pcs", "2 kg", "200个"; "304 stainless steel" is a product."""
    unit = match["unit"]
    return unit is None or (len(unit.split()) == 1 and len(unit) <= 8)


def _date(text: str, tz: str, now: datetime) -> date | None:
    """A needed-by date, with or without its marker: "by next Friday", "下周五前", "需要12月3日"."""
    found = parse_date(text, tz, now)
    if found is not None:
        return found
    stripped = _EN_DATE_MARKER.sub("", text.strip())
    stripped = _CN_DATE_SUFFIX.sub("", _CN_DATE_PREFIX.sub("", stripped))
    if stripped == text.strip() or not stripped:
        return None
    return parse_date(stripped, tz, now)


def _labelled(part: str) -> tuple[str, str] | None:
    match = _LABEL.match(part)
    if match and _folded(match["label"]) in LABELS:
        return LABELS[_folded(match["label"])], match["value"].strip()
    return None


def _quantity_value(match: re.Match, shown: str) -> Decimal:
    number = match["number"]
    if "," in number and not re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", number):
        raise InvalidInput("sample.error.bad_quantity", text=shown[:40])
    value = Decimal(number.replace(",", ""))
    return check_quantity(-value if match["sign"] in ("-", "−") else value, shown)


def _unit(match: re.Match) -> str | None:
    unit = (match["unit"] or "").strip().rstrip(".")
    if not unit or unit in PIECE_UNITS or f"{unit}." in PIECE_UNITS:
        return None
    return unit


def _folded(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())
