"""Reports in Slack (`/report`, 报表): the command, its subscriptions, the scheduled packs and
the chart's own words."""

MESSAGES = {
    "en": {
        "report.chart.empty": "Nothing in this period",
        "report.slack.help.title": "How to use /report",
        "report.slack.help": "*Reports*\n"
        "• `/report sales`: last month's sales report (yours, your team's or the company's)\n"
        "• `/report KIND [PERIOD] [TEAM | @rep | company]`: kinds `sales`, `collections`, "
        "`orders`, `activity`, `pipeline` (销售, 回款, 订单, 活动, 漏斗); periods `this month`, "
        "`last month`, `this quarter`, `last quarter`, `this year`, `last year`, `this week`, "
        "`last week` (本月, 上月, 本季度, 上季度, 今年, 去年, 本周, 上周) or `2026-11`, `2026-Q4`, "
        "`2026`, `2026-W48`\n"
        "• `/report subscribe monthly sales #channel [TEAM]`, `/report unsubscribe …`, "
        "`/report subscriptions`: packs posted on schedule (weekly, monthly, quarterly, yearly; "
        "admins, or a manager for their team)\n"
        "The summary and its files (XLSX, CSV, chart) come to your DM, or to the team's channel "
        "when you ask there for the team. A rep sees only their own work.",
        "report.slack.unknown_kind": "There is no report called “{word}”. Reports: {kinds}.",
        "report.slack.bad_period": "“{period}” is not a period. Try `2026-11`, `2026-Q4`, "
        "`2026`, `2026-W48` or `last month`.",
        "report.slack.subscribe_usage": "Say it as `/report subscribe monthly sales #channel "
        "[TEAM]`.",
        "report.slack.bad_cadence": "“{word}” is not a schedule: weekly, monthly, quarterly "
        "or yearly.",
        "report.slack.bad_channel": "“{word}” is not a channel: pick one with #.",
        "report.slack.already_subscribed": "<#{channel}> already gets that pack.",
        "report.slack.no_such_subscription": "<#{channel}> has no such subscription.",
        "report.slack.subscribe_forbidden": "Only an admin, or a manager for their team, "
        "can manage report subscriptions.",
        "report.slack.subscribe_own_team": "A manager can subscribe channels to their own "
        "team's reports only.",
        "report.slack.subscribed": "{channel} will get the {cadence} {kind} report of {team}.",
        "report.slack.unsubscribed": "{channel} no longer gets the {cadence} {kind} report of "
        "{team}.",
        "report.slack.subscriptions.title": "Report subscriptions",
        "report.slack.subscriptions.none": "No channel is subscribed to a report yet.",
        "report.slack.subscription": "• {channel}: {cadence} {kind} report of {team}",
        "report.slack.cadence.weekly": "weekly",
        "report.slack.cadence.monthly": "monthly",
        "report.slack.cadence.quarterly": "quarterly",
        "report.slack.cadence.yearly": "yearly",
        "report.slack.cadence.asked": "asked-for",
        "report.slack.company": "the company",
        "report.slack.asked.dm": "Preparing the {kind} report for {scope}, {period}: it will "
        "appear in your DM with the files in a moment.",
        "report.slack.asked.channel": "Preparing the {kind} report for {scope}, {period}: it "
        "will appear in this channel with the files in a moment.",
        "report.slack.step.1": "⏳ {kind} report for {scope}, {period}: counting the figures…",
        "report.slack.step.2": "⏳ {kind} report for {scope}, {period}: drawing the charts "
        "and writing the files…",
        "report.slack.title": "{kind} report · {scope} · {period}",
        "report.slack.previous": "before: {value}",
        "report.slack.last_year": "a year before: {value}",
        "report.slack.days": "{days} d",
        "report.slack.no_rows": "nothing in this period",
        "report.slack.more_rows": "…and {count} more in the files",
        "report.slack.more_tables": "…and {count} more tables in the files.",
        "report.slack.total": "Total: {row}",
        "report.slack.nothing": "Nothing to report in this period.",
        "report.slack.files": "The files of the {title}",
        "report.slack.failed": "Sorry, the report could not be made just now. It will be sent again here within a quarter of an hour; you need not ask again.",
    },
    "zh-CN": {
        "report.chart.empty": "本期没有数据",
        "report.slack.help.title": "/report 的用法",
        "report.slack.help": "*报表*\n"
        "• `/report 销售`：上月销售报表（您自己的、团队的或全公司的）\n"
        "• `/report 类型 [期间] [团队 | @销售 | 全公司]`：类型有 `销售`、`回款`、`订单`、`活动`、"
        "`漏斗`（sales、collections、orders、activity、pipeline）；期间可写 `本月`、`上月`、"
        "`本季度`、`上季度`、`今年`、`去年`、`本周`、`上周`，或 `2026-11`、`2026-Q4`、`2026`、"
        "`2026-W48`\n"
        "• `/report 订阅 每月 销售 #频道 [团队]`、`/report 退订 …`、`/report 订阅列表`：定期发送的"
        "报表（每周、每月、每季度、每年；管理员，或经理为本团队设置）\n"
        "摘要和文件（XLSX、CSV、图表）发到您的私信；在团队频道里查询团队报表时发到该频道。"
        "销售只能看到自己的数据。",
        "report.slack.unknown_kind": "没有叫“{word}”的报表。可用的报表：{kinds}。",
        "report.slack.bad_period": "“{period}”不是有效的期间。可以写 `2026-11`、`2026-Q4`、"
        "`2026`、`2026-W48` 或 `上月`。",
        "report.slack.subscribe_usage": "请这样写：`/report 订阅 每月 销售 #频道 [团队]`。",
        "report.slack.bad_cadence": "“{word}”不是发送周期：每周、每月、每季度或每年。",
        "report.slack.bad_channel": "“{word}”不是频道：请用 # 选择频道。",
        "report.slack.already_subscribed": "<#{channel}> 已经订阅了这份报表。",
        "report.slack.no_such_subscription": "<#{channel}> 没有这项订阅。",
        "report.slack.subscribe_forbidden": "只有管理员，或经理为本团队，才能管理报表订阅。",
        "report.slack.subscribe_own_team": "经理只能为本团队的报表设置订阅。",
        "report.slack.subscribed": "{channel} 将收到{team}的{cadence}{kind}报表。",
        "report.slack.unsubscribed": "{channel} 不再收到{team}的{cadence}{kind}报表。",
        "report.slack.subscriptions.title": "报表订阅",
        "report.slack.subscriptions.none": "还没有频道订阅报表。",
        "report.slack.subscription": "• {channel}：{team}的{cadence}{kind}报表",
        "report.slack.cadence.weekly": "每周",
        "report.slack.cadence.monthly": "每月",
        "report.slack.cadence.quarterly": "每季度",
        "report.slack.cadence.yearly": "每年",
        "report.slack.cadence.asked": "按需",
        "report.slack.company": "全公司",
        "report.slack.asked.dm": "正在准备{scope}{period}的{kind}报表，稍后连同文件发到您的私信。",
        "report.slack.asked.channel": "正在准备{scope}{period}的{kind}报表，稍后连同文件发到本频道。",
        "report.slack.step.1": "⏳ {scope}{period}的{kind}报表：正在统计数据……",
        "report.slack.step.2": "⏳ {scope}{period}的{kind}报表：正在绘制图表、生成文件……",
        "report.slack.title": "{kind}报表 · {scope} · {period}",
        "report.slack.previous": "上期：{value}",
        "report.slack.last_year": "去年同期：{value}",
        "report.slack.days": "{days} 天",
        "report.slack.no_rows": "本期没有数据",
        "report.slack.more_rows": "……另有 {count} 行，见文件",
        "report.slack.more_tables": "……另有 {count} 张表，见文件。",
        "report.slack.total": "合计：{row}",
        "report.slack.nothing": "本期没有可报告的内容。",
        "report.slack.files": "{title} 的文件",
        "report.slack.failed": "抱歉，报表暂时未能生成。一刻钟内会在这里重新发送，无需再次请求。",
    },
}
