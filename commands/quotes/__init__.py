"""Quotes (报价单) for opportunities:

    draft (discounts within the team's threshold) ─┐
    pending_approval → approved / rejected (the team's manager, or an admin)
                        └→ sent → accepted (the opportunity's earlier quotes: superseded)

- `arithmetic`: line totals and tax in Decimal, half up to the cent;
- `text`: the one-line grammar of `/quote`; `numbering`: Q-YYYY-NNNN;
- `rules`: who works on an opportunity's quotes, who decides a discount;
- `making`: a quote priced from the price list; `steps`: every step after it;
- `reading`: one quote or an opportunity's; `cards`: what they read as;
- `documents`: the PDF and XLSX the customer receives.
"""

from commands.quotes.cards import QuoteCard, QuoteLineCard, QuoteMade, QuoteMoved
from commands.quotes.documents import LABELS, QuoteFiles, quote_files
from commands.quotes.making import QuoteTarget, make_quote, message_key, quote_target
from commands.quotes.reading import opportunity_quotes, quote_card
from commands.quotes.steps import (
    accept_quote,
    approve_quote,
    check_can_decide,
    files_failed,
    reject_quote,
    send_quote,
)

__all__ = [
    "LABELS",
    "QuoteCard",
    "QuoteFiles",
    "QuoteLineCard",
    "QuoteMade",
    "QuoteMoved",
    "QuoteTarget",
    "accept_quote",
    "approve_quote",
    "check_can_decide",
    "files_failed",
    "make_quote",
    "message_key",
    "opportunity_quotes",
    "quote_card",
    "quote_files",
    "quote_target",
    "reject_quote",
    "send_quote",
]
