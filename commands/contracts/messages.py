"""Who hears of a step: the people asked to act (with buttons), the owner, and the messages that
asked, updated in place once the step is done."""

from sqlmodel import Session, col, select

from commands.contracts.cards import ContractCard, Loaded
from commands.people import Actor
from commands.records import notify
from storage.models import Member, Notification


def ask(
    session: Session,
    loaded: Loaded,
    round_: int,
    ask: str,
    members: list[Member],
    fallback: bool,
    card: ContractCard,
) -> None:
    """Ask each of `members` to review or approve, with the buttons to do it or reject."""
    for member in members:
        notify(
            session,
            key=message_key(loaded, round_, f"{ask}-ask", member.slack_user_id),
            channel=member.slack_user_id,
            kind="contract_request",
            ask=ask,
            fallback=fallback,
            buttons=[ask, "reject"],
            **card.params(),
        )


def tell_owner(session: Session, actor: Actor, loaded: Loaded, card: ContractCard, what: str):
    """The owner hears of every step someone else takes (their own they just saw)."""
    if actor.member_id == loaded.owner.id:
        return
    step = card.history[-1].action if card.history else "edit"
    notify(
        session,
        key=message_key(loaded, what, "owner"),
        channel=loaded.owner.slack_user_id,
        kind="contract_news",
        step=step,
        **card.params(),
    )


def update_asks(
    session: Session, loaded: Loaded, round_: int, asked: str, outcome: str, card: ContractCard
):
    """Replace the buttons of every message that asked for a step by what became of it."""
    for key, channel in sent_messages(session, message_key(loaded, round_, asked, "%")):
        notify(
            session,
            key=message_key(loaded, round_, asked, outcome, channel),
            channel=channel,
            kind="contract_done",
            updates_key=key,
            **card.params(),
        )


def update_owner_dm(
    session: Session, loaded: Loaded, round_: int, outcome: str, card: ContractCard
):
    """The owner's "approved, sign it" message loses its Sign button once that is moot."""
    key = message_key(loaded, round_, "approved")
    for sent, channel in sent_messages(session, key):
        notify(
            session,
            key=message_key(loaded, round_, "approved", outcome),
            channel=channel,
            kind="contract_done",
            updates_key=sent,
            **card.params(),
        )


def sent_messages(session: Session, pattern: str) -> list[tuple[str, str]]:
    """The (key, channel) of each message queued under a key like `pattern`."""
    rows = session.exec(
        select(Notification.key, col(Notification.channel))
        .where(col(Notification.key).like(pattern), col(Notification.updates_key).is_(None))
        .order_by(col(Notification.id))
    ).all()
    return [(key, channel) for key, channel in rows]


def message_key(loaded: Loaded, *parts: object) -> str:
    return ":".join(("contract", str(loaded.id), *map(str, parts)))
