"""Report packs sent on schedule: their comment and how `jobs run` names one before it is built."""

MESSAGES = {
    "en": {
        "report.pack.title": "{title} ({cadence} pack)",
        "report.pack.files": "The XLSX, CSV and charts are attached.",
        "report.pack.queued": "{cadence} {kind} report pack for {period}: its files are made "
        "when it is sent.",
    },
    "zh-CN": {
        "report.pack.title": "{title}（{cadence}报表包）",
        "report.pack.files": "附件为 XLSX、CSV 和图表。",
        "report.pack.queued": "{period} 的{cadence}{kind}报表包：文件在发送时生成。",
    },
}
