MESSAGES = {
    "en": {
        "order_change.help.title": "How to use /order change",
        "order_change.help": "*Order change requests*\n"
        "• `/order change 1234`: log a change the customer asked for (quantity, specification, "
        "delivery date or other), who asked and why; the desk decides\n"
        "• `/order change list`: the requests waiting for a decision that you can see\n"
        "• `/order change list 1234`: every change request of an order\n"
        "• `/order change accept 7 [note]`: accept request 7 (the desk, managers, admins)\n"
        "• `/order change decline 7 reason`: decline it, saying why\n"
        "An accepted delivery-date change moves the order's promised ship date. The requester, "
        "the order's rep and the customer's owner hear the outcome. "
        "Chinese works too: `/order 变更 1234`, `/order 变更 接受 7`, `/order 变更 拒绝 7 原因`.",
        "order_change.title": "Change request #{id} · order {number}",
        "order_change.kind.quantity": "Quantity",
        "order_change.kind.specification": "Specification",
        "order_change.kind.delivery_date": "Delivery date",
        "order_change.kind.other": "Other",
        "order_change.status.pending": "Waiting for the desk",
        "order_change.status.accepted": "Accepted",
        "order_change.status.declined": "Declined",
        "order_change.form.about": "Order {number} · {customer} · {status} · promised ship "
        "date {promised}",
        "order_change.form_failed": "Sorry, I could not open the form. Please try again.",
        "order_change.field.kind": "What changes",
        "order_change.field.description": "The change",
        "order_change.field.reason": "Why",
        "order_change.field.asked_by": "Asked by (at the customer)",
        "order_change.field.new_ship_on": "New promised ship date",
        "order_change.field.note": "Note",
        "order_change.placeholder.kind": "Choose",
        "order_change.placeholder.description": "e.g. 300 pcs instead of 200",
        "order_change.placeholder.reason": "e.g. their line runs a second shift from May",
        "order_change.placeholder.asked_by": "e.g. Jane Cooper, purchasing",
        "order_change.placeholder.date": "Pick a date",
        "order_change.placeholder.note_accept": "Anything the rep should know (optional)",
        "order_change.placeholder.note_decline": "Why not? The rep will read this.",
        "order_change.hint.new_ship_on": "Only for a delivery date change.",
        "order_change.modal.title": "Request a change",
        "order_change.modal.submit": "Send to the desk",
        "order_change.modal.cancel": "Cancel",
        "order_change.modal.close": "Done",
        "order_change.modal.done_title": "Order change",
        "order_change.accept.title": "Accept change #{id}",
        "order_change.accept.submit": "Accept",
        "order_change.decline.title": "Decline change #{id}",
        "order_change.decline.submit": "Decline",
        "order_change.button.accept": "Accept…",
        "order_change.button.decline": "Decline…",
        "order_change.done.requested": "Change request #{id} for order {number} is sent to the "
        "desk: {names}.",
        "order_change.done.accepted": "Change request #{id} for order {number} is accepted. "
        "Told: {names}.",
        "order_change.done.declined": "Change request #{id} for order {number} is declined. "
        "Told: {names}.",
        "order_change.line.order": "Order {number} · {customer}",
        "order_change.line.what": "{kind}: {description}",
        "order_change.line.reason": "Why: {reason}",
        "order_change.line.asked_by": "Asked by: {asked_by}",
        "order_change.line.ship_date": "Promised ship date: {old} → {new}",
        "order_change.line.requested": "Logged by {by} on {at}",
        "order_change.line.status": "Status: {status}",
        "order_change.line.note": "Desk's note: {note}",
        "order_change.list.title.order": "Change requests of order {number} ({total})",
        "order_change.list.title.pending": "Change requests waiting for the desk ({total})",
        "order_change.list.empty.order": "Order {number} has no change requests.",
        "order_change.list.empty.pending": "No change request you can see is waiting.",
        "order_change.list.line": "#{id} · order {number} · {customer} · {kind}: {description} "
        "· {status}",
        "order_change.list.more": "…and {count} more.",
        "order_change.problems": "Please fix these:",
        "order_change.notify.ask": "{requested_by} logged a change the customer asked for. "
        "Accept or decline it below.",
        "order_change.notify.decided.accepted": "✅ Accepted by {by} on {at}.",
        "order_change.notify.decided.declined": "❌ Declined by {by} on {at}.",
        "order_change.notify.outcome.accepted": "✅ Change request #{id} for order {number} was "
        "accepted by {by} on {at}.",
        "order_change.notify.outcome.declined": "❌ Change request #{id} for order {number} was "
        "declined by {by} on {at}.",
        "order_change.error.decide_usage": "To decide a change request, give its number, like "
        "/order change accept 7 or /order change decline 7 reason.",
        "order_change.error.order_closed": "Order {number} is {state}: it can't be changed any "
        "more.",
        "order_change.error.no_kind": "Choose what changes.",
        "order_change.error.no_description": "Describe the change.",
        "order_change.error.too_long": "That is too long: {limit} characters at most.",
        "order_change.error.no_asked_by": "Say who at the customer asked for it.",
        "order_change.error.no_new_date": "Pick the new promised ship date.",
        "order_change.error.date_past": "{day} is already past: pick a date from today on.",
        "order_change.error.bad_date": "“{text}” is not a date.",
        "order_change.error.date_without_kind": "A new ship date is only for a delivery date "
        "change: choose “Delivery date” or clear the date.",
        "order_change.error.already_shipped": "Order {number} has already shipped: its ship "
        "date can't change.",
        "order_change.error.same_date": "{day} is already the promised ship date.",
        "order_change.error.already_requested": "This change is already waiting for the desk: "
        "request #{id}. Nothing new was sent.",
        "order_change.error.note_missing": "Say why change request #{id} is declined: /order "
        "change decline {id} reason.",
        "order_change.error.order_moved_on": "Order {number} is {state} now, so its ship date "
        "can't move: decline the request instead.",
        "order_change.error.not_desk": "Only the desk or a manager of the order's team, or an "
        "admin, can decide change request #{id}.",
        "order_change.error.already_accepted": "Change request #{id} was already accepted, by "
        "{by} on {at}. Nothing was changed.",
        "order_change.error.already_declined": "Change request #{id} was already declined, by "
        "{by} on {at}. Nothing was changed.",
        "order_change.error.not_found": "I can't find a change request #{id} that you can see.",
    },
    "zh-CN": {
        "order_change.help.title": "/order change 使用说明",
        "order_change.help": "*订单变更申请*\n"
        "• `/order change 1234`：登记客户提出的变更（数量、规格、交期或其他），"
        "以及由谁提出、原因；由内勤决定\n"
        "• `/order change list`：您能看到的、等待决定的变更申请\n"
        "• `/order change list 1234`：某订单的全部变更申请\n"
        "• `/order change accept 7 [备注]`：接受第 7 号申请（内勤、主管、管理员）\n"
        "• `/order change decline 7 原因`：拒绝，并说明原因\n"
        "交期变更被接受后，订单的承诺发货日期随之更新。申请人、订单销售和客户负责人都会收到结果。"
        "中文指令同样可用：`/order 变更 1234`、`/order 变更 接受 7`、`/order 变更 拒绝 7 原因`。",
        "order_change.title": "变更申请 #{id} · 订单 {number}",
        "order_change.kind.quantity": "数量",
        "order_change.kind.specification": "规格",
        "order_change.kind.delivery_date": "交期",
        "order_change.kind.other": "其他",
        "order_change.status.pending": "等待内勤处理",
        "order_change.status.accepted": "已接受",
        "order_change.status.declined": "已拒绝",
        "order_change.form.about": "订单 {number} · {customer} · {status} · 承诺发货日期 {promised}",
        "order_change.form_failed": "抱歉，表单没能打开，请再试一次。",
        "order_change.field.kind": "变更内容",
        "order_change.field.description": "具体变更",
        "order_change.field.reason": "原因",
        "order_change.field.asked_by": "提出人（客户方）",
        "order_change.field.new_ship_on": "新的承诺发货日期",
        "order_change.field.note": "备注",
        "order_change.placeholder.kind": "请选择",
        "order_change.placeholder.description": "例如：数量由 200 件改为 300 件",
        "order_change.placeholder.reason": "例如：客户产线五月起增开一班",
        "order_change.placeholder.asked_by": "例如：采购部张伟",
        "order_change.placeholder.date": "选择日期",
        "order_change.placeholder.note_accept": "需要告诉销售的事项（可不填）",
        "order_change.placeholder.note_decline": "拒绝的原因？销售会看到。",
        "order_change.hint.new_ship_on": "仅交期变更需要填写。",
        "order_change.modal.title": "申请订单变更",
        "order_change.modal.submit": "提交给内勤",
        "order_change.modal.cancel": "取消",
        "order_change.modal.close": "完成",
        "order_change.modal.done_title": "订单变更",
        "order_change.accept.title": "接受变更 #{id}",
        "order_change.accept.submit": "接受",
        "order_change.decline.title": "拒绝变更 #{id}",
        "order_change.decline.submit": "拒绝",
        "order_change.button.accept": "接受…",
        "order_change.button.decline": "拒绝…",
        "order_change.done.requested": "订单 {number} 的变更申请 #{id} 已提交给内勤：{names}。",
        "order_change.done.accepted": "订单 {number} 的变更申请 #{id} 已接受。已通知：{names}。",
        "order_change.done.declined": "订单 {number} 的变更申请 #{id} 已拒绝。已通知：{names}。",
        "order_change.line.order": "订单 {number} · {customer}",
        "order_change.line.what": "{kind}：{description}",
        "order_change.line.reason": "原因：{reason}",
        "order_change.line.asked_by": "提出人：{asked_by}",
        "order_change.line.ship_date": "承诺发货日期：{old} → {new}",
        "order_change.line.requested": "{by} 于 {at} 登记",
        "order_change.line.status": "状态：{status}",
        "order_change.line.note": "内勤备注：{note}",
        "order_change.list.title.order": "订单 {number} 的变更申请（{total}）",
        "order_change.list.title.pending": "等待内勤处理的变更申请（{total}）",
        "order_change.list.empty.order": "订单 {number} 没有变更申请。",
        "order_change.list.empty.pending": "没有您能看到的待处理变更申请。",
        "order_change.list.line": "#{id} · 订单 {number} · {customer} · {kind}：{description} "
        "· {status}",
        "order_change.list.more": "……还有 {count} 条。",
        "order_change.problems": "请修改以下内容：",
        "order_change.notify.ask": "{requested_by} 登记了客户提出的变更，请在下方接受或拒绝。",
        "order_change.notify.decided.accepted": "✅ {by} 于 {at} 接受。",
        "order_change.notify.decided.declined": "❌ {by} 于 {at} 拒绝。",
        "order_change.notify.outcome.accepted": "✅ 订单 {number} 的变更申请 #{id} 已由 {by} "
        "于 {at} 接受。",
        "order_change.notify.outcome.declined": "❌ 订单 {number} 的变更申请 #{id} 已由 {by} "
        "于 {at} 拒绝。",
        "order_change.error.decide_usage": "处理变更申请时请写明编号，例如 /order change accept 7 "
        "或 /order change decline 7 原因。",
        "order_change.error.order_closed": "订单 {number} 的状态是{state}，已不能再变更。",
        "order_change.error.no_kind": "请选择变更内容。",
        "order_change.error.no_description": "请描述具体变更。",
        "order_change.error.too_long": "内容太长了：最多 {limit} 个字符。",
        "order_change.error.no_asked_by": "请写明客户方由谁提出。",
        "order_change.error.no_new_date": "请选择新的承诺发货日期。",
        "order_change.error.date_past": "{day} 已经过去了，请选择今天或以后的日期。",
        "order_change.error.bad_date": "“{text}”不是日期。",
        "order_change.error.date_without_kind": "新的发货日期仅用于交期变更：请选择“交期”，或清空日期。",
        "order_change.error.already_shipped": "订单 {number} 已经发货，发货日期不能再改。",
        "order_change.error.same_date": "{day} 已经是承诺发货日期了。",
        "order_change.error.already_requested": "这项变更已在等待内勤处理：申请 #{id}。未重复提交。",
        "order_change.error.note_missing": "请说明拒绝变更申请 #{id} 的原因："
        "/order change decline {id} 原因。",
        "order_change.error.order_moved_on": "订单 {number} 现在的状态是{state}，"
        "发货日期已不能调整，请改为拒绝该申请。",
        "order_change.error.not_desk": "只有订单所属团队的内勤或主管，或管理员可以处理变更申请 #{id}。",
        "order_change.error.already_accepted": "变更申请 #{id} 已由 {by} 于 {at} 接受。未做任何更改。",
        "order_change.error.already_declined": "变更申请 #{id} 已由 {by} 于 {at} 拒绝。未做任何更改。",
        "order_change.error.not_found": "找不到您能查看的变更申请 #{id}。",
    },
}
