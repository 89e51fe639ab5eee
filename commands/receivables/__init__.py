"""Receivables (应收账款): what customers still owe, how late it is, and payments received.

- `reading`: the invoices one may see, listed with their aging, or one with its payments.
- `payments`: a payment recorded against an invoice.
- `reports`: overdue invoices for the stand-up, a team's week for the weekly review.
- `aging`: buckets and totals per currency (pure functions).
- `text`: the one-line grammar of `/receivable`.
"""

from commands.receivables.aging import Bucket, CurrencyAging, OpenItem, aging_by_currency
from commands.receivables.payments import PaymentRecorded, can_record_payments, record_payment
from commands.receivables.reading import (
    LIST_LIMIT,
    InvoiceCard,
    InvoiceLine,
    PaymentLine,
    ReceivablePage,
    aging_limits,
    invoice_card,
    list_receivables,
)
from commands.receivables.reports import (
    OverdueInvoice,
    TeamReceivables,
    overdue_invoices,
    team_receivables,
)
from commands.receivables.text import (
    ListReceivables,
    RecordPayment,
    ShowHelp,
    ShowInvoice,
    parse_receivable_command,
)

__all__ = [
    "LIST_LIMIT",
    "Bucket",
    "CurrencyAging",
    "InvoiceCard",
    "InvoiceLine",
    "ListReceivables",
    "OpenItem",
    "OverdueInvoice",
    "PaymentLine",
    "PaymentRecorded",
    "ReceivablePage",
    "RecordPayment",
    "ShowHelp",
    "ShowInvoice",
    "TeamReceivables",
    "aging_by_currency",
    "aging_limits",
    "can_record_payments",
    "invoice_card",
    "list_receivables",
    "overdue_invoices",
    "parse_receivable_command",
    "record_payment",
    "team_receivables",
]
