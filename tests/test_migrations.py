"""Migrations build exactly the tables the models describe, on SQLite and PostgreSQL alike,
and carry existing data forward."""

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text
from sqlmodel import SQLModel

from storage import models  # noqa: F401
from storage.migrate import alembic_config


def test_the_migrated_schema_matches_the_models(database_url):
    engine = create_engine(database_url)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    engine.dispose()
    assert differences == []


def test_upgrading_keeps_the_data_of_an_older_schema(database_url):
    config = alembic_config(database_url)
    command.downgrade(config, "0001")
    engine = create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO team (name, slack_channel_id) VALUES ('East', 'C1')"))
        connection.execute(
            text(
                "INSERT INTO member (slack_user_id, name, role, team_id) "
                "VALUES ('U1', 'A', 'rep', 1)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO customer (code, name, owner_id, is_prospect) "
                "VALUES ('C-1', 'ＡＣＭＥ Co', 1, false)"
            )
        )
    command.upgrade(config, "head")
    with engine.connect() as connection:
        row = connection.execute(text("SELECT name, settings FROM team")).one()
        search_text = connection.execute(text("SELECT search_text FROM customer")).scalar_one()
    engine.dispose()
    assert row[0] == "East"
    assert row[1] in ({}, "{}")
    assert search_text == "c-1 acme co"
