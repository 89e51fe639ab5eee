MESSAGES = {
    "en": {
        "receivable.help.title": "How to use /receivable",
        "receivable.help": "*Receivables*\n"
        "• `/receivable`: every open invoice you can see, most overdue first, with its aging per "
        "currency\n"
        "• `/receivable mine`: the invoices of your own customers\n"
        "• `/receivable overdue`: those past their due date\n"
        "• `/receivable ACME`: those of a customer, by code or part of the name\n"
        "• `/receivable INV-2024-001`: one invoice and the payments received on it\n"
        "• `/receivable pay INV-2024-001 5,000 yesterday TT20241120`: record a payment (desk and "
        "admins). The amount is in the invoice's currency (`all` pays what is still open); then, "
        "if you like, the day it was paid (default: today) and a reference such as the bank "
        "transfer number. Part payments are fine.\n"
        "Once an invoice is paid in full, its order moves from Invoiced to Paid and the rep hears "
        "about it. The aging buckets (days overdue) are a team setting, `aging_buckets` "
        "(default 30,60,90).",
        "receivable.list.title.all": "Open invoices",
        "receivable.list.title.mine": "Your customers' open invoices",
        "receivable.list.title.overdue": "Overdue invoices",
        "receivable.list.title.customer": "Open invoices matching “{query}”",
        "receivable.list.empty.all": "Nothing is open: every invoice you can see is paid. 🎉",
        "receivable.list.empty.mine": "None of your customers owes anything right now.",
        "receivable.list.empty.overdue": "No overdue invoices. Nice!",
        "receivable.list.empty.customer": "No open invoices of a customer matching “{query}” "
        "that you can see.",
        "receivable.list.header": "{title} ({total})",
        "receivable.list.more": "…and {count} more, counted in the aging below. Narrow it down "
        "with /receivable overdue, mine or a customer.",
        "receivable.list.unpaid": "{open} open",
        "receivable.list.partly_paid": "{open} open of {amount}",
        "receivable.list.line": "{number} · {customer} · {owed} · due {due} ({age})",
        "receivable.list.line_overdue": ":warning: {number} · {customer} · {owed} · due {due} "
        "({age})",
        "receivable.aging.title": "*Aging · {currency}*: {count} open, {total} in all, "
        "{overdue} overdue",
        "receivable.aging.per_currency": "Each currency is totalled on its own; amounts in "
        "different currencies are never added up.",
        "receivable.bucket.not_due": "Not yet due",
        "receivable.bucket.range": "{low}–{high} days overdue",
        "receivable.bucket.over": "Over {days} days overdue",
        "receivable.age.due_today": "due today",
        "receivable.age.due_tomorrow": "due tomorrow",
        "receivable.age.due_in": "due in {days} days",
        "receivable.age.overdue_one": "1 day overdue",
        "receivable.age.overdue": "{days} days overdue",
        "receivable.separator": " · ",
        "receivable.card.title": "Invoice {number} · {customer}",
        "receivable.card.customer": "Customer {code} · Rep {rep}",
        "receivable.card.bucket": "Aging: {bucket}",
        "receivable.card.payments": "Payments received",
        "receivable.card.no_payments": "No payments received yet.",
        "receivable.card.paid_in_full": "Nothing: paid in full on {day}",
        "receivable.card.payment": "{day} · {amount} · recorded by {by}",
        "receivable.card.by_import": "import",
        "receivable.field.amount": "Amount",
        "receivable.field.paid": "Paid",
        "receivable.field.open": "Open",
        "receivable.field.issued": "Issued",
        "receivable.field.due": "Due",
        "receivable.field.order": "Order",
        "receivable.paid.recorded": "Recorded {amount} received on {day} against invoice "
        "{number} ({customer})",
        "receivable.paid.reference": " · ref {reference}",
        "receivable.paid.in_full": "Invoice {number} is now paid in full.",
        "receivable.paid.still_open": "Still open: {open} of {total}, due {due}.",
        "receivable.order.moved": "Order {order} moved from Invoiced to Paid.",
        "receivable.order.already_paid": "Order {order} was already marked Paid.",
        "receivable.order.waiting": "Order {order} stays Invoiced until its other invoices are "
        "paid too.",
        "receivable.order.left": "Order {order} is {status}, so I left it there: only an "
        "invoiced order moves to Paid. Move it on with /order update {order} STATUS.",
        "receivable.digest.title": "Overdue invoices ({count}): {totals}",
        "receivable.digest.line": "{number} · {customer} · {rep} · {open} · {age}",
        "receivable.weekly.nothing": "*Receivables:* nothing fell due or was collected this "
        "week, and nothing is overdue.",
        "receivable.weekly.collections": "Collections against what fell due this week",
        "receivable.weekly.collected": "{currency}: {collected} collected against {fell_due} "
        "that fell due · collection rate {rate}%",
        "receivable.weekly.collected_nothing_due": "{currency}: {collected} collected; nothing "
        "fell due this week",
        "receivable.weekly.overdue": "Overdue at the end of the week",
        "receivable.weekly.overdue_line": "{currency} {total}: {buckets}",
        "receivable.weekly.bucket": "{bucket} {amount}",
        "receivable.notify.payment": "💰 {customer} paid {amount} on invoice {number} ({day}), "
        "recorded by {by}.",
        "receivable.notify.still_open": "Still open: {open} of {total}.",
        "receivable.notify.in_full": "The invoice is now paid in full.",
        "receivable.remind.due_soon": "🔔 Friendly reminder: invoice {number} ({customer}) is "
        "{when} ({due}) and {open} is still open. A word with the customer now saves chasing "
        "later.",
        "receivable.escalate.rep": "⚠️ Invoice {number} ({customer}) is {age} (it was due "
        "{due}) and {open} is still open. Please chase the payment; the desk records it with "
        "/receivable pay {number} AMOUNT.",
        "receivable.escalate.manager": "⚠️ Invoice {number} ({customer}, rep {rep}) is {age} "
        "(it was due {due}) and {open} is still open.",
        "receivable.error.show_usage": "Which invoice? Add its number, like /receivable show "
        "INV-2024-001.",
        "receivable.error.bad_number": "“{number}” is not an invoice number: use letters, "
        "digits and - _ . / only, 40 at most.",
        "receivable.error.pay_usage": "To record a payment, give the invoice number and the "
        "amount, then if you like the day and a reference: /receivable pay INV-2024-001 5,000 "
        "yesterday TT20241120.",
        "receivable.error.bad_amount": "“{amount}” is not an amount: use a number with at most "
        "2 decimals, like 5000 or 5,000.50 (or `all` for what is still open). Nothing was "
        "recorded.",
        "receivable.error.amount_not_positive": "A payment must be more than zero, not "
        "“{amount}”. Nothing was recorded.",
        "receivable.error.reference_too_long": "That reference is too long: {limit} characters "
        "at most. Nothing was recorded.",
        "receivable.error.wrong_currency": "Invoice {number} is in {currency}, but “{amount}” "
        "is in another currency: give the amount in {currency}. Nothing was recorded.",
        "receivable.error.pay_not_allowed": "Only the sales desk and admins record payments. "
        "Ask your desk colleague to record it.",
        "receivable.error.not_found": "I can't find an invoice numbered {number} that you can see.",
        "receivable.error.already_paid": "Invoice {number} was paid in full on {day}: there is "
        "nothing left to pay. Nothing was recorded.",
        "receivable.error.paid_in_future": "{day} is in the future: record a payment once it has "
        "arrived. Nothing was recorded.",
        "receivable.error.paid_before_issued": "Invoice {number} was issued on {issued}, so it "
        "can't have been paid on {day}. Nothing was recorded.",
        "receivable.error.over_payment": "That is more than is open on invoice {number}: "
        "{amount} received, but only {open} is still open. Nothing was recorded.",
        "receivable.error.duplicate_reference": "A payment with reference {reference} was "
        "already recorded on invoice {number} (paid {day}). Nothing was recorded.",
        "receivable.error.duplicate_payment": "A payment of {amount} on {day} is already "
        "recorded on invoice {number}. If this is a second one, add its reference to tell them "
        "apart. Nothing was recorded.",
        "import.kind.invoices": "invoices",
        "import.kind.payments": "payments",
        "import.reject.bad_invoice_number": "'{value}' is not an invoice number: use letters, "
        "digits and - _ . / only, 40 at most",
        "import.reject.unknown_invoice": "unknown invoice number '{value}'",
        "import.reject.unknown_order": "unknown order number '{value}'",
        "import.reject.invoice_needs_customer": "no customer_code given (nor an order_number "
        "to take the customer from)",
        "import.reject.invoice_customer_mismatch": "customer_code '{value}' is not the customer "
        "of order {order} ({customer})",
        "import.reject.invoice_amount_not_positive": "an invoice amount must be more than 0",
        "import.reject.due_before_issued": "due_on {due} is before issued_on {issued}",
        "import.reject.invoice_below_paid": "amount {amount} {currency} is less than the "
        "{paid} {currency} already paid on this invoice",
        "import.reject.duplicate_payment": "the same payment already appears on line {first_line}",
        "import.reject.payment_not_positive": "a payment must be more than 0, not {value}",
        "import.reject.paid_before_issued": "paid_on {day} is before the invoice was issued "
        "({issued})",
        "import.reject.paid_in_future": "paid_on {day} is in the future",
        "import.reject.over_payment": "{amount} is more than is open on invoice {invoice} "
        "({open} open)",
    },
    "zh-CN": {
        "receivable.help.title": "/receivable 用法",
        "receivable.help": "*应收账款*\n"
        "• `/receivable`：您可查看的所有未结发票，逾期最久的在前，并按币种显示账龄\n"
        "• `/receivable 我的`：您自己客户的发票\n"
        "• `/receivable 逾期`：已过到期日的发票\n"
        "• `/receivable 华联`：某个客户的发票（客户编号或名称的一部分）\n"
        "• `/receivable INV-2024-001`：查看一张发票及其收款记录\n"
        "• `/receivable 付款 INV-2024-001 5000 昨天 TT20241120`：登记收款（内勤和管理员）。"
        "金额按发票币种（`全额` 表示剩余未付金额）；之后可写付款日期（默认今天）和参考号，"
        "例如银行流水号。可以分次付款。\n"
        "发票全额回款后，对应订单由“已开票”改为“已回款”，并通知负责的销售。"
        "账龄区间（逾期天数）是团队设置 `aging_buckets`（默认 30,60,90）。",
        "receivable.list.title.all": "未结发票",
        "receivable.list.title.mine": "您客户的未结发票",
        "receivable.list.title.overdue": "逾期发票",
        "receivable.list.title.customer": "与“{query}”匹配的未结发票",
        "receivable.list.empty.all": "没有未结发票：您可查看的发票均已回款。🎉",
        "receivable.list.empty.mine": "您的客户目前没有欠款。",
        "receivable.list.empty.overdue": "没有逾期发票，很好！",
        "receivable.list.empty.customer": "没有与“{query}”匹配、您可查看的客户未结发票。",
        "receivable.list.header": "{title}（{total}）",
        "receivable.list.more": "……还有 {count} 张，已计入下方账龄。可用 /receivable 逾期、我的 "
        "或客户名缩小范围。",
        "receivable.list.unpaid": "未收 {open}",
        "receivable.list.partly_paid": "未收 {open}／共 {amount}",
        "receivable.list.line": "{number} · {customer} · {owed} · {due} 到期（{age}）",
        "receivable.list.line_overdue": ":warning: {number} · {customer} · {owed} · {due} 到期"
        "（{age}）",
        "receivable.aging.title": "*账龄 · {currency}*：未结 {count} 张，合计 {total}，"
        "其中逾期 {overdue}",
        "receivable.aging.per_currency": "各币种分别合计，不同币种的金额从不相加。",
        "receivable.bucket.not_due": "未到期",
        "receivable.bucket.range": "逾期 {low}–{high} 天",
        "receivable.bucket.over": "逾期 {days} 天以上",
        "receivable.age.due_today": "今天到期",
        "receivable.age.due_tomorrow": "明天到期",
        "receivable.age.due_in": "{days} 天后到期",
        "receivable.age.overdue_one": "逾期 1 天",
        "receivable.age.overdue": "逾期 {days} 天",
        "receivable.separator": " · ",
        "receivable.card.title": "发票 {number} · {customer}",
        "receivable.card.customer": "客户 {code} · 销售 {rep}",
        "receivable.card.bucket": "账龄：{bucket}",
        "receivable.card.payments": "收款记录",
        "receivable.card.no_payments": "尚未收到付款。",
        "receivable.card.paid_in_full": "无：已于 {day} 全额回款",
        "receivable.card.payment": "{day} · {amount} · 登记人 {by}",
        "receivable.card.by_import": "导入",
        "receivable.field.amount": "金额",
        "receivable.field.paid": "已收",
        "receivable.field.open": "未收",
        "receivable.field.issued": "开票日期",
        "receivable.field.due": "到期日",
        "receivable.field.order": "订单",
        "receivable.paid.recorded": "已登记发票 {number}（{customer}）于 {day} 收到的 {amount}",
        "receivable.paid.reference": " · 参考号 {reference}",
        "receivable.paid.in_full": "发票 {number} 现已全额回款。",
        "receivable.paid.still_open": "尚未收回：{open}／共 {total}，{due} 到期。",
        "receivable.order.moved": "订单 {order} 已由“已开票”改为“已回款”。",
        "receivable.order.already_paid": "订单 {order} 此前已是“已回款”。",
        "receivable.order.waiting": "订单 {order} 还有其他发票未收清，暂保持“已开票”。",
        "receivable.order.left": "订单 {order} 当前为“{status}”，所以保持不变：只有“已开票”的"
        "订单才会改为“已回款”。如需推进，请用 /order 更新 {order} 状态。",
        "receivable.digest.title": "逾期发票（{count}）：{totals}",
        "receivable.digest.line": "{number} · {customer} · {rep} · {open} · {age}",
        "receivable.weekly.nothing": "*应收账款：* 本周没有到期或收回的款项，也没有逾期。",
        "receivable.weekly.collections": "本周回款与到期金额",
        "receivable.weekly.collected": "{currency}：收回 {collected}，本周到期 {fell_due} · "
        "回款率 {rate}%",
        "receivable.weekly.collected_nothing_due": "{currency}：收回 {collected}；本周没有到期的"
        "发票",
        "receivable.weekly.overdue": "周末逾期情况",
        "receivable.weekly.overdue_line": "{currency} {total}：{buckets}",
        "receivable.weekly.bucket": "{bucket} {amount}",
        "receivable.notify.payment": "💰 {customer} 已为发票 {number} 付款 {amount}（{day}），"
        "由 {by} 登记。",
        "receivable.notify.still_open": "尚未收回：{open}／共 {total}。",
        "receivable.notify.in_full": "该发票现已全额回款。",
        "receivable.remind.due_soon": "🔔 温馨提醒：发票 {number}（{customer}）{when}（{due}），"
        "仍有 {open} 未收。现在与客户打个招呼，可免日后催收。",
        "receivable.escalate.rep": "⚠️ 发票 {number}（{customer}）已{age}（到期日 {due}），"
        "仍有 {open} 未收。请跟进催款；收到后由内勤用 /receivable 付款 {number} 金额 登记。",
        "receivable.escalate.manager": "⚠️ 发票 {number}（{customer}，销售 {rep}）已{age}"
        "（到期日 {due}），仍有 {open} 未收。",
        "receivable.error.show_usage": "查看哪张发票？请加上发票号，例如 /receivable 查看 "
        "INV-2024-001。",
        "receivable.error.bad_number": "“{number}”不是发票号：只能使用字母、数字和 - _ . /，"
        "最多 40 个字符。",
        "receivable.error.pay_usage": "登记收款请写发票号和金额，可再加日期和参考号："
        "/receivable 付款 INV-2024-001 5000 昨天 TT20241120。",
        "receivable.error.bad_amount": "“{amount}”不是金额：请写最多两位小数的数字，例如 5000 或 "
        "5,000.50（或 `全额` 表示剩余未付金额）。未登记任何内容。",
        "receivable.error.amount_not_positive": "付款金额必须大于零，而不是“{amount}”。"
        "未登记任何内容。",
        "receivable.error.reference_too_long": "参考号太长：最多 {limit} 个字符。未登记任何内容。",
        "receivable.error.wrong_currency": "发票 {number} 的币种是 {currency}，而“{amount}”是"
        "其他币种：请按 {currency} 填写金额。未登记任何内容。",
        "receivable.error.pay_not_allowed": "只有销售内勤和管理员可以登记收款。请联系内勤同事登记。",
        "receivable.error.not_found": "找不到您可查看的发票 {number}。",
        "receivable.error.already_paid": "发票 {number} 已于 {day} 全额回款，没有剩余应付金额。"
        "未登记任何内容。",
        "receivable.error.paid_in_future": "{day} 还没到：请在款项到账后再登记。未登记任何内容。",
        "receivable.error.paid_before_issued": "发票 {number} 开票日期为 {issued}，不可能在 {day} "
        "付款。未登记任何内容。",
        "receivable.error.over_payment": "超出发票 {number} 的未收金额：收到 {amount}，但仅剩 "
        "{open} 未收。未登记任何内容。",
        "receivable.error.duplicate_reference": "发票 {number} 已登记过参考号为 {reference} "
        "的付款（付款日期 {day}）。未登记任何内容。",
        "receivable.error.duplicate_payment": "发票 {number} 已登记过 {day} 的 {amount} 付款。"
        "如果这是另一笔，请加上参考号以示区分。未登记任何内容。",
        "import.kind.invoices": "发票",
        "import.kind.payments": "收款",
        "import.reject.bad_invoice_number": "“{value}”不是发票号：只能使用字母、数字和 - _ . /，"
        "最多 40 个字符",
        "import.reject.unknown_invoice": "发票号“{value}”不存在",
        "import.reject.unknown_order": "订单号“{value}”不存在",
        "import.reject.invoice_needs_customer": "未填写 customer_code（也没有可据以确定客户的 "
        "order_number）",
        "import.reject.invoice_customer_mismatch": "customer_code“{value}”不是订单 {order} "
        "的客户（{customer}）",
        "import.reject.invoice_amount_not_positive": "发票金额必须大于 0",
        "import.reject.due_before_issued": "due_on {due} 早于 issued_on {issued}",
        "import.reject.invoice_below_paid": "金额 {amount} {currency} 少于该发票已收的 "
        "{paid} {currency}",
        "import.reject.duplicate_payment": "同一笔付款已出现在第 {first_line} 行",
        "import.reject.payment_not_positive": "付款金额必须大于 0，而不是 {value}",
        "import.reject.paid_before_issued": "paid_on {day} 早于发票开票日期（{issued}）",
        "import.reject.paid_in_future": "paid_on {day} 是将来的日期",
        "import.reject.over_payment": "{amount} 超出发票 {invoice} 的未收金额（未收 {open}）",
    },
}
