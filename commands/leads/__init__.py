"""Leads (线索): intake from Slack, CSV and `POST /leads`, with duplicate detection (防撞单).

- `keys`: the company, phone and e-mail as duplicate checks compare them.
- `drafts`: a lead as typed or sent, checked field by field.
- `duplicates`: the customer or open lead a new lead duplicates, found without reading them all.
- `intake`: leads taken in and screened; a duplicate goes to its owner, who is told; any
  other lead is routed and offered (`assign`, `place`).
- `routing`: the team a lead goes to, by the routing rules; leads nobody has yet.
- `round_robin`: the rep within the team, by capacity-weighted round robin.
- `offers`: Accept / Pass on an offered lead; waiting leads offered again.
- `availability`: time away and capacity.
- `tokens`: the per-source tokens of `POST /leads`.
- `reading`: one's own open leads.
- `text`: the one-line grammar of `/lead`.
"""

from commands.leads.drafts import LeadDraft, read_draft
from commands.leads.duplicates import Match, find_match
from commands.leads.intake import (
    NOTIFY_KIND,
    LeadSaved,
    create_in_slack,
    screen_waiting,
    take_from_source,
)
from commands.leads.keys import LeadKeys, company_key, email_key, lead_keys, phone_key
from commands.leads.offers import offer_waiting
from commands.leads.reading import LIST_LIMIT, LeadLine, LeadPage, my_open_leads
from commands.leads.text import (
    ListMine,
    OpenForm,
    QuickLead,
    ShowHelp,
    Verb,
    parse_lead_command,
)
from commands.leads.tokens import (
    TokenLine,
    create_source_token,
    list_source_tokens,
    revoke_source_token,
    source_of_token,
)

__all__ = [
    "LIST_LIMIT",
    "NOTIFY_KIND",
    "LeadDraft",
    "LeadKeys",
    "LeadLine",
    "LeadPage",
    "LeadSaved",
    "ListMine",
    "Match",
    "OpenForm",
    "QuickLead",
    "ShowHelp",
    "TokenLine",
    "Verb",
    "company_key",
    "create_in_slack",
    "create_source_token",
    "email_key",
    "find_match",
    "lead_keys",
    "list_source_tokens",
    "my_open_leads",
    "offer_waiting",
    "parse_lead_command",
    "phone_key",
    "read_draft",
    "revoke_source_token",
    "screen_waiting",
    "source_of_token",
    "take_from_source",
]
