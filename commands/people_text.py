"""The one-line forms of `/desk add` and `/desk deactivate`, and naming people in them.

    add @someone rep "华南 South"          添加 @某人 销售 华南 South
    deactivate @someone to @other          停用 @某人 给 @另一人

A person is a Slack mention (<@U012ABC> or <@U012ABC|name>), a Slack member id, or @name of
someone who is (or was) a member.
"""

import re
from dataclasses import dataclass

from sqlalchemy import true
from sqlmodel import Session, select

from commands.errors import InvalidInput
from commands.people import ROLE_WORDS
from storage.models import Member, fold

_MENTION = re.compile(r"^<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>$")
_SLACK_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
_TO = re.compile(r"\s+(?:to|→)\s+|\s*(?:交给|移交给|给|→)\s*", re.IGNORECASE)
_QUOTES = "\"'“”‘’「」『』"


@dataclass(frozen=True)
class AddRequest:
    person: str  # a Slack user id, or @name to find among members
    role: str
    team: str | None


def read_add(text: str) -> AddRequest:
    parts = text.split(maxsplit=2)
    if len(parts) < 2:
        raise InvalidInput("people.error.add_usage")
    role = ROLE_WORDS.get(parts[1].lower())
    if role is None:
        raise InvalidInput("people.error.unknown_role", word=parts[1][:40])
    team = parts[2].strip().strip(_QUOTES).strip() if len(parts) > 2 else ""
    return AddRequest(parts[0], role, team or None)


def read_deactivate(text: str) -> tuple[str, str]:
    """(who leaves, who takes over), each as written."""
    parts = _TO.split(text.strip(), maxsplit=1)
    if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
        raise InvalidInput("people.error.deactivate_usage")
    return parts[0].strip(), parts[1].strip()


def slack_id_of(written: str) -> str | None:
    """The Slack user id a mention or id names; None for a name."""
    mention = _MENTION.match(written)
    if mention:
        return mention.group(1)
    return written if _SLACK_ID.match(written) else None


def member_named(session: Session, written: str, active_only: bool = False) -> str:
    """The Slack user id of the member a mention, id or @name names."""
    slack_id = slack_id_of(written)
    if slack_id:
        return slack_id
    query = select(Member.slack_user_id, Member.name)
    if active_only:
        query = query.where(Member.active == true())
    members = session.exec(query).all()  # (Slack user id, name)
    wanted = fold(written.removeprefix("@").strip())
    found = [(user, name) for user, name in members if fold(name) == wanted] or [
        (user, name) for user, name in members if wanted in fold(name).split()
    ]
    if not found:
        raise InvalidInput("people.error.unknown_person", name=written[:60])
    if len(found) > 1:
        names = ", ".join(f"{name} ({user})" for user, name in found[:5])
        raise InvalidInput("people.error.ambiguous_person", name=written[:60], names=names)
    return found[0][0]
