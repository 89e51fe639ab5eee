"""The order desk in both languages: order cards, lists, updates, status names, the rep's
note of a status change and the late-order escalations."""

MESSAGES = {
    "en": {
        "status.received": "Received",
        "status.confirmed": "Confirmed",
        "status.in_production": "In production",
        "status.ready_to_ship": "Ready to ship",
        "status.shipped": "Shipped",
        "status.delivered": "Delivered",
        "status.invoiced": "Invoiced",
        "status.paid": "Paid",
        "status.on_hold": "On hold",
        "status.cancelled": "Cancelled",
        "order.help.title": "How to use /order",
        "order.help": "*Order desk*\n"
        "• `/order status 1234` (or just `/order 1234`): where an order stands\n"
        "• `/order list`: the newest orders you can see\n"
        "• `/order list mine`: orders of your customers\n"
        "• `/order list late`: orders past their promised ship date and not shipped\n"
        "• `/order list ACME`: orders of a customer, by code or part of the name\n"
        "• `/order update 1234 shipped tracking SF123`: move an order on, with an optional note "
        "(desk, managers and admins)\n"
        "• `/order update 1234 resume`: an order on hold back to the step it was held at\n"
        "• `/order change 1234`: ask the desk for a change the customer wants (quantity, "
        "specification, delivery date); `/order change list` shows the requests waiting\n"
        "Statuses: received, confirmed, in_production, ready_to_ship, shipped, delivered, invoiced, "
        "paid, on_hold, cancelled.",
        "order.card.title": "Order {number} · {customer}",
        "order.card.customer": "Customer {code} · Rep {rep}",
        "order.card.last_change": "Last change: {by}, {at}, to {status}",
        "order.card.note": " — “{note}”",
        "order.card.by_import": "import",
        "order.card.no_changes": "No changes recorded yet",
        "order.field.status": "Status",
        "order.field.amount": "Amount",
        "order.field.ordered": "Ordered",
        "order.field.promised": "Promised ship date",
        "order.field.shipped": "Shipped",
        "order.field.delivered": "Delivered",
        "order.late_badge": "{status} · :warning: late",
        "order.list.header": "{title} ({total})",
        "order.list.title.all": "Latest orders",
        "order.list.title.mine": "Your customers' orders",
        "order.list.title.late": "Late orders",
        "order.list.title.customer": "Orders matching “{query}”",
        "order.list.empty.all": "There are no orders you can see yet.",
        "order.list.empty.mine": "None of your customers has an order yet.",
        "order.list.empty.late": "No late orders. Nice!",
        "order.list.empty.customer": "No orders of a customer matching “{query}” that you can see.",
        "order.list.line": "{number} · {customer} · {status} · {amount} · ships {promised}",
        "order.list.line_shipped": "{number} · {customer} · {status} · {amount} · shipped {shipped}",
        "order.list.line_late": ":warning: {number} · {customer} · {status} · {amount} · "
        "was due to ship {promised}",
        "order.list.more": "…and {count} more. Narrow it down with /order list mine, late or a "
        "customer.",
        "order.updated": "Order {number} ({customer}) moved from {before} to {after}. "
        "{rep} will be told.",
        "order.error.unknown_subcommand": "I don't know “{word}”. Try /order help to see what I can do.",
        "order.error.status_needs_number": "Which order? Add its number, like /order status 1234.",
        "order.error.bad_number": "“{number}” is not an order number: use letters, digits and - _ . / "
        "only, like 1234 or SO-2024-001.",
        "order.error.unknown_status": "“{word}” is not an order status. Use one of: received, "
        "confirmed, in_production, ready_to_ship, shipped, delivered, invoiced, paid, on_hold, "
        "cancelled.",
        "order.error.update_usage": "To update an order, give its number and the new status, like "
        "/order update 1234 shipped.",
        "order.error.note_too_long": "That note is too long: {limit} characters at most. Nothing was "
        "changed.",
        "order.error.not_found": "I can't find an order numbered {number} that you can see.",
        "order.error.update_not_allowed": "Only the sales desk, managers and admins can update orders. "
        "Ask your desk colleague to do it.",
        "order.error.already_in_status": "Order {number} is already {status}. Nothing was changed.",
        "order.error.impossible_step": "Order {number} is {current}, so it can't move to {status}. "
        "From here it can go to: {allowed}.",
        "order.error.not_on_hold": "Order {number} is {current}, not on hold: there is nothing to "
        "resume. Nothing was changed.",
        "order.error.held_step_unknown": "Order {number} is on hold and its history does not say at "
        "which step, so say where it resumes: {allowed}. Nothing was changed.",
        "notify.order_status_changed": "Order {number} ({customer}) is now {after} (was {before}), "
        "updated by {by}.",
        "notify.note": "Note: {note}",
        "escalate.order_late.rep": "⚠️ Order {number} ({customer}) is {days} days past its promised ship date ({promised}). Check with the desk, or update it with /order update {number} STATUS.",
        "escalate.order_late.manager": "⚠️ Order {number} ({customer}, rep {rep}) is {days} days past its promised ship date ({promised}) and still not shipped.",
    },
    "zh-CN": {
        "status.received": "已接收",
        "status.confirmed": "已审核确认",
        "status.in_production": "生产/采购中",
        "status.ready_to_ship": "待发货",
        "status.shipped": "已发货",
        "status.delivered": "已送达",
        "status.invoiced": "已开票",
        "status.paid": "已回款",
        "status.on_hold": "异常/暂停",
        "status.cancelled": "已取消",
        "order.help.title": "/order 使用说明",
        "order.help": "*订单查询*\n"
        "• `/order 状态 1234`（或 `/order 1234`）：查看订单进度\n"
        "• `/order 列表`：您能看到的最新订单\n"
        "• `/order 列表 我的`：您客户的订单\n"
        "• `/order 列表 逾期`：已过承诺发货日期仍未发货的订单\n"
        "• `/order 列表 ACME`：按客户编码或名称查找订单\n"
        "• `/order 更新 1234 已发货 顺丰SF123`：更新订单状态，可附备注（内勤、主管和管理员）\n"
        "• `/order 更新 1234 恢复`：暂停的订单回到暂停前的环节\n"
        "• `/order 变更 1234`：提交客户要求的订单变更（数量、规格、交期），由内勤受理；"
        "`/order 变更 列表` 查看待处理的变更\n"
        "状态：已接收、已审核确认、生产中、待发货、已发货、已送达、已开票、已回款、暂停、已取消"
        "（也可用英文 received … cancelled）。",
        "order.card.title": "订单 {number} · {customer}",
        "order.card.customer": "客户 {code} · 销售 {rep}",
        "order.card.last_change": "最近变更：{by}，{at}，改为{status}",
        "order.card.note": "——“{note}”",
        "order.card.by_import": "导入",
        "order.card.no_changes": "暂无变更记录",
        "order.field.status": "状态",
        "order.field.amount": "金额",
        "order.field.ordered": "下单日期",
        "order.field.promised": "承诺发货日期",
        "order.field.shipped": "发货日期",
        "order.field.delivered": "送达日期",
        "order.late_badge": "{status} · :warning: 已逾期",
        "order.list.header": "{title}（{total}）",
        "order.list.title.all": "最新订单",
        "order.list.title.mine": "我的客户订单",
        "order.list.title.late": "逾期订单",
        "order.list.title.customer": "匹配“{query}”的订单",
        "order.list.empty.all": "目前还没有您能查看的订单。",
        "order.list.empty.mine": "您的客户还没有订单。",
        "order.list.empty.late": "没有逾期订单，很好！",
        "order.list.empty.customer": "没有找到您能查看的、客户匹配“{query}”的订单。",
        "order.list.line": "{number} · {customer} · {status} · {amount} · 计划发货 {promised}",
        "order.list.line_shipped": "{number} · {customer} · {status} · {amount} · 已于 {shipped} 发货",
        "order.list.line_late": ":warning: {number} · {customer} · {status} · {amount} · "
        "应于 {promised} 发货",
        "order.list.more": "……还有 {count} 条。可用 /order 列表 我的、逾期 或客户名缩小范围。",
        "order.updated": "订单 {number}（{customer}）已从{before}改为{after}。已通知{rep}。",
        "order.error.unknown_subcommand": "无法识别“{word}”。输入 /order help 查看用法。",
        "order.error.status_needs_number": "请提供订单号，例如 /order 状态 1234。",
        "order.error.bad_number": "“{number}”不是有效的订单号：只能包含字母、数字和 - _ . /，例如 1234 或 SO-2024-001。",
        "order.error.unknown_status": "“{word}”不是订单状态。可用：已接收、已确认、生产中、待发货、已发货、"
        "已送达、已开票、已回款、暂停、已取消。",
        "order.error.update_usage": "更新订单请提供订单号和新状态，例如 /order 更新 1234 已发货。",
        "order.error.note_too_long": "备注太长了：最多 {limit} 个字符。没有做任何更改。",
        "order.error.not_found": "找不到您可查看的订单 {number}。",
        "order.error.update_not_allowed": "只有销售内勤、主管和管理员可以更新订单，请联系内勤同事处理。",
        "order.error.already_in_status": "订单 {number} 已经是{status}状态，没有做任何更改。",
        "order.error.impossible_step": "订单 {number} 当前为{current}，不能改为{status}。下一步可以是：{allowed}。",
        "order.error.not_on_hold": "订单 {number} 当前为{current}，并未暂停，无需恢复。没有做任何更改。",
        "order.error.held_step_unknown": "订单 {number} 已暂停，但记录中没有暂停前的环节，请指明恢复到哪一步：{allowed}。没有做任何更改。",
        "notify.order_status_changed": "订单 {number}（{customer}）已更新为{after}（原为{before}），操作人：{by}。",
        "notify.note": "备注：{note}",
        "escalate.order_late.rep": "⚠️ 订单 {number}（{customer}）已超过承诺发货日期（{promised}）{days} 天。请与内勤确认，或用 /order 更新 {number} 状态。",
        "escalate.order_late.manager": "⚠️ 订单 {number}（{customer}，销售 {rep}）已超过承诺发货日期（{promised}）{days} 天，仍未发货。",
    },
}
