MESSAGES = {
    "en": {
        "assign.help": "*Assignment*\n"
        "• `/lead route list`: the routing rules, in the order they are tried\n"
        '• `/lead route add region=East China industry=machinery source=website team="East"`: '
        "a rule (a field left out matches anything; a manager's rule is for their own team)\n"
        "• `/lead route remove 2`: remove rule 2\n"
        "• `/lead unassigned`: leads nobody has yet\n"
        "• `/lead away until Friday`, `/lead away off` or `/lead back`: no new leads while away\n"
        "• `/lead capacity`: the team's reps, their leads in 30 days and who is away; "
        "`/lead capacity @rep 40` sets a rep's leads per 30 days (`default`: the team's)\n"
        "A lead goes to the team of the first rule it matches (or the only team), then to the "
        "rep with the most room left for their capacity; they accept or pass it.",
        "assign.saved.offered": "Lead #{id} {company} is saved and offered to {owner} "
        "({team}: {note}), who can accept or pass it.",
        "assign.saved.waiting_in_team": "Lead #{id} {company} is saved in {team}, where no rep "
        "can take a lead now (away, full or without capacity). The manager is told, and it is "
        "offered as soon as a rep can take it.",
        "assign.saved.no_team": "Lead #{id} {company} is saved as new. No routing rule matches "
        "it and there are several teams, so it waits for the desk (`/lead unassigned`).",
        "offer.title": "A new lead for you",
        "offer.intro": "A new lead for you: #{id} {company} (source: {source}).",
        "offer.why": "Why you: {note}",
        "offer.region": "Region: {region}",
        "offer.industry": "Industry: {industry}",
        "offer.score": "Score: {score}",
        "offer.due": "First contact by {due}.",
        "offer.accept": "Accept",
        "offer.pass": "Pass",
        "offer.accepted": "You accepted lead #{id} {company}: it is yours.",
        "offer.accepted_due": "You accepted lead #{id} {company}: it is yours. First contact "
        "by {due}.",
        "offer.passed_on": "You passed on lead #{id} {company}; it was offered to {owner}.",
        "offer.passed_waiting": "You passed on lead #{id} {company}; nobody else in {team} can "
        "take it now, so it waits there and the manager is told.",
        "offer.passed_no_team": "You passed on lead #{id} {company}; it waits for the desk.",
        "offer.error.bad_button": "This button is not one I know. Nothing changed.",
        "offer.error.not_yours": "This lead was offered to someone else: only they can accept "
        "or pass it. Nothing changed.",
        "offer.error.no_lead": "Lead #{id} no longer exists.",
        "offer.error.already_accepted": "You accepted lead #{id} already ({at}). It is yours; "
        "nothing changed.",
        "offer.error.accepted_cannot_pass": "You accepted lead #{id} already, so it can no "
        "longer be passed on. Nothing changed.",
        "offer.error.already_passed": "You passed on lead #{id} already. Nothing changed.",
        "offer.error.stale": "This offer of lead #{id} is no longer open (it was accepted, "
        "passed or given to someone else). Nothing changed.",
        "waiting.notify": "Leads wait in {team}: no rep can take lead #{id} {company} now "
        "({reps} reps: {away} away, {full} full; the others without capacity or passed). "
        "Waiting leads are offered as soon as a rep can take them; `/lead capacity` shows the "
        "team, `/lead unassigned` the leads.",
        "route.list.title": "Routing rules",
        "route.list.header": "Routing rules ({count}), tried in this order",
        "route.list.empty": "There are no routing rules yet. With one team, every lead goes to "
        "it; add rules with `/lead route add region=… team=…`.",
        "route.list.line": "{position}. {fields} → {team}",
        "route.any": "any lead",
        "route.field.region": "region {value}",
        "route.field.industry": "industry {value}",
        "route.field.source": "source {value}",
        "route.added": "Rule {position} added: {fields} → {team}.",
        "route.removed": "Rule {position} removed ({fields} → {team}); the rules after it "
        "moved up.",
        "route.error.not_allowed": "Only admins and managers can change routing rules, and the "
        "desk, managers and admins can read them. Nothing changed.",
        "route.error.other_team": "A manager changes only their own team's rules; {team} is "
        "another team. Nothing changed.",
        "route.error.no_team": 'Name the team: `/lead route add region=… team="East"`.',
        "route.error.bad_source": "'{value}' is not a lead source: use one of {sources}.",
        "route.error.unknown_field": "'{name}' is not a rule field: use region, industry, "
        "source and team.",
        "route.error.add_usage": "Write a rule as name=value pairs: `/lead route add "
        "region=East industry=machinery source=website team=\"East\"` ('{extra}' is not one).",
        "route.error.too_long": "The {name} of a rule is {limit} characters at most.",
        "route.error.too_many": "There are {limit} rules already, the most there can be.",
        "route.error.remove_usage": "Say which rule by its number: `/lead route remove 2` "
        "(`/lead route list` shows them).",
        "route.error.no_rule": "There is no rule {position}; there are {count}.",
        "route.error.usage": "`/lead route list`, `/lead route add name=value …` or "
        "`/lead route remove N`.",
        "route.error.unassigned_not_allowed": "Only the desk, managers and admins see the "
        "leads nobody has yet; `/lead mine` shows yours.",
        "unassigned.title": "Leads nobody has yet",
        "unassigned.header": "Leads nobody has yet ({total})",
        "unassigned.empty": "Every lead has an owner.",
        "unassigned.line": "#{id} {company} · {where} · since {day}",
        "unassigned.no_team": "no team (no rule matches)",
        "unassigned.in_team": "waiting in {team}",
        "unassigned.more": "…and {count} more.",
        "away.set": "You are away until {day}: no new leads until then. `/lead back` when you "
        "return early.",
        "away.back": "Welcome back: new leads come to you again.",
        "away.back_offered": "Welcome back: new leads come to you again. {count} waiting "
        "leads were offered just now.",
        "away.error.usage": "`/lead away until Friday` (or a date such as 12 Dec), "
        "`/lead away off` or `/lead back`.",
        "away.error.bad_date": "I can't read '{value}' as a day. Try `/lead away until Friday` "
        "or `/lead away until 2026-12-10`.",
        "away.error.past": "{day} has passed already: give today or a later day.",
        "capacity.set": "{name} now takes up to {capacity} new leads per 30 days.",
        "capacity.set_default": "{name} now takes the team's {capacity} new leads per 30 days.",
        "capacity.title": "Lead capacity of {team}",
        "capacity.header": "{team}: leads per 30 days (team default {capacity})",
        "capacity.line": "{name}: {assigned}/{capacity} in 30 days{state}",
        "capacity.away": " · away until {day}",
        "capacity.full": " · full",
        "capacity.none": "{team} has no reps.",
        "capacity.error.usage": "`/lead capacity @rep 40` sets a rep's leads per 30 days "
        "(`default`: the team's); `/lead capacity` shows the team.",
        "capacity.error.not_allowed": "Only a manager of {name}'s team or an admin can set "
        "their capacity. Nothing changed.",
        "capacity.error.view_not_allowed": "Only the desk, managers and admins see the team's "
        "capacity.",
        "capacity.error.other_team": "Only your own team's capacity is shown to you; {team} "
        "is another team.",
        "capacity.error.no_team": "Name the team: `/lead capacity East`.",
        "capacity.error.number": "'{value}' is not a capacity: a whole number from 0 to "
        "{limit}, or `default`.",
        "capacity.error.not_a_rep": "{name} is not a rep: only reps are given leads.",
    },
    "zh-CN": {
        "assign.help": "*分配*\n"
        "• `/lead 路由 列表`：分配规则，按顺序匹配\n"
        '• `/lead 路由 添加 地区=华东 行业=机械 来源=官网 团队="华东 East"`：新增规则'
        "（未写的字段匹配任何值；经理只能为本团队添加）\n"
        "• `/lead 路由 删除 2`：删除第 2 条规则\n"
        "• `/lead 未分配`：还没有负责人的线索\n"
        "• `/lead 休假 到 周五`、`/lead 休假 取消` 或 `/lead 回来`：休假期间不分配新线索\n"
        "• `/lead 容量`：团队销售的容量、30 天内的线索数和休假情况；"
        "`/lead 容量 @销售 40` 设置某位销售每 30 天的线索数（`默认`：用团队的设置）\n"
        "线索先按第一条匹配的规则进入团队（只有一个团队时直接进入），再分给容量余量最多的销售，"
        "由其接受或转出。",
        "assign.saved.offered": "线索 #{id} {company} 已保存，已分给 {owner}"
        "（{team}：{note}），由其接受或转出。",
        "assign.saved.waiting_in_team": "线索 #{id} {company} 已保存在 {team}，但该团队现在没有"
        "销售能接新线索（休假、已满或没有容量）。已通知经理，一旦有销售可以接，就会分给他。",
        "assign.saved.no_team": "线索 #{id} {company} 已保存为新建。没有匹配的分配规则，且有多个"
        "团队，线索等待内勤处理（`/lead 未分配`）。",
        "offer.title": "有一条新线索给你",
        "offer.intro": "有一条新线索给你：#{id} {company}（来源：{source}）。",
        "offer.why": "分配原因：{note}",
        "offer.region": "地区：{region}",
        "offer.industry": "行业：{industry}",
        "offer.score": "评分：{score}",
        "offer.due": "请在 {due} 前首次联系。",
        "offer.accept": "接受",
        "offer.pass": "转出",
        "offer.accepted": "你已接受线索 #{id} {company}，由你负责。",
        "offer.accepted_due": "你已接受线索 #{id} {company}，由你负责。请在 {due} 前首次联系。",
        "offer.passed_on": "你已转出线索 #{id} {company}，已分给 {owner}。",
        "offer.passed_waiting": "你已转出线索 #{id} {company}；{team} 现在没有其他销售能接，"
        "线索在团队中等待，并已通知经理。",
        "offer.passed_no_team": "你已转出线索 #{id} {company}，线索等待内勤处理。",
        "offer.error.bad_button": "无法识别这个按钮。未做任何更改。",
        "offer.error.not_yours": "这条线索分给的是别人，只有对方可以接受或转出。未做任何更改。",
        "offer.error.no_lead": "线索 #{id} 已不存在。",
        "offer.error.already_accepted": "你已于 {at} 接受线索 #{id}，由你负责；未做任何更改。",
        "offer.error.accepted_cannot_pass": "你已接受线索 #{id}，不能再转出。未做任何更改。",
        "offer.error.already_passed": "你已转出线索 #{id}。未做任何更改。",
        "offer.error.stale": "线索 #{id} 的这次分配已失效（已被接受、转出或分给了别人）。"
        "未做任何更改。",
        "waiting.notify": "{team} 有线索在等待：现在没有销售能接线索 #{id} {company}"
        "（{reps} 位销售：{away} 位休假，{full} 位已满，其余没有容量或已转出）。"
        "一旦有销售可以接，等待的线索就会分出；`/lead 容量` 查看团队，`/lead 未分配` 查看线索。",
        "route.list.title": "分配规则",
        "route.list.header": "分配规则（{count} 条），按此顺序匹配",
        "route.list.empty": "还没有分配规则。只有一个团队时，所有线索都进入该团队；"
        "用 `/lead 路由 添加 地区=… 团队=…` 添加规则。",
        "route.list.line": "{position}. {fields} → {team}",
        "route.any": "任何线索",
        "route.field.region": "地区 {value}",
        "route.field.industry": "行业 {value}",
        "route.field.source": "来源 {value}",
        "route.added": "已添加第 {position} 条规则：{fields} → {team}。",
        "route.removed": "已删除第 {position} 条规则（{fields} → {team}），其后的规则依次前移。",
        "route.error.not_allowed": "只有管理员和经理可以修改分配规则；内勤、经理和管理员可以查看。"
        "未做任何更改。",
        "route.error.other_team": "经理只能修改本团队的规则，{team} 是其他团队。未做任何更改。",
        "route.error.no_team": '请写明团队：`/lead 路由 添加 地区=… 团队="华东"`。',
        "route.error.bad_source": "“{value}”不是线索来源：请用 {sources} 之一。",
        "route.error.unknown_field": "“{name}”不是规则字段：请用地区、行业、来源和团队。",
        "route.error.add_usage": "规则写成 名称=值：`/lead 路由 添加 地区=华东 行业=机械 "
        '来源=官网 团队="华东"`（“{extra}”不是）。',
        "route.error.too_long": "规则的 {name} 最多 {limit} 个字符。",
        "route.error.too_many": "规则已有 {limit} 条，已达上限。",
        "route.error.remove_usage": "请写规则编号：`/lead 路由 删除 2`（`/lead 路由 列表` "
        "可查看编号）。",
        "route.error.no_rule": "没有第 {position} 条规则；共有 {count} 条。",
        "route.error.usage": "`/lead 路由 列表`、`/lead 路由 添加 名称=值 …` 或 "
        "`/lead 路由 删除 编号`。",
        "route.error.unassigned_not_allowed": "只有内勤、经理和管理员可以查看未分配的线索；"
        "`/lead 我的` 查看你的线索。",
        "unassigned.title": "未分配的线索",
        "unassigned.header": "未分配的线索（{total}）",
        "unassigned.empty": "所有线索都有负责人。",
        "unassigned.line": "#{id} {company} · {where} · {day} 起",
        "unassigned.no_team": "无团队（没有匹配的规则）",
        "unassigned.in_team": "在 {team} 等待",
        "unassigned.more": "……另有 {count} 条。",
        "away.set": "你休假到 {day}，期间不会分给你新线索。提前回来请用 `/lead 回来`。",
        "away.back": "欢迎回来：新线索会继续分给你。",
        "away.back_offered": "欢迎回来：新线索会继续分给你。刚刚分出了 {count} 条等待中的线索。",
        "away.error.usage": "`/lead 休假 到 周五`（或 12月10日 这样的日期）、`/lead 休假 取消` "
        "或 `/lead 回来`。",
        "away.error.bad_date": "无法把“{value}”理解为日期。试试 `/lead 休假 到 周五` "
        "或 `/lead 休假 到 12月10日`。",
        "away.error.past": "{day} 已经过去：请写今天或以后的日期。",
        "capacity.set": "{name} 现在每 30 天最多接 {capacity} 条新线索。",
        "capacity.set_default": "{name} 现在按团队设置，每 30 天接 {capacity} 条新线索。",
        "capacity.title": "{team} 的线索容量",
        "capacity.header": "{team}：每 30 天的线索数（团队默认 {capacity}）",
        "capacity.line": "{name}：30 天内 {assigned}/{capacity}{state}",
        "capacity.away": " · 休假到 {day}",
        "capacity.full": " · 已满",
        "capacity.none": "{team} 没有销售。",
        "capacity.error.usage": "`/lead 容量 @销售 40` 设置某位销售每 30 天的线索数"
        "（`默认`：用团队的设置）；`/lead 容量` 查看团队。",
        "capacity.error.not_allowed": "只有 {name} 所在团队的经理或管理员可以设置其容量。"
        "未做任何更改。",
        "capacity.error.view_not_allowed": "只有内勤、经理和管理员可以查看团队的容量。",
        "capacity.error.other_team": "你只能查看本团队的容量，{team} 是其他团队。",
        "capacity.error.no_team": "请写明团队：`/lead 容量 华东`。",
        "capacity.error.number": "“{value}”不是有效的容量：请写 0 到 {limit} 的整数，或 `默认`。",
        "capacity.error.not_a_rep": "{name} 不是销售：只有销售会分到线索。",
    },
}
