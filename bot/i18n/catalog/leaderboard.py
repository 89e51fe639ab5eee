MESSAGES = {
    "en": {
        "leaderboard.help.title": "How to use /leaderboard",
        "leaderboard.help": "*Leaderboard*\n"
        "• `/leaderboard`: your team this month, on the team's leaderboard metric\n"
        "• `/leaderboard quarter collections`: another period (`month`, `last month`, `quarter`, "
        "`year`, `2026-11`, `Q4`, `2026`) and metric (`orders`, `shipped`, `collections`, "
        "`new customers`, `visits`)\n"
        "• `/leaderboard East`: admins name a team; with no name they see every team\n"
        "Reps are ranked by attainment, the percent of their own target they have reached, not by "
        "the amount: reps with different targets compete fairly. Reps level to 0.1 % share a rank "
        "(1, 1, 3). A rep without a target is listed as having none, never ranked at 0 %.\n"
        "What reps see is the team's `leaderboard_privacy` setting: `everyone` (the whole board), "
        "`top3` (the top three, and each rep their own rank) or `none` (only their own rank). "
        "Managers, the desk and admins always see the whole board. Every week, at the weekly "
        "review's time, the board goes to the team channel the same way; with `none` each rep "
        "gets their own rank privately and the manager the whole board.",
        "leaderboard.title": "Leaderboard · {metric} · {period} · {team}",
        "leaderboard.all.title": "Leaderboards · {metric} · {period}",
        "leaderboard.all.team": "{team}",
        "leaderboard.all.more": "…and {count} more teams. Name one for its board: "
        "/leaderboard TEAM",
        "leaderboard.by_percent": "Ranked by attainment: the percent of each rep's own target "
        "reached.",
        "leaderboard.line": "{rank}. {name} · {percent}",
        "leaderboard.line_tied": "{rank}. {name} · {percent} (tied)",
        "leaderboard.line_amounts": " · {amounts}",
        "leaderboard.of_target": "{actual} of {target}",
        "leaderboard.incomplete": " ⚠ incomplete: a rate is missing",
        "leaderboard.no_target": "No target, not ranked: {names}",
        "leaderboard.nobody": "Nobody has a {metric} target for {period} yet, so there is no "
        "ranking.",
        "leaderboard.top3_note": "The top three of {count} ranked. Each rep's own rank is theirs "
        "alone.",
        "leaderboard.none_note": "Your team keeps its leaderboard private: you see your own rank "
        "only.",
        "leaderboard.own.rank": "Your rank: {rank} of {count}, at {percent} of your target",
        "leaderboard.own.tied": "Your rank: {rank} of {count} (tied), at {percent} of your target",
        "leaderboard.own.amounts": " ({amounts}).",
        "leaderboard.own.no_target": "You have no {metric} target for {period}, so you are not "
        "ranked.",
        "leaderboard.rate": "{month} {currency}→{to} {rate}",
        "leaderboard.rates_used": "Converted at: {rates}",
        "leaderboard.rates_missing": "Missing rates, amounts left out: {missing}. An admin adds "
        "them with /desk rate.",
        "leaderboard.metric.order_amount": "order amount",
        "leaderboard.metric.shipped_amount": "shipped amount",
        "leaderboard.metric.collections": "collections",
        "leaderboard.metric.new_customers": "new customers",
        "leaderboard.metric.effective_visits": "effective visits",
        "leaderboard.period.year": "{year}",
        "leaderboard.period.quarter": "Q{quarter} {year}",
        "leaderboard.period.month": "{year}-{month:02d}",
        "leaderboard.post.told_privately": "Each rep has been told their own rank privately.",
        "leaderboard.post.manager_only": "Your team's leaderboard is private: only you see the "
        "whole board; each rep has been told their own rank.",
        "leaderboard.error.other_team": "You can see your own team's leaderboard only, not "
        "{team}'s.",
        "leaderboard.error.no_team": "You are not in a team yet, so there is no leaderboard to "
        "show. An admin or your manager can add you to one.",
        "leaderboard.error.no_teams": "There are no teams yet.",
        "leaderboard.weekly.title": "Targets · {period}",
        "leaderboard.weekly.rep": "{rep}: {figures}",
        "leaderboard.weekly.figure": "{metric} {percent}",
        "leaderboard.weekly.no_target": "{metric} no target",
        "leaderboard.weekly.none": "No targets are set for {period}.",
    },
    "zh-CN": {
        "leaderboard.help.title": "/leaderboard 用法",
        "leaderboard.help": "*排行榜*\n"
        "• `/leaderboard`：本团队本月的排行，按团队设定的排行指标\n"
        "• `/leaderboard 本季度 回款`：其他期间（`本月`、`上月`、`本季度`、`今年`、`2026-11`、"
        "`Q4`、`2026`）和指标（`订单`、`发货`、`回款`、`新客户`、`拜访`）\n"
        "• `/leaderboard 华东`：管理员可指定团队；不指定则查看所有团队\n"
        "排名依据是达成率，即完成本人目标的百分比，而不是金额：目标不同的销售也能公平比较。"
        "达成率（精确到 0.1%）相同的并列同一名次（1、1、3）。没有目标的销售单独列为“无目标”，"
        "不会按 0% 排名。\n"
        "销售能看到什么，由团队设置 `leaderboard_privacy` 决定：`everyone`（完整排行）、"
        "`top3`（前三名，每位销售另外看到自己的名次）或 `none`（只看到自己的名次）。"
        "经理、内勤和管理员始终看到完整排行。每周在周报时间，排行按同样规则发到团队频道；"
        "设为 `none` 时，每位销售私下收到自己的名次，经理收到完整排行。",
        "leaderboard.title": "排行榜 · {metric} · {period} · {team}",
        "leaderboard.all.title": "各团队排行榜 · {metric} · {period}",
        "leaderboard.all.team": "{team}",
        "leaderboard.all.more": "……另有 {count} 个团队。指定团队查看其排行：/leaderboard 团队名",
        "leaderboard.by_percent": "按达成率排名：完成本人目标的百分比。",
        "leaderboard.line": "{rank}. {name} · {percent}",
        "leaderboard.line_tied": "{rank}. {name} · {percent}（并列）",
        "leaderboard.line_amounts": " · {amounts}",
        "leaderboard.of_target": "{actual} / 目标 {target}",
        "leaderboard.incomplete": " ⚠ 不完整：缺少汇率",
        "leaderboard.no_target": "无目标，不参与排名：{names}",
        "leaderboard.nobody": "{period}还没有人设定{metric}目标，暂无排名。",
        "leaderboard.top3_note": "共 {count} 人参与排名，这里显示前三名。每位销售的名次只有本人可见。",
        "leaderboard.none_note": "本团队的排行榜不公开：你只能看到自己的名次。",
        "leaderboard.own.rank": "你的名次：第 {rank} 名（共 {count} 名），达成率 {percent}",
        "leaderboard.own.tied": "你的名次：并列第 {rank} 名（共 {count} 名），达成率 {percent}",
        "leaderboard.own.amounts": "（{amounts}）。",
        "leaderboard.own.no_target": "你在{period}没有{metric}目标，因此不参与排名。",
        "leaderboard.rate": "{month} {currency}→{to} {rate}",
        "leaderboard.rates_used": "换算汇率：{rates}",
        "leaderboard.rates_missing": "缺少汇率，相应金额未计入：{missing}。管理员可用 /desk rate 添加。",
        "leaderboard.metric.order_amount": "订单额",
        "leaderboard.metric.shipped_amount": "发货额",
        "leaderboard.metric.collections": "回款",
        "leaderboard.metric.new_customers": "新客户",
        "leaderboard.metric.effective_visits": "有效拜访",
        "leaderboard.period.year": "{year}年",
        "leaderboard.period.quarter": "{year}年第{quarter}季度",
        "leaderboard.period.month": "{year}年{month}月",
        "leaderboard.post.told_privately": "每位销售已私下收到自己的名次。",
        "leaderboard.post.manager_only": "本团队排行榜不公开：只有你能看到完整排行；每位销售已收到自己的名次。",
        "leaderboard.error.other_team": "你只能查看本团队的排行榜，不能查看{team}的。",
        "leaderboard.error.no_team": "你还没有加入团队，暂无排行榜。管理员或你的经理可以把你加入团队。",
        "leaderboard.error.no_teams": "还没有任何团队。",
        "leaderboard.weekly.title": "目标达成 · {period}",
        "leaderboard.weekly.rep": "{rep}：{figures}",
        "leaderboard.weekly.figure": "{metric} {percent}",
        "leaderboard.weekly.no_target": "{metric} 无目标",
        "leaderboard.weekly.none": "{period}尚未设定目标。",
    },
}
