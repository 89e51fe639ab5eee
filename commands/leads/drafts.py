"""A lead as someone typed or sent it, checked field by field: every problem at once, each
under its field, so a form, a one-line command and `POST /leads` can name them all."""

from collections.abc import Mapping
from dataclasses import dataclass

from commands.errors import DomainError, FormProblems, InvalidInput
from commands.leads.keys import phone_key
from storage.leads import LEAD_SOURCES, lead_source, looks_like_email

LIMITS = {
    "company": 500,
    "contact_name": 100,
    "phone": 50,
    "email": 200,
    "region": 100,
    "industry": 100,
    "need": 3000,
    "source_id": 100,
}
TEXT_FIELDS = tuple(LIMITS)
MAX_SCORE = 100


@dataclass(frozen=True)
class LeadDraft:
    company: str
    contact_name: str | None = None
    phone: str | None = None
    email: str | None = None
    region: str | None = None
    industry: str | None = None
    need: str | None = None
    score: int | None = None
    source: str = "other"
    source_id: str | None = None


def read_draft(values: Mapping[str, object], source: str | None = None) -> LeadDraft:
    """The lead `values` describe (text fields as strings, `score` an integer 0-100 or its
    digits, `source` a category unless given); FormProblems naming every bad field."""
    problems: dict[str, DomainError] = {}
    texts: dict[str, str | None] = {}
    for field in TEXT_FIELDS:
        try:
            texts[field] = _text(values.get(field), field)
        except InvalidInput as problem:
            problems[field] = problem
    score = _field(problems, "score", lambda: _score(values.get("score")))
    if source is None:
        source = _field(problems, "source", lambda: _source(values.get("source")))
    problems |= _contact_problems(texts, problems)
    if not texts.get("company") and "company" not in problems:
        problems["company"] = InvalidInput("lead.error.no_company")
    if problems:
        raise FormProblems(problems)
    return LeadDraft(
        company=texts["company"] or "",
        contact_name=texts["contact_name"],
        phone=texts["phone"],
        email=texts["email"],
        region=texts["region"],
        industry=texts["industry"],
        need=texts["need"],
        score=score,
        source=source or "other",
        source_id=texts["source_id"],
    )


def _field(problems: dict[str, DomainError], field: str, read):
    try:
        return read()
    except InvalidInput as problem:
        problems[field] = problem
        return None


def _text(value: object, field: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput("lead.error.not_text")
    text = value.strip()
    if len(text) > LIMITS[field]:
        raise InvalidInput("lead.error.too_long", limit=LIMITS[field])
    return text or None


def _score(value: object) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_SCORE:
        raise InvalidInput("lead.error.bad_score", limit=MAX_SCORE)
    return value


def _source(value: object) -> str:
    if value is None or value == "":
        return "other"
    found = lead_source(value) if isinstance(value, str) else None
    if found is None:
        raise InvalidInput("lead.error.bad_source", sources=", ".join(LEAD_SOURCES))
    return found


def _contact_problems(
    texts: dict[str, str | None], problems: dict[str, DomainError]
) -> dict[str, DomainError]:
    """A lead someone can reach: a phone with enough digits or an e-mail that looks like one,
    at least one of the two."""
    found: dict[str, DomainError] = {}
    phone, email = texts.get("phone"), texts.get("email")
    if phone and phone_key(phone) is None:
        found["phone"] = InvalidInput("lead.error.bad_phone")
    if email and not looks_like_email(email):
        found["email"] = InvalidInput("lead.error.bad_email")
    unread = "phone" in problems or "email" in problems
    if not phone and not email and not unread:
        found["phone"] = InvalidInput("lead.error.no_phone_or_email")
    return found
