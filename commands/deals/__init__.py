"""Opportunities (商机): created, listed, shown and moved stage by stage to won (which becomes
an order) or lost.

- `text`: the one-line grammar of `/deal`; `stages`: the stages as people write them;
  `amounts`: an amount with its currency as typed.
- `access`: who may see and change one (its owner, its team's manager and desk, admins).
- `creating`: a new one, from one line or the form.
- `moving`: to another open stage, its next step, lost; `winning`: won, and its order.
- `reading`: lists and a card with the stage history.
- `stalled`: open ones idle too long, for the stand-up.
- `numbering`: the next order number and customer code.
"""

from commands.deals.creating import (
    DealCreated,
    DealDraft,
    create_deal,
    draft_from_form,
    draft_from_line,
)
from commands.deals.moving import DealMoved, NextStepSet, lose_deal, move_deal, set_next_step
from commands.deals.reading import (
    LIST_LIMIT,
    DealCard,
    DealLine,
    DealPage,
    StageEntry,
    deal_card,
    list_deals,
)
from commands.deals.stages import OPEN_STAGES, stage_named
from commands.deals.stalled import StalledDeal, stalled_opportunities
from commands.deals.winning import DealWon, win_deal

__all__ = [
    "LIST_LIMIT",
    "OPEN_STAGES",
    "DealCard",
    "DealCreated",
    "DealDraft",
    "DealLine",
    "DealMoved",
    "DealPage",
    "DealWon",
    "NextStepSet",
    "StageEntry",
    "StalledDeal",
    "create_deal",
    "deal_card",
    "draft_from_form",
    "draft_from_line",
    "list_deals",
    "lose_deal",
    "move_deal",
    "set_next_step",
    "stage_named",
    "stalled_opportunities",
    "win_deal",
]
