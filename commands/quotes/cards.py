"""What a quote is when read: the card every reply, message and document is drawn from."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from storage.statuses import QuoteStatus


@dataclass(frozen=True)
class QuoteLineCard:
    sku: str
    product: str  # the name as quoted
    unit: str
    quantity: Decimal
    unit_price: Decimal
    discount_percent: Decimal
    line_total: Decimal


@dataclass(frozen=True)
class QuoteCard:
    id: int
    number: str
    status: QuoteStatus
    opportunity_id: int
    opportunity_title: str
    customer_code: str
    customer_name: str
    rep_name: str  # who made the quote
    rep_slack_id: str
    owner_name: str  # the opportunity's rep: the files go to them
    owner_slack_id: str
    currency: str
    tax_rate: Decimal
    tax_inclusive: bool
    valid_until: date
    subtotal: Decimal
    tax_amount: Decimal
    total: Decimal
    max_discount_percent: Decimal
    lines: tuple[QuoteLineCard, ...]
    created_at: datetime
    decided_by: str | None = None
    decided_at: datetime | None = None
    decision_note: str | None = None
    sent_at: datetime | None = None
    waiting_for: tuple[str, ...] = ()  # who may decide, while it waits

    @property
    def has_files(self) -> bool:
        """Only a quote within the threshold or approved is ever produced as a document."""
        return self.status in FILED_STATUSES

    def params(self) -> dict:
        """The card as notification parameters (JSON), what a message shows when sent."""
        return {
            "quote_id": self.id,
            "number": self.number,
            "status": str(self.status),
            "opportunity_id": self.opportunity_id,
            "opportunity": self.opportunity_title,
            "customer": self.customer_name,
            "customer_code": self.customer_code,
            "rep": self.rep_name,
            "currency": self.currency,
            "total": str(self.total),
            "max_discount": str(self.max_discount_percent),
            "valid_until": self.valid_until.isoformat(),
            "decided_by": self.decided_by,
            "decided_at": self.decided_at.isoformat() if self.decided_at else None,
            "reason": self.decision_note,
            "lines": [
                {
                    "sku": line.sku,
                    "product": line.product,
                    "quantity": str(line.quantity),
                    "discount": str(line.discount_percent),
                    "line_total": str(line.line_total),
                }
                for line in self.lines
            ],
        }


FILED_STATUSES = (QuoteStatus.draft, QuoteStatus.approved, QuoteStatus.sent, QuoteStatus.accepted)


@dataclass(frozen=True)
class QuoteMade:
    card: QuoteCard
    approvers: tuple[str, ...] = ()  # asked to decide, when the discount needs it
    to_admins: bool = False
    threshold: Decimal | None = None


@dataclass(frozen=True)
class QuoteMoved:
    card: QuoteCard
    step: str  # approve, reject, send, accept
    superseded: tuple[str, ...] = ()  # numbers replaced by an accepted quote
