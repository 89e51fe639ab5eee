"""The funnel (`/pipeline`, 漏斗)."""

MESSAGES = {
    "en": {
        "pipeline.help.title": "How to use /pipeline",
        "pipeline.help": "*The funnel*\n"
        "• `/pipeline`: open opportunities per stage, conversion lead → qualified → opportunity → "
        "won, the median days in each stage and the weighted forecast for this month and quarter\n"
        "• `/pipeline month`, `/pipeline quarter`, `/pipeline 2026-11`, `/pipeline 2026-Q4`: "
        "opportunities expected to close in that period, leads and opportunities created in it\n"
        "A rep sees their own; a manager and the desk the team's, each rep on a line; an admin "
        "without a team every team's totals. Amounts are in the team's reporting currency at "
        "this month's rates (`/desk rate`); a missing rate is named, never guessed. The forecast "
        "is the amount × the stage's probability (the team setting `stage_probabilities`).",
        "pipeline.working": "Counting the funnel… it will appear here in a moment.",
        "pipeline.all_time": "all open",
        "pipeline.title.mine": "Your pipeline · {period}",
        "pipeline.title.team": "The team's pipeline · {period}",
        "pipeline.title.all": "Every team's pipeline · {period}",
        "pipeline.no_team": "You are in no team yet, so there is no pipeline to show.",
        "pipeline.more_teams": "…and {count} more teams (Slack shows 50 blocks at most).",
        "pipeline.team": "{team} (in {currency})",
        "pipeline.stage": "{stage}: {count} · {amount}",
        "pipeline.conversion": "Conversion: {leads} leads → {qualified} qualified "
        "({qualified_rate}) → {converted} converted ({converted_rate}); {opportunities} "
        "opportunities → {won} won ({won_rate})",
        "pipeline.medians": "Median days in stage: {parts}",
        "pipeline.median_part": "{stage} {days}",
        "pipeline.forecast": "Weighted forecast: {month} {month_amount} · {quarter} "
        "{quarter_amount}",
        "pipeline.missing_rates": "Not counted, no exchange rate: {rates} (an admin sets it "
        "with `/desk rate`).",
        "pipeline.reps": "By rep (open · forecast this month / quarter · won of created):",
        "pipeline.rep": "{name}: {count} open · {amount} · {month} / {quarter} · "
        "{won} of {opportunities} won",
        "pipeline.error.period": "'{value}' is not a period: try month, quarter, 2026-11 or "
        "2026-Q4.",
    },
    "zh-CN": {
        "pipeline.help.title": "/pipeline 使用说明",
        "pipeline.help": "*销售漏斗*\n"
        "• `/pipeline`：各阶段的进行中商机、线索 → 合格 → 商机 → 赢单的转化率、各阶段停留天数中位数，"
        "以及本月和本季度的加权预测\n"
        "• `/pipeline 本月`、`/pipeline 本季度`、`/pipeline 2026-11`、`/pipeline 2026-Q4`：该期间内"
        "预计成交的商机，以及该期间内新建的线索和商机\n"
        "销售看自己的；主管和内勤看全组的，每位销售一行；没有团队的管理员看各团队的合计。金额按本月汇率"
        "（`/desk rate`）折算为团队的报表币种；缺少汇率时会列出，绝不估算。预测 = 金额 × 阶段概率"
        "（团队设置 `stage_probabilities`）。",
        "pipeline.working": "正在统计漏斗……稍后显示在这里。",
        "pipeline.all_time": "全部进行中",
        "pipeline.title.mine": "你的销售漏斗 · {period}",
        "pipeline.title.team": "全组销售漏斗 · {period}",
        "pipeline.title.all": "各团队销售漏斗 · {period}",
        "pipeline.no_team": "你还不在任何团队中，没有可显示的漏斗。",
        "pipeline.more_teams": "……另有 {count} 个团队（Slack 一条消息最多显示 50 个区块）。",
        "pipeline.team": "{team}（{currency}）",
        "pipeline.stage": "{stage}：{count} 个 · {amount}",
        "pipeline.conversion": "转化：{leads} 条线索 → {qualified} 条合格（{qualified_rate}）→ "
        "{converted} 条已转化（{converted_rate}）；{opportunities} 个商机 → {won} 个赢单（{won_rate}）",
        "pipeline.medians": "各阶段停留天数中位数：{parts}",
        "pipeline.median_part": "{stage} {days}",
        "pipeline.forecast": "加权预测：{month} {month_amount} · {quarter} {quarter_amount}",
        "pipeline.missing_rates": "缺少汇率，未计入：{rates}（请管理员用 `/desk rate` 设置）。",
        "pipeline.reps": "按销售（进行中 · 本月/本季度预测 · 新建商机中赢单）：",
        "pipeline.rep": "{name}：进行中 {count} 个 · {amount} · {month} / {quarter} · "
        "{opportunities} 个中赢单 {won} 个",
        "pipeline.error.period": "“{value}”不是期间：试试 本月、本季度、2026-11 或 2026-Q4。",
    },
}
