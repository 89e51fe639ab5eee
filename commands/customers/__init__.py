"""Customers: who may see which, finding the one a typed name means, and a customer's card."""

from commands.customers.card import (
    ContactLine,
    CustomerCard,
    Listed,
    OpenOrder,
    PendingSample,
    UpcomingMeeting,
    card_for_text,
    customer_card,
)
from commands.customers.finding import (
    CustomerRef,
    find_customer,
    search_customers,
    visible_customers,
)
from commands.customers.lookup import CustomerMatches, match_customers

__all__ = [
    "ContactLine",
    "CustomerCard",
    "CustomerMatches",
    "CustomerRef",
    "Listed",
    "OpenOrder",
    "PendingSample",
    "UpcomingMeeting",
    "card_for_text",
    "customer_card",
    "find_customer",
    "match_customers",
    "search_customers",
    "visible_customers",
]
