"""Every slash command the README's tables show works on the demo workspace as written: run as
the demo admin, or as the demo member the README names for it (`--as U…` in its row, or the row
of the demo's who-is-who table), each in a fresh database, through the real app over signed HTTP.
A reply that is an error, a "not found", an empty list or the usage (where an action was meant)
fails the example."""

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from bot.i18n import CATALOGS
from conftest import fresh_postgres_database
from harness import RunningDesk
from slack_standin import SlackStandIn
from storage.db import Database
from storage.demo import MEMBERS, TEAMS, load_demo, load_demo_paperwork
from storage.migrate import upgrade

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()
ADMIN = "UADMIN0001"
USER_ID = re.compile(r"^\| `(U[A-Z0-9]+)` \|")
WRITING = re.compile(
    r"^(update|更新|pay|付款|approve|reject|submit|move|cancel|minutes"
    r"|set|设置|split|分解|lock|锁定|rate|kpi set"
    r"|contacted|follow|claim|qualify|disqualify|convert|route add|away|back"
    r"|new|新建|won|lost) "
)


@dataclass(frozen=True)
class Example:
    line: str
    user: str

    def __str__(self) -> str:
        return self.line if self.user == ADMIN else f"{self.line} (as {self.user})"

    @property
    def command(self) -> str:
        return self.line.partition(" ")[0]

    @property
    def text(self) -> str:
        return self.line.partition(" ")[2]

    @property
    def opens_a_form(self) -> bool:
        if self.text == "":
            return self.command in ("/visit", "/sample", "/meeting", "/contract", "/lead", "/deal")
        if self.command == "/target":
            return self.text in ("set", "设置")
        return self.text.startswith(("change ", "变更 "))

    @property
    def writes(self) -> bool:
        return ";" in self.text or bool(WRITING.match(self.text))

    @property
    def asks_for_help(self) -> bool:
        return self.text in ("", "help", "帮助") and not self.opens_a_form


def table_rows(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("| ")]


def readme_examples() -> list[Example]:
    examples = []
    for row in table_rows(README):
        named = USER_ID.match(row) or re.search(r"`--as (U[A-Z0-9]+)`", row)
        user = named.group(1) if named else ADMIN
        examples += [Example(line, user) for line in re.findall(r"`(/[^`]+)`", row)]
    return examples


def example_params(writing: bool) -> list:
    return [
        pytest.param(example, id=str(example))
        for example in readme_examples()
        if example.writes == writing
    ]


def _messages(*kinds: str) -> list[re.Pattern]:
    """Each line of every catalog message of `kinds`, in both languages, as a pattern with its
    placeholders matching anything (lines too short to tell apart, like a title, left out)."""
    patterns = []
    for catalog in CATALOGS.values():
        for key, template in catalog.items():
            if not re.search(rf"\.({'|'.join(kinds)})(\.|$)", key):
                continue
            for line in template.splitlines():
                literal = re.sub(r"\{[^}]*\}", "", line).strip(" *_`•")
                if len(literal) >= (12 if literal.isascii() else 6):
                    parts = re.split(r"\{[^}]*\}", line.strip(" *_`•"))
                    patterns.append(re.compile("[^\n]*?".join(re.escape(p) for p in parts)))
    return patterns


FAILURES = _messages(
    "error", "problems", "empty", "empty_customer", r"choice\.none", "not_a_member", "usage_error"
)
USAGE = _messages("help")


def load_the_demo(db: Database) -> None:
    with db.session() as session:
        load_demo(session, date.today())
        load_demo_paperwork(session, date.today())


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def demo_for_reading(request, tmp_path_factory):
    """One demo database for every example that changes nothing (one per database kind)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('readme') / 'salesdesk.db'}"
        upgrade(url)
        yield from _served(url)
    else:
        with fresh_postgres_database(request.getfixturevalue("postgres_server")) as url:
            yield from _served(url)


def _served(url: str):
    db = Database(url)
    load_the_demo(db)
    with SlackStandIn() as slack, RunningDesk(db, slack) as desk:
        yield desk
    db.dispose()


@pytest.fixture
def demo(db) -> Database:
    load_the_demo(db)
    return db


def what_the_bot_said(desk: RunningDesk, example: Example) -> str:
    desk.slack.reset()
    reply = desk.command(example.command, example.text, example.user)
    assert reply.status == 200, reply.body
    if example.opens_a_form:
        view = desk.slack.wait_for("views.open")[0].args["view"]
        return "\n".join(texts_in(view))
    said = reply.text() if reply.body else ""
    if not said:
        said = "\n".join(str(c.args) for c in desk.slack.wait_for("response_url"))
    return said.replace("\u202f", " ")


def texts_in(value) -> list[str]:
    """Every piece of text a person reads in a view: its title, labels, hints, options."""
    if isinstance(value, dict):
        return [text for item in value.values() for text in texts_in(item)]
    if isinstance(value, list):
        return [text for item in value for text in texts_in(item)]
    return [value] if isinstance(value, str) and not value.startswith("{") else []


def assert_it_worked(example: Example, said: str) -> None:
    assert said.strip(), "no reply"
    for pattern in FAILURES:
        assert not pattern.search(said), f"{example}: {said}"
    if not example.asks_for_help:
        for pattern in USAGE:
            assert not pattern.search(said), f"{example} shows the usage: {said}"


@pytest.mark.parametrize("example", example_params(writing=False))
def test_a_readme_example_that_reads_works_on_the_demo_as_written(demo_for_reading, example):
    assert_it_worked(example, what_the_bot_said(demo_for_reading, example))


@pytest.mark.parametrize("example", example_params(writing=True))
def test_a_readme_example_that_writes_works_on_a_fresh_demo(demo, slack, example):
    with RunningDesk(demo, slack) as desk:
        said = what_the_bot_said(desk, example)
    assert_it_worked(example, said)
    if "TT20241120" in example.text:
        assert "TT20241120" in said, "the payment's reference is not in the reply"


def test_the_readme_shows_examples_for_every_command_the_demo_users_try():
    examples = readme_examples()
    assert len(examples) > 60
    assert {e.command for e in examples} >= {
        "/order",
        "/visit",
        "/customer",
        "/sample",
        "/meeting",
        "/receivable",
        "/contract",
    }
    members_tried = {e.user for e in examples}
    assert members_tried == {slack_id for slack_id, *_ in MEMBERS}


def test_the_demo_users_table_is_the_demo_data():
    languages = {"en": "English", "zh-CN": "Chinese"}
    rows = [row for row in table_rows(README) if USER_ID.match(row)]
    documented = [tuple(cell.strip(" `") for cell in row.split("|")[1:6]) for row in rows]
    expected = [
        (slack_id, name, role, team or "—", languages[locale])
        for slack_id, name, role, team, locale in MEMBERS
    ]
    assert documented == expected
    assert {team for *_, team, _ in documented} - {"—"} == {name for name, *_ in TEAMS}
