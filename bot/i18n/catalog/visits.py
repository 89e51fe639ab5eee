MESSAGES = {
    "en": {
        "visit.help.title": "How to use /visit",
        "visit.help": "*Log a customer visit or contact*\n"
        "• `/visit`: open a form (customer search, date and time pickers)\n"
        "• `/visit ACME; call; discussed Q3 pricing; next: send quote by Friday`: log in one line\n"
        "• `/visit ACME`: open the form with that customer chosen\n"
        "• `/visit list`: your recent visits; `/visit list ACME`: those with one customer\n"
        "• On any message: ⋯ → *Log as visit* opens the form with the message as the summary\n"
        "*The one-line form*: parts separated by `;` (or `；`). The customer (code or part of "
        "the name) comes first; the rest in any order:\n"
        "• how: `visit`, `call`, `wechat`, `email` or `meeting` (default: visit)\n"
        "• when: `yesterday 3pm`, `Mon 10:00` or `when: Dec 3 9am` (default: now)\n"
        "• what happened: any other text is the summary\n"
        "• `not effective` when it went nowhere (default: effective)\n"
        "• `next: STEP by DATE`: the follow-up you will be reminded of; or give the date as "
        "its own part, `due: Friday`\n"
        "Chinese works too: `/visit 华联; 电话; 沟通三季度报价; 下一步:周五前发报价`.",
        "visit.modal.title": "Log a visit",
        "visit.modal.submit": "Log it",
        "visit.modal.cancel": "Cancel",
        "visit.field.customer": "Customer",
        "visit.field.when": "When",
        "visit.field.channel": "How",
        "visit.field.summary": "What happened",
        "visit.field.effective": "Did it move things forward?",
        "visit.field.next_step": "Next step",
        "visit.field.next_step_due": "Next step due",
        "visit.placeholder.summary": "Who you spoke to, what was discussed, what they want",
        "visit.placeholder.next_step": "e.g. send the quote",
        "visit.placeholder.due": "Pick a date",
        "visit.hint.next_step": "You will be reminded of it on the due date.",
        "visit.channel.visit": "Visit",
        "visit.channel.call": "Call",
        "visit.channel.wechat": "WeChat",
        "visit.channel.email": "Email",
        "visit.channel.meeting": "Meeting",
        "visit.effective.yes": "Effective",
        "visit.effective.no": "Not effective",
        "visit.logged.title": "Visit logged",
        "visit.logged.done": "Done",
        "visit.logged.headline": "Logged: {channel} · {customer} ({code}) · {at}",
        "visit.logged.summary": "Summary: {summary}",
        "visit.logged.effective": "Outcome: {effective}",
        "visit.logged.next_step_self": "Next step: {step}, due {due}. You will be reminded.",
        "visit.logged.next_step_other": "Next step: {step}, due {due}. {rep} will be reminded.",
        "visit.logged.no_next_step": "No next step.",
        "visit.logged.for_rep": "Logged for {rep}, the customer's rep, who has been told.",
        "visit.choice.several": "Several customers match “{query}”. Which one did you mean? "
        "Tap it to log the visit.",
        "visit.choice.more": "Only the first {count} are shown: type more of the name, or the "
        "code.",
        "visit.choice.none": "No customer matches “{query}”.",
        "visit.choice.close": "Did you mean one of these? Tap it to log the visit.",
        "visit.choice.none_hint": "Check the name or use the code (like C-1001); /visit alone "
        "opens a form where you can search. Nothing was logged.",
        "visit.choice.retype": "Send it again with the customer's code in front, like "
        "/visit {code}; …",
        "visit.choice.cancel": "Cancel",
        "visit.choice.cancelled": "Nothing was logged.",
        "visit.list.title.rep": "Your recent visits",
        "visit.list.title.team": "Recent visits",
        "visit.list.title.customer": "Recent visits with “{query}”",
        "visit.list.header": "{title} ({total})",
        "visit.list.empty": "No visits logged yet. Log one with /visit.",
        "visit.list.empty_customer": "No visits logged with a customer matching “{query}” that "
        "you can see.",
        "visit.list.line": "{at} · {channel} · {customer} · {rep}",
        "visit.list.not_effective": "not effective",
        "visit.list.next": "Next: {step}, due {due}",
        "visit.list.more": "…and {count} more.",
        "visit.form_failed": "Sorry, I couldn't open the form just now. Try again, or log it in "
        "one line: /visit help shows how.",
        "visit.error.no_customer_first": "Start with the customer, like /visit ACME; call; "
        "discussed Q3 pricing.",
        "visit.error.no_parts": "I can't find a customer called “{text}”. To log a visit in one "
        "line, separate the parts with ;, like /visit ACME; call; discussed Q3 pricing. "
        "/visit alone opens a form.",
        "visit.error.two_when": "“{part}”: the time of the visit is given twice. Keep one.",
        "visit.error.two_channel": "“{part}”: two ways of contact are given. Keep one.",
        "visit.error.two_effective": "“{part}”: it can't be both effective and not. Keep one.",
        "visit.error.two_next_step": "“{part}”: two next steps are given. Log one; put the "
        "rest in the summary.",
        "visit.error.two_due": "“{part}”: two due dates are given. Keep one.",
        "visit.error.empty_label": "“{part}” has nothing after the colon.",
        "visit.error.no_summary_in_line": "What happened? Add a short summary, like "
        "/visit ACME; call; discussed Q3 pricing.",
        "visit.error.next_step_needs_due_in_line": "When is “{step}” due? Add a date, like "
        "next: send quote by Friday, or a part of its own, like due: Friday.",
        "visit.error.bad_when": "I can't read “{text}” as a date and time. Try yesterday 3pm, "
        "Mon 10:00 or Dec 3 9am.",
        "visit.error.bad_due": "I can't read “{text}” as a date. Try Friday, next Tue or Dec 3.",
        "visit.error.unknown_channel": "“{word}” is not a way of contact. Use visit, call, "
        "wechat, email or meeting.",
        "visit.error.no_customer": "Choose the customer.",
        "visit.error.no_when": "Pick the date and time of the visit.",
        "visit.error.when_in_future": "That time is still to come: log a visit once it has "
        "happened. To plan one, use /meeting.",
        "visit.error.no_summary": "Write a short summary of what happened.",
        "visit.error.summary_too_long": "The summary is too long: {limit} characters at most.",
        "visit.error.next_step_too_long": "The next step is too long: {limit} characters at most.",
        "visit.error.next_step_missing": "A due date needs a next step: what is due then?",
        "visit.error.due_missing": "When is the next step due? Pick a date so you get reminded.",
        "visit.error.due_in_past": "That due date has passed: pick today or a later day.",
        "visit.error.already_logged": "This visit is already logged. Nothing was changed.",
        "visit.error.stale_choice": "That choice no longer works. Please log the visit again.",
        "notify.visit_logged_for_you": "{by} logged a contact with {customer} ({code}) for you "
        "({channel}, {at}): {summary}",
        "notify.visit_next_step": "Next step for you: {step}, due {due}.",
        "remind.follow_up": "🔔 Follow-up due today for {customer}: {step}. Log it with /visit when done.",
        "escalate.cadence": "⚠️ Key account {customer} ({code}, tier {tier}) has not been contacted for more than {days} days (last contact: {since}). Log the next contact with /visit {code}.",
        "escalate.never": "never",
    },
    "zh-CN": {
        "visit.help.title": "/visit 使用说明",
        "visit.help": "*记录客户拜访或联系*\n"
        "• `/visit`：打开表单（可搜索客户、选择日期和时间）\n"
        "• `/visit 华联; 电话; 沟通三季度报价; 下一步:周五前发报价`：一行快速记录\n"
        "• `/visit 华联`：打开表单并选好该客户\n"
        "• `/visit 列表`：我最近的拜访；`/visit 列表 华联`：与某客户的拜访\n"
        "• 在任意消息上：⋯ → *Log as visit*（记为拜访），以消息内容作为纪要打开表单\n"
        "*一行格式*：各部分用 `;` 或 `；` 分隔。第一部分是客户（编码或名称的一部分），"
        "其余部分顺序不限：\n"
        "• 方式：`拜访`、`电话`、`微信`、`邮件` 或 `会议`（默认：拜访）\n"
        "• 时间：`昨天下午3点`、`周一10:00` 或 `时间:12月3日上午9点`（默认：现在）\n"
        "• 经过：其他文字都作为纪要\n"
        "• 没有进展时写 `无效`（默认：有效）\n"
        "• `下一步:周五前发报价`：需要跟进的事项，到期会提醒您；日期也可单独写成 `截止:周五`\n"
        "也可以用英文：`/visit ACME; call; discussed Q3 pricing; next: send quote by Friday`。",
        "visit.modal.title": "记录拜访",
        "visit.modal.submit": "记录",
        "visit.modal.cancel": "取消",
        "visit.field.customer": "客户",
        "visit.field.when": "时间",
        "visit.field.channel": "方式",
        "visit.field.summary": "拜访纪要",
        "visit.field.effective": "这次联系有效吗？",
        "visit.field.next_step": "下一步",
        "visit.field.next_step_due": "下一步截止日期",
        "visit.placeholder.summary": "见了谁、谈了什么、客户有什么需求",
        "visit.placeholder.next_step": "例如：发报价",
        "visit.placeholder.due": "选择日期",
        "visit.hint.next_step": "到期当天会提醒您。",
        "visit.channel.visit": "拜访",
        "visit.channel.call": "电话",
        "visit.channel.wechat": "微信",
        "visit.channel.email": "邮件",
        "visit.channel.meeting": "会议",
        "visit.effective.yes": "有效",
        "visit.effective.no": "无效",
        "visit.logged.title": "拜访已记录",
        "visit.logged.done": "完成",
        "visit.logged.headline": "已记录：{channel} · {customer}（{code}）· {at}",
        "visit.logged.summary": "纪要：{summary}",
        "visit.logged.effective": "效果：{effective}",
        "visit.logged.next_step_self": "下一步：{step}，{due}前完成。到期会提醒您。",
        "visit.logged.next_step_other": "下一步：{step}，{due}前完成。到期会提醒{rep}。",
        "visit.logged.no_next_step": "没有下一步。",
        "visit.logged.for_rep": "已记在客户负责人{rep}名下，并已通知{rep}。",
        "visit.choice.several": "有多个客户匹配“{query}”。您指的是哪一个？点击即可记录。",
        "visit.choice.more": "只显示前 {count} 个：请输入更完整的名称或客户编码。",
        "visit.choice.none": "没有匹配“{query}”的客户。",
        "visit.choice.close": "您是不是指下面这些？点击即可记录。",
        "visit.choice.none_hint": "请检查名称或使用客户编码（如 C-1001）；只输入 /visit "
        "会打开可以搜索客户的表单。没有记录任何内容。",
        "visit.choice.retype": "请在前面加上客户编码重新发送，例如 /visit {code}； …",
        "visit.choice.cancel": "取消",
        "visit.choice.cancelled": "没有记录任何内容。",
        "visit.list.title.rep": "我最近的拜访",
        "visit.list.title.team": "最近的拜访",
        "visit.list.title.customer": "与“{query}”的最近拜访",
        "visit.list.header": "{title}（{total}）",
        "visit.list.empty": "还没有拜访记录。用 /visit 记录一条吧。",
        "visit.list.empty_customer": "没有找到您能查看的、与匹配“{query}”的客户的拜访记录。",
        "visit.list.line": "{at} · {channel} · {customer} · {rep}",
        "visit.list.not_effective": "无效",
        "visit.list.next": "下一步：{step}，{due}前",
        "visit.list.more": "……还有 {count} 条。",
        "visit.form_failed": "抱歉，暂时无法打开表单。请再试一次，或用一行格式记录：输入 "
        "/visit 帮助 查看用法。",
        "visit.error.no_customer_first": "请先写客户，例如 /visit 华联；电话；沟通三季度报价。",
        "visit.error.no_parts": "找不到名为“{text}”的客户。一行记录时请用分号分隔各部分，例如 "
        "/visit 华联；电话；沟通三季度报价。只输入 /visit 会打开表单。",
        "visit.error.two_when": "“{part}”：拜访时间写了两次，请只保留一个。",
        "visit.error.two_channel": "“{part}”：写了两种联系方式，请只保留一种。",
        "visit.error.two_effective": "“{part}”：不能既有效又无效，请只保留一个。",
        "visit.error.two_next_step": "“{part}”：写了两个下一步。请只记一个，其余写进纪要。",
        "visit.error.two_due": "“{part}”：写了两个截止日期，请只保留一个。",
        "visit.error.empty_label": "“{part}”的冒号后面没有内容。",
        "visit.error.no_summary_in_line": "拜访情况如何？请加上简短纪要，例如 "
        "/visit 华联；电话；沟通三季度报价。",
        "visit.error.next_step_needs_due_in_line": "“{step}”什么时候完成？请加上日期，例如 "
        "下一步：周五前发报价，或单独写一部分，例如 截止：周五。",
        "visit.error.bad_when": "无法识别“{text}”的日期时间。可以写：昨天下午3点、周一10:00、"
        "12月3日上午9点。",
        "visit.error.bad_due": "无法识别“{text}”的日期。可以写：周五、下周二、12月3日。",
        "visit.error.unknown_channel": "“{word}”不是联系方式。可用：拜访、电话、微信、邮件、会议。",
        "visit.error.no_customer": "请选择客户。",
        "visit.error.no_when": "请选择拜访的日期和时间。",
        "visit.error.when_in_future": "这个时间还没到：拜访发生之后再记录。计划中的会面请用 /meeting。",
        "visit.error.no_summary": "请简单写一下拜访情况。",
        "visit.error.summary_too_long": "纪要太长了：最多 {limit} 个字符。",
        "visit.error.next_step_too_long": "下一步太长了：最多 {limit} 个字符。",
        "visit.error.next_step_missing": "有截止日期就要有下一步：到期要做什么？",
        "visit.error.due_missing": "下一步什么时候完成？请选择日期，到期会提醒您。",
        "visit.error.due_in_past": "这个截止日期已经过去了：请选择今天或以后的日期。",
        "visit.error.already_logged": "这次拜访已经记录过了，没有做任何更改。",
        "visit.error.stale_choice": "这个选项已失效，请重新记录拜访。",
        "notify.visit_logged_for_you": "{by}替您记录了与{customer}（{code}）的一次联系"
        "（{channel}，{at}）：{summary}",
        "notify.visit_next_step": "您的下一步：{step}，{due}前完成。",
        "remind.follow_up": "🔔 今天需跟进 {customer}：{step}。完成后请用 /visit 记录。",
        "escalate.cadence": "⚠️ 重点客户 {customer}（{code}，{tier} 类）已超过 {days} 天未联系（上次联系：{since}）。请用 /visit {code} 记录下一次联系。",
        "escalate.never": "从未",
    },
}
