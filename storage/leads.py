"""What storage knows of leads: where they come from, in the words people write for it, and
which statuses are still open."""

import re
import unicodedata

from storage.statuses import LeadStatus

# The lead source categories: each `POST /leads` token, CSV row and Slack lead names one.
LEAD_SOURCES = ("website", "trade_show", "referral", "phone", "email", "slack", "other")
SOURCE_WORDS = {
    "web": "website",
    "官网": "website",
    "网站": "website",
    "tradeshow": "trade_show",
    "trade-show": "trade_show",
    "trade show": "trade_show",
    "展会": "trade_show",
    "转介绍": "referral",
    "介绍": "referral",
    "推荐": "referral",
    "电话": "phone",
    "call": "phone",
    "邮件": "email",
    "e-mail": "email",
    "其他": "other",
    "其它": "other",
}
# A lead that is still being worked: a duplicate of it goes to its owner.
OPEN_STATUSES = (
    LeadStatus.new,
    LeadStatus.assigned,
    LeadStatus.contacted,
    LeadStatus.qualified,
)
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")


def lead_source(word: str) -> str | None:
    """The source category a word names ("Trade show", "展会", "website"), or None."""
    folded = unicodedata.normalize("NFKC", word).strip().casefold()
    if folded in LEAD_SOURCES:
        return folded
    return SOURCE_WORDS.get(folded) or SOURCE_WORDS.get(folded.replace("_", " "))


def looks_like_email(text: str) -> bool:
    """Something@somewhere.tld, no spaces: what a form can check without sending mail."""
    return bool(_EMAIL.fullmatch(unicodedata.normalize("NFKC", text).strip()))
