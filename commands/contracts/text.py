"""The one-line grammar of `/contract`, in English and Chinese.

/contract                          the form to draft a contract
/contract list [mine|expiring|waiting|CUSTOMER]
/contract show 12   (or /contract 12)
/contract edit 12                  the form again, for a draft
/contract submit|review|approve|reject|sign|archive|reopen 12 [note or reason]
"""

import re
from dataclasses import dataclass

from commands.errors import InvalidInput

MAX_TEXT = 3000
MAX_NOTE = 1000
MAX_TITLE = 200
MAX_URL = 500
KINDS = ("sales_agreement", "agency", "nda")
STEPS = ("submit", "review", "approve", "reject", "sign", "archive", "reopen")
_ID = re.compile(r"^#?(\d{1,9})$")

VERBS = {
    "help": "help",
    "?": "help",
    "帮助": "help",
    "用法": "help",
    "new": "new",
    "create": "new",
    "新建": "new",
    "起草": "new",
    "list": "list",
    "ls": "list",
    "列表": "list",
    "清单": "list",
    "show": "show",
    "查看": "show",
    "详情": "show",
    "edit": "edit",
    "编辑": "edit",
    "修改": "edit",
    "submit": "submit",
    "提交": "submit",
    "review": "review",
    "reviewed": "review",
    "审核": "review",
    "审阅": "review",
    "approve": "approve",
    "批准": "approve",
    "reject": "reject",
    "驳回": "reject",
    "sign": "sign",
    "signed": "sign",
    "签署": "sign",
    "archive": "archive",
    "归档": "archive",
    "reopen": "reopen",
    "redraft": "reopen",
    "重新起草": "reopen",
    "退回草稿": "reopen",
}
SCOPES = {
    "mine": "mine",
    "我的": "mine",
    "expiring": "expiring",
    "到期": "expiring",
    "即将到期": "expiring",
    "waiting": "waiting",
    "todo": "waiting",
    "待办": "waiting",
    "待我处理": "waiting",
}


@dataclass(frozen=True)
class ShowHelp:
    pass


@dataclass(frozen=True)
class OpenForm:
    """The contract form: empty for a new draft, filled in to edit draft `contract_id`."""

    contract_id: int | None = None


@dataclass(frozen=True)
class ListContracts:
    scope: str  # "open", "mine", "expiring", "waiting" or "customer"
    customer_query: str | None = None


@dataclass(frozen=True)
class ShowContract:
    contract_id: int


@dataclass(frozen=True)
class TakeStep:
    step: str  # one of STEPS
    contract_id: int
    note: str | None = None  # the reason of a rejection; a note for any other step


ContractRequest = ShowHelp | OpenForm | ListContracts | ShowContract | TakeStep


def parse_contract_command(text: str) -> ContractRequest:
    text = (text or "").strip()
    if len(text) > MAX_TEXT:
        raise InvalidInput("error.text_too_long", limit=MAX_TEXT)
    if not text:
        return OpenForm()
    head, _, rest = text.partition(" ")
    rest = rest.strip()
    verb = VERBS.get(head.lower())
    if verb is None:
        if _ID.match(head) and not rest:
            return ShowContract(parse_contract_id(head))
        raise InvalidInput("contract.error.unknown_subcommand", word=head[:60])
    if verb == "help":
        return ShowHelp()
    if verb == "new":
        return OpenForm()
    if verb == "list":
        return _parse_list(rest)
    return _parse_about_one(verb, head, rest)


def _parse_about_one(verb: str, head: str, rest: str) -> ContractRequest:
    """show, edit or a step: the contract's number, then a note or reason for a step."""
    number, _, note = rest.partition(" ")
    if not number:
        raise InvalidInput("contract.error.needs_id", verb=head[:30])
    contract_id = parse_contract_id(number)
    if verb == "show":
        return ShowContract(contract_id)
    if verb == "edit":
        return OpenForm(contract_id)
    return TakeStep(verb, contract_id, check_note(note))


def parse_contract_id(word: str) -> int:
    match = _ID.match(word.strip())
    if match is None:
        raise InvalidInput("contract.error.bad_id", word=word[:60])
    return int(match.group(1))


def check_note(note: str | None) -> str | None:
    """A note or reason as typed: trimmed, None when empty, refused when too long."""
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise InvalidInput("contract.error.note_too_long", limit=MAX_NOTE)
    return note or None


def _parse_list(rest: str) -> ListContracts:
    if not rest:
        return ListContracts("open")
    scope = SCOPES.get(rest.lower())
    if scope:
        return ListContracts(scope)
    return ListContracts("customer", customer_query=rest[:200])
