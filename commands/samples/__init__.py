"""Sample requests (样品申请) and their life cycle:

    requested → approved / rejected (the requester's manager, or an admin)
              → shipped (the desk, with a tracking number) → delivered → feedback (the rep)

- `cards`: what a sample is when read (the card every message is drawn from);
- `rules`: who decides, who ships, who sees what;
- `requests`: a draft checked and sent; `steps`: every step after it;
- `reading`: one sample, or the open ones; `text`: the one-line grammar of `/sample`.
"""

from commands.samples.cards import (
    CustomerChoice,
    SampleCard,
    SampleDraft,
    SampleMoved,
    SamplePage,
    SampleProblems,
    SampleRequested,
    SampleView,
    Step,
)
from commands.samples.reading import OPEN_STATUSES, open_samples, sample_view
from commands.samples.requests import check_draft, request_quick_sample, request_sample
from commands.samples.steps import (
    approve_sample,
    check_can_decide,
    check_can_give_feedback,
    check_can_ship,
    mark_delivered,
    record_feedback,
    reject_sample,
    ship_sample,
)

__all__ = [
    "OPEN_STATUSES",
    "CustomerChoice",
    "SampleCard",
    "SampleDraft",
    "SampleMoved",
    "SamplePage",
    "SampleProblems",
    "SampleRequested",
    "SampleView",
    "Step",
    "approve_sample",
    "check_can_decide",
    "check_can_give_feedback",
    "check_can_ship",
    "check_draft",
    "mark_delivered",
    "open_samples",
    "record_feedback",
    "reject_sample",
    "request_quick_sample",
    "request_sample",
    "sample_view",
    "ship_sample",
]
