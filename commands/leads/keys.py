"""The keys duplicate checks compare: a company, a phone and an e-mail written the many ways
people write them, each reduced to one form.

- company: full-width folded to half-width (NFKC), case folded, punctuation and spaces gone,
  legal suffixes dropped in both scripts: "上海华联贸易有限公司" and "上海华联贸易" are one key,
  "Acme Trading Co., Ltd." and "ACME TRADING" another.
- phone and e-mail: as storage.contact_keys reduces them (customers' contacts keep the same
  keys, so a lead finds a customer by an index).
"""

import re
import unicodedata
from dataclasses import dataclass

from storage.contact_keys import email_key, phone_key

__all__ = ["LeadKeys", "company_key", "email_key", "folded_words", "lead_keys", "phone_key"]

# Latin legal forms, as words once punctuation is gone ("Co., Ltd." is "co", "ltd").
LATIN_SUFFIXES = frozenset(
    {
        "co",
        "company",
        "ltd",
        "limited",
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "llc",
        "llp",
        "plc",
        "gmbh",
        "ag",
        "pty",
        "sa",
        "srl",
        "bv",
        "kk",
    }
)
# Chinese legal forms, longest first so 股份有限公司 goes whole rather than as 公司.
CHINESE_SUFFIXES = ("股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团", "公司")
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class LeadKeys:
    company: str
    phone: str | None
    email: str | None


def lead_keys(company: str, phone: str | None, email: str | None) -> LeadKeys:
    return LeadKeys(company_key(company), phone_key(phone), email_key(email))


def folded_words(name: str) -> list[str]:
    """A name's words, width and case folded, punctuation gone ("Ｃｏ．,Ltd" → co, ltd)."""
    return _WORDS.findall(unicodedata.normalize("NFKC", name).casefold().replace("_", " "))


def company_key(name: str) -> str:
    """The name without what does not tell companies apart; never empty for a name that has
    any letters or digits (a name that is only a legal form keeps it: "Limited" is "limited")."""
    words = folded_words(name)
    while len(words) > 1 and words[-1] in LATIN_SUFFIXES:
        words.pop()
    compact = "".join(words)
    stripped = True
    while stripped:
        stripped = False
        for suffix in CHINESE_SUFFIXES:
            if compact.endswith(suffix) and len(compact) > len(suffix):
                compact = compact[: -len(suffix)]
                stripped = True
                break
    return compact
