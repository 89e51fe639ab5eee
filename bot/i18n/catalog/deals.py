"""Opportunities (商机): `/deal`, its forms, cards and buttons."""

_STAGES_EN = {
    "qualification": "Qualification",
    "needs": "Needs analysis",
    "proposal": "Proposal",
    "negotiation": "Negotiation",
    "won": "Won",
    "lost": "Lost",
}
_STAGES_ZH = {
    "qualification": "资格确认",
    "needs": "需求分析",
    "proposal": "方案报价",
    "negotiation": "商务谈判",
    "won": "赢单",
    "lost": "输单",
}
_OPEN = ("qualification", "needs", "proposal", "negotiation")


def _per_stage(template: str, names: dict[str, str], stages=_OPEN) -> dict[str, str]:
    return {stage: template.replace("{stage}", names[stage]) for stage in stages}


def _keyed(prefix: str, values: dict[str, str]) -> dict[str, str]:
    return {f"{prefix}.{name}": text for name, text in values.items()}


MESSAGES = {
    "en": {
        "deal.help.title": "How to use /deal",
        "deal.help": "*Opportunities*\n"
        "• `/deal`: a form for a new opportunity\n"
        "• `/deal new C-1001; Annual flange supply; 120000 CNY; 2026-12-31`: the same in one "
        "line: customer (code or name); title; amount and currency; expected close date "
        "(optional)\n"
        "• `/deal list` your open ones; `/deal list team` the team's (managers and the desk); "
        "add `won` or `lost` for the closed ones\n"
        "• `/deal 12`: its details, stage history and buttons to move it\n"
        "• `/deal move 12 proposal` (or `/deal 12 proposal`): to another open stage, forward "
        "or back: qualification, needs, proposal, negotiation\n"
        "• `/deal 12 next step send samples on Friday`: its next step\n"
        "• `/deal won 12`: won; the order is created, with the lines of its accepted quote\n"
        "• `/deal lost 12 price too high; Competitor Ltd`: lost, with the reason and the "
        "competitor\n"
        "• `/lead convert 12 [50000 CNY]`: a lead becomes a customer and an opportunity",
        "deal.modal.title": "New opportunity",
        "deal.modal.submit": "Save",
        "deal.modal.cancel": "Cancel",
        "deal.modal.done": "Done",
        "deal.modal.saved": "Saved",
        "deal.field.customer": "Customer",
        "deal.field.title": "Title",
        "deal.field.amount": "Amount",
        "deal.field.currency": "Currency",
        "deal.field.close_on": "Expected close date",
        "deal.field.next_step": "Next step",
        "deal.hint.amount": "For example 120000, or 120000 USD.",
        "deal.hint.currency": "CNY, USD, EUR…; empty: the team's reporting currency.",
        "deal.lost_form.title": "Opportunity lost",
        "deal.lost_form.intro": "Opportunity #{id} {title}: why was it lost?",
        "deal.lost_form.reason": "Reason",
        "deal.lost_form.competitor": "Competitor",
        "deal.lost_form.submit": "Mark lost",
        "deal.form_failed": "Sorry, I couldn't open the form. Please try /deal again.",
        "deal.created": "Opportunity #{id} {title} for {customer} is saved at Qualification: "
        "{amount}, expected to close {close}, owned by {owner}.",
        "deal.moved": "Opportunity #{id} {title} moved from {before} to {after}.",
        "deal.lost": "Opportunity #{id} {title} is marked lost.",
        "deal.won": "Opportunity #{id} {title} is won: order {order} is created (received), "
        "without lines, as it has no accepted quote.",
        "deal.won_with_lines": "Opportunity #{id} {title} is won: order {order} is created "
        "(received) with the {lines} line(s) of accepted quote {quote}.",
        "deal.next_step_set": "Opportunity #{id} {title}: next step: {step}",
        "deal.list.line": "#{id} {title} · {customer} · {amount} · {stage} · close {close}",
        "deal.list.more": "…and {count} more.",
        "deal.list.header.mine.open": "Your open opportunities ({total})",
        "deal.list.header.mine.won": "Your won opportunities ({total})",
        "deal.list.header.mine.lost": "Your lost opportunities ({total})",
        "deal.list.header.team.open": "The team's open opportunities ({total})",
        "deal.list.header.team.won": "The team's won opportunities ({total})",
        "deal.list.header.team.lost": "The team's lost opportunities ({total})",
        "deal.list.empty.mine.open": "You have no open opportunities.",
        "deal.list.empty.mine.won": "You have no won opportunities.",
        "deal.list.empty.mine.lost": "You have no lost opportunities.",
        "deal.list.empty.team.open": "The team has no open opportunities.",
        "deal.list.empty.team.won": "The team has no won opportunities.",
        "deal.list.empty.team.lost": "The team has no lost opportunities.",
        "deal.card.title": "Opportunity #{id} {title}",
        "deal.card.customer": "Customer: {code} {name}",
        "deal.card.owner": "Owner: {owner}",
        "deal.card.amount": "Amount: {amount}",
        "deal.card.stage": "Stage: {stage}",
        "deal.card.stage_probability": "{stage} ({percent}%)",
        "deal.card.close": "Expected close: {day}",
        "deal.card.next_step": "Next step: {step}",
        "deal.card.activity": "Last activity: {moment}",
        "deal.card.order": "Order: {order}",
        "deal.card.lost_reason": "Lost because: {reason}",
        "deal.card.competitor": "Competitor: {competitor}",
        "deal.card.history": "Stage history:",
        "deal.card.history_created": "{when} created at {stage} by {by}",
        "deal.card.history_line": "{when} {before} → {after} by {by}",
        "deal.button.move": "→ {stage}",
        "deal.button.won": "Won",
        "deal.button.lost": "Lost",
        "deal.error.bad_id": "'{word}' is not an opportunity number (like 12).",
        "deal.error.unknown": "I don't know '{word}'. Try `/deal help`.",
        "deal.error.one_line_usage": "A one-line opportunity is CUSTOMER; TITLE; AMOUNT "
        "[CURRENCY]; CLOSE DATE (the date is optional). Nothing was saved; `/deal` alone opens "
        "the form.",
        "deal.error.list_usage": "`/deal list` takes `team`, `won` or `lost`, not '{word}'.",
        "deal.error.move_usage": "Say which opportunity and where: `/deal move 12 proposal`.",
        "deal.error.bad_stage": "'{word}' is not a stage: qualification, needs, proposal, "
        "negotiation, won or lost.",
        "deal.error.amount": "'{value}' is not an amount: a number of at most two decimals, "
        "0 or more, like 120000 or 8,500.50 USD.",
        "deal.error.currency": "'{value}' is not a currency I know: use a code like CNY, USD "
        "or EUR.",
        "deal.error.no_amount": "The amount is missing.",
        "deal.error.not_found": "Opportunity #{id} was not found, or is not yours to see.",
        "deal.error.several_customers": "'{query}' could be several customers: {names}. Use "
        "the customer's code.",
        "deal.error.customer_close": "No customer of yours is called '{query}'. Did you mean: "
        "{names}?",
        "deal.error.no_customer": "No customer of yours is called '{query}'.",
        "deal.error.choose_customer": "Choose the customer.",
        "deal.error.no_title": "The title is missing.",
        "deal.error.too_long": "This is too long: {limit} characters at most.",
        "deal.error.close_date": "I can't read '{value}' as a date (try 2026-12-31 or "
        "'end of December').",
        "deal.error.close_date_past": "The expected close date {day} has passed already.",
        "deal.error.owner_without_team": "{owner}, who owns this customer, is in no team: an "
        "admin must put them in one first.",
        "deal.error.no_next_step": "Say what the next step is, in at most {limit} characters.",
        "deal.error.no_reason": "Say why it was lost: `/deal lost 12 REASON; COMPETITOR`.",
        "deal.error.closed_won": "Opportunity #{id} is won already (order {order}): a closed "
        "opportunity doesn't move. Nothing was changed.",
        "deal.error.closed_lost": "Opportunity #{id} is lost already ({reason}): a closed "
        "opportunity doesn't move. Nothing was changed.",
        "deal.error.team_list_not_allowed": "Only managers and the desk see the team's "
        "opportunities; `/deal list` shows yours.",
        "deal.convert.usage": "Say which lead: `/lead convert 12`, with the amount if known: "
        "`/lead convert 12 50000 CNY`.",
        "deal.convert.bad_id": "'{word}' is not a lead number (like 12).",
        "deal.convert.not_found": "Lead #{id} was not found, or is not yours to convert.",
        "deal.convert.already": "Lead #{id} is converted already. Nothing was changed.",
        "deal.convert.closed.disqualified": "Lead #{id} was disqualified: it can't be converted.",
        "deal.convert.closed.recycled": "Lead #{id} was recycled: it can't be converted.",
        "deal.convert.no_owner": "Lead #{id} has no owner yet: assign it before converting it.",
        "deal.convert.no_team": "Lead #{id} belongs to no team: an admin must put its owner in "
        "one first.",
        "deal.convert.name_taken": "A customer called {company} exists already ({code}), but "
        "the lead was not matched to it. Nothing was changed; ask the desk to check it.",
        "deal.convert.done_new": "Lead #{id} {company} is converted: new customer {code} {name} "
        "and opportunity #{deal} {title} ({amount}), at Qualification.",
        "deal.convert.done_existing": "Lead #{id} {company} is converted: opportunity #{deal} "
        "{title} ({amount}) for customer {code} {name}, at Qualification.",
        **_keyed(
            "deal.error.already",
            _per_stage("Opportunity #{id} is at {stage} already. Nothing was changed.", _STAGES_EN),
        ),
        **_keyed(
            "deal.error.moved_since",
            _per_stage(
                "Opportunity #{id} has moved to {stage} since this was shown. Nothing was "
                "changed; `/deal {id}` shows it as it is now.",
                _STAGES_EN,
            ),
        ),
        **_keyed("deal.stage", _STAGES_EN),
    },
    "zh-CN": {
        "deal.help.title": "/deal 使用说明",
        "deal.help": "*商机*\n"
        "• `/deal`：打开新建商机表单\n"
        "• `/deal 新建 C-1001；年度法兰采购；120000 CNY；2026-12-31`：一行新建：客户（编码或名称）；"
        "标题；金额和币种；预计成交日期（可不填）\n"
        "• `/deal 列表` 你的进行中商机；`/deal 列表 团队` 全组的（主管和内勤）；加 `赢单` 或 `输单` "
        "查看已关闭的\n"
        "• `/deal 12`：详情、阶段记录和推进按钮\n"
        "• `/deal 推进 12 方案`（或 `/deal 12 方案`）：在进行中的阶段间前进或后退：资格、需求、方案、谈判\n"
        "• `/deal 12 下一步 周五寄样品`：设置下一步\n"
        "• `/deal 赢单 12`：赢单，自动生成订单，订单明细取自已接受的报价单\n"
        "• `/deal 输单 12 价格太高；某竞争对手`：输单，并记录原因和竞争对手\n"
        "• `/lead 转化 12 [50000 CNY]`：线索转为客户和商机",
        "deal.modal.title": "新建商机",
        "deal.modal.submit": "保存",
        "deal.modal.cancel": "取消",
        "deal.modal.done": "完成",
        "deal.modal.saved": "已保存",
        "deal.field.customer": "客户",
        "deal.field.title": "标题",
        "deal.field.amount": "金额",
        "deal.field.currency": "币种",
        "deal.field.close_on": "预计成交日期",
        "deal.field.next_step": "下一步",
        "deal.hint.amount": "例如 120000，或 120000 USD。",
        "deal.hint.currency": "CNY、USD、EUR……；不填则为团队的报表币种。",
        "deal.lost_form.title": "商机输单",
        "deal.lost_form.intro": "商机 #{id} {title}：输单原因是什么？",
        "deal.lost_form.reason": "原因",
        "deal.lost_form.competitor": "竞争对手",
        "deal.lost_form.submit": "标记输单",
        "deal.form_failed": "抱歉，表单没能打开。请再试一次 /deal。",
        "deal.created": "商机 #{id} {title}（{customer}）已保存，阶段为资格确认：{amount}，"
        "预计 {close} 成交，负责人 {owner}。",
        "deal.moved": "商机 #{id} {title} 已从{before}推进到{after}。",
        "deal.lost": "商机 #{id} {title} 已标记为输单。",
        "deal.won": "商机 #{id} {title} 已赢单：已生成订单 {order}（已接收），没有已接受的报价单，"
        "所以订单没有明细。",
        "deal.won_with_lines": "商机 #{id} {title} 已赢单：已生成订单 {order}（已接收），"
        "含已接受报价单 {quote} 的 {lines} 行明细。",
        "deal.next_step_set": "商机 #{id} {title} 的下一步：{step}",
        "deal.list.line": "#{id} {title} · {customer} · {amount} · {stage} · 预计 {close} 成交",
        "deal.list.more": "……还有 {count} 条。",
        "deal.list.header.mine.open": "你的进行中商机（{total}）",
        "deal.list.header.mine.won": "你的赢单商机（{total}）",
        "deal.list.header.mine.lost": "你的输单商机（{total}）",
        "deal.list.header.team.open": "全组进行中商机（{total}）",
        "deal.list.header.team.won": "全组赢单商机（{total}）",
        "deal.list.header.team.lost": "全组输单商机（{total}）",
        "deal.list.empty.mine.open": "你没有进行中的商机。",
        "deal.list.empty.mine.won": "你没有赢单的商机。",
        "deal.list.empty.mine.lost": "你没有输单的商机。",
        "deal.list.empty.team.open": "全组没有进行中的商机。",
        "deal.list.empty.team.won": "全组没有赢单的商机。",
        "deal.list.empty.team.lost": "全组没有输单的商机。",
        "deal.card.title": "商机 #{id} {title}",
        "deal.card.customer": "客户：{code} {name}",
        "deal.card.owner": "负责人：{owner}",
        "deal.card.amount": "金额：{amount}",
        "deal.card.stage": "阶段：{stage}",
        "deal.card.stage_probability": "{stage}（{percent}%）",
        "deal.card.close": "预计成交：{day}",
        "deal.card.next_step": "下一步：{step}",
        "deal.card.activity": "最近活动：{moment}",
        "deal.card.order": "订单：{order}",
        "deal.card.lost_reason": "输单原因：{reason}",
        "deal.card.competitor": "竞争对手：{competitor}",
        "deal.card.history": "阶段记录：",
        "deal.card.history_created": "{when} 由 {by} 新建，阶段为{stage}",
        "deal.card.history_line": "{when} {before} → {after}，操作人 {by}",
        "deal.button.move": "→ {stage}",
        "deal.button.won": "赢单",
        "deal.button.lost": "输单",
        "deal.error.bad_id": "“{word}”不是商机编号（例如 12）。",
        "deal.error.unknown": "看不懂“{word}”。试试 `/deal help`。",
        "deal.error.one_line_usage": "一行新建商机的格式是：客户；标题；金额 [币种]；预计成交日期"
        "（日期可不填）。未保存任何内容；只输入 `/deal` 可打开表单。",
        "deal.error.list_usage": "`/deal 列表` 后面可以跟 `团队`、`赢单` 或 `输单`，不能跟“{word}”。",
        "deal.error.move_usage": "请说明哪个商机、推进到哪个阶段：`/deal 推进 12 方案`。",
        "deal.error.bad_stage": "“{word}”不是阶段：资格、需求、方案、谈判、赢单或输单。",
        "deal.error.amount": "“{value}”不是金额：最多两位小数、不小于 0 的数字，例如 120000 或 8,500.50 USD。",
        "deal.error.currency": "不认识币种“{value}”：请用 CNY、USD、EUR 这样的代码。",
        "deal.error.no_amount": "缺少金额。",
        "deal.error.not_found": "找不到商机 #{id}，或你无权查看。",
        "deal.error.several_customers": "“{query}”对应多个客户：{names}。请用客户编码。",
        "deal.error.customer_close": "你的客户中没有叫“{query}”的。是不是：{names}？",
        "deal.error.no_customer": "你的客户中没有叫“{query}”的。",
        "deal.error.choose_customer": "请选择客户。",
        "deal.error.no_title": "缺少标题。",
        "deal.error.too_long": "内容太长：最多 {limit} 个字符。",
        "deal.error.close_date": "看不懂日期“{value}”（试试 2026-12-31 或“12月底”）。",
        "deal.error.close_date_past": "预计成交日期 {day} 已经过去了。",
        "deal.error.owner_without_team": "该客户的负责人 {owner} 不在任何团队中：请管理员先把他加入团队。",
        "deal.error.no_next_step": "请写明下一步，最多 {limit} 个字符。",
        "deal.error.no_reason": "请写明输单原因：`/deal 输单 12 原因；竞争对手`。",
        "deal.error.closed_won": "商机 #{id} 已赢单（订单 {order}）：已关闭的商机不能再推进。未做任何更改。",
        "deal.error.closed_lost": "商机 #{id} 已输单（{reason}）：已关闭的商机不能再推进。未做任何更改。",
        "deal.error.team_list_not_allowed": "只有主管和内勤能查看全组商机；`/deal 列表` 可查看你自己的。",
        "deal.convert.usage": "请说明哪条线索：`/lead 转化 12`，知道金额的话一并写上：`/lead 转化 12 50000 CNY`。",
        "deal.convert.bad_id": "“{word}”不是线索编号（例如 12）。",
        "deal.convert.not_found": "找不到线索 #{id}，或你无权转化。",
        "deal.convert.already": "线索 #{id} 已经转化过了。未做任何更改。",
        "deal.convert.closed.disqualified": "线索 #{id} 已判定无效，不能转化。",
        "deal.convert.closed.recycled": "线索 #{id} 已回收，不能转化。",
        "deal.convert.no_owner": "线索 #{id} 还没有负责人：请先分配再转化。",
        "deal.convert.no_team": "线索 #{id} 不属于任何团队：请管理员先把其负责人加入团队。",
        "deal.convert.name_taken": "已有名为 {company} 的客户（{code}），但线索未与其关联。未做任何更改；请内勤核对。",
        "deal.convert.done_new": "线索 #{id} {company} 已转化：新客户 {code} {name}，商机 #{deal} {title}（{amount}），阶段为资格确认。",
        "deal.convert.done_existing": "线索 #{id} {company} 已转化：客户 {code} {name} 的商机 #{deal} {title}（{amount}），阶段为资格确认。",
        **_keyed(
            "deal.error.already",
            _per_stage("商机 #{id} 已经处于{stage}阶段。未做任何更改。", _STAGES_ZH),
        ),
        **_keyed(
            "deal.error.moved_since",
            _per_stage(
                "商机 #{id} 在此消息显示后已推进到{stage}。未做任何更改；`/deal {id}` 可查看最新情况。",
                _STAGES_ZH,
            ),
        ),
        **_keyed("deal.stage", _STAGES_ZH),
    },
}
