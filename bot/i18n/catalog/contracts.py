MESSAGES = {
    "en": {
        "contract.help.title": "How to use /contract",
        "contract.help": "*Contracts*\n"
        "• `/contract`: draft a contract (customer, kind, title, value, dates, document link)\n"
        "• `/contract list`: the open contracts you can see; `list mine`, `list expiring`, "
        "`list waiting` (for your review or approval), `list ACME` (a customer's contracts)\n"
        "• `/contract 12` (or `show 12`): a contract, its history and what you can do with it\n"
        "• `/contract edit 12`: change a draft\n"
        "• `/contract submit 12`: send a draft to legal review (it needs its document link)\n"
        "• `/contract review 12 [note]`: the legal review is done and the contract is fine\n"
        "• `/contract approve 12 [note]`: approve it (only after the legal review)\n"
        "• `/contract reject 12 reason`: send it back, saying why\n"
        "• `/contract sign 12` once it is signed; `/contract archive 12` when it is over\n"
        "• `/contract reopen 12`: a rejected contract goes back to draft, to fix and submit again\n"
        "*Who does what* (the team is the owner's, the owner being whoever drafted it)\n"
        "• The owner, the desk or a manager of the team: draft, edit, submit, sign, reopen. "
        "The desk, a manager or an admin: archive.\n"
        "• Legal review: the team's legal reviewers, named by an admin "
        "(`/desk set TEAM legal_reviewers=U123,U456`); a team naming none: its manager or an "
        "admin.\n"
        "• Approval, after the legal review: a manager of the team or an admin. Where the team's "
        "approver roles include desk (`contract_approver_roles=manager,desk`) the desk may "
        "approve too, except large contracts (value above `large_contract_value`, in the "
        "contract's currency): those need a manager or an admin.\n"
        "• Nobody reviews or approves their own contract. While in review, the reviewer or an "
        "approver may reject it; an approver may still reject an approved contract until it is "
        "signed.\n"
        "*Reminders*: the owner hears before a signed contract expires (by default 60 and 30 "
        "days ahead); a review waiting longer than `contract_review_stall_days` (3) goes to the "
        "owner's manager.\n"
        "Chinese works too: `/contract 提交 12`, `审核`, `批准`, `驳回 12 原因`, `签署`, `归档`, "
        "`重新起草`, `列表 我的`, `列表 到期`, `列表 待办`.",
        "contract.title": "Contract #{id} · {title}",
        "contract.kind.sales_agreement": "Sales agreement",
        "contract.kind.agency": "Agency agreement",
        "contract.kind.nda": "NDA",
        "contract.status.draft": "Draft",
        "contract.status.legal_review": "In legal review",
        "contract.status.approved": "Approved, to sign",
        "contract.status.signed": "Signed",
        "contract.status.archived": "Archived",
        "contract.status.rejected": "Rejected",
        "contract.modal.title": "Draft a contract",
        "contract.modal.edit_title": "Edit contract #{id}",
        "contract.modal.submit": "Save draft",
        "contract.modal.save": "Save",
        "contract.modal.cancel": "Cancel",
        "contract.modal.close": "Done",
        "contract.modal.done_title": "Contract",
        "contract.field.customer": "Customer",
        "contract.field.kind": "Kind",
        "contract.field.title": "Title",
        "contract.field.value": "Value",
        "contract.field.currency": "Currency",
        "contract.field.starts_on": "Starts on",
        "contract.field.expires_on": "Expires on",
        "contract.field.document": "Document link",
        "contract.field.reason": "Reason",
        "contract.placeholder.kind": "Choose a kind",
        "contract.placeholder.title": "e.g. Supply agreement 2026",
        "contract.placeholder.value": "e.g. 1200000",
        "contract.placeholder.date": "Pick a date",
        "contract.placeholder.document": "https://…",
        "contract.placeholder.reason": "Why? The owner will read this.",
        "contract.hint.value": "Needed for sales and agency agreements; may stay empty for an NDA.",
        "contract.hint.document": "Where the document lives (http or https). Needed before "
        "it goes to legal review.",
        "contract.reject.title": "Reject contract #{id}",
        "contract.reject.submit": "Reject",
        "contract.form.about": "Contract #{id} “{title}” for {customer}, owned by {owner}.",
        "contract.form_failed": "Sorry, I could not open the form. Please try again.",
        "contract.button.sign": "Mark signed",
        "contract.button.submit": "Submit for legal review",
        "contract.button.edit": "Edit…",
        "contract.button.review": "Legal review OK",
        "contract.button.approve": "Approve",
        "contract.button.reject": "Reject…",
        "contract.button.archive": "Archive",
        "contract.button.reopen": "Back to draft",
        "contract.button.document": "Open document",
        "contract.line.customer": "Customer: {customer} ({code})",
        "contract.line.kind": "Kind: {kind}",
        "contract.line.value": "Value: {value}",
        "contract.line.term": "Term: {starts} to {expires}",
        "contract.line.owner": "Owner: {owner}",
        "contract.line.status": "Status: {status}",
        "contract.line.reason": "Rejected because: {reason}",
        "contract.line.waiting.review": "Waiting for legal review by: {names}",
        "contract.line.waiting.approval": "Waiting for approval by: {names}",
        "contract.line.waiting.signature": "Waiting to be signed; the owner marks it: {names}",
        "contract.history.draft": "Drafted by {by} on {at}",
        "contract.history.edit": "Edited by {by} on {at}",
        "contract.history.submit": "Submitted for legal review by {by} on {at}",
        "contract.history.review": "Legal review passed, by {by} on {at}",
        "contract.history.approve": "Approved by {by} on {at}",
        "contract.history.reject": "Rejected by {by} on {at}",
        "contract.history.reopen": "Back to draft, by {by} on {at}",
        "contract.history.sign": "Marked signed by {by} on {at}",
        "contract.history.archive": "Archived by {by} on {at}",
        "contract.history.note": " — “{note}”",
        "contract.done.draft": "Contract #{id} “{title}” is saved as a draft. Submit it for "
        "legal review with /contract submit {id} (or the button below).",
        "contract.done.edit": "Contract #{id} “{title}” is saved.",
        "contract.done.submit": "Contract #{id} “{title}” is in legal review. Asked to review "
        "it: {names}.",
        "contract.done.review": "Legal review of contract #{id} “{title}” recorded. Asked to "
        "approve it: {names}.",
        "contract.done.approve": "Contract #{id} “{title}” is approved. {owner} has been told "
        "and marks it signed once it is.",
        "contract.done.reject": "Contract #{id} “{title}” is rejected. {owner} has been told why.",
        "contract.done.sign": "Contract #{id} “{title}” is signed. Told: {names}.",
        "contract.done.archive": "Contract #{id} “{title}” is archived.",
        "contract.done.reopen": "Contract #{id} “{title}” is a draft again: edit it, then "
        "submit it with /contract submit {id}.",
        "contract.done.nobody": "nobody (there is no one to ask: an admin should add members)",
        "contract.list.title.open": "Open contracts ({total})",
        "contract.list.title.mine": "Your contracts ({total})",
        "contract.list.title.expiring": "Contracts expiring soon ({total})",
        "contract.list.title.waiting": "Contracts waiting for you ({total})",
        "contract.list.title.customer": "Contracts of customers matching “{query}” ({total})",
        "contract.list.empty.open": "There are no open contracts you can see.",
        "contract.list.empty.mine": "You have no open contracts.",
        "contract.list.empty.expiring": "No contract you can see expires soon.",
        "contract.list.empty.waiting": "No contract waits for your review or approval.",
        "contract.list.empty.customer": "No contracts of a customer matching “{query}” that "
        "you can see.",
        "contract.list.line": "#{id} · {title} · {customer} · {kind} · {status} · {value} · "
        "expires {expires}",
        "contract.list.more": "…and {count} more. Narrow it down with /contract list mine, "
        "expiring or a customer.",
        "contract.problems": "Please fix these:",
        "contract.notify.ask.review": "{owner} submitted this contract for legal review. "
        "Record your review, or reject it with a reason.",
        "contract.notify.ask.approve": "The legal review of this contract ({owner}'s) is done. "
        "Approve it, or reject it with a reason.",
        "contract.notify.large": "It is a large contract: only a manager or an admin can "
        "approve it.",
        "contract.notify.fallback.review": "You get this because the team names no legal "
        "reviewer (an admin can: /desk set TEAM legal_reviewers=…).",
        "contract.notify.fallback.approve": "You get this as an admin: the owner's team has no "
        "one else who can approve it.",
        "contract.notify.done.draft": "Drafted by {by} on {at}.",
        "contract.notify.done.edit": "Edited by {by} on {at}.",
        "contract.notify.done.submit": "Submitted again by {by} on {at}.",
        "contract.notify.done.review": "✅ Legal review passed: {by}, {at}.",
        "contract.notify.done.approve": "✅ Approved by {by} on {at}.",
        "contract.notify.done.reject": "❌ Rejected by {by} on {at}: {reason}",
        "contract.notify.done.reopen": "Back to draft, by {by} on {at}.",
        "contract.notify.done.sign": "✍️ Signed, marked by {by} on {at}.",
        "contract.notify.done.archive": "Archived by {by} on {at}.",
        "contract.notify.news.edit": "{by} edited your contract #{id} “{title}” on {at}.",
        "contract.notify.news.submit": "{by} submitted your contract #{id} “{title}” for legal "
        "review on {at}.",
        "contract.notify.news.review": "Your contract #{id} “{title}” passed legal review "
        "({by}, {at}). It now waits for approval.",
        "contract.notify.news.approve": "✅ Your contract #{id} “{title}” was approved by {by} "
        "on {at}. Mark it signed once it is.",
        "contract.notify.news.reject": "❌ Your contract #{id} “{title}” was rejected by {by} on "
        "{at}: {reason}. Put it back to draft with /contract reopen {id}, fix it and submit it "
        "again.",
        "contract.notify.news.sign": "✍️ Contract #{id} “{title}” is signed (marked by {by} on "
        "{at}).",
        "contract.notify.news.archive": "Contract #{id} “{title}” was archived by {by} on {at}.",
        "contract.notify.news.reopen": "{by} put your contract #{id} “{title}” back to draft on "
        "{at}.",
        "contract.notify.expiring.first": "📅 Contract #{id} “{title}” with {customer} expires "
        "on {day}, in {days} days. Time to talk about renewing it.",
        "contract.notify.expiring.second": "⏰ Contract #{id} “{title}” with {customer} expires "
        "on {day}, in {days} days. Please settle the renewal now.",
        "contract.notify.stalled.review": "⚠️ {owner}'s contract #{id} “{title}” ({customer}) "
        "has waited for legal review since {since}, more than {days} days. Waiting for: "
        "{names}.",
        "contract.notify.stalled.approval": "⚠️ {owner}'s contract #{id} “{title}” ({customer}) "
        "passed legal review but has waited for approval since it was submitted on {since}, "
        "more than {days} days. Waiting for: {names}.",
        "contract.error.unknown_subcommand": "I don't know “{word}”. Try /contract help to see "
        "what I can do.",
        "contract.error.needs_id": "Which contract? Add its number, like /contract {verb} 12.",
        "contract.error.bad_id": "“{word}” is not a contract number: use its number, like 12.",
        "contract.error.note_too_long": "That is too long: {limit} characters at most. Nothing "
        "was changed.",
        "contract.error.no_customer": "Choose the customer.",
        "contract.error.no_kind": "Choose the kind of contract.",
        "contract.error.no_title": "Give the contract a title.",
        "contract.error.title_too_long": "The title is too long: {limit} characters at most.",
        "contract.error.no_value": "Give the contract's value: sales and agency agreements "
        "need one.",
        "contract.error.bad_value": "“{text}” is not an amount: use a number like 1200000 or "
        "1,200,000.50.",
        "contract.error.value_negative": "The value can't be negative.",
        "contract.error.value_too_large": "That value is too large.",
        "contract.error.value_decimals": "Use at most 2 decimals for the value.",
        "contract.error.bad_currency": "Choose the currency.",
        "contract.error.bad_date": "“{text}” is not a date.",
        "contract.error.expiry_before_start": "The contract must expire after it starts: it "
        "starts on {starts} and expires on {expires}.",
        "contract.error.expiry_past": "That expiry date ({expires}) is already past.",
        "contract.error.bad_url": "The document link must be a web address starting with "
        "http:// or https://.",
        "contract.error.url_too_long": "That link is too long: {limit} characters at most.",
        "contract.error.unknown_customer": "I can't find that customer among yours: choose it "
        "again from the list.",
        "contract.error.already_drafted": "This draft already exists: contract #{id}. Nothing "
        "new was saved.",
        "contract.error.nothing_changed": "Nothing changed in contract #{id}.",
        "contract.error.reason_missing": "Say why contract #{id} is rejected: /contract reject "
        "{id} reason.",
        "contract.error.no_document": "Contract #{id} has no document link yet: add it with "
        "/contract edit {id}, then submit it.",
        "contract.error.not_found": "I can't find a contract #{id} that you can see.",
        "contract.error.own_contract": "Contract #{id} is yours: someone else must review and "
        "approve it.",
        "contract.error.forbidden.submit": "Only the owner of contract #{id} ({owner}), the desk "
        "or a manager of their team, or an admin can submit it.",
        "contract.error.forbidden.edit": "Only the owner of contract #{id} ({owner}), the desk "
        "or a manager of their team, or an admin can edit it.",
        "contract.error.forbidden.reopen": "Only the owner of contract #{id} ({owner}), the desk "
        "or a manager of their team, or an admin can put it back to draft.",
        "contract.error.forbidden.sign": "Only the owner of contract #{id} ({owner}), the desk "
        "or a manager of their team, or an admin can mark it signed.",
        "contract.error.forbidden.archive": "Only the desk or a manager of the owner's team, or "
        "an admin, can archive contract #{id}.",
        "contract.error.forbidden.review": "The legal review of contract #{id} is for the "
        "team's legal reviewers: {names}.",
        "contract.error.forbidden.review_fallback": "The team names no legal reviewer, so "
        "contract #{id} is reviewed by its manager ({names}) or an admin.",
        "contract.error.forbidden.approve": "Contract #{id} is approved by {names} or an admin.",
        "contract.error.forbidden.approve_large": "Contract #{id} is a large contract (value "
        "above {threshold}): only a manager ({names}) or an admin can approve it.",
        "contract.error.forbidden.reject": "Contract #{id} can be rejected by {names} or an admin.",
        "contract.error.already.submit": "Contract #{id} was already submitted, by {by} on "
        "{at}. Nothing was changed.",
        "contract.error.already.review": "The legal review of contract #{id} was already done, "
        "by {by} on {at}. Nothing was changed.",
        "contract.error.already.approve": "Contract #{id} was already approved, by {by} on "
        "{at}. Nothing was changed.",
        "contract.error.already.reject": "Contract #{id} was already rejected, by {by} on {at}: "
        "{reason}. Nothing was changed.",
        "contract.error.already.sign": "Contract #{id} was already marked signed, by {by} on "
        "{at}. Nothing was changed.",
        "contract.error.already.archive": "Contract #{id} was already archived, by {by} on "
        "{at}. Nothing was changed.",
        "contract.error.already_unrecorded.submit": "Contract #{id} was already submitted. "
        "Nothing was changed.",
        "contract.error.already_unrecorded.review": "The legal review of contract #{id} was "
        "already done. Nothing was changed.",
        "contract.error.already_unrecorded.approve": "Contract #{id} was already approved. "
        "Nothing was changed.",
        "contract.error.already_unrecorded.reject": "Contract #{id} was already rejected. "
        "Nothing was changed.",
        "contract.error.already_unrecorded.sign": "Contract #{id} was already marked signed. "
        "Nothing was changed.",
        "contract.error.already_unrecorded.archive": "Contract #{id} was already archived. "
        "Nothing was changed.",
        "contract.error.cannot.submit": "Contract #{id} is {state}: only a draft can be "
        "submitted for legal review.",
        "contract.error.cannot.review": "Contract #{id} is {state}: only a contract in legal "
        "review can be reviewed.",
        "contract.error.cannot.approve": "Contract #{id} is {state}: only a contract in legal "
        "review can be approved.",
        "contract.error.cannot.reject": "Contract #{id} is {state}: only a contract in legal "
        "review, or approved and not yet signed, can be rejected.",
        "contract.error.cannot.sign": "Contract #{id} is {state}: only an approved contract can "
        "be marked signed.",
        "contract.error.cannot.archive": "Contract #{id} is {state}: only a signed contract can "
        "be archived.",
        "contract.error.cannot.reopen": "Contract #{id} is {state}: only a rejected contract "
        "goes back to draft.",
        "contract.error.cannot.edit": "Contract #{id} is {state}: only a draft can be edited.",
        "contract.error.reopen_first": "Contract #{id} was rejected: put it back to draft "
        "first with /contract reopen {id}.",
        "contract.error.not_reviewed": "Contract #{id} has not passed legal review yet: "
        "{names} must review it first.",
    },
    "zh-CN": {
        "contract.help.title": "/contract 使用说明",
        "contract.help": "*合同*\n"
        "• `/contract`：起草合同（客户、类型、标题、金额、日期、文件链接）\n"
        "• `/contract list`：您能看到的未归档合同；`list mine`、`list expiring`、"
        "`list waiting`（等您审核或批准的）、`list ACME`（某客户的合同）\n"
        "• `/contract 12`（或 `show 12`）：合同详情、历史记录，以及您现在可以做的操作\n"
        "• `/contract edit 12`：修改草稿\n"
        "• `/contract submit 12`：提交法务审核（需先填写文件链接）\n"
        "• `/contract review 12 [备注]`：法务审核完成，合同无问题\n"
        "• `/contract approve 12 [备注]`：批准（须在法务审核之后）\n"
        "• `/contract reject 12 原因`：驳回，并说明原因\n"
        "• `/contract sign 12`：合同签署后标记已签署；`/contract archive 12`：合同结束后归档\n"
        "• `/contract reopen 12`：被驳回的合同退回草稿，修改后重新提交\n"
        "*谁来做什么*（团队指合同负责人所在的团队，负责人即起草人）\n"
        "• 负责人、团队的内勤或主管：起草、修改、提交、签署、退回草稿。内勤、主管或管理员：归档。\n"
        "• 法务审核：由管理员指定的团队法务审核人（`/desk set TEAM legal_reviewers=U123,U456`）；"
        "未指定时由团队主管或管理员审核。\n"
        "• 批准（法务审核之后）：团队主管或管理员。若团队的批准角色包含内勤"
        "（`contract_approver_roles=manager,desk`），内勤也可批准，但大额合同"
        "（金额超过 `large_contract_value`，按合同币种计）仍须主管或管理员批准。\n"
        "• 任何人都不能审核或批准自己的合同。审核期间，审核人或批准人可以驳回；"
        "合同批准后、签署前，批准人仍可驳回。\n"
        "*提醒*：已签署合同到期前会提醒负责人（默认提前 60 天和 30 天）；"
        "审核停滞超过 `contract_review_stall_days`（3）天会上报负责人的主管。\n"
        "中文指令同样可用：`/contract 提交 12`、`审核`、`批准`、`驳回 12 原因`、`签署`、`归档`、"
        "`重新起草`、`列表 我的`、`列表 到期`、`列表 待办`。",
        "contract.title": "合同 #{id} · {title}",
        "contract.kind.sales_agreement": "销售合同",
        "contract.kind.agency": "代理协议",
        "contract.kind.nda": "保密协议",
        "contract.status.draft": "草稿",
        "contract.status.legal_review": "法务审核中",
        "contract.status.approved": "已批准，待签署",
        "contract.status.signed": "已签署",
        "contract.status.archived": "已归档",
        "contract.status.rejected": "已驳回",
        "contract.modal.title": "起草合同",
        "contract.modal.edit_title": "修改合同 #{id}",
        "contract.modal.submit": "保存草稿",
        "contract.modal.save": "保存",
        "contract.modal.cancel": "取消",
        "contract.modal.close": "完成",
        "contract.modal.done_title": "合同",
        "contract.field.customer": "客户",
        "contract.field.kind": "类型",
        "contract.field.title": "标题",
        "contract.field.value": "金额",
        "contract.field.currency": "币种",
        "contract.field.starts_on": "生效日期",
        "contract.field.expires_on": "到期日期",
        "contract.field.document": "文件链接",
        "contract.field.reason": "原因",
        "contract.placeholder.kind": "选择类型",
        "contract.placeholder.title": "例如：2026 年供货合同",
        "contract.placeholder.value": "例如：1200000",
        "contract.placeholder.date": "选择日期",
        "contract.placeholder.document": "https://…",
        "contract.placeholder.reason": "原因是什么？负责人会看到。",
        "contract.hint.value": "销售合同和代理协议必填；保密协议可以不填。",
        "contract.hint.document": "合同文件的位置（http 或 https），提交法务审核前必须填写。",
        "contract.reject.title": "驳回合同 #{id}",
        "contract.reject.submit": "驳回",
        "contract.form.about": "合同 #{id}“{title}”，客户 {customer}，负责人 {owner}。",
        "contract.form_failed": "抱歉，表单没能打开，请再试一次。",
        "contract.button.sign": "标记已签署",
        "contract.button.submit": "提交法务审核",
        "contract.button.edit": "修改…",
        "contract.button.review": "法务审核通过",
        "contract.button.approve": "批准",
        "contract.button.reject": "驳回…",
        "contract.button.archive": "归档",
        "contract.button.reopen": "退回草稿",
        "contract.button.document": "打开文件",
        "contract.line.customer": "客户：{customer}（{code}）",
        "contract.line.kind": "类型：{kind}",
        "contract.line.value": "金额：{value}",
        "contract.line.term": "期限：{starts} 至 {expires}",
        "contract.line.owner": "负责人：{owner}",
        "contract.line.status": "状态：{status}",
        "contract.line.reason": "驳回原因：{reason}",
        "contract.line.waiting.review": "等待法务审核：{names}",
        "contract.line.waiting.approval": "等待批准：{names}",
        "contract.line.waiting.signature": "等待签署，由负责人标记：{names}",
        "contract.history.draft": "{by} 于 {at} 起草",
        "contract.history.edit": "{by} 于 {at} 修改",
        "contract.history.submit": "{by} 于 {at} 提交法务审核",
        "contract.history.review": "{by} 于 {at} 完成法务审核",
        "contract.history.approve": "{by} 于 {at} 批准",
        "contract.history.reject": "{by} 于 {at} 驳回",
        "contract.history.reopen": "{by} 于 {at} 退回草稿",
        "contract.history.sign": "{by} 于 {at} 标记已签署",
        "contract.history.archive": "{by} 于 {at} 归档",
        "contract.history.note": " ——“{note}”",
        "contract.done.draft": "合同 #{id}“{title}”已保存为草稿。可用 /contract submit {id}"
        "（或下方按钮）提交法务审核。",
        "contract.done.edit": "合同 #{id}“{title}”已保存。",
        "contract.done.submit": "合同 #{id}“{title}”已进入法务审核，已请 {names} 审核。",
        "contract.done.review": "合同 #{id}“{title}”的法务审核已记录，已请 {names} 批准。",
        "contract.done.approve": "合同 #{id}“{title}”已批准。已通知 {owner}，签署后由其标记。",
        "contract.done.reject": "合同 #{id}“{title}”已驳回，已将原因告知 {owner}。",
        "contract.done.sign": "合同 #{id}“{title}”已签署。已通知：{names}。",
        "contract.done.archive": "合同 #{id}“{title}”已归档。",
        "contract.done.reopen": "合同 #{id}“{title}”已退回草稿：修改后用 /contract submit {id} "
        "重新提交。",
        "contract.done.nobody": "无人（没有可以通知的人，请管理员添加成员）",
        "contract.list.title.open": "未归档的合同（{total}）",
        "contract.list.title.mine": "您的合同（{total}）",
        "contract.list.title.expiring": "即将到期的合同（{total}）",
        "contract.list.title.waiting": "等您处理的合同（{total}）",
        "contract.list.title.customer": "客户匹配“{query}”的合同（{total}）",
        "contract.list.empty.open": "没有您能看到的未归档合同。",
        "contract.list.empty.mine": "您没有未归档的合同。",
        "contract.list.empty.expiring": "您能看到的合同中没有即将到期的。",
        "contract.list.empty.waiting": "没有等您审核或批准的合同。",
        "contract.list.empty.customer": "没有您能看到的、客户匹配“{query}”的合同。",
        "contract.list.line": "#{id} · {title} · {customer} · {kind} · {status} · {value} · "
        "{expires} 到期",
        "contract.list.more": "……还有 {count} 份。可用 /contract list mine、expiring 或客户名缩小范围。",
        "contract.problems": "请修改以下内容：",
        "contract.notify.ask.review": "{owner} 提交了这份合同，请进行法务审核；如有问题请驳回并说明原因。",
        "contract.notify.ask.approve": "这份合同（负责人 {owner}）已通过法务审核，请批准；"
        "如有问题请驳回并说明原因。",
        "contract.notify.large": "这是一份大额合同：只有主管或管理员可以批准。",
        "contract.notify.fallback.review": "您收到这条消息，是因为团队没有指定法务审核人"
        "（管理员可设置：/desk set TEAM legal_reviewers=…）。",
        "contract.notify.fallback.approve": "您作为管理员收到这条消息：负责人所在团队没有其他人可以批准。",
        "contract.notify.done.draft": "{by} 于 {at} 起草。",
        "contract.notify.done.edit": "{by} 于 {at} 修改。",
        "contract.notify.done.submit": "{by} 于 {at} 重新提交。",
        "contract.notify.done.review": "✅ 法务审核已通过：{by}，{at}。",
        "contract.notify.done.approve": "✅ {by} 于 {at} 批准。",
        "contract.notify.done.reject": "❌ {by} 于 {at} 驳回：{reason}",
        "contract.notify.done.reopen": "{by} 于 {at} 退回草稿。",
        "contract.notify.done.sign": "✍️ 已签署，{by} 于 {at} 标记。",
        "contract.notify.done.archive": "{by} 于 {at} 归档。",
        "contract.notify.news.edit": "{by} 于 {at} 修改了您的合同 #{id}“{title}”。",
        "contract.notify.news.submit": "{by} 于 {at} 将您的合同 #{id}“{title}”提交法务审核。",
        "contract.notify.news.review": "您的合同 #{id}“{title}”已通过法务审核（{by}，{at}），"
        "现在等待批准。",
        "contract.notify.news.approve": "✅ 您的合同 #{id}“{title}”已由 {by} 于 {at} 批准。"
        "签署后请标记已签署。",
        "contract.notify.news.reject": "❌ 您的合同 #{id}“{title}”被 {by} 于 {at} 驳回：{reason}。"
        "可用 /contract reopen {id} 退回草稿，修改后重新提交。",
        "contract.notify.news.sign": "✍️ 合同 #{id}“{title}”已签署（{by} 于 {at} 标记）。",
        "contract.notify.news.archive": "合同 #{id}“{title}”已由 {by} 于 {at} 归档。",
        "contract.notify.news.reopen": "{by} 于 {at} 将您的合同 #{id}“{title}”退回草稿。",
        "contract.notify.expiring.first": "📅 与 {customer} 的合同 #{id}“{title}”将于 {day} "
        "到期，还有 {days} 天。是时候商谈续约了。",
        "contract.notify.expiring.second": "⏰ 与 {customer} 的合同 #{id}“{title}”将于 {day} "
        "到期，还有 {days} 天。请尽快落实续约。",
        "contract.notify.stalled.review": "⚠️ {owner} 的合同 #{id}“{title}”（{customer}）"
        "自 {since} 起等待法务审核，已超过 {days} 天。等待：{names}。",
        "contract.notify.stalled.approval": "⚠️ {owner} 的合同 #{id}“{title}”（{customer}）"
        "已通过法务审核，但自 {since} 提交以来仍在等待批准，已超过 {days} 天。等待：{names}。",
        "contract.error.unknown_subcommand": "我不认识“{word}”。输入 /contract help 查看用法。",
        "contract.error.needs_id": "是哪份合同？请加上编号，例如 /contract {verb} 12。",
        "contract.error.bad_id": "“{word}”不是合同编号，请使用数字编号，例如 12。",
        "contract.error.note_too_long": "内容太长了：最多 {limit} 个字符。未做任何更改。",
        "contract.error.no_customer": "请选择客户。",
        "contract.error.no_kind": "请选择合同类型。",
        "contract.error.no_title": "请填写合同标题。",
        "contract.error.title_too_long": "标题太长了：最多 {limit} 个字符。",
        "contract.error.no_value": "请填写合同金额：销售合同和代理协议必须填写。",
        "contract.error.bad_value": "“{text}”不是金额，请填写数字，例如 1200000 或 1,200,000.50。",
        "contract.error.value_negative": "金额不能为负数。",
        "contract.error.value_too_large": "金额太大了。",
        "contract.error.value_decimals": "金额最多保留两位小数。",
        "contract.error.bad_currency": "请选择币种。",
        "contract.error.bad_date": "“{text}”不是日期。",
        "contract.error.expiry_before_start": "到期日期必须晚于生效日期：生效 {starts}，到期 {expires}。",
        "contract.error.expiry_past": "到期日期（{expires}）已经过去了。",
        "contract.error.bad_url": "文件链接必须是以 http:// 或 https:// 开头的网址。",
        "contract.error.url_too_long": "链接太长了：最多 {limit} 个字符。",
        "contract.error.unknown_customer": "在您的客户中找不到这个客户，请从列表中重新选择。",
        "contract.error.already_drafted": "这份草稿已经存在：合同 #{id}。未重复保存。",
        "contract.error.nothing_changed": "合同 #{id} 没有任何改动。",
        "contract.error.reason_missing": "请说明驳回合同 #{id} 的原因：/contract reject {id} 原因。",
        "contract.error.no_document": "合同 #{id} 还没有文件链接：请先用 /contract edit {id} "
        "补充，再提交。",
        "contract.error.not_found": "找不到您能查看的合同 #{id}。",
        "contract.error.own_contract": "合同 #{id} 是您自己的合同，须由其他人审核和批准。",
        "contract.error.forbidden.submit": "只有合同 #{id} 的负责人（{owner}）、其团队的内勤或主管，"
        "或管理员可以提交。",
        "contract.error.forbidden.edit": "只有合同 #{id} 的负责人（{owner}）、其团队的内勤或主管，"
        "或管理员可以修改。",
        "contract.error.forbidden.reopen": "只有合同 #{id} 的负责人（{owner}）、其团队的内勤或主管，"
        "或管理员可以退回草稿。",
        "contract.error.forbidden.sign": "只有合同 #{id} 的负责人（{owner}）、其团队的内勤或主管，"
        "或管理员可以标记已签署。",
        "contract.error.forbidden.archive": "只有负责人团队的内勤或主管，或管理员可以归档合同 #{id}。",
        "contract.error.forbidden.review": "合同 #{id} 的法务审核由团队的法务审核人负责：{names}。",
        "contract.error.forbidden.review_fallback": "团队没有指定法务审核人，合同 #{id} "
        "由主管（{names}）或管理员审核。",
        "contract.error.forbidden.approve": "合同 #{id} 由 {names} 或管理员批准。",
        "contract.error.forbidden.approve_large": "合同 #{id} 是大额合同（金额超过 {threshold}）："
        "只有主管（{names}）或管理员可以批准。",
        "contract.error.forbidden.reject": "合同 #{id} 可由 {names} 或管理员驳回。",
        "contract.error.already.submit": "合同 #{id} 已由 {by} 于 {at} 提交。未做任何更改。",
        "contract.error.already.review": "合同 #{id} 的法务审核已由 {by} 于 {at} 完成。未做任何更改。",
        "contract.error.already.approve": "合同 #{id} 已由 {by} 于 {at} 批准。未做任何更改。",
        "contract.error.already.reject": "合同 #{id} 已由 {by} 于 {at} 驳回：{reason}。未做任何更改。",
        "contract.error.already.sign": "合同 #{id} 已由 {by} 于 {at} 标记已签署。未做任何更改。",
        "contract.error.already.archive": "合同 #{id} 已由 {by} 于 {at} 归档。未做任何更改。",
        "contract.error.already_unrecorded.submit": "合同 #{id} 已提交。未做任何更改。",
        "contract.error.already_unrecorded.review": "合同 #{id} 的法务审核已完成。未做任何更改。",
        "contract.error.already_unrecorded.approve": "合同 #{id} 已批准。未做任何更改。",
        "contract.error.already_unrecorded.reject": "合同 #{id} 已驳回。未做任何更改。",
        "contract.error.already_unrecorded.sign": "合同 #{id} 已标记已签署。未做任何更改。",
        "contract.error.already_unrecorded.archive": "合同 #{id} 已归档。未做任何更改。",
        "contract.error.cannot.submit": "合同 #{id} 的状态是{state}：只有草稿可以提交法务审核。",
        "contract.error.cannot.review": "合同 #{id} 的状态是{state}：只有法务审核中的合同可以审核。",
        "contract.error.cannot.approve": "合同 #{id} 的状态是{state}：只有法务审核中的合同可以批准。",
        "contract.error.cannot.reject": "合同 #{id} 的状态是{state}：只有法务审核中、"
        "或已批准但尚未签署的合同可以驳回。",
        "contract.error.cannot.sign": "合同 #{id} 的状态是{state}：只有已批准的合同可以标记已签署。",
        "contract.error.cannot.archive": "合同 #{id} 的状态是{state}：只有已签署的合同可以归档。",
        "contract.error.cannot.reopen": "合同 #{id} 的状态是{state}：只有被驳回的合同可以退回草稿。",
        "contract.error.cannot.edit": "合同 #{id} 的状态是{state}：只有草稿可以修改。",
        "contract.error.reopen_first": "合同 #{id} 已被驳回：请先用 /contract reopen {id} 退回草稿。",
        "contract.error.not_reviewed": "合同 #{id} 尚未通过法务审核：须先由 {names} 审核。",
    },
}
