"""The one-line grammar of `/order`, in English and Chinese."""

import re
from dataclasses import dataclass

from commands.errors import InvalidInput
from storage.models import ORDER_STATUSES

MAX_TEXT = 3000
MAX_NOTE = 1000
_NUMBER = re.compile(r"^#?([A-Za-z0-9][A-Za-z0-9_./-]{0,39})$")

SUBCOMMANDS = {
    "help": "help",
    "帮助": "help",
    "status": "status",
    "show": "status",
    "状态": "status",
    "查询": "status",
    "list": "list",
    "ls": "list",
    "列表": "list",
    "清单": "list",
    "update": "update",
    "set": "update",
    "更新": "update",
}
SCOPES = {"mine": "mine", "我的": "mine", "late": "late", "逾期": "late", "延期": "late"}
STATUS_ALIASES = {
    "接收": "received",
    "已接收": "received",
    "确认": "confirmed",
    "已确认": "confirmed",
    "审核确认": "confirmed",
    "生产中": "in_production",
    "采购中": "in_production",
    "生产": "in_production",
    "待发货": "ready_to_ship",
    "发货": "shipped",
    "已发货": "shipped",
    "送达": "delivered",
    "已送达": "delivered",
    "开票": "invoiced",
    "已开票": "invoiced",
    "回款": "paid",
    "已回款": "paid",
    "暂停": "on_hold",
    "异常": "on_hold",
    "取消": "cancelled",
    "已取消": "cancelled",
    "canceled": "cancelled",
    "hold": "on_hold",
    "production": "in_production",
}


@dataclass(frozen=True)
class ShowHelp:
    pass


@dataclass(frozen=True)
class ShowStatus:
    number: str


@dataclass(frozen=True)
class ListOrders:
    scope: str  # "all", "mine", "late" or "customer"
    customer_query: str | None = None


@dataclass(frozen=True)
class UpdateStatus:
    number: str
    status: str
    note: str | None


OrderRequest = ShowHelp | ShowStatus | ListOrders | UpdateStatus


def parse_order_command(text: str) -> OrderRequest:
    text = (text or "").strip()
    if len(text) > MAX_TEXT:
        raise InvalidInput("error.text_too_long", limit=MAX_TEXT)
    if not text:
        return ShowHelp()
    head, _, rest = text.partition(" ")
    rest = rest.strip()
    verb = SUBCOMMANDS.get(head.lower())
    if verb is None:
        if _NUMBER.match(head) and not rest:
            return ShowStatus(parse_number(head))
        raise InvalidInput("order.error.unknown_subcommand", word=head)
    if verb == "help":
        return ShowHelp()
    if verb == "status":
        return ShowStatus(parse_number(_single_argument(rest, "order.error.status_needs_number")))
    if verb == "list":
        return _parse_list(rest)
    return _parse_update(rest)


def parse_number(word: str) -> str:
    match = _NUMBER.match(word)
    if match is None:
        raise InvalidInput("order.error.bad_number", number=word[:60])
    return match.group(1)


def parse_status(word: str) -> str:
    lowered = word.strip().lower().replace("-", "_").replace(" ", "_")
    if lowered in ORDER_STATUSES:
        return lowered
    status = STATUS_ALIASES.get(lowered)
    if status is None:
        raise InvalidInput("order.error.unknown_status", word=word[:60])
    return status


def _single_argument(rest: str, missing_key: str) -> str:
    if not rest:
        raise InvalidInput(missing_key)
    return rest.split()[0]


def _parse_list(rest: str) -> ListOrders:
    if not rest:
        return ListOrders("all")
    scope = SCOPES.get(rest.lower())
    if scope:
        return ListOrders(scope)
    return ListOrders("customer", customer_query=rest)


def _parse_update(rest: str) -> UpdateStatus:
    words = rest.split(maxsplit=2)
    if len(words) < 2:
        raise InvalidInput("order.error.update_usage")
    note = words[2].strip() if len(words) == 3 else None
    if note and len(note) > MAX_NOTE:
        raise InvalidInput("order.error.note_too_long", limit=MAX_NOTE)
    return UpdateStatus(parse_number(words[0]), parse_status(words[1]), note)
