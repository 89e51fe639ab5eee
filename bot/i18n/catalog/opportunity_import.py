"""`salesdesk import opportunities`: the kind's name and the reasons a row is rejected."""

MESSAGES = {
    "en": {
        "import.kind.opportunities": "opportunities",
        "opportunity.import.bad_stage": "unknown stage '{value}': use qualification, needs, "
        "proposal, negotiation, won or lost (or 资格, 需求, 方案, 谈判, 赢单, 输单)",
        "opportunity.import.owner_without_team": "owner '{value}' is in no team: an "
        "opportunity belongs to its owner's team, so give the member a team first",
        "opportunity.import.ambiguous": "customer {customer} has several opportunities titled "
        "'{title}', so this row cannot say which one it is: none of them was changed",
        "opportunity.import.closed.won": "'{title}' is already won: a closed opportunity keeps "
        "its stage (its other columns may still be corrected)",
        "opportunity.import.closed.lost": "'{title}' is already lost: a closed opportunity "
        "keeps its stage (its other columns may still be corrected)",
    },
    "zh-CN": {
        "import.kind.opportunities": "商机",
        "opportunity.import.bad_stage": "未知阶段“{value}”：请写 资格、需求、方案、谈判、赢单、输单"
        "（或 qualification、needs、proposal、negotiation、won、lost）",
        "opportunity.import.owner_without_team": "负责人“{value}”不属于任何团队：商机归负责人所在"
        "的团队，请先为该成员设置团队",
        "opportunity.import.ambiguous": "客户 {customer} 有多个名为“{title}”的商机，无法确定此行"
        "指的是哪一个：均未修改",
        "opportunity.import.closed.won": "“{title}”已赢单：已关闭的商机不能改阶段（其他列仍可更正）",
        "opportunity.import.closed.lost": "“{title}”已输单：已关闭的商机不能改阶段（其他列仍可更正）",
    },
}
