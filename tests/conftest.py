"""Shared fixtures: a fresh database per test (SQLite, and PostgreSQL where CI provides it)."""

import os
import shutil
import sqlite3
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

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


@pytest.fixture(scope="session")
def migrated_sqlite_file(tmp_path_factory) -> Path:
    """A SQLite file migrated once per test process: each test gets a copy of it, which is
    the same database the migrations would build, in a fraction of the time."""
    path = tmp_path_factory.mktemp("template") / "salesdesk.db"
    upgrade(f"sqlite:///{path}")
    with sqlite3.connect(path) as connection:  # fold the WAL into the file before copying
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture(scope="session")
def postgres_template(postgres_server):
    """A PostgreSQL database migrated once per test process, the template of each test's."""
    with fresh_postgres_database(postgres_server) as url:
        yield make_url(url).database


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:
    """A migrated, empty database URL for one test."""
    if request.param == "sqlite":
        path = tmp_path / "salesdesk.db"
        shutil.copyfile(request.getfixturevalue("migrated_sqlite_file"), path)
        yield f"sqlite:///{path}"
        return
    server = request.getfixturevalue("postgres_server")
    template = request.getfixturevalue("postgres_template")
    with fresh_postgres_database(server, template=template) as url:
        yield url


@pytest.fixture
def postgres_url(postgres_server, postgres_template) -> str:
    """A migrated, empty PostgreSQL database for tests that need several processes on one."""
    with fresh_postgres_database(postgres_server, template=postgres_template) as url:
        yield url


@contextmanager
def fresh_postgres_database(server, template: str | None = None):
    """A new database on `server`, dropped afterwards: a copy of `template` when given (already
    migrated), else migrated here."""
    name = f"salesdesk_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    copy_of = f' TEMPLATE "{template}"' if template else ""
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"{copy_of}'))
    url = server.set(database=name).render_as_string(hide_password=False)
    try:
        if template is None:
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
