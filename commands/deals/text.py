"""The one-line grammar of `/deal`, in English and Chinese:

    /deal                                        the form
    /deal help | 帮助                             usage
    /deal new | 新建 CUSTOMER; TITLE; AMOUNT [CURRENCY]; CLOSE DATE
    /deal list | 列表 [team | 团队] [won | lost | 赢单 | 输单]
    /deal 12 | show 12 | 查看 12                  one opportunity
    /deal move | 推进 12 STAGE                    forward or back among the open stages
    /deal 12 STAGE                               the same
    /deal 12 next step … | /deal 12 下一步 …       its next step
    /deal won | 赢单 | 成交 12                     won: the order is created
    /deal lost | 输单 | 丢单 12 REASON; COMPETITOR

Parts are separated by `;` or `；`. Chinese verbs may run into what follows ("推进12 方案").
"""

import re
import unicodedata
from dataclasses import dataclass

from commands.command_words import split_verb
from commands.deals.stages import stage_named
from commands.errors import InvalidInput
from storage.statuses import OpportunityStage

MAX_TEXT = 3000
SEPARATORS = re.compile(r"[;；]")
_ID = re.compile(r"^#?(\d{1,9})号?$")
VERBS = {
    "help": "help",
    "?": "help",
    "帮助": "help",
    "new": "new",
    "create": "new",
    "add": "new",
    "新建": "new",
    "新增": "new",
    "list": "list",
    "ls": "list",
    "列表": "list",
    "show": "show",
    "view": "show",
    "查看": "show",
    "详情": "show",
    "move": "move",
    "stage": "move",
    "推进": "move",
    "阶段": "move",
    "won": "won",
    "win": "won",
    "赢单": "won",
    "成交": "won",
    "lost": "lost",
    "lose": "lost",
    "输单": "lost",
    "丢单": "lost",
}
TEAM_WORDS = {"team", "团队", "全组", "本组"}
FILTER_WORDS = {
    "open": "open",
    "进行中": "open",
    "won": "won",
    "赢单": "won",
    "成交": "won",
    "lost": "lost",
    "输单": "lost",
    "丢单": "lost",
}
NEXT_STEP = re.compile(r"^(?:next\s+step|next|下一步)[:：]?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class ShowHelp:
    pass


@dataclass(frozen=True)
class OpenForm:
    pass


@dataclass(frozen=True)
class NewDeal:
    """As typed: customer, title, amount, close date (each text, checked later)."""

    customer: str
    title: str
    amount: str
    close: str | None


@dataclass(frozen=True)
class ListDeals:
    team: bool = False
    status: str = "open"  # open, won or lost


@dataclass(frozen=True)
class ShowDeal:
    deal_id: int


@dataclass(frozen=True)
class MoveDeal:
    deal_id: int
    stage: OpportunityStage


@dataclass(frozen=True)
class SetNextStep:
    deal_id: int
    text: str


@dataclass(frozen=True)
class WinDeal:
    deal_id: int


@dataclass(frozen=True)
class LoseDeal:
    deal_id: int
    reason: str | None
    competitor: str | None


DealRequest = (
    ShowHelp
    | OpenForm
    | NewDeal
    | ListDeals
    | ShowDeal
    | MoveDeal
    | SetNextStep
    | WinDeal
    | LoseDeal
)


def parse_deal_command(text: str) -> DealRequest:
    text = unicodedata.normalize("NFKC", text or "").strip()
    if len(text) > MAX_TEXT:
        raise InvalidInput("error.text_too_long", limit=MAX_TEXT)
    if not text:
        return OpenForm()
    verb, _word, rest = split_verb(text, VERBS)
    if verb is None:
        return _about_one(text)
    return _VERB_READERS[verb](rest)


def parse_deal_id(word: str) -> int:
    match = _ID.match(unicodedata.normalize("NFKC", word or "").strip())
    if match is None or int(match.group(1)) == 0:
        raise InvalidInput("deal.error.bad_id", word=(word or "")[:40])
    return int(match.group(1))


def _help(_rest: str) -> DealRequest:
    return ShowHelp()


def _new(rest: str) -> DealRequest:
    if not rest:
        return OpenForm()
    parts = [part.strip() for part in SEPARATORS.split(rest)]
    if len(parts) not in (3, 4) or not all(parts[:3]):
        raise InvalidInput("deal.error.one_line_usage")
    close = parts[3] if len(parts) == 4 and parts[3] else None
    return NewDeal(parts[0], parts[1], parts[2], close)


def _list(rest: str) -> DealRequest:
    team, status = False, "open"
    for word in rest.split():
        folded = word.casefold()
        if folded in TEAM_WORDS:
            team = True
        elif folded in FILTER_WORDS:
            status = FILTER_WORDS[folded]
        else:
            raise InvalidInput("deal.error.list_usage", word=word[:40])
    return ListDeals(team, status)


def _show(rest: str) -> DealRequest:
    return ShowDeal(parse_deal_id(rest))


def _move(rest: str) -> DealRequest:
    words = rest.split(maxsplit=1)
    if len(words) != 2:
        raise InvalidInput("deal.error.move_usage")
    return _to_stage(parse_deal_id(words[0]), words[1])


def _won(rest: str) -> DealRequest:
    return WinDeal(parse_deal_id(rest))


def _lost(rest: str) -> DealRequest:
    first, _, why = rest.partition(" ")
    deal_id = parse_deal_id(first)
    parts = [part.strip() for part in SEPARATORS.split(why, maxsplit=1)]
    reason = parts[0] or None
    competitor = parts[1] or None if len(parts) == 2 else None
    return LoseDeal(deal_id, reason, competitor)


def _about_one(text: str) -> DealRequest:
    """`12`, `12 proposal`, `12 next step …`: what is asked of one opportunity."""
    first, _, rest = text.partition(" ")
    if _ID.match(first) is None:
        # "12下一步 …" and "12方案": a Chinese word run into the number
        glued = re.match(r"^(#?\d{1,9}号?)(\D.*)$", text)
        if glued is None:
            raise InvalidInput("deal.error.unknown", word=first[:40])
        first, rest = glued.group(1), glued.group(2)
    deal_id = parse_deal_id(first)
    rest = rest.strip()
    if not rest:
        return ShowDeal(deal_id)
    step = NEXT_STEP.match(rest)
    if step:
        return SetNextStep(deal_id, rest[step.end() :].strip())
    return _to_stage(deal_id, rest)


def _to_stage(deal_id: int, word: str) -> DealRequest:
    stage = stage_named(word)
    if stage is None:
        raise InvalidInput("deal.error.bad_stage", word=word[:40])
    if stage == OpportunityStage.won:
        return WinDeal(deal_id)
    if stage == OpportunityStage.lost:
        return LoseDeal(deal_id, None, None)
    return MoveDeal(deal_id, stage)


_VERB_READERS = {
    "help": _help,
    "new": _new,
    "list": _list,
    "show": _show,
    "move": _move,
    "won": _won,
    "lost": _lost,
}
