"""Targets, by team, member, metric and period: team, member_slack_id (empty or absent: the
team's own target), metric, period, amount.

A metric is written as its name (order_amount, shipped_amount, collections, new_customers,
effective_visits) or a word for it in English or Chinese (订单, 回款, visits …); a period as
2026, 2026-Q4 or 2026-11. Money is in the team's reporting currency; customers and visits are
counted whole. A member's target belongs to the member's own team. Once a team's plan for a
metric and year is locked, a row that would change it is rejected: such a change needs a
reason, given in Slack (`/target set … reason …`).

The natural key spans four columns; the importer keys each row by the period column, which
`load` rewrites into the whole key ("East/U123/order_amount/2026-11", the key targets are
audited under) before the rows are checked."""

from datetime import datetime
from decimal import Decimal

from sqlmodel import Session, col, select

from storage.imports import fields as read
from storage.imports.csvfile import CsvTable
from storage.imports.report import Rejected
from storage.imports.upsert import Importer, Stored, saved, value_of
from storage.models import Member, Target, TargetPlan, Team
from storage.statuses import Metric
from storage.targets import metric_named, period_key, target_key, unit_of


class TargetImporter(Importer):
    entity = "target"
    model = Target
    key = "period"
    required = ("team", "metric", "period", "amount")
    optional = ("member_slack_id",)

    def load(self, session: Session, table: CsvTable) -> dict[str, Stored]:
        teams = session.exec(select(Team.id, Team.name)).all()
        self.team_ids = {name: saved(team_id) for team_id, name in teams}
        self.team_names = {team_id: name for name, team_id in self.team_ids.items()}
        self.team_by_folded_name = {name.casefold(): name for name in self.team_ids}
        self.members = {
            slack_id: (saved(member_id), team_id)
            for member_id, slack_id, team_id in session.exec(
                select(Member.id, Member.slack_user_id, Member.team_id).where(
                    col(Member.active).is_(True)
                )
            )
        }
        # Every member's id, the deactivated too: their stored targets are still theirs.
        self.slack_ids = {
            saved(member_id): slack_id
            for member_id, slack_id in session.exec(select(Member.id, Member.slack_user_id))
        }
        self.locked = {
            (team_id, str(metric), year)
            for team_id, metric, year in session.exec(
                select(TargetPlan.team_id, TargetPlan.metric, TargetPlan.year).where(
                    col(TargetPlan.locked_at).is_not(None)
                )
            )
        }
        self.written: dict[str, str] = {}
        for row in table.rows:
            if row.cells["period"]:
                key = self._key(row.cells)
                self.written[key] = row.cells["period"]
                row.cells["period"] = key
        return {key: stored for key, stored in self._stored(session)}

    def _stored(self, session: Session):
        for target in session.exec(select(Target)).all():
            member = self.slack_ids.get(target.member_id) if target.member_id else None
            team = self.team_names[target.team_id]
            metric = str(target.metric)
            fields: dict[str, object] = {
                "period": target.period,
                "team": team,
                "member_slack_id": member,
                "metric": Metric(metric),
                "amount": target.amount,
            }
            yield target_key(team, member, metric, target.period), Stored(saved(target.id), fields)

    def _key(self, cells: dict[str, str]) -> str:
        """The row's key from its cells as they read where they can be read (a cell that
        cannot is rejected by its reader)."""
        team = cells["team"]
        team = (
            team if team in self.team_ids else self.team_by_folded_name.get(team.casefold(), team)
        )
        metric = metric_named(cells["metric"])
        return target_key(
            team,
            cells.get("member_slack_id", "").upper() or None,
            str(metric) if metric else cells["metric"],
            period_key(cells["period"]) or cells["period"],
        )

    def readers(self) -> dict[str, read.Reader]:
        return {
            "period": _as_keyed,
            "team": self._team,
            "member_slack_id": self._member,
            "metric": _metric,
            "amount": read.amount,
        }

    def check(self, fields: dict[str, object], stored: Stored | None) -> dict[str, object]:
        written = self.written[value_of(fields, "period", str)]
        period = period_key(written)
        if period is None:
            raise Rejected("import.reject.bad_period", value=read.shown(written))
        team, metric = value_of(fields, "team", str), value_of(fields, "metric", Metric)
        member = fields.get("member_slack_id")
        if isinstance(member, str) and self.members[member][1] != self.team_ids[team]:
            raise Rejected("import.reject.member_not_in_team", member=member, team=team)
        amount = _amount(metric, value_of(fields, "amount", Decimal))
        changes = stored is None or stored.fields["amount"] != amount
        if changes and (self.team_ids[team], str(metric), int(period[:4])) in self.locked:
            raise Rejected("import.reject.target_locked", team=team, metric=metric, year=period[:4])
        return fields | {"period": period, "member_slack_id": member, "amount": amount}

    def columns(self, fields: dict[str, object]) -> dict[str, object]:
        row = {
            column: value
            for column, value in fields.items()
            if column not in ("team", "member_slack_id")
        }
        if "team" in fields:
            row["team_id"] = self.team_ids[value_of(fields, "team", str)]
        if "member_slack_id" in fields:
            member = fields["member_slack_id"]
            row["member_id"] = self.members[member][0] if isinstance(member, str) else None
        return row

    def new_row(self, fields: dict[str, object], now: datetime) -> dict[str, object]:
        return self.columns(fields) | {"updated_at": now}

    def changed_row(self, fields: dict[str, object], now: datetime) -> dict[str, object]:
        return self.columns(fields) | {"updated_at": now}

    def _team(self, column: str, value: str) -> str:
        name = value if value in self.team_ids else self.team_by_folded_name.get(value.casefold())
        if name is None:
            raise Rejected("import.reject.unknown_team", value=read.shown(value))
        return name

    def _member(self, column: str, value: str) -> str:
        slack_id = read.user_id(column, value)
        if slack_id not in self.members:
            raise Rejected("import.reject.unknown_member", column=column, value=slack_id)
        return slack_id


def _as_keyed(column: str, value: str) -> str:
    return value


def _metric(column: str, value: str) -> Metric:
    metric = metric_named(value)
    if metric is None:
        raise Rejected("import.reject.bad_metric", value=read.shown(value))
    return metric


def _amount(metric: Metric, amount: Decimal) -> Decimal:
    unit = unit_of(metric)
    if amount != amount.quantize(unit):
        raise Rejected("import.reject.target_whole", metric=str(metric), value=amount)
    return amount.quantize(unit)
