"""Leads: company, contact_name, phone, email, source, source_id, region, industry, need,
score. A row with a source_id is upserted by (source, source_id), the source's own id; a row
without one is always a new lead.

Rows are written in bulk, below the domain rules: a lead is created `new`, unassigned and
without its duplicate keys (company_key left empty, as is a lead whose company, phone or e-mail
an update changes). commands.leads.screen_waiting, which `salesdesk import leads` runs in the
next transaction, fills the keys, sends duplicates to their owners and offers every other lead
to its team's next rep (routing rules, then the round robin), one run for the whole file."""

from datetime import datetime

from sqlmodel import Session, col, select

from storage.imports import fields as read
from storage.imports.csvfile import CsvTable
from storage.imports.report import Rejected
from storage.imports.upsert import Importer, Stored, saved
from storage.leads import LEAD_SOURCES, lead_source, looks_like_email
from storage.models import Lead
from storage.statuses import LeadStatus

KEY = "source_ref"  # (source, source_id) for the rows that have one; the line for the others
TEXT = ("company", "contact_name", "phone", "email", "region", "industry", "need")
KEYED = {"company", "phone", "email"}  # the fields duplicate keys are made of
DEFAULT_SOURCE = "other"
MAX_SCORE = 100
ACTOR = "import"


class LeadImporter(Importer):
    entity = "lead"
    model = Lead
    key = KEY
    required = ("company",)
    optional = (
        "contact_name",
        "phone",
        "email",
        "source",
        "source_id",
        "region",
        "industry",
        "need",
        "score",
    )

    def load(self, session: Session, table: CsvTable) -> dict[str, Stored]:
        """The leads sources sent before, by (source, source id); and each row's key, made
        here, before the rows are checked: rows have no column that is their key."""
        for row in table.rows:
            source_id = row.cells.get("source_id", "")
            if source_id:
                row.cells[KEY] = row_key(_source_or_word(row.cells.get("source", "")), source_id)
            else:
                row.cells[KEY] = f"line {row.line}"
        stored = {}
        leads = session.exec(select(Lead).where(col(Lead.source_ref).is_not(None))).all()
        for lead in leads:
            key = row_key(lead.source, lead.source_ref or "")
            fields: dict[str, object] = {field: getattr(lead, field) for field in TEXT}
            fields |= {
                "source": lead.source,
                "source_id": lead.source_ref,
                "score": lead.score,
                KEY: key,
            }
            stored[key] = Stored(saved(lead.id), fields)
        return stored

    def readers(self) -> dict[str, read.Reader]:
        texts = {column: read.text(Lead) for column in TEXT if column != "email"}
        return {
            KEY: _as_given,
            **texts,
            "email": _email,
            "source": _source,
            "source_id": read.text(Lead, "source_ref"),
            "score": _score,
        }

    def check(self, fields: dict[str, object], stored: Stored | None) -> dict[str, object]:
        reachable = stored is not None and (stored.fields["phone"] or stored.fields["email"])
        if not (reachable or fields.get("phone") or fields.get("email")):
            raise Rejected("lead.import.no_phone_or_email")
        return fields

    def columns(self, fields: dict[str, object]) -> dict[str, object]:
        row = {
            column: value for column, value in fields.items() if column not in (KEY, "source_id")
        }
        if "source_id" in fields:
            row["source_ref"] = fields["source_id"]
        return row

    def new_row(self, fields: dict[str, object], now: datetime) -> dict[str, object]:
        return self.columns(fields) | {
            "source": fields.get("source") or DEFAULT_SOURCE,
            "company_key": "",
            "status": LeadStatus.new,
            "created_by": ACTOR,
            "created_at": now,
            "updated_at": now,
        }

    def changed_row(self, fields: dict[str, object], now: datetime) -> dict[str, object]:
        row = self.columns(fields) | {"updated_at": now}
        if KEYED & set(fields):
            row["company_key"] = ""  # to be keyed again, from the new values
        return row


def row_key(source: str, source_id: str) -> str:
    return f"{source}:{source_id}"


def _source_or_word(word: str) -> str:
    return lead_source(word) or word if word else DEFAULT_SOURCE


def _as_given(column: str, value: str) -> str:
    return value


def _email(column: str, value: str) -> str:
    text = read.text(Lead)(column, value)
    assert isinstance(text, str), "text is read as text"
    if not looks_like_email(text):
        raise Rejected("lead.import.bad_email", value=read.shown(text))
    return text


def _source(column: str, value: str) -> str:
    source = lead_source(value)
    if source is None:
        raise Rejected(
            "lead.import.bad_source", value=read.shown(value), sources=", ".join(LEAD_SOURCES)
        )
    return source


def _score(column: str, value: str) -> int:
    if not value.isdigit() or int(value) > MAX_SCORE:
        raise Rejected("lead.import.bad_score", value=read.shown(value), limit=MAX_SCORE)
    return int(value)
