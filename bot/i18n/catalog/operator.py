"""What the operator's terminal says: settings checked at start, the CLI and the console."""

MESSAGES = {
    "en": {
        "config.problems_joiner": "; ",
        "config.missing_one": "{name} is not set: {why}",
        "config.missing_many": "{names} are not set: {why}",
        "config.why.command": "this command needs it",
        "config.why.socket_mode": "`salesdesk serve` needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN "
        "for Socket Mode (or use `salesdesk serve --http` with SLACK_BOT_TOKEN and "
        "SLACK_SIGNING_SECRET)",
        "config.why.http_mode": "`salesdesk serve --http` needs SLACK_BOT_TOKEN and "
        "SLACK_SIGNING_SECRET",
        "config.database_malformed": "DATABASE_URL is malformed: expected a URL like {supported}",
        "config.database_unsupported": "DATABASE_URL names a database Sales Desk does not support "
        "({scheme}): use {supported}",
        "config.token_malformed": "{name} is malformed: it should start with '{prefix}'",
        "config.api_url_malformed": "SLACK_API_URL is malformed: expected an http(s) URL",
        "config.admins_malformed": "SALESDESK_ADMINS is malformed: '{value}' is not a Slack user "
        "id (like U012ABCDEF)",
        "config.timezone_malformed": "SALESDESK_TIMEZONE is malformed: '{value}' is not an IANA "
        "time zone (like Asia/Shanghai)",
        "config.locale_malformed": "SALESDESK_LOCALE is malformed: '{value}' is not a language "
        "Sales Desk speaks: use en or zh-CN (any en-* or zh-*, like en-US or zh-TW, works too)",
        "config.bot_token_invalid": "SLACK_BOT_TOKEN is not valid (Slack says {error})",
        "config.slack_unreachable": "Slack could not be reached to check SLACK_BOT_TOKEN "
        "({reason}); starting anyway, messages wait in the outbox until Slack answers",
        "config.port": "--port must be a port number from 1 to 65535, not '{value}'",
        "config.workers": "--workers must be a whole number of at least 1, not '{value}'",
        "cli.usage_error": "{message} (`{prog} --help` shows how to use it)",
        "cli.unexpected": "unexpected error, nothing more was done: {kind}: {error}",
        "cli.db.applied": "applied {revision}: {title}",
        "cli.db.now_at": "the database is up to date (revision {revision})",
        "cli.db.already": "the database is already up to date (revision {revision})",
        "cli.jobs.message": "[{kind} to {channel}]",
        "cli.jobs.waiting": "SLACK_BOT_TOKEN is not set here: the messages wait in the outbox "
        "for the running bot to post them.",
        "console.database": "Database: {where}",
        "console.history": "Line editing is on; history is kept in {path}.",
        "console.demo_loaded": "Demo data loaded into the empty database {where}.",
        "console.demo_not_empty": "--demo loads demo data only into an empty database; {where} "
        "already has members, so it was left as it is.",
        "console.no_members": "salesdesk: the database {where} has no members yet: import them "
        "with `salesdesk import members FILE.csv`, or try the console with demo data: "
        "`salesdesk console --demo`",
        "console.no_such_member": "salesdesk: no member matches '{user}'. Members:",
        "console.several_members": "salesdesk: '{user}' matches several members; use the id or "
        "more of the name. Matching:",
        "console.member_line": "  {user} · {name} · {role} · {team}",
        "console.no_team": "no team",
        "console.unknown_command_suggest": "Unknown command {command} — did you mean {suggestion}?",
        "console.unknown_command_list": "Unknown command {command}. Commands: {commands}.",
    },
    "zh-CN": {
        "config.problems_joiner": "；",
        "config.missing_one": "未设置 {name}：{why}",
        "config.missing_many": "未设置 {names}：{why}",
        "config.why.command": "这个命令需要它",
        "config.why.socket_mode": "`salesdesk serve` 以 Socket Mode 运行需要 SLACK_BOT_TOKEN 和 "
        "SLACK_APP_TOKEN（或使用 `salesdesk serve --http`，需要 SLACK_BOT_TOKEN 和 "
        "SLACK_SIGNING_SECRET）",
        "config.why.http_mode": "`salesdesk serve --http` 需要 SLACK_BOT_TOKEN 和 "
        "SLACK_SIGNING_SECRET",
        "config.database_malformed": "DATABASE_URL 格式不正确：应为类似 {supported} 的 URL",
        "config.database_unsupported": "DATABASE_URL 指定的数据库 Sales Desk 不支持（{scheme}）："
        "请使用 {supported}",
        "config.token_malformed": "{name} 格式不正确：应以“{prefix}”开头",
        "config.api_url_malformed": "SLACK_API_URL 格式不正确：应为 http(s) URL",
        "config.admins_malformed": "SALESDESK_ADMINS 格式不正确：“{value}”不是 Slack 用户 ID"
        "（例如 U012ABCDEF）",
        "config.timezone_malformed": "SALESDESK_TIMEZONE 格式不正确：“{value}”不是 IANA 时区"
        "（例如 Asia/Shanghai）",
        "config.locale_malformed": "SALESDESK_LOCALE 格式不正确：Sales Desk 不会说“{value}”这种"
        "语言：请使用 en 或 zh-CN（任何 en-* 或 zh-*，如 en-US 或 zh-TW，也可以）",
        "config.bot_token_invalid": "SLACK_BOT_TOKEN 无效（Slack 返回 {error}）",
        "config.slack_unreachable": "无法连接 Slack 来检查 SLACK_BOT_TOKEN（{reason}）；"
        "照常启动，消息会在发件箱中等待 Slack 恢复",
        "config.port": "--port 必须是 1 到 65535 之间的端口号，而不是“{value}”",
        "config.workers": "--workers 必须是不小于 1 的整数，而不是“{value}”",
        "cli.usage_error": "{message}（用法见 `{prog} --help`）",
        "cli.unexpected": "意外错误，未做其他操作：{kind}：{error}",
        "cli.db.applied": "已应用 {revision}：{title}",
        "cli.db.now_at": "数据库已是最新（版本 {revision}）",
        "cli.db.already": "数据库本来就是最新的（版本 {revision}）",
        "cli.jobs.message": "［{kind}，发给 {channel}］",
        "cli.jobs.waiting": "这里没有设置 SLACK_BOT_TOKEN：消息在发件箱中等待运行中的机器人发送。",
        "console.database": "数据库：{where}",
        "console.history": "已启用行编辑；历史记录保存在 {path}。",
        "console.demo_loaded": "已将演示数据载入空数据库 {where}。",
        "console.demo_not_empty": "--demo 只向空数据库载入演示数据；{where} 已有成员，因此保持不变。",
        "console.no_members": "salesdesk：数据库 {where} 还没有成员：请用 "
        "`salesdesk import members FILE.csv` 导入，或用演示数据试用控制台："
        "`salesdesk console --demo`",
        "console.no_such_member": "salesdesk：没有与“{user}”匹配的成员。成员：",
        "console.several_members": "salesdesk：“{user}”匹配多个成员；请使用 ID 或更完整的姓名。匹配的成员：",
        "console.member_line": "  {user} · {name} · {role} · {team}",
        "console.no_team": "无团队",
        "console.unknown_command_suggest": "未知命令 {command}——您是想输入 {suggestion} 吗？",
        "console.unknown_command_list": "未知命令 {command}。可用命令：{commands}。",
    },
}
