MESSAGES = {
    "en": {
        "meeting.help.title": "How to use /meeting",
        "remind.meeting": "⏰ Coming up: {title} at {at} · {customer} · {place}",
        "meeting.help": "*Meetings*\n"
        "• `/meeting`: open the booking form\n"
        "• `/meeting TITLE; WHEN; LENGTH; @people; place or link; agenda`: book in one line, "
        "like `/meeting Quarterly review with ACME; tomorrow 3pm; 1h; @U0123ABCD @Wang; Room 5`\n"
        "   Only the title and the time are needed; a meeting lasts 1 hour unless you say "
        "(30m, 1h, 1.5h, 1:30, 90 = 90 minutes). Name people with @-mentions, `@U0123ABCD` or "
        "`@name`. Label a part if you like: `customer: ACME`, `place: Zoom link`, "
        "`agenda: prices`. Separate parts with ; (or ；).\n"
        "• `/meeting list`: your upcoming meetings\n"
        "• `/meeting move 12 tomorrow 4pm` (add `; 90m` to change the length too): move "
        "meeting 12; `/meeting move 12` opens a form\n"
        "• `/meeting cancel 12 [reason]`: cancel it; the attendees are told\n"
        "• `/meeting minutes 12 TEXT`: add to the minutes once it has started; "
        "`/meeting minutes 12` opens a form\n"
        "You always attend the meetings you book. Only the organiser (or an admin) moves or "
        "cancels a meeting. If someone is busy at that time I say who and with what, and you "
        "can book anyway.",
        "meeting.form.book_title": "Book a meeting",
        "meeting.form.book": "Book",
        "meeting.form.move_title": "Move a meeting",
        "meeting.form.move": "Move",
        "meeting.form.minutes_title": "Meeting minutes",
        "meeting.form.save": "Save",
        "meeting.form.close": "Cancel",
        "meeting.form.booked_title": "Meeting booked",
        "meeting.form.done_title": "Done",
        "meeting.form.notice_title": "Sales Desk",
        "meeting.form.done": "Close",
        "meeting.field.title": "Title",
        "meeting.field.customer": "Customer",
        "meeting.field.when": "Starts",
        "meeting.field.duration": "Length",
        "meeting.field.attendees": "Attendees",
        "meeting.field.place": "Place or link",
        "meeting.field.agenda": "Agenda",
        "meeting.field.minutes": "Minutes",
        "meeting.field.clashes": "If someone is busy then",
        "meeting.field.book_anyway": "Book it anyway",
        "meeting.field.move_anyway": "Move it anyway",
        "meeting.hint.duration": "Like 30m, 1h, 1.5h or 90 (minutes). Empty means 1 hour.",
        "meeting.hint.attendees": "You are always an attendee. Everyone here gets a message.",
        "meeting.placeholder.title": "Quarterly review with ACME",
        "meeting.placeholder.duration": "1h",
        "meeting.placeholder.attendees": "Add people",
        "meeting.placeholder.place": "Room 5, an address or a video link",
        "meeting.placeholder.agenda": "What you will talk about",
        "meeting.placeholder.minutes": "What was agreed, who does what by when",
        "meeting.duration.default": "1h",
        "meeting.duration.hours": "{hours}h",
        "meeting.duration.minutes": "{minutes} min",
        "meeting.duration.hours_minutes": "{hours}h {minutes}min",
        "meeting.span": "{weekday} {start} – {end} ({zone})",
        "meeting.line.when": "When: {when}",
        "meeting.line.was": "Was: {when}",
        "meeting.line.attendees": "Attendees: {names}",
        "meeting.line.customer": "Customer: {customer}",
        "meeting.line.place": "Place: {place}",
        "meeting.line.agenda": "Agenda: {agenda}",
        "meeting.line.reason": "Reason: {reason}",
        "meeting.booked": "Booked meeting #{id}: {title}",
        "meeting.booked_despite": "Booked although: {clashes}",
        "meeting.attendees_told": "The attendees get a message.",
        "meeting.more": "…and {count} more",
        "meeting.clash.title": "Not booked yet: someone is busy at that time for “{title}”.",
        "meeting.clash.move_title": "Not moved yet: someone is busy at the new time for "
        "meeting #{id} “{title}”.",
        "meeting.clash.line": "{who} has “{title}” {when}",
        "meeting.clash.new_time": "New time: {when}",
        "meeting.clash.form": "Busy then: {clashes}. Pick another time, or tick “{anyway}” below.",
        "meeting.button.book_anyway": "Book anyway",
        "meeting.button.drop": "Don't book",
        "meeting.button.move_anyway": "Move anyway",
        "meeting.button.move": "Move",
        "meeting.button.cancel": "Cancel meeting",
        "meeting.button.minutes": "Minutes",
        "meeting.confirm_cancel.title": "Cancel this meeting?",
        "meeting.confirm_cancel.text": "“{title}” will be cancelled and the attendees told.",
        "meeting.confirm_cancel.yes": "Cancel it",
        "meeting.confirm_cancel.no": "Keep it",
        "meeting.moved": "Meeting #{id} “{title}” now takes place {when}.",
        "meeting.cancelled": "Meeting #{id} “{title}” is cancelled.",
        "meeting.minutes_saved": "Minutes of meeting #{id} “{title}” saved.",
        "meeting.dropped": "All right, “{title}” was not booked.",
        "meeting.list.title": "Your upcoming meetings ({total})",
        "meeting.list.empty": "You have no upcoming meetings. Book one with /meeting.",
        "meeting.list.line": "#{id} {title} · {when}",
        "meeting.list.organiser": "organised by {name}",
        "meeting.notify.invited": "📅 {organiser} invites you to “{title}”.",
        "meeting.notify.booked": "📅 You booked “{title}”.",
        "meeting.notify.footer": "Meeting #{id} · see your meetings with /meeting list",
        "meeting.notify.moved": "📅 {by} moved “{title}”.",
        "meeting.notify.cancelled": "❌ {by} cancelled “{title}”.",
        "meeting.notify.minutes": "📝 {by} wrote the minutes of “{title}”.",
        "meeting.error.list_takes_nothing": "/meeting list shows your upcoming meetings and "
        "takes nothing after it (not “{word}”).",
        "meeting.error.move_usage": "To move a meeting, give its number and the new time, like "
        "/meeting move 12 tomorrow 4pm (or /meeting move 12 for a form).",
        "meeting.error.cancel_usage": "To cancel a meeting, give its number, like /meeting "
        "cancel 12. /meeting list shows the numbers.",
        "meeting.error.minutes_usage": "To write minutes, give the meeting's number and the "
        "text, like /meeting minutes 12 Agreed on prices (or /meeting minutes 12 for a form).",
        "meeting.error.bad_id": "“{word}” is not a meeting number: use the number /meeting list "
        "shows, like 12.",
        "meeting.error.needs_title": "Give the meeting a title.",
        "meeting.error.needs_when": "To book “{title}”, add when after a “;”, like /meeting "
        "{title}; tomorrow 3pm. /meeting help shows everything I understand.",
        "meeting.error.when_second": "The part after the title says when the meeting starts, "
        "and “{text}” is a length. Like: /meeting Review; tomorrow 3pm; {text}.",
        "meeting.error.too_many_parts": "I don't know what “{part}” is: I already have a place "
        "and an agenda. Label parts like customer: ACME, place: Room 5, agenda: prices.",
        "meeting.error.bad_people": "“{text}” is not a list of people: mention them, like "
        "@Wang or <@U0123ABCD>.",
        "meeting.error.empty_customer": "“customer:” needs a name or code after it.",
        "meeting.error.empty_place": "“place:” needs a place or link after it.",
        "meeting.error.empty_agenda": "“agenda:” needs some text after it.",
        "meeting.error.twice_customer": "Give one customer only.",
        "meeting.error.twice_place": "Give one place only.",
        "meeting.error.twice_agenda": "Give one agenda only.",
        "meeting.error.bad_duration": "“{text}” is not a length I understand: use 30m, 1h, "
        "1.5h, 1:30 or 90 (minutes).",
        "meeting.error.zero_duration": "A meeting must last at least a minute.",
        "meeting.error.duration_too_long": "A meeting can last {hours} hours at most.",
        "meeting.error.bad_when": "I can't read “{text}” as a date and time. Try “tomorrow 3pm”, "
        "“next Tue 10:00” or “Dec 3 15:00”.",
        "meeting.error.when_needs_time": "“{text}” is a day: add the time, like “{text} 3pm”.",
        "meeting.error.needs_when_field": "Pick when the meeting starts.",
        "meeting.error.in_the_past": "That time has already passed: pick a time in the future.",
        "meeting.error.title_too_long": "The title is too long: {limit} characters at most.",
        "meeting.error.place_too_long": "The place is too long: {limit} characters at most.",
        "meeting.error.agenda_too_long": "The agenda is too long: {limit} characters at most.",
        "meeting.error.reason_too_long": "The reason is too long: {limit} characters at most. "
        "Nothing was changed.",
        "meeting.error.minutes_too_long": "The minutes are too long: {limit} characters at "
        "most. Nothing was changed.",
        "meeting.error.minutes_full": "With this text the minutes would pass {limit} "
        "characters. Edit them in the form instead: /meeting minutes and the number.",
        "meeting.error.bad_attendee": "“{who}” is not a Slack user. Pick people in the list.",
        "meeting.error.too_many_attendees": "That is more than {limit} attendees: for "
        "a meeting that big, use a channel.",
        "meeting.error.unknown_person": "No member is called “{name}”. Mention them with @ so "
        "Slack fills in who they are.",
        "meeting.error.ambiguous_person": "“{name}” could be {names}. Use more of the name, or "
        "an @-mention.",
        "meeting.error.customer_ambiguous": "Several customers match “{query}”: {names}. Use "
        "the code.",
        "meeting.error.customer_close": "No customer you can see is called “{query}”. Did you "
        "mean: {names}?",
        "meeting.error.customer_unknown": "No customer you can see matches “{query}”.",
        "meeting.error.clash": "Someone is busy at that time ({count} clash(es)).",
        "meeting.error.not_found": "I can't find a meeting #{id} of yours.",
        "meeting.error.organiser_only": "Only the organiser of meeting #{id} ({organiser}) or "
        "an admin can change or cancel it.",
        "meeting.error.is_cancelled": "Meeting #{id} “{title}” was cancelled. Nothing was changed.",
        "meeting.error.same_time": "Meeting #{id} is already at that time. Nothing was changed.",
        "meeting.error.cancel_over": "Meeting #{id} “{title}” is already over, so it can't be "
        "cancelled.",
        "meeting.error.minutes_too_early": "Meeting #{id} “{title}” has not started yet: "
        "minutes come once it has.",
        "meeting.error.empty_minutes": "Write the minutes first.",
        "meeting.error.minutes_unchanged": "The minutes of meeting #{id} already say that. "
        "Nothing was changed.",
        "meeting.error.held_in_past": "“{title}” would start in the past now. Book it again "
        "with a new time.",
        "meeting.error.already_booked": "“{title}” is already booked (meeting #{id}).",
        "meeting.error.already_dropped": "“{title}” was not booked. Book it again if you still "
        "want it.",
    },
    "zh-CN": {
        "meeting.help.title": "/meeting 使用说明",
        "remind.meeting": "⏰ 即将开始：{title}，{at} · {customer} · {place}",
        "meeting.help": "*会议*\n"
        "• `/meeting`：打开预约表单\n"
        "• `/meeting 标题；时间；时长；@参会人；地点或链接；议程`：一行预约，例如 "
        "`/meeting 华联季度回顾；明天下午3点；1小时；@王芳 @陈杰；3号会议室`\n"
        "   只有标题和时间必填；时长默认 1 小时（可写 30分钟、1小时、1.5小时、半小时、90 即 90 "
        "分钟）。参会人用 @ 提及、`@U0123ABCD` 或 `@姓名`。也可以给某部分加标签："
        "`客户：华联`、`地点：腾讯会议链接`、`议程：报价`。各部分用“；”或“;”分隔。\n"
        "• `/meeting 列表`：您即将参加的会议\n"
        "• `/meeting 改期 12 明天下午4点`（加 `；90分钟` 可同时改时长）：调整会议 12 的时间；"
        "`/meeting 改期 12` 打开表单\n"
        "• `/meeting 取消 12 [原因]`：取消会议，并通知参会人\n"
        "• `/meeting 纪要 12 内容`：会议开始后补充纪要；`/meeting 纪要 12` 打开表单\n"
        "您预约的会议总会包含您自己。只有组织者（或管理员）可以改期或取消会议。"
        "如有参会人在该时间已有其他会议，我会告诉您是谁、与哪个会议冲突，您仍可照常预约。",
        "meeting.form.book_title": "预约会议",
        "meeting.form.book": "预约",
        "meeting.form.move_title": "会议改期",
        "meeting.form.move": "改期",
        "meeting.form.minutes_title": "会议纪要",
        "meeting.form.save": "保存",
        "meeting.form.close": "取消",
        "meeting.form.booked_title": "会议已预约",
        "meeting.form.done_title": "完成",
        "meeting.form.notice_title": "销售内勤助手",
        "meeting.form.done": "关闭",
        "meeting.field.title": "标题",
        "meeting.field.customer": "客户",
        "meeting.field.when": "开始时间",
        "meeting.field.duration": "时长",
        "meeting.field.attendees": "参会人",
        "meeting.field.place": "地点或链接",
        "meeting.field.agenda": "议程",
        "meeting.field.minutes": "纪要",
        "meeting.field.clashes": "如有参会人时间冲突",
        "meeting.field.book_anyway": "仍然预约",
        "meeting.field.move_anyway": "仍然改期",
        "meeting.hint.duration": "例如 30分钟、1小时、1.5小时 或 90（分钟）。留空即 1 小时。",
        "meeting.hint.attendees": "您自己总是参会人。这里的每个人都会收到通知。",
        "meeting.placeholder.title": "华联季度回顾",
        "meeting.placeholder.duration": "1小时",
        "meeting.placeholder.attendees": "添加参会人",
        "meeting.placeholder.place": "会议室、地址或视频会议链接",
        "meeting.placeholder.agenda": "要讨论的内容",
        "meeting.placeholder.minutes": "达成了什么、谁在何时之前做什么",
        "meeting.duration.default": "1小时",
        "meeting.duration.hours": "{hours}小时",
        "meeting.duration.minutes": "{minutes}分钟",
        "meeting.duration.hours_minutes": "{hours}小时{minutes}分钟",
        "meeting.span": "{weekday} {start}–{end}（{zone}）",
        "meeting.line.when": "时间：{when}",
        "meeting.line.was": "原定：{when}",
        "meeting.line.attendees": "参会人：{names}",
        "meeting.line.customer": "客户：{customer}",
        "meeting.line.place": "地点：{place}",
        "meeting.line.agenda": "议程：{agenda}",
        "meeting.line.reason": "原因：{reason}",
        "meeting.booked": "已预约会议 #{id}：{title}",
        "meeting.booked_despite": "已照常预约，尽管：{clashes}",
        "meeting.attendees_told": "参会人会收到通知。",
        "meeting.more": "……还有 {count} 条",
        "meeting.clash.title": "尚未预约：“{title}”的时间与有人的其他会议冲突。",
        "meeting.clash.move_title": "尚未改期：会议 #{id}“{title}”的新时间与有人的其他会议冲突。",
        "meeting.clash.line": "{who} 在 {when} 有“{title}”",
        "meeting.clash.new_time": "新时间：{when}",
        "meeting.clash.form": "时间冲突：{clashes}。请换个时间，或勾选下方的“{anyway}”。",
        "meeting.button.book_anyway": "仍然预约",
        "meeting.button.drop": "不预约了",
        "meeting.button.move_anyway": "仍然改期",
        "meeting.button.move": "改期",
        "meeting.button.cancel": "取消会议",
        "meeting.button.minutes": "纪要",
        "meeting.confirm_cancel.title": "取消这个会议？",
        "meeting.confirm_cancel.text": "将取消“{title}”并通知参会人。",
        "meeting.confirm_cancel.yes": "取消会议",
        "meeting.confirm_cancel.no": "保留",
        "meeting.moved": "会议 #{id}“{title}”已改到 {when}。",
        "meeting.cancelled": "会议 #{id}“{title}”已取消。",
        "meeting.minutes_saved": "会议 #{id}“{title}”的纪要已保存。",
        "meeting.dropped": "好的，“{title}”没有预约。",
        "meeting.list.title": "您即将参加的会议（{total}）",
        "meeting.list.empty": "您没有即将参加的会议。用 /meeting 预约一个吧。",
        "meeting.list.line": "#{id} {title} · {when}",
        "meeting.list.organiser": "组织者 {name}",
        "meeting.notify.invited": "📅 {organiser} 邀请您参加“{title}”。",
        "meeting.notify.booked": "📅 您预约了“{title}”。",
        "meeting.notify.footer": "会议 #{id} · 用 /meeting 列表 查看您的会议",
        "meeting.notify.moved": "📅 {by} 调整了“{title}”的时间。",
        "meeting.notify.cancelled": "❌ {by} 取消了“{title}”。",
        "meeting.notify.minutes": "📝 {by} 填写了“{title}”的会议纪要。",
        "meeting.error.list_takes_nothing": "/meeting 列表 显示您即将参加的会议，后面不需要加内容"
        "（不是“{word}”）。",
        "meeting.error.move_usage": "改期请给出会议编号和新时间，例如 /meeting 改期 12 "
        "明天下午4点（或用 /meeting 改期 12 打开表单）。",
        "meeting.error.cancel_usage": "取消会议请给出编号，例如 /meeting 取消 12。"
        "/meeting 列表 会显示编号。",
        "meeting.error.minutes_usage": "填写纪要请给出会议编号和内容，例如 /meeting 纪要 12 "
        "价格已谈妥（或用 /meeting 纪要 12 打开表单）。",
        "meeting.error.bad_id": "“{word}”不是会议编号：请使用 /meeting 列表 显示的编号，例如 12。",
        "meeting.error.needs_title": "请填写会议标题。",
        "meeting.error.needs_when": "要预约“{title}”，请在“；”后写上时间，例如 /meeting {title}；"
        "明天下午3点。/meeting 帮助 会列出所有用法。",
        "meeting.error.when_second": "标题后面应是开始时间，而“{text}”是时长。例如："
        "/meeting 回顾会；明天下午3点；{text}。",
        "meeting.error.too_many_parts": "我不知道“{part}”是什么：地点和议程都已经有了。"
        "可以加标签，例如 客户：华联、地点：3号会议室、议程：报价。",
        "meeting.error.bad_people": "“{text}”不是参会人列表：请用 @ 提及，例如 @王芳 或 "
        "<@U0123ABCD>。",
        "meeting.error.empty_customer": "“客户：”后面需要写客户名称或编码。",
        "meeting.error.empty_place": "“地点：”后面需要写地点或链接。",
        "meeting.error.empty_agenda": "“议程：”后面需要写内容。",
        "meeting.error.twice_customer": "只能写一个客户。",
        "meeting.error.twice_place": "只能写一个地点。",
        "meeting.error.twice_agenda": "只能写一个议程。",
        "meeting.error.bad_duration": "看不懂时长“{text}”：请用 30分钟、1小时、1.5小时、半小时、"
        "1:30 或 90（分钟）。",
        "meeting.error.zero_duration": "会议至少要一分钟。",
        "meeting.error.duration_too_long": "会议最长 {hours} 小时。",
        "meeting.error.bad_when": "看不懂时间“{text}”。可以写“明天下午3点”“下周二上午10点”或"
        "“12月3日 15:00”。",
        "meeting.error.when_needs_time": "“{text}”只是日期：请加上时间，例如“{text} 下午3点”。",
        "meeting.error.needs_when_field": "请选择会议开始时间。",
        "meeting.error.in_the_past": "这个时间已经过去了：请选择将来的时间。",
        "meeting.error.title_too_long": "标题太长：最多 {limit} 个字符。",
        "meeting.error.place_too_long": "地点太长：最多 {limit} 个字符。",
        "meeting.error.agenda_too_long": "议程太长：最多 {limit} 个字符。",
        "meeting.error.reason_too_long": "原因太长：最多 {limit} 个字符。未做任何更改。",
        "meeting.error.minutes_too_long": "纪要太长：最多 {limit} 个字符。未做任何更改。",
        "meeting.error.minutes_full": "加上这段内容后纪要会超过 {limit} 个字符。请改用表单编辑："
        "/meeting 纪要 加编号。",
        "meeting.error.bad_attendee": "“{who}”不是 Slack 用户。请从列表中选择参会人。",
        "meeting.error.too_many_attendees": "参会人超过 {limit} 位：这么大的会议请使用频道。",
        "meeting.error.unknown_person": "没有叫“{name}”的成员。请用 @ 提及，让 Slack 自动识别。",
        "meeting.error.ambiguous_person": "“{name}”可能是 {names}。请写全名，或用 @ 提及。",
        "meeting.error.customer_ambiguous": "有多个客户匹配“{query}”：{names}。请使用客户编码。",
        "meeting.error.customer_close": "在您能查看的客户中没有叫“{query}”的。您是不是要找："
        "{names}？",
        "meeting.error.customer_unknown": "在您能查看的客户中没有匹配“{query}”的。",
        "meeting.error.clash": "该时间有人已有其他会议（{count} 处冲突）。",
        "meeting.error.not_found": "找不到您的会议 #{id}。",
        "meeting.error.organiser_only": "只有会议 #{id} 的组织者（{organiser}）或管理员可以"
        "改期或取消。",
        "meeting.error.is_cancelled": "会议 #{id}“{title}”已取消。未做任何更改。",
        "meeting.error.same_time": "会议 #{id} 已经是这个时间。未做任何更改。",
        "meeting.error.cancel_over": "会议 #{id}“{title}”已经结束，不能取消。",
        "meeting.error.minutes_too_early": "会议 #{id}“{title}”还没开始：开始后才能填写纪要。",
        "meeting.error.empty_minutes": "请先填写纪要内容。",
        "meeting.error.minutes_unchanged": "会议 #{id} 的纪要已经是这些内容。未做任何更改。",
        "meeting.error.held_in_past": "“{title}”的时间现在已经过去了。请换个时间重新预约。",
        "meeting.error.already_booked": "“{title}”已经预约好了（会议 #{id}）。",
        "meeting.error.already_dropped": "“{title}”没有预约。如仍需要，请重新预约。",
    },
}
