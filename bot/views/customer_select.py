"""The customer type-ahead every modal shares. Put `customer_select_element(locale)` in an input
block; Slack asks bot/listeners/customer_select.py for options as the user types (only the
customers that user may see), and the submission carries the customer id:

    InputBlock(block_id="customer", label=..., element=customer_select_element(locale))
    ...
    customer_id = selected_customer_id(view["state"]["values"], "customer")
"""

from slack_sdk.models.blocks import ExternalDataSelectElement, Option, PlainTextObject

from bot.i18n import t
from bot.views.blocks import clip
from commands.customers import CustomerRef

ACTION_ID = "customer_select"
OPTION_TEXT_LIMIT = 75


def customer_label(customer: CustomerRef) -> str:
    return clip(f"{customer.code} · {customer.name}", OPTION_TEXT_LIMIT)


def customer_option(customer: CustomerRef) -> Option:
    return Option(text=PlainTextObject(text=customer_label(customer)), value=str(customer.id))


def customer_options(customers: list[CustomerRef]) -> list[dict]:
    return [customer_option(customer).to_dict() for customer in customers]


def customer_select_element(
    locale: str, initial: CustomerRef | None = None, min_query_length: int = 0
) -> ExternalDataSelectElement:
    """An external_select answered from the database; `initial` preselects a customer."""
    return ExternalDataSelectElement(
        action_id=ACTION_ID,
        placeholder=PlainTextObject(text=t(locale, "customer.select.placeholder")),
        min_query_length=min_query_length,
        initial_option=customer_option(initial) if initial else None,
    )


def selected_customer_id(values: dict, block_id: str) -> int | None:
    """The chosen customer's id in a view submission's state values, or None."""
    selected = (values.get(block_id, {}).get(ACTION_ID) or {}).get("selected_option") or {}
    value = str(selected.get("value") or "")
    return int(value) if value.isdigit() else None
