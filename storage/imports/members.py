"""Members, by Slack user id: slack_user_id, name, role, team, manager_slack_id, timezone,
locale, email, joined_on (the first working day: a rep who joins mid-period is paced from it).

A locale is any code Slack writes: en-* reads as English, zh-* as Chinese. A language Sales
Desk does not speak (ja-JP) is stored as no locale, so the member reads the default language,
and the row is imported with a warning saying so."""

from datetime import datetime

from sqlmodel import Session, select

from storage.imports import fields as read
from storage.imports.csvfile import CsvTable
from storage.imports.report import Rejected
from storage.imports.upsert import Importer, Stored, saved, value_of
from storage.models import Member, Team
from storage.vocabulary import language

COLUMNS = {
    "slack_user_id",
    "name",
    "role",
    "manager_slack_id",
    "timezone",
    "locale",
    "email",
    "joined_on",
}


class MemberImporter(Importer):
    """Every member belongs to a team, except admins, who may have none. A manager is a member
    already stored or one in the same file."""

    entity = "member"
    model = Member
    key = "slack_user_id"
    required = ("slack_user_id", "name", "role", "team")
    optional = ("manager_slack_id", "timezone", "locale", "email", "joined_on")
    may_be_blank = ("team",)

    def load(self, session: Session, table: CsvTable) -> dict[str, Stored]:
        team_names = dict(session.exec(select(Team.id, Team.name)).all())
        self.team_ids = {name: team_id for team_id, name in team_names.items()}
        self.team_by_folded_name = {name.casefold(): name for name in self.team_ids}
        members = session.exec(select(Member)).all()
        self.known = {member.slack_user_id for member in members}
        self.known |= {row.cells["slack_user_id"].upper() for row in table.rows}
        return {
            member.slack_user_id: Stored(
                saved(member.id),
                member.model_dump(include=COLUMNS) | {"team": team_names.get(member.team_id)},
            )
            for member in members
        }

    def readers(self) -> dict[str, read.Reader]:
        return {
            "slack_user_id": read.user_id,
            "name": read.text(Member),
            "role": read.role,
            "team": self._team,
            "manager_slack_id": self._manager,
            "timezone": read.timezone,
            "locale": _as_written,  # any code: `check` reads the language
            "email": read.text(Member),
            "joined_on": read.iso_date,
        }

    def check(self, fields: dict[str, object], stored: Stored | None) -> dict[str, object]:
        if "team" not in fields and fields["role"] != "admin":
            raise Rejected("import.reject.missing_value", column="team")
        if "locale" in fields:
            locale, name = value_of(fields, "locale", str), value_of(fields, "name", str)
            fields["locale"] = self._language(locale, name)
        return fields

    def new_row(self, fields: dict[str, object], now: datetime) -> dict[str, object]:
        return self.columns(fields) | {"active": True, "deactivated_at": None, "slack_locale": None}

    def _language(self, code: str, name: str) -> str | None:
        spoken = language(code)
        if spoken is None:
            self.warn("import.warning.unspoken_locale", value=read.shown(code), name=name)
        return spoken

    def columns(self, fields: dict[str, object]) -> dict[str, object]:
        row = {column: value for column, value in fields.items() if column != "team"}
        if "team" in fields:
            team = fields["team"]  # None: an admin of no team
            row["team_id"] = self.team_ids.get(team) if isinstance(team, str) else None
        return row

    def _team(self, column: str, value: str) -> str:
        name = value if value in self.team_ids else self.team_by_folded_name.get(value.casefold())
        if name is None:
            raise Rejected("import.reject.unknown_team", value=read.shown(value))
        return name

    def _manager(self, column: str, value: str) -> str:
        slack_id = read.user_id(column, value)
        if slack_id not in self.known:
            raise Rejected("import.reject.unknown_manager", value=slack_id)
        return slack_id


def _as_written(column: str, value: str) -> str:
    return value
