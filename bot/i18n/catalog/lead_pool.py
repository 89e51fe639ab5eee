MESSAGES = {
    "en": {
        "lead_pool.usage.contacted": "Which lead? `/lead contacted 12 [note]`, for example "
        "`/lead contacted 12 called, sending a quote`.",
        "lead_pool.usage.qualify": "Which lead? `/lead qualify 12`.",
        "lead_pool.usage.disqualify": "Which lead, and why? `/lead disqualify 12 no budget this "
        "year`.",
        "lead_pool.usage.follow": "Which lead? `/lead follow 12 sent the catalogue`.",
        "lead_pool.usage.claim": "Which lead? `/lead claim 12` (the numbers are in `/lead pool`).",
        "lead_pool.contacted": "Lead #{id} {company} is marked contacted; its first-contact "
        "clock is stopped.",
        "lead_pool.contacted.hours": "Lead #{id} {company} is marked contacted, {hours} business "
        "hours after it was assigned; its first-contact clock is stopped.",
        "lead_pool.qualified": "Lead #{id} {company} is qualified.",
        "lead_pool.disqualified": "Lead #{id} {company} is disqualified; the reason is kept.",
        "lead_pool.followed": "Follow-up on lead #{id} {company} noted.",
        "lead_pool.claimed": "Lead #{id} {company} is yours now. First contact is due by {due}. "
        "You hold {held} of {cap} leads claimed from the pool.",
        "lead_pool.reassigned": "Lead #{id} {company} now goes to {name}, who has been told; "
        "their first-contact clock has started.",
        "lead_pool.pool.header": "Your team's lead pool: {first}-{last} of {total}",
        "lead_pool.pool.empty": "Your team's lead pool is empty.",
        "lead_pool.pool.empty_words": "No lead in your team's pool has a region or industry "
        "with “{words}”.",
        "lead_pool.pool.more": "{count} more in the pool.",
        "lead_pool.pool.hint": "Claim one with its button or `/lead claim NUMBER`; "
        "`/lead pool WORDS` finds leads by region or industry.",
        "lead_pool.pool.since": "In the pool since {at}",
        "lead_pool.button.claim": "Claim",
        "lead_pool.button.more": "Next page",
        "lead_pool.button.contacted": "Contacted",
        "lead_pool.button.reassign": "Reassign to…",
        "lead_pool.button.reassign_next": "Reassign (round robin)",
        "lead_pool.notify.remind": "⏰ Lead #{id} {company} is waiting for its first contact: "
        "due by {due} ({hours} business hours from assignment). Press Contacted once you have "
        "reached them, or `/lead contacted {id}`.",
        "lead_pool.notify.due": "⚠️ Lead #{id} {company} was not contacted by {rep} within "
        "{hours} business hours (due {due}). It goes back to the team's pool at {back} unless "
        "it is contacted. Reassign gives it to the next rep of the round robin, or choose one:",
        "lead_pool.notify.no_other_rep": "The team has no other active rep to hand it to.",
        "lead_pool.notify.returned_sla": "Lead #{id} {company} went back to your team's pool: "
        "it was not contacted in time. You may claim it back after the team's waiting time.",
        "lead_pool.notify.returned_idle": "Lead #{id} {company} went back to your team's pool: "
        "no follow-up for {days} days. You may claim it back after the team's waiting time.",
        "lead_pool.notify.reassigned_to": "Lead #{id} {company} is yours now ({by} handed it "
        "to you). First contact is due by {due}.",
        "lead_pool.notify.reassigned_from": "Lead #{id} {company} was handed to {to} by {by}: "
        "its first contact was missed.",
        "lead_pool.notify.calendar_unknown": "China's holidays and make-up working days for "
        "{year} are not published in the calendar yet: first-contact clocks of {teams} count "
        "Monday to Friday only until the calendar package is updated.",
        "lead_pool.error.not_found": "There is no lead #{id} that you can work on.",
        "lead_pool.error.already_contacted": "Lead #{id} was already marked contacted ({at}): "
        "nothing changed.",
        "lead_pool.error.already_qualified": "Lead #{id} is already qualified: nothing changed.",
        "lead_pool.error.already_disqualified": "Lead #{id} is already disqualified: nothing "
        "changed.",
        "lead_pool.error.now_new": "Lead #{id} is not assigned to anyone yet: nothing changed.",
        "lead_pool.error.now_assigned": "Lead #{id} has not been contacted yet: nothing changed.",
        "lead_pool.error.now_contacted": "Lead #{id} is already contacted: nothing changed.",
        "lead_pool.error.now_qualified": "Lead #{id} is already qualified: nothing changed.",
        "lead_pool.error.now_converted": "Lead #{id} is already converted to a customer and an "
        "opportunity: nothing changed.",
        "lead_pool.error.now_disqualified": "Lead #{id} is disqualified: nothing changed.",
        "lead_pool.error.now_recycled": "Lead #{id} is in the team's pool now: nothing changed. "
        "A rep may claim it with `/lead claim {id}`.",
        "lead_pool.error.reason_needed": "Say why lead #{id} is disqualified: `/lead disqualify "
        "{id} REASON`.",
        "lead_pool.error.note_needed": "Say what the follow-up was: `/lead follow {id} NOTE`.",
        "lead_pool.error.too_long": "That is too long: {limit} characters at most.",
        "lead_pool.error.no_team": "You are not in a team, so you have no lead pool.",
        "lead_pool.error.not_in_pool": "Lead #{id} is not in your team's pool.",
        "lead_pool.error.not_pooled": "Lead #{id} is not in the pool any more: nothing changed.",
        "lead_pool.error.taken": "Lead #{id} is already {owner}'s: nothing changed.",
        "lead_pool.error.cap": "You already hold {held} open leads claimed from the pool, the "
        "team's limit of {cap}: work or close one of them first.",
        "lead_pool.error.reps_claim": "Only reps claim leads from the pool.",
        "lead_pool.error.reclaim": "Lead #{id} went to the pool from you: you may claim it back "
        "from {until}.",
        "lead_pool.error.not_a_rep_here": "That person is not an active rep of the lead's team: "
        "nothing changed.",
        "lead_pool.error.same_rep": "The lead is already {name}'s: choose another rep.",
        "lead_pool.error.stale": "This button is out of date: nothing changed.",
        "lead_pool.error.nobody_free": "No other rep of the team can take a lead now (away, "
        "full or passed on it): choose one in the menu.",
    },
    "zh-CN": {
        "lead_pool.usage.contacted": "哪条线索？例如 `/lead 联系了 12 已电话沟通，准备报价`。",
        "lead_pool.usage.qualify": "哪条线索？`/lead 合格 12`。",
        "lead_pool.usage.disqualify": "哪条线索，为什么无效？`/lead 无效 12 今年没有预算`。",
        "lead_pool.usage.follow": "哪条线索？`/lead 跟进 12 已发产品目录`。",
        "lead_pool.usage.claim": "哪条线索？`/lead 领取 12`（编号见 `/lead 公海`）。",
        "lead_pool.contacted": "线索 #{id} {company} 已标记为已联系，首次联系计时已停止。",
        "lead_pool.contacted.hours": "线索 #{id} {company} 已标记为已联系，距分配 {hours} "
        "个工作小时；首次联系计时已停止。",
        "lead_pool.qualified": "线索 #{id} {company} 已确认为合格线索。",
        "lead_pool.disqualified": "线索 #{id} {company} 已标记为无效，原因已记录。",
        "lead_pool.followed": "已记录线索 #{id} {company} 的跟进。",
        "lead_pool.claimed": "线索 #{id} {company} 现在归你。请在 {due} 前首次联系。"
        "你持有从公海领取的线索 {held} 条（上限 {cap} 条）。",
        "lead_pool.reassigned": "线索 #{id} {company} 已转给 {name}，并已通知对方；"
        "其首次联系计时已开始。",
        "lead_pool.pool.header": "本团队公海线索：第 {first}-{last} 条，共 {total} 条",
        "lead_pool.pool.empty": "本团队公海暂无线索。",
        "lead_pool.pool.empty_words": "本团队公海中没有地区或行业包含“{words}”的线索。",
        "lead_pool.pool.more": "公海中还有 {count} 条。",
        "lead_pool.pool.hint": "点按钮或输入 `/lead 领取 编号` 领取；"
        "`/lead 公海 关键词` 按地区或行业查找。",
        "lead_pool.pool.since": "进入公海：{at}",
        "lead_pool.button.claim": "领取",
        "lead_pool.button.more": "下一页",
        "lead_pool.button.contacted": "已联系",
        "lead_pool.button.reassign": "转给……",
        "lead_pool.button.reassign_next": "重新分配（轮流）",
        "lead_pool.notify.remind": "⏰ 线索 #{id} {company} 还在等待首次联系：请在 {due} 前联系"
        "（分配后 {hours} 个工作小时内）。联系后请点“已联系”，或输入 `/lead 联系了 {id}`。",
        "lead_pool.notify.due": "⚠️ 线索 #{id} {company} 未在 {hours} 个工作小时内由 {rep} "
        "首次联系（时限 {due}）。如仍未联系，将于 {back} 退回团队公海。"
        "点“重新分配”按轮流规则交给下一位销售，或选择一位：",
        "lead_pool.notify.no_other_rep": "团队中没有其他在职销售可以接手。",
        "lead_pool.notify.returned_sla": "线索 #{id} {company} 已退回团队公海：未按时首次联系。"
        "团队规定的等待期过后你可再次领取。",
        "lead_pool.notify.returned_idle": "线索 #{id} {company} 已退回团队公海：{days} "
        "天没有跟进。团队规定的等待期过后你可再次领取。",
        "lead_pool.notify.reassigned_to": "线索 #{id} {company} 现在归你（由 {by} 转来）。"
        "请在 {due} 前首次联系。",
        "lead_pool.notify.reassigned_from": "线索 #{id} {company} 因未按时首次联系，已由 {by} "
        "转给 {to}。",
        "lead_pool.notify.calendar_unknown": "日历库中尚未发布 {year} 年的中国法定节假日和调休"
        "安排：在日历库更新之前，{teams} 的首次联系计时只按周一至周五计算。",
        "lead_pool.error.not_found": "没有你可以处理的线索 #{id}。",
        "lead_pool.error.already_contacted": "线索 #{id} 已于 {at} 标记为已联系，未作更改。",
        "lead_pool.error.already_qualified": "线索 #{id} 已是合格线索，未作更改。",
        "lead_pool.error.already_disqualified": "线索 #{id} 已标记为无效，未作更改。",
        "lead_pool.error.now_new": "线索 #{id} 尚未分配给任何人，未作更改。",
        "lead_pool.error.now_assigned": "线索 #{id} 尚未联系，未作更改。",
        "lead_pool.error.now_contacted": "线索 #{id} 已联系过，未作更改。",
        "lead_pool.error.now_qualified": "线索 #{id} 已是合格线索，未作更改。",
        "lead_pool.error.now_converted": "线索 #{id} 已转化为客户和商机，未作更改。",
        "lead_pool.error.now_disqualified": "线索 #{id} 已标记为无效，未作更改。",
        "lead_pool.error.now_recycled": "线索 #{id} 现在在团队公海中，未作更改。"
        "销售可用 `/lead 领取 {id}` 领取。",
        "lead_pool.error.reason_needed": "请说明线索 #{id} 无效的原因：`/lead 无效 {id} 原因`。",
        "lead_pool.error.note_needed": "请写明跟进内容：`/lead 跟进 {id} 内容`。",
        "lead_pool.error.too_long": "内容太长：最多 {limit} 个字符。",
        "lead_pool.error.no_team": "你不属于任何团队，因此没有公海。",
        "lead_pool.error.not_in_pool": "线索 #{id} 不在本团队公海中。",
        "lead_pool.error.not_pooled": "线索 #{id} 已不在公海中，未作更改。",
        "lead_pool.error.taken": "线索 #{id} 已归 {owner}，未作更改。",
        "lead_pool.error.cap": "你已持有从公海领取的未结线索 {held} 条，达到团队上限 {cap} 条："
        "请先跟进或关闭其中一些。",
        "lead_pool.error.reps_claim": "只有销售可以从公海领取线索。",
        "lead_pool.error.reclaim": "线索 #{id} 是从你名下退回公海的：{until} 起你才可再次领取。",
        "lead_pool.error.not_a_rep_here": "此人不是该线索所在团队的在职销售，未作更改。",
        "lead_pool.error.same_rep": "该线索已归 {name}：请选择其他销售。",
        "lead_pool.error.stale": "此按钮已过期，未作更改。",
        "lead_pool.error.nobody_free": "团队中暂时没有其他销售可以接手（休假、已满或已放弃该线索）："
        "请在菜单中选择一位。",
    },
}
