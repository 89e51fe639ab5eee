"""A lead's keys, as storage.match_keys makes them: the company, the phone and the e-mail
each reduced to the one form duplicate checks compare."""

from dataclasses import dataclass

from storage.match_keys import (
    CHINESE_SUFFIXES,
    LATIN_SUFFIXES,
    company_key,
    email_key,
    folded_words,
    phone_key,
)

__all__ = [
    "CHINESE_SUFFIXES",
    "LATIN_SUFFIXES",
    "LeadKeys",
    "company_key",
    "email_key",
    "folded_words",
    "lead_keys",
    "phone_key",
]


@dataclass(frozen=True)
class LeadKeys:
    company: str
    phone: str | None
    email: str | None


def lead_keys(company: str, phone: str | None, email: str | None) -> LeadKeys:
    return LeadKeys(company_key(company), phone_key(phone), email_key(email))
