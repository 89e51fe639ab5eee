"""Reports in Slack (`/report`, 报表): the command, its subscriptions, the scheduled packs, the
team channel's canvas and the chart's own words."""

MESSAGES = {
    "en": {
        "report.chart.empty": "Nothing in this period",
    },
    "zh-CN": {
        "report.chart.empty": "本期没有数据",
    },
}
