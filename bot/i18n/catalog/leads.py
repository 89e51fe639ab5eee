MESSAGES = {
    "en": {
        "lead.help.title": "How to use /lead",
        "lead.help": "*Leads*\n"
        "• `/lead`: a form for a new lead: company, contact, phone, e-mail, region, industry, "
        "need, source and score\n"
        "• `/lead Acme Trading; Jane Cooper; +86 138 0013 8000; wants 500 flanges a month`: the "
        "same in one line: company; contact; phone or e-mail; need (`；` works too)\n"
        "• `/lead mine`: your open leads\n"
        "• *Create lead* (the ⋯ menu of any message): the form, with the message as the need\n"
        "• `/lead contacted 12 called them` (the first contact: the clock stops), "
        "`/lead follow 12 sent the price list`, `/lead qualify 12`, "
        "`/lead disqualify 12 no budget`, `/lead convert 12 [50000 CNY]` (a customer and an "
        "opportunity)\n"
        "• `/lead pool`: the team's pool (公海); `/lead claim 12`: take one from it\n"
        "A lead you enter is yours, unless it is the same company, phone or e-mail as someone "
        "else's customer or open lead: then it goes to that owner, who is told, and you are "
        "told who has it. Any other lead goes to a team and a rep by the rules below, and is "
        "to be contacted within the team's business hours (two by default).",
        "lead.modal.title": "New lead",
        "lead.modal.submit": "Save",
        "lead.modal.cancel": "Cancel",
        "lead.modal.done": "Done",
        "lead.modal.saved": "Lead saved",
        "lead.field.company": "Company",
        "lead.field.contact_name": "Contact",
        "lead.field.phone": "Phone",
        "lead.field.email": "E-mail",
        "lead.field.region": "Region",
        "lead.field.industry": "Industry",
        "lead.field.need": "Need",
        "lead.field.source": "Source",
        "lead.field.score": "Score (0-100)",
        "lead.hint.reach": "A phone or an e-mail, at least one of the two.",
        "lead.source.website": "Website",
        "lead.source.trade_show": "Trade show",
        "lead.source.referral": "Referral",
        "lead.source.phone": "Phone",
        "lead.source.email": "E-mail",
        "lead.source.slack": "Slack",
        "lead.source.other": "Other",
        "lead.status.new": "new",
        "lead.status.assigned": "assigned",
        "lead.status.contacted": "contacted",
        "lead.status.qualified": "qualified",
        "lead.status.converted": "converted",
        "lead.status.disqualified": "disqualified",
        "lead.status.recycled": "recycled",
        "lead.kind.customer": "customer",
        "lead.kind.lead": "lead",
        "lead.match.phone": "the same phone as {kind} {ref} {name}",
        "lead.match.email": "the same e-mail as {kind} {ref} {name}",
        "lead.match.company": "the same company as {kind} {ref} {name}",
        "lead.match.similar_company": "a company name {score}% like {kind} {ref} {name}",
        "lead.saved.to_owner": "Lead #{id} {company} has {match}, so it went to {owner}, who "
        "has been told.",
        "lead.saved.yours_duplicate": "Lead #{id} {company} has {match}, which is yours: the lead "
        "is yours too.",
        "lead.saved.yours": "Lead #{id} {company} is saved and yours.",
        "lead.mine.title": "Your open leads",
        "lead.mine.header": "Your open leads ({total})",
        "lead.mine.empty": "You have no open leads.",
        "lead.mine.line": "#{id} {company} · {status} · since {day}",
        "lead.mine.more": "…and {count} more.",
        "lead.notify.duplicate": "A new lead is yours: #{id} {company} (source: {source}). It "
        "has {match}.",
        "lead.notify.contact": "Contact: {contact}",
        "lead.notify.phone": "Phone: {phone}",
        "lead.notify.email": "E-mail: {email}",
        "lead.notify.need": "Need: {need}",
        "lead.error.no_company": "The company is missing.",
        "lead.error.not_text": "This must be text (a JSON string).",
        "lead.error.too_long": "This is too long: {limit} characters at most.",
        "lead.error.bad_score": "The score is a whole number from 0 to {limit}.",
        "lead.error.bad_source": "The source must be one of: {sources}.",
        "lead.error.bad_phone": "The phone needs at least 5 digits.",
        "lead.error.bad_email": "The e-mail does not look like an address (name@example.com).",
        "lead.error.no_phone_or_email": "Give a phone or an e-mail, so the lead can be reached.",
        "lead.error.one_line_usage": "A one-line lead is COMPANY; CONTACT; PHONE or E-MAIL; NEED "
        "(the need is optional). Nothing was saved; `/lead` alone opens the form.",
        "lead.form_failed": "Sorry, I couldn't open the lead form. Please try /lead again.",
        "lead.import.no_phone_or_email": "a lead needs a phone or an e-mail",
        "lead.import.bad_email": "'{value}' does not look like an e-mail address",
        "lead.import.bad_source": "unknown source '{value}' (one of: {sources})",
        "lead.import.bad_score": "score '{value}' is not a whole number from 0 to {limit}",
        "lead.import.screened": "Leads checked for duplicates: {screened}; "
        "{duplicates} went to the owner of the customer or lead they duplicate, {offered} were "
        "offered to a rep, {waiting} wait for one (`/lead unassigned`).",
        "lead.api.method": "Only POST is accepted here.",
        "lead.api.unauthorized": "A valid source token is required: Authorization: Bearer <token>.",
        "lead.api.rate": "Too many leads from this source: try again in {seconds} seconds.",
        "lead.api.length_required": "A Content-Length header is required.",
        "lead.api.bad_length": "The Content-Length header is not a number.",
        "lead.api.too_large": "The body is too large: {limit} bytes at most.",
        "lead.api.not_json": "Send the lead as JSON (Content-Type: application/json).",
        "lead.api.malformed": "The body is not valid JSON in UTF-8.",
        "lead.api.not_object": "The body must be a JSON object of fields.",
        "lead.api.internal": "Sorry, something went wrong on our side and the lead was not "
        "saved. Please try again later.",
        "lead.token.bad_source": "'{source}' is not a lead source: use one of {sources}.",
        "lead.token.exists": "{source} already has a token. Revoke it first "
        "(salesdesk leads token revoke {source}), then create a new one; the old one stops "
        "working the moment it is revoked.",
        "lead.token.none": "{source} has no token to revoke.",
        "lead.token.created": "The token of {source} (shown this once: it cannot be shown "
        "again, keep it in the sending tool's secrets):",
        "lead.token.revoked": "The token of {source} is revoked: requests with it are refused "
        "from now on.",
        "lead.token.list_header": "source · created · by · revoked",
        "lead.token.list_empty": "No lead source has a token yet: "
        "salesdesk leads token create SOURCE",
        "lead.token.active": "in use",
    },
    "zh-CN": {
        "lead.help.title": "/lead 用法",
        "lead.help": "*线索*\n"
        "• `/lead`：打开新线索表单：公司、联系人、电话、邮箱、地区、行业、需求、来源和评分\n"
        "• `/lead 上海华联贸易；张伟；138 0013 8000；询价不锈钢法兰`：一行录入："
        "公司；联系人；电话或邮箱；需求（`;` 也可以）\n"
        "• `/lead 我的`：你名下未结的线索\n"
        "• *Create lead*（任意消息的 ⋯ 菜单）：打开表单，以该消息为需求\n"
        "• `/lead 联系了 12 已电话沟通`（首次联系：计时停止）、`/lead 跟进 12 已发价格表`、"
        "`/lead 合格 12`、`/lead 无效 12 今年没有预算`、`/lead 转化 12 [50000 CNY]`"
        "（转为客户和商机）\n"
        "• `/lead 公海`：团队公海；`/lead 领取 12`：从公海领取\n"
        "你录入的线索归你，除非它与别人的客户或未结线索是同一家公司、同一电话或同一邮箱："
        "那样它归那位负责人，并通知对方，也会告诉你由谁负责。其他线索按下面的规则分到团队和"
        "销售，并须在团队的工作时间内（默认两小时）首次联系。",
        "lead.modal.title": "新线索",
        "lead.modal.submit": "保存",
        "lead.modal.cancel": "取消",
        "lead.modal.done": "完成",
        "lead.modal.saved": "线索已保存",
        "lead.field.company": "公司",
        "lead.field.contact_name": "联系人",
        "lead.field.phone": "电话",
        "lead.field.email": "邮箱",
        "lead.field.region": "地区",
        "lead.field.industry": "行业",
        "lead.field.need": "需求",
        "lead.field.source": "来源",
        "lead.field.score": "评分（0-100）",
        "lead.hint.reach": "电话或邮箱，至少填写一项。",
        "lead.source.website": "官网",
        "lead.source.trade_show": "展会",
        "lead.source.referral": "转介绍",
        "lead.source.phone": "电话",
        "lead.source.email": "邮件",
        "lead.source.slack": "Slack",
        "lead.source.other": "其他",
        "lead.status.new": "新建",
        "lead.status.assigned": "已分配",
        "lead.status.contacted": "已联系",
        "lead.status.qualified": "已确认",
        "lead.status.converted": "已转化",
        "lead.status.disqualified": "无效",
        "lead.status.recycled": "已回收",
        "lead.kind.customer": "客户",
        "lead.kind.lead": "线索",
        "lead.match.phone": "与{kind} {ref} {name}电话相同",
        "lead.match.email": "与{kind} {ref} {name}邮箱相同",
        "lead.match.company": "与{kind} {ref} {name}是同一家公司",
        "lead.match.similar_company": "公司名与{kind} {ref} {name}相似度 {score}%",
        "lead.saved.to_owner": "线索 #{id} {company}{match}，已转给 {owner}，并已通知对方。",
        "lead.saved.yours_duplicate": "线索 #{id} {company}{match}，该记录归你，线索也归你。",
        "lead.saved.yours": "线索 #{id} {company} 已保存，归你负责。",
        "lead.mine.title": "你的未结线索",
        "lead.mine.header": "你的未结线索（{total}）",
        "lead.mine.empty": "你目前没有未结的线索。",
        "lead.mine.line": "#{id} {company} · {status} · {day} 起",
        "lead.mine.more": "……另有 {count} 条。",
        "lead.notify.duplicate": "有一条新线索归你：#{id} {company}（来源：{source}），{match}。",
        "lead.notify.contact": "联系人：{contact}",
        "lead.notify.phone": "电话：{phone}",
        "lead.notify.email": "邮箱：{email}",
        "lead.notify.need": "需求：{need}",
        "lead.error.no_company": "缺少公司名称。",
        "lead.error.not_text": "此项必须是文本（JSON 字符串）。",
        "lead.error.too_long": "内容太长：最多 {limit} 个字符。",
        "lead.error.bad_score": "评分须为 0 到 {limit} 的整数。",
        "lead.error.bad_source": "来源须为以下之一：{sources}。",
        "lead.error.bad_phone": "电话至少要有 5 位数字。",
        "lead.error.bad_email": "邮箱格式不对（例如 name@example.com）。",
        "lead.error.no_phone_or_email": "请填写电话或邮箱，以便联系。",
        "lead.error.one_line_usage": "一行录入线索的格式：公司；联系人；电话或邮箱；需求"
        "（需求可省略）。未保存任何内容；只输入 `/lead` 可打开表单。",
        "lead.form_failed": "抱歉，无法打开线索表单。请再试一次 /lead。",
        "lead.import.no_phone_or_email": "线索须有电话或邮箱",
        "lead.import.bad_email": "“{value}”不像邮箱地址",
        "lead.import.bad_source": "未知来源“{value}”（可用：{sources}）",
        "lead.import.bad_score": "评分“{value}”不是 0 到 {limit} 的整数",
        "lead.import.screened": "已查重的线索：{screened} 条；其中 {duplicates} "
        "条与已有客户或线索重复，已转给其负责人；{offered} 条已分给销售；{waiting} 条等待分配"
        "（`/lead 未分配`）。",
        "lead.api.method": "此处只接受 POST。",
        "lead.api.unauthorized": "需要有效的来源令牌：Authorization: Bearer <令牌>。",
        "lead.api.rate": "此来源发送过快：请 {seconds} 秒后再试。",
        "lead.api.length_required": "需要 Content-Length 请求头。",
        "lead.api.bad_length": "Content-Length 请求头不是数字。",
        "lead.api.too_large": "请求体太大：最多 {limit} 字节。",
        "lead.api.not_json": "请以 JSON 发送线索（Content-Type: application/json）。",
        "lead.api.malformed": "请求体不是有效的 UTF-8 JSON。",
        "lead.api.not_object": "请求体必须是字段组成的 JSON 对象。",
        "lead.api.internal": "抱歉，我们这边出了问题，线索未保存。请稍后再试。",
        "lead.token.bad_source": "“{source}”不是线索来源：请用 {sources} 之一。",
        "lead.token.exists": "{source} 已有令牌。请先吊销（salesdesk leads token revoke "
        "{source}），再新建；旧令牌一经吊销立即失效。",
        "lead.token.none": "{source} 没有可吊销的令牌。",
        "lead.token.created": "{source} 的令牌（仅显示这一次，之后无法再次查看，"
        "请保存在发送工具的密钥中）：",
        "lead.token.revoked": "{source} 的令牌已吊销：此后使用它的请求都会被拒绝。",
        "lead.token.list_header": "来源 · 创建时间 · 创建人 · 吊销时间",
        "lead.token.list_empty": "还没有任何线索来源的令牌：salesdesk leads token create 来源",
        "lead.token.active": "使用中",
    },
}
