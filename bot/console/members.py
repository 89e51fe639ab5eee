"""Who the console acts as: `--as` takes a Slack user id, a name in any case, or the start of
one (of the whole name or of any word in it: "李娜", "li na", "molly")."""

import unicodedata
from dataclasses import dataclass

from sqlmodel import Session, select

from storage.models import Member, Team


@dataclass(frozen=True)
class Choice:
    """The member chosen, or (when none or several match) the members to choose from, each
    with their team's name."""

    member: Member | None
    candidates: list[tuple[Member, str | None]]
    ambiguous: bool = False


def choose_member(session: Session, wanted: str | None) -> Choice:
    members = list(
        session.exec(
            select(Member, Team.name)
            .join(Team, Member.team_id == Team.id, isouter=True)
            .where(Member.active)
            .order_by(Member.id)
        )
    )
    if not wanted:
        admins = [row for row in members if row[0].role == "admin"]
        first = (admins or members or [(None, None)])[0][0]
        return Choice(first, members)
    matching = _matching(members, _folded(wanted))
    if len(matching) == 1:
        return Choice(matching[0][0], matching)
    return Choice(None, matching or members, ambiguous=len(matching) > 1)


def _matching(members: list, query: str) -> list:
    """The best tier that matches anyone: the id, then the whole name, then the start of
    either."""
    tiers = (
        lambda member: _folded(member.slack_user_id) == query,
        lambda member: _folded(member.name) == query,
        lambda member: (
            _folded(member.slack_user_id).startswith(query)
            or any(start.startswith(query) for start in _name_starts(member.name))
        ),
    )
    for matches in tiers:
        found = [row for row in members if matches(row[0])]
        if found:
            return found
    return []


def _name_starts(name: str) -> list[str]:
    """The name from each of its words on: "王芳 Wang Fang" → itself, "wang fang", "fang"."""
    words = _folded(name).split(" ")
    return [" ".join(words[index:]) for index in range(len(words))]


def _folded(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())
