"""An opportunity's stages as people write them, in English and Chinese, and which are open."""

import unicodedata

from storage.statuses import OpportunityStage

OPEN_STAGES = (
    OpportunityStage.qualification,
    OpportunityStage.needs,
    OpportunityStage.proposal,
    OpportunityStage.negotiation,
)
CLOSED_STAGES = (OpportunityStage.won, OpportunityStage.lost)

STAGE_WORDS: dict[str, OpportunityStage] = {
    "qualification": OpportunityStage.qualification,
    "qualify": OpportunityStage.qualification,
    "qualifying": OpportunityStage.qualification,
    "资格": OpportunityStage.qualification,
    "资格确认": OpportunityStage.qualification,
    "资格审核": OpportunityStage.qualification,
    "needs": OpportunityStage.needs,
    "need": OpportunityStage.needs,
    "needs_analysis": OpportunityStage.needs,
    "需求": OpportunityStage.needs,
    "需求分析": OpportunityStage.needs,
    "需求确认": OpportunityStage.needs,
    "proposal": OpportunityStage.proposal,
    "propose": OpportunityStage.proposal,
    "方案": OpportunityStage.proposal,
    "方案报价": OpportunityStage.proposal,
    "negotiation": OpportunityStage.negotiation,
    "negotiate": OpportunityStage.negotiation,
    "negotiating": OpportunityStage.negotiation,
    "谈判": OpportunityStage.negotiation,
    "商务谈判": OpportunityStage.negotiation,
    "won": OpportunityStage.won,
    "win": OpportunityStage.won,
    "赢单": OpportunityStage.won,
    "成交": OpportunityStage.won,
    "lost": OpportunityStage.lost,
    "lose": OpportunityStage.lost,
    "输单": OpportunityStage.lost,
    "丢单": OpportunityStage.lost,
}


def stage_named(word: str) -> OpportunityStage | None:
    """The stage a word names ("proposal", "Needs analysis", "谈判"), or None."""
    folded = unicodedata.normalize("NFKC", word).strip().casefold().replace(" ", "_")
    return STAGE_WORDS.get(folded.replace("-", "_"))


def is_open(stage: str) -> bool:
    return stage in OPEN_STAGES
