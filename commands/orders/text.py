"""The one-line grammar of `/order`, in English and Chinese."""

from dataclasses import dataclass

from commands.command_words import split_verb
from commands.errors import InvalidInput
from commands.orders.lifecycle import RESUME
from storage.vocabulary import order_number, order_status

MAX_TEXT = 3000
MAX_NOTE = 1000

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
    "change": "change",
    "变更": "change",
}
CHANGE_DECISIONS = {"accept": True, "接受": True, "同意": True, "decline": False, "拒绝": False}
CHANGE_LISTS = ("list", "ls", "列表")
# Not a status (so not in the CSV's vocabulary): back to the step an order on hold was held at.
RESUME_WORDS = {"resume": RESUME, "恢复": RESUME}
SCOPES = {"mine": "mine", "我的": "mine", "late": "late", "逾期": "late", "延期": "late"}


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
    status: str  # an OrderStatus, or RESUME
    note: str | None


@dataclass(frozen=True)
class RequestChange:
    """The change request form, for order `number`; None: how `/order change` works."""

    number: str | None


@dataclass(frozen=True)
class DecideChange:
    change_id: int
    accept: bool
    note: str | None


@dataclass(frozen=True)
class ListChanges:
    number: str | None = None


ChangeRequest = RequestChange | DecideChange | ListChanges
OrderRequest = ShowHelp | ShowStatus | ListOrders | UpdateStatus | ChangeRequest


def parse_order_command(text: str) -> OrderRequest:
    text = (text or "").strip()
    if len(text) > MAX_TEXT:
        raise InvalidInput("error.text_too_long", limit=MAX_TEXT)
    if not text:
        return ShowHelp()
    verb, head, rest = split_verb(text, SUBCOMMANDS)
    if verb is None:
        if order_number(head) and not rest:
            return ShowStatus(parse_number(head))
        raise InvalidInput("order.error.unknown_subcommand", word=head)
    if verb == "help":
        return ShowHelp()
    if verb == "status":
        return ShowStatus(parse_number(_single_argument(rest, "order.error.status_needs_number")))
    if verb == "list":
        return _parse_list(rest)
    if verb == "change":
        return _parse_change(rest)
    return _parse_update(rest)


def parse_number(word: str) -> str:
    number = order_number(word)
    if number is None:
        raise InvalidInput("order.error.bad_number", number=word[:60])
    return number


def parse_status(word: str) -> str:
    status = order_status(word)
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
    return UpdateStatus(parse_number(words[0]), _new_status(words[1]), note)


def _new_status(word: str) -> str:
    """A status, or `resume`: back to the step the order was held at."""
    return RESUME_WORDS.get(word.lower()) or parse_status(word)


def _parse_change(rest: str) -> ChangeRequest:
    """`change NUMBER`, `change accept|decline ID [note]`, `change list [NUMBER]`."""
    words = rest.split(maxsplit=2)
    head = words[0].lower() if words else ""
    if head in ("", "help", "帮助"):
        return RequestChange(None)
    if head in CHANGE_LISTS:
        return ListChanges(parse_number(words[1]) if len(words) > 1 else None)
    if head not in CHANGE_DECISIONS:
        return RequestChange(parse_number(words[0]))
    if len(words) < 2 or not words[1].lstrip("#").isdigit() or len(words[1]) > 10:
        raise InvalidInput("order_change.error.decide_usage")
    note = words[2].strip() if len(words) == 3 else None
    if note and len(note) > MAX_NOTE:
        raise InvalidInput("order.error.note_too_long", limit=MAX_NOTE)
    return DecideChange(int(words[1].lstrip("#")), CHANGE_DECISIONS[head], note)
