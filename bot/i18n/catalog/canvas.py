"""A team channel's canvas: the live month, one section per part, rewritten after each stand-up.
The headings are how each section is found again: change them and the next rewrite adds the
sections anew instead of replacing them."""

MESSAGES = {
    "en": {
        "canvas.heading.target": "Target this month",
        "canvas.heading.leaderboard": "Leaderboard",
        "canvas.heading.sla": "First-contact SLA",
        "canvas.heading.overdue": "Largest overdue",
        "canvas.as_of": "{team} · {month} · as of the stand-up on {day}",
        "canvas.target.none": "No team target is set for {month}.",
        "canvas.board.metric": "Ranked by {metric} attainment.",
        "canvas.board.top3": "The top three; everyone else is told their own rank privately.",
        "canvas.board.private": "The leaderboard is private in this team: each rep is told "
        "their own rank, and the manager sees the whole board.",
        "canvas.sla.total": "{met} of {due} first contacts made by their deadline ({percent}).",
        "canvas.sla.none": "No first-contact deadline has fallen due this month yet.",
        "canvas.sla.rep": "{name}: {met} of {due} ({percent})",
        "canvas.overdue.line": "{number} · {customer} · {amount} open · {days} days overdue "
        "(due {due}) · {rep}",
        "canvas.overdue.none": "Nothing is overdue.",
        "canvas.queued": "The team channel's canvas, rewritten with the month as of {day} "
        "when it is sent.",
    },
    "zh-CN": {
        "canvas.heading.target": "本月目标",
        "canvas.heading.leaderboard": "排行榜",
        "canvas.heading.sla": "首次联系时限",
        "canvas.heading.overdue": "最大逾期",
        "canvas.as_of": "{team} · {month} · 截至 {day} 的站会",
        "canvas.target.none": "{month}未设团队目标。",
        "canvas.board.metric": "按{metric}完成率排名。",
        "canvas.board.top3": "仅列前三名；其他人会私下收到自己的名次。",
        "canvas.board.private": "本团队的排行榜不公开：每位销售只会收到自己的名次，经理可看完整排行。",
        "canvas.sla.total": "{due} 个首次联系时限中按时完成 {met} 个（{percent}）。",
        "canvas.sla.none": "本月还没有到期的首次联系时限。",
        "canvas.sla.rep": "{name}：{met} / {due}（{percent}）",
        "canvas.overdue.line": "{number} · {customer} · 未收 {amount} · 逾期 {days} 天"
        "（{due} 到期）· {rep}",
        "canvas.overdue.none": "目前没有逾期发票。",
        "canvas.queued": "团队频道的画布：发送时按截至 {day} 的本月情况重写。",
    },
}
