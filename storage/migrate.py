"""Alembic migrations, driven from code so the same steps serve SQLite and PostgreSQL."""

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine

MIGRATIONS = Path(__file__).parent / "migrations"


@dataclass(frozen=True)
class Migration:
    revision: str
    title: str


@dataclass(frozen=True)
class Upgrade:
    applied: list[Migration]
    revision: str


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str) -> Upgrade:
    """Bring the database to the newest revision; says which migrations that took."""
    config = alembic_config(url)
    scripts = ScriptDirectory.from_config(config)
    head = scripts.get_current_head()
    if head is None:
        raise RuntimeError(f"no migrations in {MIGRATIONS}: the installation is incomplete")
    pending = _pending(scripts, current_revision(url), head)
    command.upgrade(config, "head")
    return Upgrade(pending, head)


def current_revision(url: str) -> str | None:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()


def is_current(engine: Engine) -> bool:
    head = ScriptDirectory.from_config(alembic_config(str(engine.url))).get_current_head()
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision() == head


def _pending(scripts: ScriptDirectory, current: str | None, head: str) -> list[Migration]:
    if current == head:
        return []
    steps = scripts.iterate_revisions(head, current or "base")
    return [Migration(step.revision, _title(step.doc)) for step in reversed(list(steps))]


def _title(doc: str | None) -> str:
    return (doc or "").strip().splitlines()[0] if (doc or "").strip() else ""
