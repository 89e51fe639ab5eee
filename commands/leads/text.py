"""The one-line grammar of `/lead`, in English and Chinese:

    /lead                                   the form
    /lead help | 帮助                        usage
    /lead mine | 我的                        your open leads
    /lead VERB …                            a verb another lead module answers (pool, claim…)
    /lead COMPANY; CONTACT; PHONE-or-EMAIL; NEED
    /lead 上海华联贸易；张伟；138 0013 8000；询价不锈钢法兰

Parts are separated by `;` or `；`; the need may itself hold separators (all that follows the
third is the need). The third part is an e-mail when it has an @, else a phone. Anything else
(a company alone) opens the form with the company filled in.
"""

import re
from collections.abc import Collection
from dataclasses import dataclass

from commands.errors import InvalidInput

MAX_TEXT = 4000
SEPARATORS = re.compile(r"[;；]")
HELP_WORDS = {"help", "?", "帮助"}
MINE_WORDS = {"mine", "my", "我的"}


@dataclass(frozen=True)
class ShowHelp:
    pass


@dataclass(frozen=True)
class ListMine:
    pass


@dataclass(frozen=True)
class OpenForm:
    company: str | None = None


@dataclass(frozen=True)
class QuickLead:
    """As typed, for commands.leads.drafts to check: field name → text."""

    values: dict[str, str]


@dataclass(frozen=True)
class Verb:
    """A first word one of the lead modules answers, and the text after it."""

    word: str
    rest: str


LeadRequest = ShowHelp | ListMine | OpenForm | QuickLead | Verb


def parse_lead_command(text: str, verbs: Collection[str] = ()) -> LeadRequest:
    """What `/lead TEXT` asks; `verbs` are the first words (folded) answered elsewhere."""
    text = (text or "").strip()
    if len(text) > MAX_TEXT:
        raise InvalidInput("error.text_too_long", limit=MAX_TEXT)
    if not text:
        return OpenForm()
    if text.casefold() in HELP_WORDS:
        return ShowHelp()
    if text.casefold() in MINE_WORDS:
        return ListMine()
    first, _, rest = text.partition(" ")
    if first.casefold() in verbs:
        return Verb(first.casefold(), rest.strip())
    if not SEPARATORS.search(text):
        return OpenForm(company=text)
    return _quick_lead(text)


def _quick_lead(text: str) -> QuickLead:
    parts = [part.strip() for part in SEPARATORS.split(text, maxsplit=3)]
    if len(parts) < 3:
        raise InvalidInput("lead.error.one_line_usage")
    values = {"company": parts[0], "contact_name": parts[1], "source": "slack"}
    reach = parts[2]
    values["email" if "@" in reach else "phone"] = reach
    if len(parts) == 4:
        values["need"] = parts[3]
    return QuickLead({name: value for name, value in values.items() if value})
