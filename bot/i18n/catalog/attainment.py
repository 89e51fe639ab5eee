MESSAGES = {
    "en": {
        "attainment.metric.order_amount": "Order amount",
        "attainment.metric.shipped_amount": "Shipped amount",
        "attainment.metric.collections": "Collections",
        "attainment.metric.new_customers": "New customers",
        "attainment.metric.effective_visits": "Effective visits",
        "attainment.period.year": "{year}",
        "attainment.period.quarter": "Q{number} {year}",
        "attainment.title.mine": "Your targets · {period}",
        "attainment.title.team": "Team {team} · {period}",
        "attainment.title.all_teams": "Every team's targets · {period}",
        "attainment.empty.mine": "Neither you nor team {team} has a target for {period} yet. "
        "Your manager sets them with /target set.",
        "attainment.empty.team": "Team {team} has no target for {period} yet. "
        "Its manager sets them with /target set.",
        "attainment.empty.all_teams": "No team has a target for {period} yet. "
        "Set one with /target set TEAM METRIC PERIOD AMOUNT.",
        "attainment.error.no_team": "You are not in a team yet, so you have no targets to see. "
        "Ask an admin to add you to your team.",
        "attainment.who.you": "You",
        "attainment.who.team": "Team {team}",
        "attainment.percent": "{value} %",
        "attainment.line.target": "{who}: {bar} {percent}",
        "attainment.line.no_target": "{who}: no target",
        "attainment.line.actual": "{actual} of {target}",
        "attainment.line.actual_only": "{actual} so far",
        "attainment.line.pace_ahead": "Pace: {share} of the working days gone, so {expected} "
        "by today; ahead by {gap}",
        "attainment.line.pace_behind": "Pace: {share} of the working days gone, so {expected} "
        "by today; behind by {gap}",
        "attainment.line.pace_even": "Pace: {share} of the working days gone, so {expected} "
        "by today; right on pace",
        "attainment.line.projection": "Projection to {end}: {projection} ({percent})",
        "attainment.line.projection_no_target": "Projection to {end}: {projection}",
        "attainment.line.over": "Period over: final figure",
        "attainment.rep.target": "{name}: {bar} {percent} · {actual} of {target} · "
        "pace {expected} · {gap} · projected {projection}",
        "attainment.rep.no_target": "{name}: no target · {actual} so far",
        "attainment.rep.incomplete": " · ⚠️ incomplete",
        "attainment.team.line": "{team}: {bar} {percent} · {actual} of {target} · "
        "projected {projection}",
        "attainment.team.no_target": "{team}: no target · {actual} so far",
        "attainment.reps.title": "Each rep ({count})",
        "attainment.reps.none": "No active rep in the team.",
        "attainment.more": "…and {count} more not shown here: ask for one metric, for example "
        "/target team {period} {metric}.",
        "attainment.rates.used": "Rates used: {rates}",
        "attainment.rates.missing": "⚠️ Incomplete: no rate for {rates}; amounts in those "
        "currencies and months are left out, not guessed. An admin adds a rate with "
        "/desk rate MONTH CURRENCY {to} RATE.",
        "attainment.rate": "{currency}→{to} {rate} ({month})",
        "attainment.missing_rate": "{currency}→{to} ({month})",
        "attainment.how": "Attainment = actual ÷ target. Pace: the share of the period's "
        "working days gone by today ({calendar}), from a rep's first day if they joined later. "
        "Projection: the run rate per working day carried to the period's end (shipped amount: "
        "plus confirmed orders due to ship by then). Money in {currency}, each month at its own "
        "rate.",
        "attainment.calendar.cn": "China's public holidays and make-up days",
        "attainment.calendar.weekends": "Monday to Friday",
        "attainment.digest.title": "Targets this month",
        "attainment.digest.line": "{metric}: {bar} {percent} · {actual} of {target} · "
        "pace {expected} · {gap}",
        "attainment.digest.no_target": "{metric}: no target · {actual} so far",
        "attainment.home.title": "Your targets this month",
        "attainment.home.line": "{metric}: {bar} {percent} · {actual} of {target} · "
        "pace {expected} · {gap}",
        "attainment.gap.ahead": "+{amount} ahead",
        "attainment.gap.behind": "−{amount} behind",
        "attainment.gap.even": "on pace",
        "attainment.milestone": "🎯 You have reached {percent} of your {metric} target for "
        "{period}: {actual} of {target}.",
        "attainment.milestone.done": "🏆 Target reached: {percent} of your {metric} target for "
        "{period}: {actual} of {target}. Well done!",
        "attainment.alert.title": "Team {team}: reps projected under {threshold} % for {period}",
        "attainment.alert.line": "{name} · {metric}: {actual} of {target} ({percent}), "
        "projected {projection} ({projection_percent})",
        "attainment.alert.more": "…and {count} more: see /target team.",
        "attainment.alert.hint": "Projection: the run rate per working day carried to the "
        "month's end (shipped amount: plus confirmed orders due to ship).",
    },
    "zh-CN": {
        "attainment.metric.order_amount": "订单额",
        "attainment.metric.shipped_amount": "发货额",
        "attainment.metric.collections": "回款",
        "attainment.metric.new_customers": "新客户",
        "attainment.metric.effective_visits": "有效拜访",
        "attainment.period.year": "{year}年",
        "attainment.period.quarter": "{year}年第{number}季度",
        "attainment.title.mine": "我的目标 · {period}",
        "attainment.title.team": "{team}团队 · {period}",
        "attainment.title.all_teams": "各团队目标 · {period}",
        "attainment.empty.mine": "{period}你和{team}团队都还没有目标。经理可用 /target set 设置。",
        "attainment.empty.team": "{team}团队{period}还没有目标。经理可用 /target set 设置。",
        "attainment.empty.all_teams": "{period}还没有任何团队设置目标。"
        "可用 /target set 团队 指标 期间 金额 设置。",
        "attainment.error.no_team": "你还没有加入团队，所以没有目标可看。请管理员把你加入团队。",
        "attainment.who.you": "我",
        "attainment.who.team": "{team}团队",
        "attainment.percent": "{value}%",
        "attainment.line.target": "{who}：{bar} {percent}",
        "attainment.line.no_target": "{who}：未设目标",
        "attainment.line.actual": "已完成 {actual} / 目标 {target}",
        "attainment.line.actual_only": "目前已完成 {actual}",
        "attainment.line.pace_ahead": "进度：已过 {share} 的工作日，今天应达 {expected}；"
        "领先 {gap}",
        "attainment.line.pace_behind": "进度：已过 {share} 的工作日，今天应达 {expected}；"
        "落后 {gap}",
        "attainment.line.pace_even": "进度：已过 {share} 的工作日，今天应达 {expected}；正好持平",
        "attainment.line.projection": "预计到 {end}：{projection}（{percent}）",
        "attainment.line.projection_no_target": "预计到 {end}：{projection}",
        "attainment.line.over": "本期已结束：最终数字",
        "attainment.rep.target": "{name}：{bar} {percent} · {actual} / {target} · "
        "应达 {expected} · {gap} · 预计 {projection}",
        "attainment.rep.no_target": "{name}：未设目标 · 目前 {actual}",
        "attainment.rep.incomplete": " · ⚠️ 不完整",
        "attainment.team.line": "{team}：{bar} {percent} · {actual} / {target} · 预计 {projection}",
        "attainment.team.no_target": "{team}：未设目标 · 目前 {actual}",
        "attainment.reps.title": "各销售（{count} 人）",
        "attainment.reps.none": "团队里没有在职销售。",
        "attainment.more": "……另有 {count} 项未列出：请指定一个指标，例如 "
        "/target team {period} {metric}。",
        "attainment.rates.used": "所用汇率：{rates}",
        "attainment.rates.missing": "⚠️ 数据不完整：缺少汇率 {rates}；这些币种和月份的金额未计入，"
        "不做估算。管理员可用 /desk rate 月份 币种 {to} 汇率 添加。",
        "attainment.rate": "{currency}→{to} {rate}（{month}）",
        "attainment.missing_rate": "{currency}→{to}（{month}）",
        "attainment.how": "完成率 = 实际 ÷ 目标。进度：到今天已过的工作日占本期工作日的比例"
        "（{calendar}），期中入职的销售从入职日算起。预计：按每个工作日的平均进度推算到期末"
        "（发货额：加上期末前应发货的已确认订单）。金额以 {currency} 计，各月按当月汇率折算。",
        "attainment.calendar.cn": "按中国法定节假日和调休",
        "attainment.calendar.weekends": "周一至周五",
        "attainment.digest.title": "本月目标",
        "attainment.digest.line": "{metric}：{bar} {percent} · {actual} / {target} · "
        "应达 {expected} · {gap}",
        "attainment.digest.no_target": "{metric}：未设目标 · 目前 {actual}",
        "attainment.home.title": "我本月的目标",
        "attainment.home.line": "{metric}：{bar} {percent} · {actual} / {target} · "
        "应达 {expected} · {gap}",
        "attainment.gap.ahead": "领先 {amount}",
        "attainment.gap.behind": "落后 {amount}",
        "attainment.gap.even": "持平",
        "attainment.milestone": "🎯 你{period}的{metric}目标已完成 {percent}：{actual} / {target}。",
        "attainment.milestone.done": "🏆 目标达成！你{period}的{metric}目标已完成 {percent}："
        "{actual} / {target}。干得好！",
        "attainment.alert.title": "{team}团队：{period}预计完成率低于 {threshold}% 的销售",
        "attainment.alert.line": "{name} · {metric}：{actual} / {target}（{percent}），"
        "预计 {projection}（{projection_percent}）",
        "attainment.alert.more": "……另有 {count} 项：请用 /target team 查看。",
        "attainment.alert.hint": "预计：按每个工作日的平均进度推算到月底（发货额：加上月底前应发货的已确认订单）。",
    },
}
