MESSAGES = {
    "en": {
        "people.help": "*People* (admins; managers for reps and desk of their own team)\n"
        '• `/desk add @someone rep "East 华东"`: make someone a member (rep, desk, manager or '
        "admin) of a team; their name, language and time zone come from Slack. A deactivated "
        "member is brought back the same way.\n"
        "• `/desk deactivate @someone to @other`: someone leaves; their customers, open orders, "
        "samples, contracts, follow-ups, meetings (and reports, for a manager) go to the other, "
        "who is told by DM.\n"
        "Chinese works too: `/desk 添加 @某人 销售 华东`, `/desk 停用 @某人 给 @另一人`.",
        "people.added": "{name} is now a member: {role}{team}. They can use the desk right away.",
        "people.reactivated": "{name} is a member again: {role}{team}. Records handed over "
        "while they were away stay with their new owners.",
        "people.in_team": " in {team}",
        "people.deactivated": "{name} is deactivated and no longer a member.",
        "people.already_deactivated": "{name} was already deactivated.",
        "people.handed_over": "Handed to {to}, who is told by DM: {summary}.",
        "people.nothing_to_hand_over": "They had nothing open to hand over.",
        "people.kind.customers": "{count} customers ({labels})",
        "people.kind.orders": "{count} open orders ({labels})",
        "people.kind.samples": "{count} sample requests ({labels})",
        "people.kind.contracts": "{count} contracts ({labels})",
        "people.kind.follow_ups": "{count} follow-ups (visits {labels})",
        "people.kind.meetings": "{count} meetings ({labels})",
        "people.kind.reports": "{count} people reporting to them ({labels})",
        "people.kind.teams": "managing {count} teams ({labels})",
        "people.more": "…",
        "people.role.rep": "rep",
        "people.role.desk": "sales desk",
        "people.role.manager": "manager",
        "people.role.admin": "admin",
        "people.notify.handover_received": "{member} has left the desk{by}, and their open "
        "records are yours now: {summary}. /customer, /order list mine and your App Home show "
        "them.",
        "people.notify.by": " ({by} handed them over)",
        "people.notify.member_left": "{member} ({slack_user_id}) was deactivated in Slack and "
        "is no longer a member. {records} To hand them to someone, type:\n"
        "/desk deactivate {slack_user_id} to @new-owner\n"
        "(or at a terminal: salesdesk members deactivate {slack_user_id} --to SLACK_ID)",
        "people.notify.open_records": "{count} of their records are still open and need a new "
        "owner.",
        "people.notify.no_open_records": "They have no open records.",
        "people.error.add_usage": "To add a member: /desk add @someone ROLE TEAM, like "
        '/desk add @someone rep "East 华东". Roles: rep, desk, manager, admin.',
        "people.error.deactivate_usage": "To deactivate a member: /desk deactivate @someone to "
        "@other; everything open of theirs goes to the other.",
        "people.error.unknown_role": "“{word}” is not a role: use rep, desk, manager or admin.",
        "people.error.team_needed": "Which team? Add the team's name, like /desk add @someone "
        '{role} "East 华东".',
        "people.error.unknown_team": "There is no team called “{team}”. Teams: {teams}.",
        "people.error.unknown_person": "I don't know who {name} is among the members. Use their "
        "@mention or Slack member id (in their Slack profile: ⋯ → Copy member ID).",
        "people.error.ambiguous_person": "{name} could be several members: {names}. Use the "
        "Slack member id of the one you mean.",
        "people.error.no_such_slack_user": "Slack knows no user {user}. Check the member id (in "
        "their Slack profile: ⋯ → Copy member ID). Nothing was changed.",
        "people.error.not_a_person": "{user} is a bot or a deactivated Slack account, so it "
        "can't be a member. Nothing was changed.",
        "people.error.slack_unreachable": "I could not ask Slack who {user} is just now. Please "
        "try again in a minute. Nothing was changed.",
        "people.error.already_member": "{name} is already a member ({role}). Nothing was changed.",
        "people.error.unknown_member": "No member has the Slack user id {user}. Nothing was "
        "changed.",
        "people.error.same_member": "{name} can't hand their records to themselves: name "
        "someone else to take them over.",
        "people.error.receiver_inactive": "{name} is deactivated too: hand the records to an "
        "active member.",
        "people.error.not_yourself": "You can't deactivate yourself: ask another admin.",
        "people.error.admins_and_managers": "Only admins, and managers for their own team, can "
        "add or deactivate members.",
        "people.error.own_team_only": "Managers can add and deactivate reps and desk of their "
        "own team only, and {name} is not one of them. Ask an admin.",
        "people.error.managers_add": "Managers can add reps and desk to their own team only. "
        "Ask an admin for anything else.",
        "people.cli.deactivated": "{name} ({user}) is deactivated.",
        "people.cli.already_deactivated": "{name} ({user}) was already deactivated.",
        "people.cli.handed_over": "Handed to {to}: {summary}.",
        "people.cli.nothing": "Nothing open to hand over.",
    },
    "zh-CN": {
        "people.help": "*成员*（管理员；经理可管理本团队的销售和内勤）\n"
        '• `/desk add @某人 rep "East 华东"`：把某人加为某团队的成员（rep 销售、desk 内勤、'
        "manager 经理或 admin 管理员）；姓名、语言和时区取自 Slack。已停用的成员也这样恢复。\n"
        "• `/desk deactivate @某人 to @另一人`：某人离开；其客户、未完成的订单、样品、合同、"
        "跟进、会议（经理还有其下属）都交给另一人，并私信通知对方。\n"
        "也可以用中文：`/desk 添加 @某人 销售 华东`，`/desk 停用 @某人 给 @另一人`。",
        "people.added": "{name} 已成为成员：{role}{team}。现在就可以使用销售内勤。",
        "people.reactivated": "{name} 重新成为成员：{role}{team}。离开期间已移交的记录仍归新负责人。",
        "people.in_team": "，{team}",
        "people.deactivated": "{name} 已停用，不再是成员。",
        "people.already_deactivated": "{name} 之前已停用。",
        "people.handed_over": "已交给 {to}，并已私信通知：{summary}。",
        "people.nothing_to_hand_over": "没有需要移交的未完成记录。",
        "people.kind.customers": "客户 {count} 个（{labels}）",
        "people.kind.orders": "未完成订单 {count} 个（{labels}）",
        "people.kind.samples": "样品申请 {count} 个（{labels}）",
        "people.kind.contracts": "合同 {count} 份（{labels}）",
        "people.kind.follow_ups": "跟进 {count} 项（拜访 {labels}）",
        "people.kind.meetings": "会议 {count} 个（{labels}）",
        "people.kind.reports": "下属 {count} 人（{labels}）",
        "people.kind.teams": "负责的团队 {count} 个（{labels}）",
        "people.more": "……",
        "people.role.rep": "销售",
        "people.role.desk": "销售内勤",
        "people.role.manager": "经理",
        "people.role.admin": "管理员",
        "people.notify.handover_received": "{member} 已离开{by}，其未完成的记录现在归你负责："
        "{summary}。可在 /customer、/order list mine 和应用主页中查看。",
        "people.notify.by": "（由 {by} 移交）",
        "people.notify.member_left": "{member}（{slack_user_id}）的 Slack 账号已停用，不再是成员。"
        "{records}要把记录交给某人，请输入：\n"
        "/desk deactivate {slack_user_id} to @新负责人\n"
        "（或在终端：salesdesk members deactivate {slack_user_id} --to SLACK_ID）",
        "people.notify.open_records": "其 {count} 条记录尚未完成，需要新的负责人。",
        "people.notify.no_open_records": "其没有未完成的记录。",
        "people.error.add_usage": "添加成员：/desk add @某人 角色 团队，例如 "
        '/desk add @某人 rep "East 华东"。角色：rep、desk、manager、admin。',
        "people.error.deactivate_usage": "停用成员：/desk deactivate @某人 to @另一人；"
        "其所有未完成的记录都交给另一人。",
        "people.error.unknown_role": "“{word}”不是角色：请用 rep、desk、manager 或 admin。",
        "people.error.team_needed": '哪个团队？请加上团队名称，例如 /desk add @某人 {role} "East 华东"。',
        "people.error.unknown_team": "没有名为“{team}”的团队。现有团队：{teams}。",
        "people.error.unknown_person": "成员中找不到 {name}。请用对方的 @提及 或 Slack 成员 ID"
        "（在其 Slack 个人资料中：⋯ → 复制成员 ID）。",
        "people.error.ambiguous_person": "{name} 可能是多位成员：{names}。请用要找的那位的 Slack 成员 ID。",
        "people.error.no_such_slack_user": "Slack 中没有用户 {user}。请检查成员 ID"
        "（在其 Slack 个人资料中：⋯ → 复制成员 ID）。未做任何更改。",
        "people.error.not_a_person": "{user} 是机器人或已停用的 Slack 账号，不能成为成员。未做任何更改。",
        "people.error.slack_unreachable": "暂时无法向 Slack 查询 {user}。请一分钟后再试。未做任何更改。",
        "people.error.already_member": "{name} 已经是成员（{role}）。未做任何更改。",
        "people.error.unknown_member": "没有 Slack 用户 ID 为 {user} 的成员。未做任何更改。",
        "people.error.same_member": "{name} 不能把记录交给自己：请指定另一位成员接手。",
        "people.error.receiver_inactive": "{name} 也已停用：请把记录交给在职的成员。",
        "people.error.not_yourself": "不能停用你自己：请找另一位管理员。",
        "people.error.admins_and_managers": "只有管理员（以及经理对本团队）可以添加或停用成员。",
        "people.error.own_team_only": "经理只能添加和停用本团队的销售和内勤，{name} 不在此列。请找管理员。",
        "people.error.managers_add": "经理只能为本团队添加销售和内勤。其他情况请找管理员。",
        "people.cli.deactivated": "{name}（{user}）已停用。",
        "people.cli.already_deactivated": "{name}（{user}）之前已停用。",
        "people.cli.handed_over": "已交给 {to}：{summary}。",
        "people.cli.nothing": "没有需要移交的未完成记录。",
    },
}
