"""Opening the database the settings name, ready for work."""

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from bot.settings import Settings, SettingsError
from storage.db import Database
from storage.migrate import Upgrade, is_current, upgrade


def open_database(settings: Settings) -> Database:
    """The embedded SQLite database is created and migrated on first use; any other database
    must have been migrated with `salesdesk db upgrade`."""
    url = settings.database_url
    shown = _shown(url)
    try:
        db = Database(url)
        if url.startswith("sqlite"):
            upgrade(url)
        elif not is_current(db.engine):
            raise SettingsError(
                f"DATABASE_URL {shown} is not up to date: run `salesdesk db upgrade` first"
            )
    except SQLAlchemyError as error:
        reason = str(error.orig if hasattr(error, "orig") and error.orig else error).splitlines()[0]
        raise SettingsError(f"DATABASE_URL {shown} cannot be used: {reason}") from None
    except (ArgumentError, ModuleNotFoundError) as error:
        raise SettingsError(f"DATABASE_URL {shown} is malformed: {error}") from None
    return db


def migrate(settings: Settings) -> Upgrade:
    try:
        return upgrade(settings.database_url)
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", None) or error).splitlines()[0]
        raise SettingsError(
            f"DATABASE_URL {_shown(settings.database_url)} cannot be used: {reason}"
        ) from None


def _shown(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(unreadable)"
