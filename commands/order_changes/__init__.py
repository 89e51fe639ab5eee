"""Order change requests (订单变更): a customer asks to change an order's quantity,
specification, delivery date or something else; the rep (or anyone who may see the order)
logs who asked, what and why; the desk of the order's team accepts or declines it with a note.

    pending → accepted / declined (the desk, a manager of the order's team, an admin)

Every step is one transaction with an audit entry and its notifications: the desk is asked
with buttons, those messages are updated in place once someone decides, and the requester,
the order's rep and the customer's owner hear the outcome. An accepted delivery-date change
moves the order's promised ship date, recorded in the audit log (before → after). A second
decision, a stale button or a replay changes nothing and says who decided when.

- cards.py: drafts, cards, and each request read back with what it names;
- requests.py: logging a request; decisions.py: the desk's decision; reading.py: lists.
"""

from commands.order_changes.cards import (
    FORM_FIELDS,
    KINDS,
    MAX_ASKED_BY,
    MAX_DESCRIPTION,
    ChangeCard,
    ChangeDecided,
    ChangeDraft,
    ChangePage,
    ChangeProblems,
    ChangeRequested,
    OrderBrief,
)
from commands.order_changes.decisions import check_can_decide, decide_change
from commands.order_changes.reading import list_changes
from commands.order_changes.requests import check_draft, order_for_change, request_change

__all__ = [
    "FORM_FIELDS",
    "KINDS",
    "MAX_ASKED_BY",
    "MAX_DESCRIPTION",
    "ChangeCard",
    "ChangeDecided",
    "ChangeDraft",
    "ChangePage",
    "ChangeProblems",
    "ChangeRequested",
    "OrderBrief",
    "check_can_decide",
    "check_draft",
    "decide_change",
    "list_changes",
    "order_for_change",
    "request_change",
]
