"""Open (and closed) opportunities a team brings from another CRM: customer_code, title,
amount, currency, stage, owner_slack_id, expected_close_on, next_step, lost_reason, competitor,
created_on.

An opportunity has no number of its own, and the schema gives it none: a row is keyed by its
customer and title, which is how people tell their deals apart in a list. The title is never
changed by an import (it is the key); two stored opportunities of one customer under the same
title cannot be told apart, and a row naming them is rejected.

A new opportunity belongs to its owner's team (by default its customer's owner) and starts its
stage history with one step, from nothing to its stage, on the day it was created; a stage the
import changes adds a step. Won and lost opportunities are closed at that step. Winning by
import records the outcome only: the order comes with the orders import, not from here."""

from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import select as select_columns
from sqlmodel import Session, col, select

from storage.imports import fields as read
from storage.imports.bulk import insert_rows, last_id, table_of, update_rows
from storage.imports.csvfile import CsvTable
from storage.imports.report import Rejected
from storage.imports.upsert import ACTOR, Change, Importer, Plan, Stored, chunks, value_of
from storage.models import Customer, Member, Opportunity, OpportunityStageChange, Team, as_utc
from storage.statuses import OpportunityStage

KEY = "customer_code + title"
SEPARATOR = " · "
DEFAULT_CURRENCY = "CNY"
TEXTS = ("next_step", "lost_reason", "competitor")
COLUMNS = ("amount", "currency", "stage", "expected_close_on", *TEXTS)
CLOSED = (OpportunityStage.won, OpportunityStage.lost)
# The stage words of /deal, in English and Chinese (storage does not read commands').
STAGE_WORDS: dict[str, OpportunityStage] = {
    **{stage.value: stage for stage in OpportunityStage},
    "qualify": OpportunityStage.qualification,
    "资格": OpportunityStage.qualification,
    "资格确认": OpportunityStage.qualification,
    "资格审核": OpportunityStage.qualification,
    "need": OpportunityStage.needs,
    "needs_analysis": OpportunityStage.needs,
    "需求": OpportunityStage.needs,
    "需求分析": OpportunityStage.needs,
    "需求确认": OpportunityStage.needs,
    "方案": OpportunityStage.proposal,
    "方案报价": OpportunityStage.proposal,
    "谈判": OpportunityStage.negotiation,
    "商务谈判": OpportunityStage.negotiation,
    "win": OpportunityStage.won,
    "赢单": OpportunityStage.won,
    "成交": OpportunityStage.won,
    "lose": OpportunityStage.lost,
    "输单": OpportunityStage.lost,
    "丢单": OpportunityStage.lost,
}


def row_key(customer_code: str, title: str) -> str:
    return f"{customer_code}{SEPARATOR}{title}"


class OpportunityImporter(Importer):
    entity = "opportunity"
    model = Opportunity
    key = KEY
    required = ("customer_code", "title", "amount", "stage")
    optional = ("currency", "owner_slack_id", "expected_close_on", *TEXTS, "created_on")
    also_written = (OpportunityStageChange,)

    def load(self, session: Session, table: CsvTable) -> dict[str, Stored]:
        """The stored opportunities by customer and title; the members, customers and teams
        the rows name. Each row's key is made here from its two cells."""
        for row in table.rows:
            code, title = row.cells.get("customer_code", ""), row.cells.get("title", "")
            row.cells[KEY] = row_key(code, title) if code and title else f"line {row.line}"
        self._load_people(session)
        return self._stored(session)

    def _load_people(self, session: Session) -> None:
        teams = session.exec(select(Team.id, Team.timezone)).all()
        self.zones = {team: ZoneInfo(zone or self.default_timezone) for team, zone in teams}
        members = session.exec(select(Member.slack_user_id, Member.id, Member.team_id)).all()
        self.members = {slack_id: (member, team) for slack_id, member, team in members}
        self.slack_ids = {member: slack_id for slack_id, member, _ in members}
        customers = session.exec(select(Customer.code, Customer.id, Customer.owner_id)).all()
        self.customer_ids = {code: customer for code, customer, _ in customers}
        self.owners = {code: self.slack_ids[owner] for code, _, owner in customers}
        self.codes = {customer: code for code, customer, _ in customers}

    def _stored(self, session: Session) -> dict[str, Stored]:
        deal = table_of(Opportunity)
        columns = (deal.c[column] for column in COLUMNS)
        rows = session.execute(
            select_columns(
                deal.c.id,
                deal.c.customer_id,
                deal.c.title,
                deal.c.owner_id,
                deal.c.team_id,
                deal.c.created_at,
                *columns,
            )
        )
        stored: dict[str, Stored] = {}
        keys: Counter[str] = Counter()
        for deal_id, customer_id, title, owner_id, team_id, created_at, *values in rows:
            fields = dict(zip(COLUMNS, values, strict=True))
            key = row_key(self.codes[customer_id], title)
            fields |= {
                KEY: key,
                "customer_code": self.codes[customer_id],
                "title": title,
                "owner_slack_id": self.slack_ids[owner_id],
                "team_id": team_id,  # not a column of the file: what a new created_on is read on
                "created_on": as_utc(created_at).astimezone(self.zones[team_id]).date(),
            }
            stored[key] = Stored(deal_id, fields)
            keys[key] += 1
        self.ambiguous = {key for key, times in keys.items() if times > 1}
        return stored

    def readers(self) -> dict[str, read.Reader]:
        return {
            KEY: _as_given,
            "customer_code": self._customer,
            "title": read.text(Opportunity),
            "amount": read.amount,
            "currency": read.currency,
            "stage": _stage,
            "owner_slack_id": self._owner,
            "expected_close_on": read.iso_date,
            **{column: read.text(Opportunity) for column in TEXTS},
            "created_on": read.iso_date,
        }

    def check(self, fields: dict[str, object], stored: Stored | None) -> dict[str, object]:
        key = value_of(fields, KEY, str)
        if key in self.ambiguous:
            raise Rejected(
                "opportunity.import.ambiguous",
                customer=value_of(fields, "customer_code", str),
                title=read.shown(value_of(fields, "title", str)),
            )
        if stored is not None:
            _keep_closed_stage(fields, stored)
        return fields

    def defaults(self, fields: dict[str, object]) -> dict[str, object]:
        blank = super().defaults(fields)
        blank["currency"] = DEFAULT_CURRENCY
        blank["owner_slack_id"] = self.owners[value_of(fields, "customer_code", str)]
        return blank

    def columns(self, fields: dict[str, object]) -> dict[str, object]:
        row = {column: value for column, value in fields.items() if column in COLUMNS}
        if "owner_slack_id" in fields:
            row["owner_id"], row["team_id"] = self.members[value_of(fields, "owner_slack_id", str)]
        return row

    def new_row(self, fields: dict[str, object], now: datetime) -> dict[str, object]:
        row = self.columns(fields)
        code = value_of(fields, "customer_code", str)
        created = self._moment(fields.get("created_on"), row["team_id"], now)
        closed = created if fields["stage"] in CLOSED else None
        return row | {
            "customer_id": self.customer_ids[code],
            "title": fields["title"],
            "lead_id": None,
            "order_id": None,
            "created_by": ACTOR,
            "created_at": created,
            "updated_at": now,
            "stage_changed_at": created,
            "last_activity_at": now,
            "closed_at": closed,
        }

    def _changed(self, change: Change, now: datetime) -> dict[str, object]:
        fields = change.fields
        row = self.columns(fields)
        if "created_on" in fields:
            team = row.get("team_id", change.record.fields["team_id"])
            row["created_at"] = self._moment(fields["created_on"], team, now)
        if "stage" in fields:
            row["stage_changed_at"] = now
            row["closed_at"] = now if fields["stage"] in CLOSED else None
        return {"id": change.record.id, **row, "updated_at": now}

    def write(self, session: Session, plan: Plan, now: datetime) -> dict[str, int]:
        created: dict[str, int] = {}
        new_rows: list[dict[str, object]] = []
        if plan.creates:
            after_id = last_id(session, Opportunity)
            new_rows = [self.new_row(change.fields, now) for change in plan.creates]
            insert_rows(session, Opportunity, new_rows)
            created = self._new_ids(session, after_id)
        update_rows(session, Opportunity, [self._changed(change, now) for change in plan.updates])
        for steps in chunks(_steps(plan, created, new_rows, now)):
            insert_rows(session, OpportunityStageChange, steps)
        return created

    def _new_ids(self, session: Session, after_id: int) -> dict[str, int]:
        rows = session.exec(
            select(Opportunity.id, Opportunity.customer_id, Opportunity.title).where(
                col(Opportunity.id) > after_id
            )
        )
        return {
            row_key(self.codes[customer], title): deal_id
            for deal_id, customer, title in rows
            if deal_id is not None
        }

    def _moment(self, day: object, team_id: object, now: datetime) -> datetime:
        """The start of `day` on the team's clock, in UTC; now when no day is given."""
        if not isinstance(day, date) or not isinstance(team_id, int):
            return now
        return datetime.combine(day, time(), self.zones[team_id]).astimezone(now.tzinfo)

    def _customer(self, column: str, value: str) -> str:
        if value not in self.customer_ids:
            raise Rejected("import.reject.unknown_customer", value=read.shown(value))
        return value

    def _owner(self, column: str, value: str) -> str:
        slack_id = read.user_id(column, value)
        if slack_id not in self.members:
            raise Rejected("import.reject.unknown_member", column=column, value=slack_id)
        if self.members[slack_id][1] is None:
            raise Rejected("opportunity.import.owner_without_team", value=slack_id)
        return slack_id


def _as_given(column: str, value: str) -> str:
    return value


def _stage(column: str, value: str) -> OpportunityStage:
    folded = value.strip().casefold().replace(" ", "_").replace("-", "_")
    stage = STAGE_WORDS.get(folded)
    if stage is None:
        raise Rejected("opportunity.import.bad_stage", value=read.shown(value))
    return stage


def _keep_closed_stage(fields: dict[str, object], stored: Stored) -> None:
    """A won or lost opportunity stays so: the import may correct its other fields."""
    before = stored.fields["stage"]
    if before in CLOSED and fields.get("stage", before) != before:
        title = read.shown(value_of(fields, "title", str))
        raise Rejected(f"opportunity.import.closed.{before}", title=title)


def _steps(
    plan: Plan, created: dict[str, int], new_rows: list[dict[str, object]], now: datetime
) -> Iterator[dict[str, object]]:
    """The first step of each new opportunity's history, on the day it was created, and a
    step for each stage the import changed."""
    for change, row in zip(plan.creates, new_rows, strict=True):
        stage = value_of(change.fields, "stage", OpportunityStage)
        yield _step(created[change.key], None, stage, value_of(row, "created_at", datetime))
    for change in plan.updates:
        if "stage" in change.fields:
            before = value_of(change.record.fields, "stage", str)
            yield _step(change.record.id, before, change.fields["stage"], now)


def _step(deal_id: int, before: object, after: object, at: datetime) -> dict[str, object]:
    return dict(
        opportunity_id=deal_id, from_stage=before, to_stage=after, changed_at=at, changed_by=ACTOR
    )
