MESSAGES = {
    "en": {
        "scorecard.title": "KPI scorecard · {period} · {team}",
        "scorecard.indicators": "Weights: {indicators}. Each part scores weight × attainment "
        "(up to its cap) ÷ 100, nothing under its floor or without a target.",
        "scorecard.indicator": "{indicator} {weight}%",
        "scorecard.floor_cap": " (from {floor}%, up to {cap}%)",
        "scorecard.data_completeness": "data completeness",
        "scorecard.total": "{name}: {total} points",
        "scorecard.part": "• {indicator}: {measured} → {points}",
        "scorecard.attained": "{percent} ({actual} of {target})",
        "scorecard.completeness": "{complete} of {customers} customers complete ({percent})",
        "scorecard.under_floor": ", under the {floor}% floor",
        "scorecard.capped": ", counted up to {cap}%",
        "scorecard.no_target": "no target",
        "scorecard.no_customers": "no customers",
        "scorecard.incomplete": " ⚠ incomplete: a rate is missing",
        "scorecard.no_reps": "{team} has no reps to score.",
        "scorecard.more": "…and {count} more reps. Name one: /target kpi @rep",
        "scorecard.no_indicators": "{team} has no KPI indicators yet. Its manager sets them, "
        "for example: /target kpi set order_amount=40 collections=30:60-120 "
        "effective_visits=20 data_completeness=10",
        "scorecard.kpi_set": "KPI indicators of {team} set: {indicators}.",
        "scorecard.kpi_before": "Before: {indicators}.",
        "scorecard.error.weights_sum": "The weights add up to {total}%; they must add up to "
        "exactly 100%. Nothing was changed.",
        "scorecard.error.unknown_indicator": "“{indicator}” is not an indicator. Indicators: "
        "{names}.",
        "scorecard.error.repeated": "{indicator} is named twice; give each indicator once.",
        "scorecard.error.weight": "The weight of {indicator} must be at least 1%.",
        "scorecard.error.floor_cap": "For {indicator} the floor ({floor}%) must be below the cap "
        "({cap}%), and the cap at most {most}%: write it as {indicator}=WEIGHT:FLOOR-CAP, for "
        "example collections=30:60-120.",
        "scorecard.error.kpi_managers": "Only the manager of {team} or an admin can set its KPI "
        "indicators.",
        "scorecard.error.kpi_team": "Name the team whose KPI indicators you set: /target kpi set "
        "TEAM order_amount=40 …",
        "scorecard.error.no_team": "You are not in a team yet, so there is no scorecard. An admin "
        "or your manager can add you to one.",
        "scorecard.error.name_rep": "Name the rep whose scorecard you want: /target kpi @rep",
        "scorecard.error.others": "You can see your own scorecard only.",
        "scorecard.error.not_a_rep": "That person is not an active rep with a scorecard.",
    },
    "zh-CN": {
        "scorecard.title": "绩效考核 · {period} · {team}",
        "scorecard.indicators": "权重：{indicators}。每项得分 = 权重 × 达成率（不超过上限）÷ 100；"
        "低于下限或没有目标的项目不得分。",
        "scorecard.indicator": "{indicator} {weight}%",
        "scorecard.floor_cap": "（{floor}% 起计，最高 {cap}%）",
        "scorecard.data_completeness": "资料完整度",
        "scorecard.total": "{name}：{total} 分",
        "scorecard.part": "• {indicator}：{measured} → {points}",
        "scorecard.attained": "{percent}（{actual} / 目标 {target}）",
        "scorecard.completeness": "{customers} 个客户中 {complete} 个资料完整（{percent}）",
        "scorecard.under_floor": "，低于 {floor}% 下限",
        "scorecard.capped": "，按上限 {cap}% 计",
        "scorecard.no_target": "无目标",
        "scorecard.no_customers": "没有客户",
        "scorecard.incomplete": " ⚠ 不完整：缺少汇率",
        "scorecard.no_reps": "{team}没有可考核的销售。",
        "scorecard.more": "……另有 {count} 位销售。指定一位查看：/target kpi @销售",
        "scorecard.no_indicators": "{team}还没有设定考核指标。由经理设定，例如："
        "/target kpi set order_amount=40 collections=30:60-120 "
        "effective_visits=20 data_completeness=10",
        "scorecard.kpi_set": "{team}的考核指标已设定：{indicators}。",
        "scorecard.kpi_before": "原设定：{indicators}。",
        "scorecard.error.weights_sum": "权重合计为 {total}%，必须正好是 100%。未做任何更改。",
        "scorecard.error.unknown_indicator": "“{indicator}”不是考核指标。可用指标：{names}。",
        "scorecard.error.repeated": "{indicator} 重复出现；每个指标只能写一次。",
        "scorecard.error.weight": "{indicator} 的权重至少为 1%。",
        "scorecard.error.floor_cap": "{indicator} 的下限（{floor}%）必须低于上限（{cap}%），"
        "且上限不超过 {most}%：格式为 `{indicator}=权重:下限-上限`，例如 `collections=30:60-120`。",
        "scorecard.error.kpi_managers": "只有{team}的经理或管理员可以设定考核指标。",
        "scorecard.error.kpi_team": "请指定要设定考核指标的团队：/target kpi set 团队名 "
        "order_amount=40 …",
        "scorecard.error.no_team": "你还没有加入团队，暂无考核。管理员或你的经理可以把你加入团队。",
        "scorecard.error.name_rep": "请指定要查看的销售：/target kpi @销售",
        "scorecard.error.others": "你只能查看自己的考核。",
        "scorecard.error.not_a_rep": "此人不是有考核的在职销售。",
    },
}
