MESSAGES = {
    "en": {
        "sample.help.title": "How to use /sample",
        "sample.help": "*Sample requests*\n"
        "• `/sample`: open the request form (customer search, quantity, purpose, needed-by date)\n"
        "• `/sample C-1001; M8 bolts 304; 200; trial run; by next Friday`: request in one line\n"
        "• `/sample list`: the open requests you can see\n"
        "• `/sample 12`: one request, its history and what you can do with it\n"
        "*The one-line form*: parts separated by `;` (or `；`). The customer (code or part of "
        "the name) comes first; then, in any order:\n"
        "• the product, like `M8 bolts 304`\n"
        "• the quantity, a number like `200` or `200 pcs` (another unit, like `2 kg`, is kept "
        "with the product)\n"
        "• when it is needed: `by next Friday`, `Dec 3`, `2025-12-03`\n"
        "• why: any other text is the purpose\n"
        "Labels make a part explicit: `qty: 200`, `product: …`, `purpose: …`, `by: …`. "
        "Chinese works too: `/sample 华联; 螺栓M8; 200; 试产; 下周五前`.\n"
        "*Along the way*\n"
        "• Your manager approves or rejects it (`/sample approve 12`, `/sample reject 12 reason`)\n"
        "• The desk ships it: `/sample ship 12 SF1234567890`\n"
        "• `/sample delivered 12` once the customer has it\n"
        "• `/sample feedback 12 what the customer said`\n"
        "Everyone concerned hears about each step; the buttons in those messages do the same.",
        "sample.modal.title": "Request a sample",
        "sample.modal.submit": "Request",
        "sample.modal.cancel": "Cancel",
        "sample.modal.close": "Done",
        "sample.field.customer": "Customer",
        "sample.field.product": "Product",
        "sample.field.quantity": "Quantity",
        "sample.field.purpose": "Purpose",
        "sample.field.needed_by": "Needed by",
        "sample.field.requested_by": "Requested by",
        "sample.field.status": "Status",
        "sample.field.tracking": "Tracking number",
        "sample.field.reason": "Reason",
        "sample.field.feedback": "Customer's feedback",
        "sample.placeholder.product": "e.g. M8 bolts, stainless 304",
        "sample.placeholder.quantity": "e.g. 200",
        "sample.placeholder.purpose": "e.g. trial run on their new line",
        "sample.placeholder.needed_by": "Pick a date",
        "sample.placeholder.tracking": "e.g. SF1234567890",
        "sample.placeholder.reason": "Why not? The requester will read this.",
        "sample.placeholder.feedback": "What did the customer think? Any next step?",
        "sample.hint.quantity": "A count; put any other unit in the product, like “Resin (kg)”.",
        "sample.hint.needed_by": "Leave empty if there is no deadline.",
        "sample.status.requested": "Awaiting approval",
        "sample.status.approved": "Approved, to ship",
        "sample.status.rejected": "Rejected",
        "sample.status.shipped": "Shipped",
        "sample.status.delivered": "Delivered",
        "sample.status.feedback": "Feedback recorded",
        "sample.button.approve": "Approve",
        "sample.button.reject": "Reject…",
        "sample.button.ship": "Mark shipped…",
        "sample.button.deliver": "Mark delivered",
        "sample.button.feedback": "Record feedback…",
        "sample.title": "Sample #{id} · {customer}",
        "sample.line.product": "{product} × {quantity}",
        "sample.line.customer": "Customer: {customer} ({code})",
        "sample.line.purpose": "Purpose: {purpose}",
        "sample.line.needed_by": "Needed by: {day}",
        "sample.line.no_deadline": "Needed by: no deadline",
        "sample.line.requested_by": "Requested by {rep} on {at}",
        "sample.line.status": "Status: {status}",
        "sample.line.waiting_for": "Waiting for: {names}",
        "sample.line.reason": "Reason: {reason}",
        "sample.line.feedback": "Feedback: {feedback}",
        "sample.history.approve": "Approved by {by} on {at}",
        "sample.history.reject": "Rejected by {by} on {at}",
        "sample.history.ship": "Shipped by {by} on {at} · tracking {tracking}",
        "sample.history.deliver": "Delivered, marked by {by} on {at}",
        "sample.history.feedback": "Feedback recorded by {by} on {at}",
        "sample.notify.ask": "{rep} asks for a sample for {customer}. Approve or reject it below.",
        "sample.notify.ask_as_admin": "You get this as an admin: {rep} has no manager in Sales "
        "Desk.",
        "sample.notify.ask_as_admin.manager": "You get this as an admin: {rep} manages their "
        "team, and nobody approves their own request.",
        "sample.notify.ask_as_admin.admin": "You get this as an admin: {rep} is an admin too, and "
        "nobody approves their own request.",
        "sample.notify.decided.approved": "✅ Approved by {by} on {at}.",
        "sample.notify.decided.rejected": "❌ Rejected by {by} on {at}.",
        "sample.notify.decision.approved": "✅ Your sample request #{id} ({product} for "
        "{customer}) was approved by {by}. The desk has been asked to ship it.",
        "sample.notify.decision.rejected": "❌ Your sample request #{id} ({product} for "
        "{customer}) was rejected by {by}.",
        "sample.notify.to_ship": "📦 Sample #{id} for {customer} was approved by {by}. Please "
        "ship it and enter the tracking number.",
        "sample.notify.progress.shipped": "🚚 Shipped by {by} on {at} · tracking {tracking}. "
        "Mark it delivered once the customer has it.",
        "sample.notify.progress.delivered": "📬 Delivered, marked by {by} on {at}.",
        "sample.notify.progress.feedback": "💬 Feedback recorded by {by} on {at}.",
        "sample.notify.shipped": "🚚 Your sample #{id} ({product} for {customer}) was shipped "
        "by {by}: tracking {tracking}. Mark it delivered once the customer has it.",
        "sample.notify.delivered": "📬 Sample #{id} ({product}) reached {customer}. What did the "
        "customer think? Record their feedback.",
        "sample.notify.feedback": "💬 {by} recorded the customer's feedback on sample #{id} "
        "({product} for {customer}).",
        "sample.requested.title": "Sample requested",
        "sample.requested.to_manager": "Request #{id} sent to {names} for approval. You will "
        "hear as soon as it is decided.",
        "sample.requested.to_admins": "You have no manager in Sales Desk, so request #{id} went "
        "to the admins ({names}) for approval. You will hear as soon as it is decided.",
        "sample.requested.to_nobody": "Request #{id} is recorded, but there is no manager or "
        "admin to approve it. Ask an admin to set up your manager.",
        "sample.requested.to_admins.manager": "You manage your team and nobody approves their "
        "own request, so request #{id} went to the admins ({names}) for approval. You will hear "
        "as soon as it is decided.",
        "sample.requested.to_admins.admin": "Nobody approves their own request, so request #{id} "
        "went to the other admins ({names}) for approval. You will hear as soon as it is decided.",
        "sample.requested.to_nobody.manager": "Request #{id} is recorded, but nobody approves "
        "their own request and there is no admin to approve it. Ask for a manager of your own "
        "to be set up, or for an admin to be added.",
        "sample.requested.to_nobody.admin": "Request #{id} is recorded, but nobody approves their "
        "own request and there is no other admin to approve it. Add another admin, or set up a "
        "manager for yourself.",
        "sample.done.approved": "Sample #{id} approved. {rep} and the desk have been told.",
        "sample.done.rejected": "Sample #{id} rejected. {rep} has been told, with your reason.",
        "sample.done.shipped": "Sample #{id} marked shipped (tracking {tracking}). {rep} has "
        "been told.",
        "sample.done.delivered": "Sample #{id} marked delivered. {rep} has been asked for the "
        "customer's feedback.",
        "sample.done.delivered_self": "Sample #{id} marked delivered. Record the customer's "
        "feedback when you have it: /sample feedback {id} …",
        "sample.done.feedback": "Feedback on sample #{id} recorded. Thank you!",
        "sample.reject.title": "Reject sample #{id}",
        "sample.reject.submit": "Reject",
        "sample.ship.title": "Ship sample #{id}",
        "sample.ship.submit": "Mark shipped",
        "sample.feedback.title": "Feedback on #{id}",
        "sample.feedback.submit": "Record",
        "sample.form.about": "{product} × {quantity} for {customer}, requested by {rep}",
        "sample.list.title": "Open sample requests ({total})",
        "sample.list.empty": "No open sample requests you can see. Request one with /sample.",
        "sample.list.line": "#{id} · {customer} · {product} × {quantity} · {status} · {needed}",
        "sample.list.more": "…and {count} more.",
        "sample.list.no_deadline": "no deadline",
        "sample.list.needed": "needed by {day}",
        "sample.choice.several": "Several customers match “{query}”: {names}. Pick the right "
        "one in the form I just opened; the rest is filled in.",
        "sample.choice.more": " (and more)",
        "sample.choice.none": "No customer you can see matches “{query}”. Nothing was "
        "requested. Use the customer's code (like C-1001), or /sample alone for a form with "
        "search.",
        "sample.choice.close": "No customer you can see matches “{query}”. Did you mean: "
        "{names}? Nothing was requested; send it again with the code in front.",
        "sample.form_failed": "Sorry, I couldn't open the form just now. Try again, or use the "
        "one-line form: /sample help shows how.",
        "sample.problems": "Nothing was requested:",
        "sample.error.customer_first": "Start with the customer, like /sample C-1001; M8 bolts; "
        "200.",
        "sample.error.no_parts": "I can't find a customer called “{text}”. To request a sample "
        "in one line, separate the parts with ;, like /sample C-1001; M8 bolts; 200; trial "
        "run. /sample alone opens a form.",
        "sample.error.bad_id": "“{word}” is not a sample number: use the number shown, like 12.",
        "sample.error.show_usage": "Which sample? Add its number, like /sample show 12.",
        "sample.error.approve_usage": "Which sample? Add its number, like /sample approve 12.",
        "sample.error.reject_usage": "Which sample? Add its number and a reason, like /sample "
        "reject 12 not a fit for this customer.",
        "sample.error.ship_usage": "Which sample? Add its number and the tracking number, like "
        "/sample ship 12 SF1234567890.",
        "sample.error.deliver_usage": "Which sample? Add its number, like /sample delivered 12.",
        "sample.error.feedback_usage": "Which sample? Add its number and what the customer "
        "said, like /sample feedback 12 they will order 5,000.",
        "sample.error.bad_quantity": "“{text}” is not a quantity: give a number, like 200.",
        "sample.error.quantity_not_positive": "The quantity must be more than 0 (“{text}”).",
        "sample.error.quantity_decimals": "“{text}” has too many decimals: 3 at most.",
        "sample.error.quantity_too_large": "“{text}” is far too many for a sample. Check the "
        "quantity.",
        "sample.error.no_quantity": "How many? Give the quantity as a number, like 200.",
        "sample.error.no_quantity_in_line": "How many? Add the quantity as its own part, like "
        "/sample C-1001; M8 bolts; 200. Nothing was requested.",
        "sample.error.no_product": "Which product? Name the sample, like “M8 bolts 304”.",
        "sample.error.no_product_in_line": "Which product? Add it as its own part, like "
        "/sample C-1001; M8 bolts; 200. Nothing was requested.",
        "sample.error.product_too_long": "The product name is too long: {limit} characters at "
        "most.",
        "sample.error.purpose_too_long": "The purpose is too long: {limit} characters at most.",
        "sample.error.two_quantity": "Two quantities are given (“{first}” and “{second}”). Keep "
        "one; a product that is just a number needs a word, like “Alloy 6061”.",
        "sample.error.two_needed_by": "Two needed-by dates are given (“{first}” and "
        "“{second}”). Keep one.",
        "sample.error.two_product": "Two products are given (“{first}” and “{second}”). Request "
        "them one at a time.",
        "sample.error.two_purpose": "The purpose is labelled twice (“{first}” and “{second}”). "
        "Keep one.",
        "sample.error.empty_label": "“{part}” has a label but nothing after it.",
        "sample.error.bad_date": "I can't read “{text}” as a date. Try “next Friday”, “Dec 3” "
        "or “2025-12-03”.",
        "sample.error.no_customer": "Pick a customer.",
        "sample.error.unknown_customer": "I can't find that customer among those you can see. "
        "Pick one from the list.",
        "sample.error.needed_by_past": "The needed-by date is in the past. Pick today or later.",
        "sample.error.already_requested": "You already requested exactly this sample: #{id}, "
        "still waiting for approval. Nothing new was requested.",
        "sample.error.not_found": "I can't find a sample #{id} that you can see.",
        "sample.error.own_request": "You can't decide your own sample request #{id}: your "
        "manager does.",
        "sample.error.admins_decide": "Only an admin can approve or reject sample #{id}. "
        "Nothing was changed.",
        "sample.error.not_your_decision": "Only {manager} (the requester's manager) or an admin "
        "can approve or reject sample #{id}. Nothing was changed.",
        "sample.error.ship_not_allowed": "Only the sales desk, managers and admins can ship "
        "samples. Nothing was changed.",
        "sample.error.deliver_not_allowed": "Only the sales desk, managers, admins and {rep}, "
        "who asked for it, can mark this sample delivered. Nothing was changed.",
        "sample.error.feedback_not_allowed": "Only {rep}, who asked for this sample, the "
        "customer's rep or an admin can record its feedback. Nothing was changed.",
        "sample.error.already_approved": "Sample #{id} was already approved by {by} on {at}. "
        "Nothing was changed.",
        "sample.error.already_rejected": "Sample #{id} was already rejected by {by} on {at}. "
        "Nothing was changed.",
        "sample.error.not_approved_yet": "Sample #{id} is still waiting for approval. Nothing "
        "was changed.",
        "sample.error.already_shipped": "Sample #{id} was already shipped by {by} on {at} "
        "(tracking {tracking}). Nothing was changed.",
        "sample.error.not_shipped_yet": "Sample #{id} has not been shipped yet. Nothing was "
        "changed.",
        "sample.error.already_delivered": "Sample #{id} was already marked delivered by {by} on "
        "{at}. Nothing was changed.",
        "sample.error.not_delivered_yet": "Sample #{id} is shipped but not marked delivered "
        "yet: mark it delivered first (/sample delivered {id}).",
        "sample.error.already_feedback": "The feedback on sample #{id} was already recorded by "
        "{by} on {at}. Nothing was changed.",
        "sample.error.reason_missing": "Please give a reason: the requester will read it.",
        "sample.error.reason_too_long": "The reason is too long: {limit} characters at most.",
        "sample.error.tracking_missing": "Please enter the tracking number.",
        "sample.error.tracking_too_long": "The tracking number is too long: {limit} characters "
        "at most.",
        "sample.error.feedback_missing": "Please write what the customer said.",
        "sample.error.feedback_too_long": "The feedback is too long: {limit} characters at most.",
        "remind.sample_ship": "📦 Sample #{id} ({product} for {customer}) is needed by {needed_by} and not shipped yet. Ship it with /sample ship {id} TRACKING.",
        "remind.sample_approve": "📦 Sample #{id} ({product} for {customer}) is needed by {needed_by} and still waits for approval.",
        "escalate.sample_approval": "⚠️ Sample #{id} requested by {rep} ({product} for {customer}) has waited more than {hours} hours for your approval. Approve or reject it from the request message or with /sample.",
    },
    "zh-CN": {
        "sample.help.title": "/sample 使用说明",
        "sample.help": "*样品申请*\n"
        "• `/sample`：打开申请表单（可搜索客户，填写数量、用途、需要日期）\n"
        "• `/sample 华联；螺栓M8；200；试产；下周五前`：一行提交申请\n"
        "• `/sample 列表`：您能看到的未完成样品申请\n"
        "• `/sample 12`：查看某个申请、它的进展以及您可以做的操作\n"
        "*一行格式*：各部分用 `;` 或 `；` 分隔。客户（编码或名称的一部分）放在最前面，其余部分"
        "顺序不限：\n"
        "• 产品，例如 `螺栓M8`\n"
        "• 数量，数字，例如 `200` 或 `200个`（其他单位如 `2 kg` 会并入产品名称）\n"
        "• 需要日期：`下周五前`、`12月3日`、`2025-12-03`\n"
        "• 用途：其余文字都算作用途\n"
        "也可加标签：`数量：200`、`产品：…`、`用途：…`、`日期：…`。"
        "英文同样可以：`/sample C-1001; M8 bolts 304; 200; trial run; by next Friday`。\n"
        "*后续流程*\n"
        "• 主管批准或拒绝（`/sample 批准 12`、`/sample 拒绝 12 原因`）\n"
        "• 内勤发货：`/sample 发货 12 SF1234567890`\n"
        "• 客户收到后：`/sample 送达 12`\n"
        "• 记录客户反馈：`/sample 反馈 12 客户的评价`\n"
        "每一步都会通知相关人员；消息里的按钮也可以完成同样的操作。",
        "sample.modal.title": "申请样品",
        "sample.modal.submit": "提交申请",
        "sample.modal.cancel": "取消",
        "sample.modal.close": "完成",
        "sample.field.customer": "客户",
        "sample.field.product": "产品",
        "sample.field.quantity": "数量",
        "sample.field.purpose": "用途",
        "sample.field.needed_by": "需要日期",
        "sample.field.requested_by": "申请人",
        "sample.field.status": "状态",
        "sample.field.tracking": "运单号",
        "sample.field.reason": "原因",
        "sample.field.feedback": "客户反馈",
        "sample.placeholder.product": "例如：螺栓M8，304不锈钢",
        "sample.placeholder.quantity": "例如：200",
        "sample.placeholder.purpose": "例如：新产线试产",
        "sample.placeholder.needed_by": "选择日期",
        "sample.placeholder.tracking": "例如：SF1234567890",
        "sample.placeholder.reason": "为什么不批准？申请人会看到这段说明。",
        "sample.placeholder.feedback": "客户怎么评价？下一步是什么？",
        "sample.hint.quantity": "填件数；其他单位请写进产品名称，例如“树脂（kg）”。",
        "sample.hint.needed_by": "没有截止日期可以不填。",
        "sample.status.requested": "待审批",
        "sample.status.approved": "已批准，待发货",
        "sample.status.rejected": "已拒绝",
        "sample.status.shipped": "已发货",
        "sample.status.delivered": "已送达",
        "sample.status.feedback": "已反馈",
        "sample.button.approve": "批准",
        "sample.button.reject": "拒绝…",
        "sample.button.ship": "标记已发货…",
        "sample.button.deliver": "标记已送达",
        "sample.button.feedback": "记录反馈…",
        "sample.title": "样品 #{id} · {customer}",
        "sample.line.product": "{product} × {quantity}",
        "sample.line.customer": "客户：{customer}（{code}）",
        "sample.line.purpose": "用途：{purpose}",
        "sample.line.needed_by": "需要日期：{day}",
        "sample.line.no_deadline": "需要日期：无",
        "sample.line.requested_by": "{rep} 于 {at} 申请",
        "sample.line.status": "状态：{status}",
        "sample.line.waiting_for": "等待审批人：{names}",
        "sample.line.reason": "原因：{reason}",
        "sample.line.feedback": "反馈：{feedback}",
        "sample.history.approve": "{by} 于 {at} 批准",
        "sample.history.reject": "{by} 于 {at} 拒绝",
        "sample.history.ship": "{by} 于 {at} 发货 · 运单号 {tracking}",
        "sample.history.deliver": "{by} 于 {at} 标记已送达",
        "sample.history.feedback": "{by} 于 {at} 记录了反馈",
        "sample.notify.ask": "{rep} 为 {customer} 申请样品，请在下方批准或拒绝。",
        "sample.notify.ask_as_admin": "您以管理员身份收到此申请：{rep} 在销售内勤系统中没有设置主管。",
        "sample.notify.ask_as_admin.manager": "您以管理员身份收到此申请：{rep} 是团队主管，不能审批自己的申请。",
        "sample.notify.ask_as_admin.admin": "您以管理员身份收到此申请：{rep} 也是管理员，不能审批自己的申请。",
        "sample.notify.decided.approved": "✅ {by} 已于 {at} 批准。",
        "sample.notify.decided.rejected": "❌ {by} 已于 {at} 拒绝。",
        "sample.notify.decision.approved": "✅ 您的样品申请 #{id}（{customer} 的 {product}）已由 "
        "{by} 批准，已通知内勤发货。",
        "sample.notify.decision.rejected": "❌ 您的样品申请 #{id}（{customer} 的 {product}）被 "
        "{by} 拒绝。",
        "sample.notify.to_ship": "📦 {customer} 的样品 #{id} 已由 {by} 批准，请发货并填写运单号。",
        "sample.notify.progress.shipped": "🚚 {by} 已于 {at} 发货 · 运单号 {tracking}。客户收到后请"
        "标记已送达。",
        "sample.notify.progress.delivered": "📬 {by} 已于 {at} 标记已送达。",
        "sample.notify.progress.feedback": "💬 {by} 已于 {at} 记录了反馈。",
        "sample.notify.shipped": "🚚 您的样品 #{id}（{customer} 的 {product}）已由 {by} 发出，"
        "运单号 {tracking}。客户收到后请标记已送达。",
        "sample.notify.delivered": "📬 样品 #{id}（{product}）已送达 {customer}。客户怎么评价？"
        "请记录反馈。",
        "sample.notify.feedback": "💬 {by} 记录了客户对样品 #{id}（{customer} 的 {product}）的"
        "反馈。",
        "sample.requested.title": "样品申请已提交",
        "sample.requested.to_manager": "申请 #{id} 已提交给 {names} 审批，有结果会马上通知您。",
        "sample.requested.to_admins": "您在系统中没有设置主管，所以申请 #{id} 已提交给管理员"
        "（{names}）审批，有结果会马上通知您。",
        "sample.requested.to_nobody": "申请 #{id} 已记录，但没有主管或管理员可以审批。请联系管理员"
        "为您设置主管。",
        "sample.requested.to_admins.manager": "您是团队主管，不能审批自己的申请，所以申请 #{id} "
        "已提交给管理员（{names}）审批，有结果会马上通知您。",
        "sample.requested.to_admins.admin": "任何人都不能审批自己的申请，所以申请 #{id} "
        "已提交给其他管理员（{names}）审批，有结果会马上通知您。",
        "sample.requested.to_nobody.manager": "申请 #{id} 已记录，但任何人都不能审批自己的申请，"
        "而系统中没有管理员可以审批。请为您设置主管，或添加一位管理员。",
        "sample.requested.to_nobody.admin": "申请 #{id} 已记录，但任何人都不能审批自己的申请，"
        "而系统中没有其他管理员可以审批。请添加一位管理员，或为您设置主管。",
        "sample.done.approved": "已批准样品 #{id}，已通知 {rep} 和内勤。",
        "sample.done.rejected": "已拒绝样品 #{id}，已将原因告知 {rep}。",
        "sample.done.shipped": "样品 #{id} 已标记为已发货（运单号 {tracking}），已通知 {rep}。",
        "sample.done.delivered": "样品 #{id} 已标记为已送达，已请 {rep} 记录客户反馈。",
        "sample.done.delivered_self": "样品 #{id} 已标记为已送达。收到客户反馈后请记录："
        "/sample 反馈 {id} …",
        "sample.done.feedback": "已记录样品 #{id} 的反馈，谢谢！",
        "sample.reject.title": "拒绝样品 #{id}",
        "sample.reject.submit": "拒绝",
        "sample.ship.title": "样品 #{id} 发货",
        "sample.ship.submit": "标记已发货",
        "sample.feedback.title": "样品 #{id} 反馈",
        "sample.feedback.submit": "记录",
        "sample.form.about": "{customer} 的 {product} × {quantity}，申请人 {rep}",
        "sample.list.title": "未完成的样品申请（{total}）",
        "sample.list.empty": "没有您能看到的未完成样品申请。用 /sample 提交一个吧。",
        "sample.list.line": "#{id} · {customer} · {product} × {quantity} · {status} · {needed}",
        "sample.list.more": "……还有 {count} 条。",
        "sample.list.no_deadline": "无截止日期",
        "sample.list.needed": "需要日期 {day}",
        "sample.choice.several": "有多个客户匹配“{query}”：{names}。请在刚打开的表单中选择正确的"
        "客户，其余内容已填好。",
        "sample.choice.more": "（还有更多）",
        "sample.choice.none": "您能看到的客户中没有匹配“{query}”的，未提交申请。请使用客户编码"
        "（例如 C-1001），或只输入 /sample 打开可搜索客户的表单。",
        "sample.choice.close": "您能看到的客户中没有匹配“{query}”的。您是不是要找：{names}？"
        "未提交申请；请在前面加上客户编码重新发送。",
        "sample.form_failed": "抱歉，表单暂时打不开。请重试，或使用一行格式：/sample 帮助 查看用法。",
        "sample.problems": "未提交申请：",
        "sample.error.customer_first": "请先写客户，例如 /sample 华联；螺栓M8；200。",
        "sample.error.no_parts": "找不到名为“{text}”的客户。一行申请样品时请用 ; 分隔各部分，例如 "
        "/sample 华联；螺栓M8；200；试产。只输入 /sample 会打开表单。",
        "sample.error.bad_id": "“{word}”不是样品编号：请使用显示的编号，例如 12。",
        "sample.error.show_usage": "是哪个样品？请加上编号，例如 /sample 查看 12。",
        "sample.error.approve_usage": "是哪个样品？请加上编号，例如 /sample 批准 12。",
        "sample.error.reject_usage": "是哪个样品？请加上编号和原因，例如 /sample 拒绝 12 不适合该客户。",
        "sample.error.ship_usage": "是哪个样品？请加上编号和运单号，例如 /sample 发货 12 SF1234567890。",
        "sample.error.deliver_usage": "是哪个样品？请加上编号，例如 /sample 送达 12。",
        "sample.error.feedback_usage": "是哪个样品？请加上编号和客户的评价，例如 /sample 反馈 12 "
        "客户准备下单5000件。",
        "sample.error.bad_quantity": "“{text}”不是数量：请填写数字，例如 200。",
        "sample.error.quantity_not_positive": "数量必须大于 0（“{text}”）。",
        "sample.error.quantity_decimals": "“{text}”的小数位太多：最多 3 位。",
        "sample.error.quantity_too_large": "“{text}”作为样品数量太大了，请检查。",
        "sample.error.no_quantity": "要多少？请填写数量，例如 200。",
        "sample.error.no_quantity_in_line": "要多少？请把数量作为单独一部分，例如 /sample 华联；"
        "螺栓M8；200。未提交申请。",
        "sample.error.no_product": "什么产品？请填写样品名称，例如“螺栓M8 304”。",
        "sample.error.no_product_in_line": "什么产品？请把产品作为单独一部分，例如 /sample 华联；"
        "螺栓M8；200。未提交申请。",
        "sample.error.product_too_long": "产品名称太长了：最多 {limit} 个字符。",
        "sample.error.purpose_too_long": "用途太长了：最多 {limit} 个字符。",
        "sample.error.two_quantity": "写了两个数量（“{first}”和“{second}”），请保留一个；如果产品名称"
        "只是数字，请加上文字，例如“铝合金6061”。",
        "sample.error.two_needed_by": "写了两个需要日期（“{first}”和“{second}”），请保留一个。",
        "sample.error.two_product": "写了两个产品（“{first}”和“{second}”），请分开申请。",
        "sample.error.two_purpose": "用途标了两次（“{first}”和“{second}”），请保留一个。",
        "sample.error.empty_label": "“{part}”有标签但后面没有内容。",
        "sample.error.bad_date": "看不懂日期“{text}”。可以写“下周五”、“12月3日”或“2025-12-03”。",
        "sample.error.no_customer": "请选择客户。",
        "sample.error.unknown_customer": "在您能查看的客户中找不到这个客户，请从列表中选择。",
        "sample.error.needed_by_past": "需要日期已经过去了，请选择今天或以后的日期。",
        "sample.error.already_requested": "您已经提交过完全相同的样品申请：#{id}，仍在等待审批。"
        "没有重复提交。",
        "sample.error.not_found": "找不到您能查看的样品 #{id}。",
        "sample.error.own_request": "您不能审批自己的样品申请 #{id}，应由您的主管审批。",
        "sample.error.admins_decide": "只有管理员可以批准或拒绝样品 #{id}。没有做任何更改。",
        "sample.error.not_your_decision": "只有 {manager}（申请人的主管）或管理员可以批准或拒绝样品 "
        "#{id}。没有做任何更改。",
        "sample.error.ship_not_allowed": "只有销售内勤、主管和管理员可以发货。没有做任何更改。",
        "sample.error.deliver_not_allowed": "只有销售内勤、主管、管理员和申请人 {rep} 可以标记此样品"
        "已送达。没有做任何更改。",
        "sample.error.feedback_not_allowed": "只有申请人 {rep}、客户的负责销售或管理员可以记录此样品的"
        "反馈。没有做任何更改。",
        "sample.error.already_approved": "样品 #{id} 已由 {by} 于 {at} 批准。没有做任何更改。",
        "sample.error.already_rejected": "样品 #{id} 已由 {by} 于 {at} 拒绝。没有做任何更改。",
        "sample.error.not_approved_yet": "样品 #{id} 仍在等待审批。没有做任何更改。",
        "sample.error.already_shipped": "样品 #{id} 已由 {by} 于 {at} 发货（运单号 {tracking}）。"
        "没有做任何更改。",
        "sample.error.not_shipped_yet": "样品 #{id} 还没有发货。没有做任何更改。",
        "sample.error.already_delivered": "样品 #{id} 已由 {by} 于 {at} 标记已送达。没有做任何更改。",
        "sample.error.not_delivered_yet": "样品 #{id} 已发货但还没有标记已送达：请先标记已送达"
        "（/sample 送达 {id}）。",
        "sample.error.already_feedback": "样品 #{id} 的反馈已由 {by} 于 {at} 记录。没有做任何更改。",
        "sample.error.reason_missing": "请填写原因，申请人会看到。",
        "sample.error.reason_too_long": "原因太长了：最多 {limit} 个字符。",
        "sample.error.tracking_missing": "请填写运单号。",
        "sample.error.tracking_too_long": "运单号太长了：最多 {limit} 个字符。",
        "sample.error.feedback_missing": "请填写客户的评价。",
        "sample.error.feedback_too_long": "反馈太长了：最多 {limit} 个字符。",
        "remind.sample_ship": "📦 样品 #{id}（{customer} 的 {product}）需在 {needed_by} 前送到，尚未发货。请用 /sample ship {id} 运单号 发货。",
        "remind.sample_approve": "📦 样品 #{id}（{customer} 的 {product}）需在 {needed_by} 前送到，仍在等待审批。",
        "escalate.sample_approval": "⚠️ {rep} 申请的样品 #{id}（{customer} 的 {product}）等待您审批已超过 {hours} 小时。请在申请消息中或用 /sample 批准或驳回。",
    },
}
