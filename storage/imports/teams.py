"""Teams, by name: name, slack_channel_id, timezone, digest_time, manager_slack_id."""

from datetime import datetime

from sqlmodel import Session, select

from storage.imports import fields as read
from storage.imports.csvfile import CsvTable
from storage.imports.upsert import Importer, Stored
from storage.models import Team

COLUMNS = {"name", "slack_channel_id", "timezone", "digest_time", "manager_slack_id"}


class TeamImporter(Importer):
    """A team's manager need not be a member yet: teams are imported before their members."""

    entity = "team"
    model = Team
    key = "name"
    required = ("name", "slack_channel_id")
    optional = ("timezone", "digest_time", "manager_slack_id")

    def load(self, session: Session, table: CsvTable) -> dict[str, Stored]:
        stored = {}
        for team in session.exec(select(Team)).all():
            assert team.id is not None  # read from the database
            stored[team.name] = Stored(team.id, team.model_dump(include=COLUMNS))
        return stored

    def readers(self) -> dict[str, read.Reader]:
        return {
            "name": read.text(Team),
            "slack_channel_id": read.channel_id,
            "timezone": read.timezone,
            "digest_time": read.time_of_day,
            "manager_slack_id": read.user_id,
        }

    def new_row(self, fields: dict[str, object], now: datetime) -> dict[str, object]:
        return self.columns(fields) | {"settings": {}}
