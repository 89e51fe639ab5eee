"""Customers, by code: code, name, owner_slack_id, tier, region, industry, and the primary
contact's contact_name, contact_phone, contact_email.

Rows are written in bulk, past the ORM: what the model's hooks would fill (the folded text
search reads) is filled here, on create and on rename."""

from datetime import datetime

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from storage.imports import fields as read
from storage.imports.bulk import insert_rows, update_rows
from storage.imports.csvfile import CsvTable
from storage.imports.report import Rejected, RowWarning
from storage.imports.upsert import Importer, Plan, Stored, saved, value_of
from storage.match_keys import email_key, name_grams, phone_key
from storage.models import Contact, Customer, CustomerNameGram, Member, customer_search_text

COLUMNS = {"code", "name", "tier", "region", "industry"}
DELETE_CHUNK = 500  # ids per DELETE … IN (…): within every database's limit on parameters
CONTACT_FIELDS = {"contact_name": "name", "contact_phone": "phone", "contact_email": "email"}


class CustomerImporter(Importer):
    """Customer names are unique: a name another code holds (stored, or earlier in the file)
    rejects the row."""

    entity = "customer"
    model = Customer
    key = "code"
    required = ("code", "name", "owner_slack_id")
    optional = ("tier", "region", "industry", *CONTACT_FIELDS)

    def load(self, session: Session, table: CsvTable) -> dict[str, Stored]:
        self.member_ids = dict(session.exec(select(Member.slack_user_id, Member.id)).all())
        slack_ids = {member_id: slack_id for slack_id, member_id in self.member_ids.items()}
        contacts = self._primary_contacts(session)
        customers = session.exec(select(Customer)).all()
        self.name_holders = {customer.name: customer.code for customer in customers}
        self.contact_ids = {}
        # Customers imported before search text was filled on import: mended on the next one.
        self.stale_search_text = {
            saved(customer.id): search_text(customer.code, customer.name)
            for customer in customers
            if customer.search_text != search_text(customer.code, customer.name)
        }
        stored = {}
        for customer in customers:
            customer_id = saved(customer.id)
            contact = contacts.get(customer_id)
            if contact:
                self.contact_ids[customer.code] = contact.id
            fields = customer.model_dump(include=COLUMNS)
            fields["owner_slack_id"] = slack_ids[customer.owner_id]
            for column, field in CONTACT_FIELDS.items():
                fields[column] = getattr(contact, field) if contact else None
            stored[customer.code] = Stored(customer_id, fields)
        return stored

    def readers(self) -> dict[str, read.Reader]:
        return {
            "code": read.text(Customer),
            "name": read.text(Customer),
            "owner_slack_id": self._owner,
            "tier": read.tier,
            "region": read.text(Customer),
            "industry": read.text(Customer),
            **{column: read.text(Contact, field) for column, field in CONTACT_FIELDS.items()},
        }

    def check(self, fields: dict[str, object], stored: Stored | None) -> dict[str, object]:
        has_contact = stored is not None and stored.fields["contact_name"] is not None
        gives_contact = any(column in fields for column in CONTACT_FIELDS)
        if gives_contact and "contact_name" not in fields and not has_contact:
            raise Rejected("import.reject.contact_needs_name")
        name, code = value_of(fields, "name", str), value_of(fields, "code", str)
        holder = self.name_holders.setdefault(name, code)
        if holder != code:
            raise Rejected("import.reject.name_taken", value=read.shown(name), code=holder)
        return fields

    def columns(self, fields: dict[str, object]) -> dict[str, object]:
        row = {column: value for column, value in fields.items() if column in COLUMNS}
        if "owner_slack_id" in fields:
            row["owner_id"] = self.member_ids[value_of(fields, "owner_slack_id", str)]
        return row

    def new_row(self, fields: dict[str, object], now: datetime) -> dict[str, object]:
        found_by = search_text(value_of(fields, "code", str), value_of(fields, "name", str))
        return self.columns(fields) | {"is_prospect": False, "search_text": found_by}

    def write(self, session: Session, plan: Plan, now: datetime) -> dict[str, int]:
        created = super().write(session, plan, now)
        renamed = {
            change.record.id: search_text(change.key, value_of(change.fields, "name", str))
            for change in plan.updates
            if "name" in change.fields
        }
        for customer_id in renamed:
            self.stale_search_text.pop(customer_id, None)  # mended by its rename
        _set_search_text(session, renamed)
        _drop_name_grams(session, list(renamed))
        names = {
            created[change.key]: value_of(change.fields, "name", str) for change in plan.creates
        }
        names |= {
            change.record.id: value_of(change.fields, "name", str)
            for change in plan.updates
            if "name" in change.fields
        }
        insert_rows(session, CustomerNameGram, _name_gram_rows(names))
        new_contacts = [
            _new_contact(change.fields, created[change.key])
            for change in plan.creates
            if change.fields["contact_name"]
        ]
        changed_contacts = []
        for change in plan.updates:
            contact = _contact_row(change.fields)
            contact_id = self.contact_ids.get(change.key)
            if contact and contact_id:
                changed_contacts.append({"id": contact_id, **contact})
            elif contact:
                new_contacts.append(_new_contact(change.fields, change.record.id))
        insert_rows(session, Contact, new_contacts)
        update_rows(session, Contact, changed_contacts)
        return created

    def finish(self, session: Session, now: datetime) -> list[RowWarning]:
        _set_search_text(session, self.stale_search_text)
        return []

    def _owner(self, column: str, value: str) -> str:
        slack_id = read.user_id(column, value)
        if slack_id not in self.member_ids:
            raise Rejected("import.reject.unknown_member", column=column, value=slack_id)
        return slack_id

    @staticmethod
    def _primary_contacts(session: Session) -> dict[int, Contact]:
        """The primary contact of each customer (the first one, if several are marked)."""
        first_ids = (
            select(func.min(Contact.id))
            .where(Contact.is_primary)
            .group_by(col(Contact.customer_id))
        )
        contacts = session.exec(select(Contact).where(col(Contact.id).in_(first_ids))).all()
        return {contact.customer_id: contact for contact in contacts}


def _name_gram_rows(names: dict[int, str]) -> list[dict[str, object]]:
    """The name grams of each customer written in bulk (the model's hook does not run)."""
    return [
        {"gram": gram, "customer_id": customer_id}
        for customer_id, name in names.items()
        for gram in name_grams(name)
    ]


def _drop_name_grams(session: Session, customer_ids: list[int]) -> None:
    for start in range(0, len(customer_ids), DELETE_CHUNK):
        chunk = customer_ids[start : start + DELETE_CHUNK]
        session.execute(
            delete(CustomerNameGram).where(col(CustomerNameGram.customer_id).in_(chunk))
        )


def _set_search_text(session: Session, texts: dict[int, str]) -> None:
    rows = [{"id": customer_id, "search_text": text} for customer_id, text in texts.items()]
    update_rows(session, Customer, rows)


def _contact_row(fields: dict[str, object]) -> dict[str, object]:
    """The contact's changed fields (all of them for a new customer), with the keys lead
    duplicate checks compare (the bulk write skips the model's hook)."""
    row = {field: fields[column] for column, field in CONTACT_FIELDS.items() if column in fields}
    if "phone" in row:
        row["phone_key"] = phone_key(_text(row["phone"]))
    if "email" in row:
        row["email_key"] = email_key(_text(row["email"]))
    return row


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _new_contact(fields: dict[str, object], customer_id: int) -> dict[str, object]:
    blank = dict.fromkeys((*CONTACT_FIELDS.values(), "phone_key", "email_key"))
    return blank | _contact_row(fields) | {"customer_id": customer_id, "is_primary": True}


def search_text(code: str, name: str) -> str:
    """What the model's hook would store; cut to the column, as NFKC may lengthen a name."""
    return customer_search_text(code, name)[: read.max_length(Customer, "search_text")]
