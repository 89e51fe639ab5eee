"""Shared fixtures: a fresh database per test (SQLite, and PostgreSQL where CI provides it)."""

import os
import uuid
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from storage.db import Database
from storage.migrate import upgrade

POSTGRES_ENV = "SALESDESK_TEST_POSTGRES_URL"


def _postgres_server_url() -> str | None:
    return os.environ.get(POSTGRES_ENV) or None


@pytest.fixture(scope="session")
def postgres_server():
    """A server-level URL; each test run makes its own database there and drops it after."""
    url = _postgres_server_url()
    if url is None:
        pytest.skip(
            f"PostgreSQL tests need {POSTGRES_ENV} (for example postgresql+psycopg://postgres@127.0.0.1:5432/test)"
        )
    return make_url(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:
    """A migrated, empty database URL for one test."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'salesdesk.db'}"
        upgrade(url)
        yield url
        return
    with fresh_postgres_database(request.getfixturevalue("postgres_server")) as url:
        yield url


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """A migrated, empty PostgreSQL database for tests that need several processes on one."""
    with fresh_postgres_database(postgres_server) as url:
        yield url


@contextmanager
def fresh_postgres_database(server):
    name = f"salesdesk_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = server.set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url)
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def db(database_url) -> Database:
    database = Database(database_url)
    yield database
    database.dispose()


@pytest.fixture
def slack():
    from slack_standin import SlackStandIn

    with SlackStandIn() as stand_in:
        yield stand_in


@pytest.fixture
def demo_db(db) -> Database:
    """The demo workspace: two teams, their members, customers and orders."""
    from datetime import date

    from storage.demo import load_demo

    with db.session() as session:
        load_demo(session, date.today())
    return db


@pytest.fixture
def desk(demo_db, slack):
    from harness import RunningDesk

    with RunningDesk(demo_db, slack, admins=frozenset({"UBOOTADMIN"})) as running:
        yield running
