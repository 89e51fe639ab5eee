"""Targets set, split and locked (`/target set|split|lock`, the target form, `/target help`),
exchange rates (`/desk rate`, `/desk rates`) and the targets and rates imports."""

HELP_EN = (
    "*Targets* (目标)\n"
    "• `/target [mine|team] [PERIOD] [METRIC]`: attainment and pace (default: mine, this month); "
    "a manager also sees each rep. Like `/target team quarter collections`\n"
    "• `/target set`: the form\n"
    "• `/target set WHO METRIC PERIOD AMOUNT [reason …]`: set one target, like "
    "`/target set @wang orders 2026-11 500k` or `/target set team order_amount 2026 12,000,000`\n"
    "• `/target split WHO METRIC PERIOD even|seasonal`: a year into its quarters and each quarter "
    "into its months, or a quarter into its months: `even`, or `seasonal` (by last year's months); "
    "the parts add up to the cent\n"
    "• `/target lock METRIC YEAR [TEAM]`: lock the year's plan, once every year is the sum of its "
    "quarters and every quarter the sum of its months, for the team and each rep\n"
    "• `/target kpi [PERIOD] [@rep]`: the monthly KPI scorecard\n"
    "• `/target kpi set order_amount=40 collections=30:60-120 …`: the scorecard's weights "
    "(they add up to 100) and, after a colon, the FLOOR-CAP attainment percents"
)
WORDS_EN = (
    "*WHO*: `team` (your own team), a team's name (in quotes when it has spaces) or @someone of "
    "the team.\n"
    "*PERIOD*: `2026`, `2026-Q4`, `Q4`, `2026-11`, `11月`, `2026年11月`, `this month`, "
    "`last month`, `quarter`, `year` (本月, 上月, 本季度, 今年).\n"
    "*AMOUNT*: `1,200,000`, `50万`, `1.5亿`, `500k`, `2m`: money in the team's reporting currency; "
    "customers and visits are whole numbers.\n"
    "*METRIC*: `order_amount` (orders, 订单: orders by order date, not cancelled, credited to the "
    "order's rep) · `shipped_amount` (shipped, 发货: orders by ship date) · `collections` "
    "(回款: payments by the day paid, credited to the order's rep, else the customer's owner) · "
    "`new_customers` (新客户: customers whose first order falls in the period) · "
    "`effective_visits` (visits, 有效拜访: effective visits on the team's clock). Other currencies "
    "are converted at their month's rate (`/desk rates`); a missing rate is named, never guessed."
)
RULES_EN = (
    "*Who*: the team's manager or an admin sets, splits and locks targets (an admin names the "
    "team). Once a plan is locked, a change needs a reason (`… reason the customer ordered early`); "
    "every change is kept in the audit log. The reps' targets need not add up to the team's: "
    "teams often give their reps more than the team target, and the confirmation shows both."
)
HELP_ZH = (
    "*目标*\n"
    "• `/target [我的|团队] [期间] [指标]`：达成率与进度（默认：我的、本月）；经理还能看到每位销售。"
    "例如 `/target 团队 本季度 回款`\n"
    "• `/target 设置`：打开表单\n"
    "• `/target 设置 对象 指标 期间 金额 [原因 …]`：设定一个目标，例如 "
    "`/target 设置 @王芳 订单 2026-11 50万` 或 `/target 设置 团队 订单 2026 1200万`\n"
    "• `/target 分解 对象 指标 期间 平均|按季节`：把全年分解到各季度、再把每季度分解到各月，"
    "或把一个季度分解到各月：`平均`，或`按季节`（按去年各月占比）；各部分之和精确到分\n"
    "• `/target 锁定 指标 年份 [团队]`：锁定全年计划——团队和每位销售的全年都等于各季度之和、"
    "每季度都等于各月之和时才能锁定\n"
    "• `/target 考核 [期间] [@销售]`：月度考核记分卡\n"
    "• `/target 考核 set order_amount=40 collections=30:60-120 …`：考核权重（合计 100），"
    "冒号后是计分的下限-上限达成率"
)
WORDS_ZH = (
    "*对象*：`团队`（你所在的团队）、团队名称（有空格时加引号）或本团队的 @某人。\n"
    "*期间*：`2026`、`2026-Q4`、`Q4`、`2026-11`、`11月`、`2026年11月`、`本月`、`上月`、"
    "`本季度`、`今年`。\n"
    "*金额*：`1,200,000`、`50万`、`1.5亿`、`500k`：金额以团队的报告货币计；新客户和拜访为整数。\n"
    "*指标*：`订单`（order_amount：按下单日期、不含已取消订单，计入订单的销售）· "
    "`发货`（shipped_amount：按发货日期）· `回款`（collections：按回款日期，计入订单的销售，"
    "否则计入客户负责人）· `新客户`（new_customers：首笔订单落在该期间的客户）· "
    "`有效拜访`（effective_visits：按团队时区计的有效拜访）。其他货币按当月汇率折算"
    "（`/desk rates`）；缺少汇率时会写明，绝不猜测。"
)
RULES_ZH = (
    "*权限*：团队经理或管理员可以设定、分解和锁定目标（管理员需写明团队）。计划锁定后，"
    "每次修改都要写明原因（`… 原因 客户提前下单`），所有修改都记入审计日志。销售目标之和不必等于"
    "团队目标：团队常常给销售分配高于团队目标的任务，确认消息会同时显示两者。"
)

MESSAGES = {
    "en": {
        "target.help.title": "How to use /target",
        "target.help": HELP_EN,
        "target.help.words": WORDS_EN,
        "target.help.rules": RULES_EN,
        "target.form_failed": "Sorry, I could not open the target form. Please try again, or type `/target set WHO METRIC PERIOD AMOUNT`.",
        "target.metric.order_amount": "order amount",
        "target.metric.shipped_amount": "shipped amount",
        "target.metric.collections": "collections",
        "target.metric.new_customers": "new customers",
        "target.metric.effective_visits": "effective visits",
        "target.error.amount": "“{value}” is not an amount: write 0 or more with at most 2 decimals, like 1,200,000, 50万, 1.5亿 or 500k.",
        "target.error.unknown_words": "I did not understand “{words}”. Type `/target help` to see what /target takes.",
        "target.error.set_usage": "To set a target: `/target set WHO METRIC PERIOD AMOUNT [reason …]`, like `/target set @wang orders 2026-11 500k` or `/target set team order_amount 2026 12,000,000`. Or `/target set` alone for the form.",
        "target.error.split_usage": "To split a target: `/target split WHO METRIC PERIOD even|seasonal`, like `/target split team orders 2026 even` or `/target split @wang collections 2026-Q4 seasonal`.",
        "target.error.split_month": "{period} is a month: only a year (into quarters and months) or a quarter (into months) can be split.",
        "target.error.lock_usage": "To lock a plan: `/target lock METRIC YEAR [TEAM]`, like `/target lock orders 2026`.",
        "target.error.kpi_usage": "“{value}” is not a KPI weight: write `/target kpi set order_amount=40 collections=30:60-120 …`: each indicator=weight, optionally :FLOOR-CAP percents.",
        "target.error.not_allowed": "Only the manager of {team} or an admin can set, split or lock its targets.",
        "target.error.not_allowed_any": "Only a team's manager or an admin can set targets.",
        "target.error.which_team": 'Which team? You belong to none, so name it, like `/target set "East 华东" orders 2026 12,000,000` or `/target lock orders 2026 "East 华东"`.',
        "target.error.no_member": "{who} is not an active member of Sales Desk.",
        "target.error.no_team": "There is no team called “{team}”. To name a person, mention them, like @wang.",
        "target.error.member_without_team": "{name} belongs to no team, so they cannot carry a target.",
        "target.error.reason_too_long": "The reason is too long: {limit} characters at most.",
        "target.error.reason_needed": "{team}'s {metric} plan for {year} is locked, so a change needs a reason. Please add one, like `… reason the customer ordered early`; it goes into the audit log with the change. Nothing was changed.",
        "target.error.whole_number": "{metric} counts whole things: “{value}” is not a whole number.",
        "target.error.split_locked": "{team}'s {metric} plan for {year} is locked: it cannot be split again. Change single targets with a reason instead (`/target set … reason …`).",
        "target.error.nothing_to_split": "{holder} has no target for {period} to split. Set it first: `/target set WHO METRIC {period} AMOUNT`.",
        "target.error.no_history": "There is nothing from {year} to take the monthly shape from, neither for {holder} nor for the team. Split it `even` instead, or set the months by hand with `/target set`.",
        "target.error.history_incomplete": "Last year's figures are incomplete: there is no {currency} → {to_currency} rate for {month}, so the monthly shape would be wrong. Add the rate (`/desk rate {month} {currency} {to_currency} RATE`), or split `even`.",
        "target.error.nothing_to_lock": "{team} has no {metric} target for {year} to lock.",
        "target.error.holder_missing": "Choose whose target it is.",
        "target.error.metric_missing": "Choose a metric.",
        "target.error.period": "“{value}” is not a period: write 2026, 2026-Q4 or 2026-11 (also 11月, this month, quarter …).",
        "target.none": "not set",
        "target.team_holder": "{team} (the team)",
        "target.set.created": "Saved: {holder} · {metric} · {period}: {amount}.",
        "target.set.changed": "Saved: {holder} · {metric} · {period}: {amount} (was {before}).",
        "target.set.unchanged": "{holder} · {metric} · {period} is already {amount}: nothing changed.",
        "target.set.reason": "Reason, kept in the audit log: {reason}",
        "target.set.locked": "The {year} plan is locked: this change and its reason are in the audit log.",
        "target.beside": "{period} · team target: {team_amount} · the reps' targets add up to {reps_sum} ({reps} reps). They need not match: teams often give their reps more than the team target.",
        "target.split.title": "{holder} · {metric} · {period}: {amount}, split {method}:",
        "target.split.even": "evenly",
        "target.split.seasonal": "by last year's monthly shape ({source})",
        "target.split.line": "{period}: {amount}",
        "target.split.was": "{period}: {amount} (was {before})",
        "target.lock.done": "Locked: {team} · {metric} · {year}. From now on every change needs a reason and is kept in the audit log.",
        "target.lock.already": "{team} · {metric} · {year} was already locked, on {at} by {by}.",
        "target.lock.refused": "{team} · {metric} · {year} cannot be locked yet: these periods do not add up to their parts. Fix them with `/target set` or `/target split`, then lock again.",
        "target.lock.mismatch": "• {holder} · {period}: {amount}, but {children} add up to {children_sum}",
        "target.lock.missing": " ({missing} not set)",
        "target.lock.more": "… and {count} more.",
        "target.form.title": "Set a target",
        "target.form.submit": "Save",
        "target.form.close": "Close",
        "target.form.holder": "Whose target",
        "target.form.metric": "Metric",
        "target.form.period": "Period",
        "target.form.period_hint": "2026, 2026-Q4 or 2026-11 (also 11月, this month, quarter, year).",
        "target.form.amount": "Amount",
        "target.form.amount_hint": "Money in {currency}, like 1,200,000, 50万 or 500k; customers and visits as a whole number.",
        "target.form.reason": "Reason",
        "target.form.reason_hint": "Needed once the year's plan is locked; kept in the audit log.",
        "target.form.done": "Target saved",
        "rate.help": "*Exchange rates* (admins set, everyone reads)\n• `/desk rate MONTH CUR TO RATE`: one unit of CUR was worth RATE of TO that month, like `/desk rate 2026-11 USD CNY 7.1234`\n• `/desk rates [MONTH]`: the rates kept, like `/desk rates 2026-11`\nAmounts in another currency count towards targets at their own month's rate.",
        "rate.error.usage": "To set a rate: `/desk rate MONTH CUR TO RATE`, like `/desk rate 2026-11 USD CNY 7.1234`.",
        "rate.error.month": "“{value}” is not a month: write it like 2026-11.",
        "rate.error.currency": "“{value}” is not a currency in use: write an ISO code like CNY, USD or EUR.",
        "rate.error.same_currency": "A rate converts one currency into another: {currency} into {currency} is always 1.",
        "rate.error.rate": "“{value}” is not a rate: write a number more than 0 with at most 8 decimals, like 7.1234.",
        "rate.error.admins_only": "Only admins can set exchange rates.",
        "rate.set.created": "Saved: in {month}, 1 {currency} = {rate} {to_currency}.",
        "rate.set.changed": "Saved: in {month}, 1 {currency} = {rate} {to_currency} (was {before}).",
        "rate.set.unchanged": "In {month}, 1 {currency} is already {rate} {to_currency}: nothing changed.",
        "rate.list.title": "Exchange rates · {month}",
        "rate.list.all": "every month",
        "rate.list.line": "{month} · 1 {currency} = {rate} {to_currency}",
        "rate.list.empty": "No exchange rates are kept for {month} yet. An admin adds them with `/desk rate MONTH CUR TO RATE` or `salesdesk import rates FILE.csv`.",
        "rate.list.more": "… and {count} more: name a month, like `/desk rates 2026-11`.",
        "import.kind.targets": "targets",
        "import.kind.rates": "exchange rates",
        "import.reject.bad_period": "'{value}' is not a period: use 2026, 2026-Q4 or 2026-11",
        "import.reject.bad_metric": "unknown metric '{value}': use order_amount, shipped_amount, collections, new_customers or effective_visits",
        "import.reject.member_not_in_team": "{member} is not a member of {team}: a member's target belongs to their own team",
        "import.reject.target_whole": "{metric} counts whole things: '{value}' is not a whole number",
        "import.reject.target_locked": "the {year} {metric} plan of {team} is locked: a change needs a reason, given in Slack (/target set … reason …)",
        "import.reject.bad_month": "'{value}' is not a month: use YYYY-MM, like 2026-11",
        "import.reject.same_currency": "currency and to_currency are both {currency}: a rate converts one currency into another",
        "import.reject.bad_rate": "'{value}' is not a rate: use a number more than 0 with at most 8 decimals, like 7.1234",
    },
    "zh-CN": {
        "target.help.title": "/target 用法",
        "target.help": HELP_ZH,
        "target.help.words": WORDS_ZH,
        "target.help.rules": RULES_ZH,
        "target.form_failed": "抱歉，无法打开目标表单。请重试，或输入 `/target 设置 对象 指标 期间 金额`。",
        "target.metric.order_amount": "订单额",
        "target.metric.shipped_amount": "发货额",
        "target.metric.collections": "回款",
        "target.metric.new_customers": "新客户",
        "target.metric.effective_visits": "有效拜访",
        "target.error.amount": "“{value}”不是金额：请写 0 或以上、最多两位小数的数，例如 1,200,000、50万、1.5亿 或 500k。",
        "target.error.unknown_words": "我没看懂“{words}”。输入 `/target 帮助` 查看用法。",
        "target.error.set_usage": "设定目标：`/target 设置 对象 指标 期间 金额 [原因 …]`，例如 `/target 设置 @王芳 订单 2026-11 50万` 或 `/target 设置 团队 订单 2026 1200万`。只输入 `/target 设置` 则打开表单。",
        "target.error.split_usage": "分解目标：`/target 分解 对象 指标 期间 平均|按季节`，例如 `/target 分解 团队 订单 2026 平均` 或 `/target 分解 @王芳 回款 2026-Q4 按季节`。",
        "target.error.split_month": "{period} 是月份：只能分解全年（到季度和月）或季度（到月）。",
        "target.error.lock_usage": "锁定计划：`/target 锁定 指标 年份 [团队]`，例如 `/target 锁定 订单 2026`。",
        "target.error.kpi_usage": "“{value}”不是考核权重：请写 `/target 考核 set order_amount=40 collections=30:60-120 …`，即 指标=权重，可在后面加上 `:下限-上限` 百分比。",
        "target.error.not_allowed": "只有 {team} 的经理或管理员可以设定、分解或锁定该团队的目标。",
        "target.error.not_allowed_any": "只有团队经理或管理员可以设定目标。",
        "target.error.which_team": '哪个团队？你不属于任何团队，请写明团队名称，例如 `/target 设置 "East 华东" 订单 2026 1200万` 或 `/target 锁定 订单 2026 "East 华东"`。',
        "target.error.no_member": "{who} 不是 Sales Desk 的在职成员。",
        "target.error.no_team": "没有名为“{team}”的团队。要指定某人，请 @ 提及，例如 @王芳。",
        "target.error.member_without_team": "{name} 不属于任何团队，无法设定目标。",
        "target.error.reason_too_long": "原因太长：最多 {limit} 个字符。",
        "target.error.reason_needed": "{team} 的 {year} 年{metric}计划已锁定，修改需要写明原因。请补上原因，例如 `… 原因 客户提前下单`；原因会和修改一起记入审计日志。未做任何修改。",
        "target.error.whole_number": "{metric}按个数计：“{value}”不是整数。",
        "target.error.split_locked": "{team} 的 {year} 年{metric}计划已锁定，不能再分解。请改为逐项修改并写明原因（`/target 设置 … 原因 …`）。",
        "target.error.nothing_to_split": "{holder} 没有 {period} 的目标可分解。请先设定：`/target 设置 对象 指标 {period} 金额`。",
        "target.error.no_history": "{year} 年没有可参照的月度数据，{holder} 和团队都没有。请改用`平均`分解，或用 `/target 设置` 逐月设定。",
        "target.error.history_incomplete": "去年的数据不完整：缺少 {month} 的 {currency} → {to_currency} 汇率，按月占比会失真。请先补上汇率（`/desk rate {month} {currency} {to_currency} 汇率`），或改用`平均`分解。",
        "target.error.nothing_to_lock": "{team} 没有 {year} 年的{metric}目标可锁定。",
        "target.error.holder_missing": "请选择目标对象。",
        "target.error.metric_missing": "请选择指标。",
        "target.error.period": "“{value}”不是期间：请写 2026、2026-Q4 或 2026-11（也可写 11月、本月、本季度 …）。",
        "target.none": "未设定",
        "target.team_holder": "{team}（团队）",
        "target.set.created": "已保存：{holder} · {metric} · {period}：{amount}。",
        "target.set.changed": "已保存：{holder} · {metric} · {period}：{amount}（原为 {before}）。",
        "target.set.unchanged": "{holder} · {metric} · {period} 已经是 {amount}，未做修改。",
        "target.set.reason": "原因（已记入审计日志）：{reason}",
        "target.set.locked": "{year} 年计划已锁定：本次修改及原因已记入审计日志。",
        "target.beside": "{period} · 团队目标：{team_amount} · 销售目标合计：{reps_sum}（{reps} 人）。两者不必相等：团队常给销售分配高于团队目标的任务。",
        "target.split.title": "{holder} · {metric} · {period}：{amount}，{method}分解：",
        "target.split.even": "平均",
        "target.split.seasonal": "按去年各月占比（{source}）",
        "target.split.line": "{period}：{amount}",
        "target.split.was": "{period}：{amount}（原为 {before}）",
        "target.lock.done": "已锁定：{team} · {metric} · {year}。此后每次修改都需写明原因，并记入审计日志。",
        "target.lock.already": "{team} · {metric} · {year} 已于 {at} 由 {by} 锁定。",
        "target.lock.refused": "{team} · {metric} · {year} 还不能锁定：以下期间与其下级之和不符。请用 `/target 设置` 或 `/target 分解` 修正后再锁定。",
        "target.lock.mismatch": "• {holder} · {period}：{amount}，但 {children} 合计 {children_sum}",
        "target.lock.missing": "（{missing} 未设定）",
        "target.lock.more": "… 另有 {count} 项。",
        "target.form.title": "设定目标",
        "target.form.submit": "保存",
        "target.form.close": "关闭",
        "target.form.holder": "目标对象",
        "target.form.metric": "指标",
        "target.form.period": "期间",
        "target.form.period_hint": "2026、2026-Q4 或 2026-11（也可写 11月、本月、本季度、今年）。",
        "target.form.amount": "金额",
        "target.form.amount_hint": "金额以 {currency} 计，例如 1,200,000、50万 或 500k；新客户和拜访写整数。",
        "target.form.reason": "原因",
        "target.form.reason_hint": "全年计划锁定后必填；记入审计日志。",
        "target.form.done": "目标已保存",
        "rate.help": "*汇率*（管理员设定，所有人可查看）\n• `/desk rate 月份 货币 目标货币 汇率`：该月 1 单位货币折合多少目标货币，例如 `/desk rate 2026-11 USD CNY 7.1234`\n• `/desk rates [月份]`：查看已有汇率，例如 `/desk rates 2026-11`\n其他货币的金额按其所在月份的汇率计入目标。",
        "rate.error.usage": "设定汇率：`/desk rate 月份 货币 目标货币 汇率`，例如 `/desk rate 2026-11 USD CNY 7.1234`。",
        "rate.error.month": "“{value}”不是月份：请写成 2026-11 这样。",
        "rate.error.currency": "“{value}”不是在用的货币：请用 CNY、USD、EUR 这样的 ISO 代码。",
        "rate.error.same_currency": "汇率是把一种货币折成另一种：{currency} 对 {currency} 永远是 1。",
        "rate.error.rate": "“{value}”不是汇率：请写大于 0、最多 8 位小数的数，例如 7.1234。",
        "rate.error.admins_only": "只有管理员可以设定汇率。",
        "rate.set.created": "已保存：{month}，1 {currency} = {rate} {to_currency}。",
        "rate.set.changed": "已保存：{month}，1 {currency} = {rate} {to_currency}（原为 {before}）。",
        "rate.set.unchanged": "{month}，1 {currency} 已经是 {rate} {to_currency}，未做修改。",
        "rate.list.title": "汇率 · {month}",
        "rate.list.all": "全部月份",
        "rate.list.line": "{month} · 1 {currency} = {rate} {to_currency}",
        "rate.list.empty": "{month} 还没有汇率。管理员可用 `/desk rate 月份 货币 目标货币 汇率` 或 `salesdesk import rates FILE.csv` 添加。",
        "rate.list.more": "… 另有 {count} 条：请写明月份，例如 `/desk rates 2026-11`。",
        "import.kind.targets": "目标",
        "import.kind.rates": "汇率",
        "import.reject.bad_period": "“{value}”不是期间：请用 2026、2026-Q4 或 2026-11",
        "import.reject.bad_metric": "未知指标“{value}”：请用 order_amount、shipped_amount、collections、new_customers 或 effective_visits",
        "import.reject.member_not_in_team": "{member} 不是 {team} 的成员：成员的目标属于其所在团队",
        "import.reject.target_whole": "{metric} 按个数计：“{value}”不是整数",
        "import.reject.target_locked": "{team} 的 {year} 年 {metric} 计划已锁定：修改需要写明原因，请在 Slack 中修改（/target 设置 … 原因 …）",
        "import.reject.bad_month": "“{value}”不是月份：请用 YYYY-MM，例如 2026-11",
        "import.reject.same_currency": "currency 和 to_currency 都是 {currency}：汇率是把一种货币折成另一种",
        "import.reject.bad_rate": "“{value}”不是汇率：请写大于 0、最多 8 位小数的数，例如 7.1234",
    },
}
