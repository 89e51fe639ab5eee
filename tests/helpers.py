"""What tests read back: rows and ids from the database, the text and buttons of what the bot
sent, and the messages the Slack stand-in received."""

from sqlmodel import select

from commands.people import Actor, actor_for, find_member
from storage.models import Customer, Member, SalesOrder

WAIT = 15.0  # the outbox sends one message a second to any one person


def count(db, model) -> int:
    with db.session() as session:
        return len(session.exec(select(model)).all())


def customer_id(db, code: str) -> int:
    with db.session() as session:
        return session.exec(select(Customer.id).where(Customer.code == code)).one()


def member_id(db, slack_user_id: str) -> int:
    with db.session() as session:
        return session.exec(select(Member.id).where(Member.slack_user_id == slack_user_id)).one()


def order(db, number: str) -> SalesOrder:
    with db.session() as session:
        return session.exec(select(SalesOrder).where(SalesOrder.number == number)).one()


def actor(db, slack_user_id: str) -> Actor:
    """The member as commands see them, in English and UTC unless their profile says more."""
    with db.session() as session:
        member, team = find_member(session, slack_user_id)
        return actor_for(
            member, team, admins=frozenset(), default_locale="en", default_timezone="UTC"
        )


def message_text(message: dict) -> str:
    """Everything a person reads in a message or view: title, text, sections, fields, context,
    buttons and input labels."""
    parts = [message.get("text") or "", text_of(message.get("title"))]
    for block in message.get("blocks", []):
        parts += [text_of(block.get("text")), *map(text_of, block.get("fields", []))]
        parts += [text_of(element) for element in block.get("elements", [])]
        parts += [text_of(block.get("label"))]
    return "\n".join(part for part in parts if part)


def text_of(item) -> str:
    """The string of a text object, or of the text object an element carries; "" for none."""
    if not isinstance(item, dict):
        return ""
    return item["text"] if isinstance(item.get("text"), str) else text_of(item.get("text"))


def button_values(message: dict) -> dict[str, str]:
    """action_id → value (or url) of every button in a message."""
    return {
        element["action_id"]: element.get("value") or element.get("url")
        for element in button_elements(message)
    }


def button_elements(message: dict) -> list[dict]:
    """Every element of the message's actions blocks, in order."""
    return [
        element
        for block in message.get("blocks", [])
        if block["type"] == "actions"
        for element in block["elements"]
    ]


def posted_to(slack, user: str, contains: str = "") -> list:
    """The bot's messages to `user` (a DM channel) that contain `contains`, once they came."""
    return slack.wait_for(
        "chat.postMessage",
        timeout=WAIT,
        where=lambda c: c.args["channel"] == user and contains in message_text(c.args),
    )


def updated_for(slack, user: str, contains: str) -> dict:
    """The one message to `user` the bot updated to contain `contains`."""
    [call] = slack.wait_for(
        "chat.update",
        timeout=WAIT,
        where=lambda c: c.args["channel"] == user and contains in message_text(c.args),
    )
    return call.args


def told(slack, name: str, contains: str = "") -> str:
    """The ephemeral reply posted to the clicked message's response_url `name`."""
    [call] = slack.wait_for(
        "response_url",
        timeout=WAIT,
        where=lambda c: c.args["_name"] == name and contains in c.args.get("text", ""),
    )
    assert call.args["response_type"] == "ephemeral"
    return call.args["text"]


def import_files(database_url, monkeypatch, folder, files: dict[str, str]) -> None:
    """Each CSV (kind → text) written to `folder` and loaded with `salesdesk import KIND FILE`,
    in the order given; every row must be taken."""
    from bot.cli import main

    monkeypatch.setenv("DATABASE_URL", database_url)
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SALESDESK_ADMINS"):
        monkeypatch.delenv(name, raising=False)
    for kind, text in files.items():
        path = folder / f"{kind}.csv"
        path.write_text(text, encoding="utf-8")
        assert main(["import", kind, str(path)]) == 0, kind
