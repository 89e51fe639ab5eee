"""/meeting driven over signed HTTP, the way Slack sends it, against the demo workspace."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from harness import eventually, mrkdwn_texts
from storage.models import AuditEntry, Meeting, MeetingAttendee, Member, Notification

ADMIN = "UADMIN0001"  # English, no team: the organisation's zone (UTC)
MANAGER_EAST = "UMGR00001"  # Chinese, East (Asia/Shanghai)
DESK_EAST = "UDESK0001"  # Chinese, East
REP_EAST = "UREP00001"  # Chinese, East; owns C-1001 上海华联机械有限公司 and C-1002
REP_EAST_2 = "UREP00002"  # Chinese, East
REP_EXPORT = "UREP00003"  # English, Export (Europe/London)
NOBODY = "UNOBODY01"  # not a member
OUTSIDER = "UOUTSIDE1"  # a Slack user who is not a member, invited anyway

# 2030-01-15 15:00 in Shanghai is 07:00 UTC, 07:00 in London.
SHANGHAI_3PM = "2030-01-15 15:00"
START_UTC = datetime(2030, 1, 15, 7, 0, tzinfo=UTC)


def meetings(db) -> list[Meeting]:
    with db.session() as session:
        return list(session.exec(select(Meeting).order_by(Meeting.id)))


def scheduled(db) -> list[Meeting]:
    return [m for m in meetings(db) if m.status == "scheduled"]


def attendees(db, meeting_id: int) -> list[str]:
    with db.session() as session:
        rows = session.exec(
            select(MeetingAttendee.slack_user_id)
            .where(MeetingAttendee.meeting_id == meeting_id)
            .order_by(MeetingAttendee.id)
        )
        return list(rows)


def rows(db, model) -> list:
    with db.session() as session:
        return list(session.exec(select(model).order_by(model.id)))


def kinds(db, kind: str) -> list[Notification]:
    return [n for n in rows(db, Notification) if n.kind == kind]


def utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def set_member(db, slack_id: str, **values) -> None:
    with db.session() as session:
        member = session.exec(select(Member).where(Member.slack_user_id == slack_id)).one()
        for name, value in values.items():
            setattr(member, name, value)


def dms_to(slack, user: str, count: int = 1) -> list:
    return slack.wait_for(
        "chat.postMessage", count=count, where=lambda call: call.args["channel"] == user
    )


def book(desk, text: str, user: str = REP_EAST):
    return desk.command("/meeting", text, user)


def book_one(desk, demo_db, text: str, user: str = REP_EAST) -> Meeting:
    reply = book(desk, text, user)
    assert reply.status == 200
    booked = scheduled(demo_db)
    assert booked, shown(reply)
    settle(demo_db)
    return booked[-1]


def soon(hours: float = 2) -> datetime:
    return (datetime.now(UTC) + timedelta(hours=hours)).replace(second=0, microsecond=0)


def stored_meeting(db, organiser: str, people: list[str], starts_at: datetime, **values):
    """A meeting put straight into the database (for states a user cannot book, like one
    that has already started)."""
    with db.session() as session:
        member = session.exec(select(Member).where(Member.slack_user_id == organiser)).one()
        meeting = Meeting(
            organiser_id=member.id,
            title=values.pop("title", "Stand-up"),
            starts_at=starts_at,
            ends_at=starts_at + timedelta(minutes=values.pop("minutes", 60)),
            **values,
        )
        session.add(meeting)
        session.flush()
        for slack_id in dict.fromkeys([organiser, *people]):
            session.add(MeetingAttendee(meeting_id=meeting.id, slack_user_id=slack_id))
        return meeting.id


# -- the booking form --------------------------------------------------------------------


def state(
    title="Quarterly review",
    when: datetime | None = START_UTC,
    duration="1h",
    people=(REP_EXPORT,),
    customer: int | None = None,
    place="Room 5",
    agenda=None,
    anyway=False,
) -> dict:
    def text(value):
        return {"value": {"type": "plain_text_input", "value": value}}

    picked = {"type": "external_select", "selected_option": None}
    if customer is not None:
        picked["selected_option"] = {
            "text": {"type": "plain_text", "text": "c"},
            "value": str(customer),
        }
    ticked = [{"value": "yes", "text": {"type": "plain_text", "text": "Book it anyway"}}]
    stamp = None if when is None else int(when.timestamp())
    return {
        "title": text(title),
        "customer": {"customer_select": picked},
        "when": {"value": {"type": "datetimepicker", "selected_date_time": stamp}},
        "duration": text(duration),
        "attendees": {"value": {"type": "multi_users_select", "selected_users": list(people)}},
        "place": text(place),
        "agenda": text(agenda),
        "anyway": {"value": {"type": "checkboxes", "selected_options": ticked if anyway else []}},
    }


def submit(desk, user: str, values: dict, callback_id="meeting_book", metadata=""):
    return desk.submit_view(user, callback_id, values, metadata)


def click(desk, user: str, action_id: str, value: str, **payload):
    return desk.interact(
        {
            "type": "block_actions",
            "user": user,
            "response_url": desk.slack.response_url(),
            "container": {"type": "message", "is_ephemeral": True},
            "actions": [
                {
                    "action_id": action_id,
                    "block_id": "b1",
                    "type": "button",
                    "value": value,
                    "action_ts": "1.2",
                }
            ],
            **payload,
        }
    )


def said(call) -> str:
    """What a message says, with Babel's narrow spaces ("7:00\u202fAM") read as spaces."""
    return call.args["text"].replace("\u202f", " ")


def shown(reply) -> str:
    """Everything a person reads in a reply, buttons included."""
    return visible(reply.body)


def visible(message) -> str:
    found = []

    def walk(node):
        if isinstance(node, dict):
            is_text = node.get("type") in ("plain_text", "mrkdwn")
            is_fallback = not found and isinstance(node.get("text"), str)
            if is_text or is_fallback:
                found.append(node["text"])
            for value in node.values():
                if isinstance(value, dict | list):
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(message)
    return "\n".join(found).replace("\u202f", " ")


def button(reply, action_id: str) -> dict:
    elements = [e for b in reply.body["blocks"] if b["type"] == "actions" for e in b["elements"]]
    return next(e for e in elements if e["action_id"] == action_id)


def settle(db) -> None:
    """Wait until the outbox has delivered everything queued so far."""
    eventually(
        lambda: [n for n in rows(db, Notification) if n.status in ("pending", "sending")],
        lambda waiting: not waiting,
    )


def responses(slack) -> list[dict]:
    return [call.args for call in slack.calls_to("response_url")]


def response_text(args: dict) -> str:
    return visible(args)


# -- help and the one-line form ----------------------------------------------------------


def test_help_documents_the_one_line_forms_in_both_languages(desk):
    english = shown(desk.command("/meeting", "help", ADMIN))
    assert "/meeting Quarterly review with ACME; tomorrow 3pm; 1h" in english
    assert "/meeting move 12 tomorrow 4pm" in english and "/meeting list" in english
    chinese = shown(desk.command("/meeting", "帮助", REP_EAST))
    assert "/meeting 华联季度回顾；明天下午3点；1小时；@王芳 @陈杰" in chinese
    assert "/meeting 纪要 12" in chinese


def test_a_one_line_booking_books_and_tells_each_attendee_in_their_zone_and_language(desk, demo_db):
    reply = book(
        desk, f"Quarterly review; {SHANGHAI_3PM}; 1h; <@UREP00003|emma> @UDESK0001; Room 5"
    )
    assert reply.body["response_type"] == "ephemeral"
    assert "已预约会议 #" in shown(reply) and "Quarterly review" in shown(reply)
    meeting = scheduled(demo_db)[0]
    assert (utc(meeting.starts_at), utc(meeting.ends_at)) == (
        START_UTC,
        START_UTC + timedelta(hours=1),
    )
    assert meeting.place == "Room 5"
    assert attendees(demo_db, meeting.id) == [REP_EAST, REP_EXPORT, DESK_EAST]
    [audit] = rows(demo_db, AuditEntry)
    assert (audit.actor, audit.entity, audit.action) == (REP_EAST, "meeting", "book")
    assert len(kinds(demo_db, "meeting_invited")) == 3

    [english] = dms_to(desk.slack, REP_EXPORT)
    assert "王芳 Wang Fang invites you to “Quarterly review”" in said(english)
    assert "Jan 15, 2030 7:00 AM – 7:00 AM" not in said(english)
    assert "Tue Jan 15, 2030 7:00 AM – 8:00 AM (Europe/London)" in said(english)
    [chinese] = dms_to(desk.slack, DESK_EAST)
    assert "王芳 Wang Fang 邀请您参加“Quarterly review”" in said(chinese)
    assert "周二 2030年1月15日 15:00–16:00（Asia/Shanghai）" in said(chinese)
    [own] = dms_to(desk.slack, REP_EAST)
    assert "您预约了“Quarterly review”" in said(own)


def test_attendees_time_zones_come_from_their_own_member_records(desk, demo_db):
    set_member(demo_db, DESK_EAST, timezone="America/New_York", locale="en")
    set_member(demo_db, REP_EXPORT, timezone="Asia/Tokyo", locale="zh-CN")
    book(desk, f"Pricing call; {SHANGHAI_3PM}; 30m; @UDESK0001 @UREP00003 @UOUTSIDE1")
    [new_york] = dms_to(desk.slack, DESK_EAST)
    assert "Tue Jan 15, 2030 2:00 AM – 2:30 AM (America/New_York)" in said(new_york)
    [tokyo] = dms_to(desk.slack, REP_EXPORT)
    assert "周二 2030年1月15日 16:00–16:30（Asia/Tokyo）" in said(tokyo)
    # Someone who is not a member reads the organisation's defaults (English, UTC).
    [outsider] = dms_to(desk.slack, OUTSIDER)
    assert "Tue Jan 15, 2030 7:00 AM – 7:30 AM (UTC)" in said(outsider)


def test_a_chinese_one_line_booking_with_full_width_separators_names_and_customer(desk, demo_db):
    reply = book(
        desk,
        "华联季度回顾；2030-01-15 下午3点；1小时；@王芳 @陈杰；客户：华联；3号会议室；报价",
        DESK_EAST,
    )
    assert "已预约会议" in shown(reply), shown(reply)
    meeting = scheduled(demo_db)[0]
    assert meeting.title == "华联季度回顾" and meeting.place == "3号会议室"
    assert meeting.agenda == "报价" and meeting.customer_id is not None
    assert utc(meeting.starts_at) == START_UTC
    assert attendees(demo_db, meeting.id) == [DESK_EAST, REP_EAST, REP_EAST_2]
    assert "上海华联机械有限公司" in shown(reply)


@pytest.mark.parametrize(
    ("duration", "minutes"),
    [("30m", 30), ("1h", 60), ("1.5h", 90), ("90分钟", 90), ("1小时", 60), ("半小时", 30)],
)
def test_lengths_in_both_languages(desk, demo_db, duration, minutes):
    meeting = book_one(desk, demo_db, f"Call; {SHANGHAI_3PM}; {duration}")
    assert utc(meeting.ends_at) - utc(meeting.starts_at) == timedelta(minutes=minutes)


def test_a_meeting_lasts_an_hour_unless_told(desk, demo_db):
    meeting = book_one(desk, demo_db, f"Call; {SHANGHAI_3PM}")
    assert utc(meeting.ends_at) - utc(meeting.starts_at) == timedelta(hours=1)
    assert attendees(demo_db, meeting.id) == [REP_EAST]


def test_bad_one_line_input_gets_a_clear_message_and_changes_nothing(desk, demo_db):
    cases = {
        "Review": "请在“；”后写上时间",
        "; tomorrow 3pm": "请填写会议标题",
        "Review; someday maybe": "看不懂时间“someday maybe”",
        "Review; tomorrow": "“tomorrow”只是日期",
        "Review; 2020-01-15 15:00": "这个时间已经过去了",
        "Review; 1h": "“1h”是时长",
        "Review; tomorrow 3pm; 0m": "会议至少要一分钟",
        "Review; tomorrow 3pm; 25h": "会议最长 24 小时",
        "Review; tomorrow 3pm; @nobody": "没有叫“nobody”的成员",
        "Review; tomorrow 3pm; customer: nosuch": "没有匹配“nosuch”的",
        "Review; tomorrow 3pm; customer: Northwind Trading Ltd": "Northwind",
        "Review; tomorrow 3pm; customer:": "“客户：”后面需要写",
        "x" * 201 + "; tomorrow 3pm": "标题太长：最多 200 个字符",
        "Review; tomorrow 3pm; place: " + "p" * 501: "地点太长",
        "Review; tomorrow 3pm; a; b; c": "我不知道“c”是什么",
        "Review; tomorrow 3pm; " + "x" * 3000: "最多 3000",
        "move abc": "“abc”不是会议编号",
        "move 99999 tomorrow 3pm": "找不到您的会议 #99999",
        "move 1 soon-ish": "看不懂时间",
        "cancel": "取消会议请给出编号",
        "cancel 4242": "找不到您的会议 #4242",
        "minutes 4242 text": "找不到您的会议 #4242",
        "list all": "后面不需要加内容",
    }
    for text, expected in cases.items():
        reply = book(desk, text)
        assert reply.status == 200, text
        assert expected in shown(reply), (text, shown(reply))
    assert meetings(demo_db) == []
    assert rows(demo_db, AuditEntry) == rows(demo_db, Notification) == []


def test_several_problems_of_a_one_line_booking_are_listed_at_once(desk, demo_db):
    text = shown(book(desk, "Review; someday; @nobody; customer: nosuch"))
    assert "看不懂时间“someday”" in text
    assert "没有叫“nobody”的成员" in text
    assert "没有匹配“nosuch”的" in text
    assert meetings(demo_db) == []


def test_a_one_line_booking_says_who_clashes_and_offers_book_anyway(desk, demo_db):
    first = book_one(desk, demo_db, f"Weekly review; {SHANGHAI_3PM}; 1h; @UREP00002")
    desk.slack.reset()
    reply = book(desk, "Customer call; 2030-01-15 15:30; 30m; @UREP00002 @UREP00003")
    text = shown(reply)
    assert "尚未预约" in text
    assert (
        "陈杰 Chen Jie 在 周二 2030年1月15日 15:00–16:00（Asia/Shanghai） 有“Weekly review”" in text
    )
    assert "王芳 Wang Fang" in text  # the organiser is busy too
    assert [m.id for m in scheduled(demo_db)] == [first.id]
    assert kinds(demo_db, "meeting_invited")[-1].params["title"] == "Weekly review"
    book_anyway = button(reply, "meeting_book_anyway")

    click(desk, REP_EAST, "meeting_book_anyway", book_anyway["value"])
    [answer] = desk.slack.wait_for("response_url")
    assert answer.args["replace_original"] is True
    assert "已预约会议" in response_text(answer.args)
    assert len(scheduled(demo_db)) == 2
    dms_to(desk.slack, REP_EXPORT)

    # A second click (or a replayed request) books nothing more.
    click(desk, REP_EAST, "meeting_book_anyway", book_anyway["value"])
    desk.slack.wait_for("response_url", count=2)
    assert "已经预约好了" in response_text(responses(desk.slack)[1])
    assert len(scheduled(demo_db)) == 2
    assert len([a for a in rows(demo_db, AuditEntry) if a.action == "book"]) == 2


def test_only_the_organiser_can_book_a_held_meeting_and_it_can_be_dropped(desk, demo_db):
    book(desk, f"Weekly review; {SHANGHAI_3PM}; 1h; @UREP00002")
    reply = book(desk, f"Clash; {SHANGHAI_3PM}; 1h")
    value = button(reply, "meeting_book_anyway")["value"]
    click(desk, REP_EAST_2, "meeting_book_anyway", value)
    [answer] = desk.slack.wait_for("response_url")
    assert "找不到您的会议" in response_text(answer.args)
    click(desk, REP_EAST, "meeting_drop_held", value)
    desk.slack.wait_for("response_url", count=2)
    assert "没有预约" in response_text(responses(desk.slack)[1])
    click(desk, REP_EAST, "meeting_book_anyway", value)
    desk.slack.wait_for("response_url", count=3)
    assert "没有预约。如仍需要" in response_text(responses(desk.slack)[2])
    assert [m.title for m in scheduled(demo_db)] == ["Weekly review"]


def test_user_text_is_shown_never_obeyed(desk, demo_db):
    reply = book(desk, f"<!channel> *Bold*; {SHANGHAI_3PM}; 1h; <@UREP00003>; <!here> room", ADMIN)
    assert all("<!" not in text for text in mrkdwn_texts(reply.body))
    assert "<!channel> *Bold*" in shown(reply)
    [dm] = dms_to(desk.slack, REP_EXPORT)
    assert "<!" not in said(dm)
    assert all(block["text"]["type"] == "plain_text" for block in dm.args["blocks"])
    assert "<!channel> *Bold*" in dm.args["blocks"][0]["text"]["text"]


# -- the form ------------------------------------------------------------------------------


def test_bare_meeting_opens_the_booking_form(desk):
    reply = desk.command("/meeting", "", REP_EXPORT)
    assert reply.status == 200
    [opened] = desk.slack.wait_for("views.open")
    view = opened.args["view"]
    assert view["callback_id"] == "meeting_book"
    assert view["title"]["text"] == "Book a meeting"
    elements = {block["block_id"]: block["element"] for block in view["blocks"]}
    assert elements["customer"]["type"] == "external_select"
    assert elements["customer"]["action_id"] == "customer_select"
    assert elements["when"]["type"] == "datetimepicker"
    assert elements["attendees"]["type"] == "multi_users_select"
    assert elements["attendees"]["initial_users"] == [REP_EXPORT]
    assert elements["duration"]["initial_value"] == "1h"
    assert elements["anyway"]["type"] == "checkboxes"


def test_the_form_books_the_meeting_and_confirms_in_place(desk, demo_db):
    with demo_db.session() as session:
        from storage.models import Customer

        customer = session.exec(select(Customer).where(Customer.code == "C-2001")).one()
    reply = submit(
        desk, REP_EXPORT, state(customer=customer.id, agenda="Prices", people=(DESK_EAST,))
    )
    assert reply.status == 200
    assert reply.body["response_action"] == "update"
    assert "Booked meeting #" in json.dumps(reply.body["view"])
    meeting = scheduled(demo_db)[0]
    assert (meeting.title, meeting.customer_id, meeting.agenda) == (
        "Quarterly review",
        customer.id,
        "Prices",
    )
    assert attendees(demo_db, meeting.id) == [REP_EXPORT, DESK_EAST]
    [chinese] = dms_to(desk.slack, DESK_EAST)
    assert "Emma Davis 邀请您参加“Quarterly review”" in said(chinese)
    assert "客户：Northwind Trading Ltd" in said(chinese)


def test_a_bad_form_shows_each_problem_next_to_its_field_and_books_nothing(desk, demo_db):
    cases = [
        (state(when=datetime(2020, 1, 1, tzinfo=UTC)), "when", "already passed"),
        (state(when=None), "when", "Pick when the meeting starts"),
        (state(duration="0"), "duration", "at least a minute"),
        (state(duration="soon"), "duration", "“soon” is not a length"),
        (state(duration="30h"), "duration", "24 hours at most"),
        (state(title="   "), "title", "Give the meeting a title"),
        (state(title="t" * 201), "title", "200 characters at most"),
        (state(place="p" * 501), "place", "500 characters at most"),
        (state(agenda="a" * 3001), "agenda", "3000 characters at most"),
        (state(people=("not-a-user",)), "attendees", "is not a Slack user"),
        (state(people=tuple(f"U{n:05d}XYZ" for n in range(60))), "attendees", "more than 50"),
        (state(customer=99999), "customer", "can't find that customer"),
    ]
    for values, block_id, expected in cases:
        reply = submit(desk, REP_EXPORT, values)
        assert reply.body["response_action"] == "errors", values
        assert expected in reply.body["errors"][block_id], (block_id, reply.body)
    # A customer the organiser may not see reads like one that does not exist.
    with demo_db.session() as session:
        from storage.models import Customer

        hidden = session.exec(select(Customer).where(Customer.code == "C-1001")).one()
    reply = submit(desk, REP_EXPORT, state(customer=hidden.id))
    assert "can't find that customer" in reply.body["errors"]["customer"]
    several = submit(desk, REP_EXPORT, state(title="", duration="x", place="p" * 501))
    assert set(several.body["errors"]) == {"title", "duration", "place"}
    assert meetings(demo_db) == [] and rows(demo_db, Notification) == []


def test_the_form_flags_a_clash_unless_book_anyway_is_ticked(desk, demo_db):
    submit(desk, REP_EXPORT, state(title="Weekly review", people=(DESK_EAST,)))
    clash = submit(
        desk,
        ADMIN,
        state(title="Board", when=START_UTC + timedelta(minutes=30), people=(DESK_EAST,)),
    )
    assert clash.body["response_action"] == "errors"
    error = clash.body["errors"]["when"].replace("\u202f", " ")
    assert "李娜 Li Na has “Weekly review” Tue Jan 15, 2030 7:00 AM – 8:00 AM (UTC)" in error
    assert "tick “Book it anyway”" in error
    assert len(scheduled(demo_db)) == 1
    anyway = submit(
        desk,
        ADMIN,
        state(
            title="Board", when=START_UTC + timedelta(minutes=30), people=(DESK_EAST,), anyway=True
        ),
    )
    assert anyway.body["response_action"] == "update"
    assert [m.title for m in scheduled(demo_db)] == ["Weekly review", "Board"]
    # Back to back is not a clash.
    after = submit(
        desk,
        ADMIN,
        state(title="Next", when=START_UTC + timedelta(minutes=90), people=(REP_EXPORT,)),
    )
    assert after.body["response_action"] == "update"


# -- list, move, cancel, minutes ------------------------------------------------------------


def test_list_shows_the_actor_s_upcoming_meetings_in_their_zone(desk, demo_db):
    book(desk, f"Quarterly review; {SHANGHAI_3PM}; 1h; @UREP00003")
    book(desk, "Earlier; 2030-01-14 10:00; 30m")
    stored_meeting(demo_db, REP_EXPORT, [], datetime(2020, 1, 1, tzinfo=UTC), title="Long gone")
    english = shown(desk.command("/meeting", "list", REP_EXPORT))
    assert "Your upcoming meetings (1)" in english
    assert "Quarterly review · Tue Jan 15, 2030 7:00 AM – 8:00 AM (Europe/London)" in english
    assert "organised by 王芳 Wang Fang" in english and "Long gone" not in english
    chinese = desk.command("/meeting", "列表", REP_EAST)
    text = shown(chinese)
    assert "您即将参加的会议（2）" in text
    assert text.index("Earlier") < text.index("Quarterly review")
    actions = [b for b in chinese.body["blocks"] if b["type"] == "actions"]
    assert {e["action_id"] for e in actions[0]["elements"]} == {
        "meeting_open_move",
        "meeting_cancel",
    }
    assert "您没有即将参加的会议" in shown(desk.command("/meeting", "list", DESK_EAST))


def test_move_tells_the_attendees_and_checks_clashes_again(desk, demo_db):
    meeting = book_one(desk, demo_db, f"Quarterly review; {SHANGHAI_3PM}; 1h; @UREP00003")
    other = book_one(desk, demo_db, "Export sync; 2030-01-16 10:00; 1h; @UREP00003", user=ADMIN)
    desk.slack.reset()
    # 2030-01-16 18:00 Shanghai is 10:00 UTC: Emma is in the Export sync then.
    reply = book(desk, f"move {meeting.id} 2030-01-16 18:00")
    assert "尚未改期" in shown(reply) and "Export sync" in shown(reply)
    assert utc(scheduled(demo_db)[0].starts_at) == START_UTC
    move_anyway = button(reply, "meeting_move_anyway")

    moved = book(desk, f"move #{meeting.id} 2030-01-17 09:00; 90m")
    assert "已改到 周四 2030年1月17日 09:00–10:30" in shown(moved)
    [dm] = dms_to(desk.slack, REP_EXPORT)
    assert "王芳 Wang Fang moved “Quarterly review”" in said(dm)
    assert "Thu Jan 17, 2030 1:00 AM – 2:30 AM (Europe/London)" in said(dm)
    assert "Was: Tue Jan 15, 2030 7:00 AM – 8:00 AM" in said(dm)
    assert not [c for c in desk.slack.calls_to("chat.postMessage") if c.args["channel"] == REP_EAST]
    [audit] = [a for a in rows(demo_db, AuditEntry) if a.action == "move"]
    assert audit.before["starts_at"].startswith("2030-01-15T07:00")
    assert audit.after["ends_at"].startswith("2030-01-17T02:30")

    # The "Move anyway" button moves to the time it showed, even after another move.
    click(desk, REP_EAST, "meeting_move_anyway", move_anyway["value"])
    [answer] = desk.slack.wait_for("response_url")
    assert "已改到 周三 2030年1月16日 18:00–19:00" in response_text(answer.args)
    assert utc(scheduled(demo_db)[0].starts_at) == datetime(2030, 1, 16, 10, tzinfo=UTC)
    assert other.id != meeting.id
    same = book(desk, f"move {meeting.id} 2030-01-16 18:00")
    assert "已经是这个时间" in shown(same)


def test_the_move_form(desk, demo_db):
    meeting = book_one(desk, demo_db, f"Quarterly review; {SHANGHAI_3PM}; 1h; @UREP00003")
    desk.slack.reset()
    book(desk, f"move {meeting.id}")
    [opened] = desk.slack.wait_for("views.open")
    view = opened.args["view"]
    assert view["callback_id"] == "meeting_move" and view["private_metadata"] == str(meeting.id)
    elements = {b.get("block_id"): b.get("element") for b in view["blocks"]}
    assert elements["when"]["initial_date_time"] == int(START_UTC.timestamp())
    assert elements["duration"]["initial_value"] == "1小时"
    values = {
        "when": {
            "value": {
                "type": "datetimepicker",
                "selected_date_time": int((START_UTC + timedelta(days=1)).timestamp()),
            }
        },
        "duration": {"value": {"type": "plain_text_input", "value": "45分钟"}},
        "anyway": {"value": {"type": "checkboxes", "selected_options": []}},
    }
    reply = submit(desk, REP_EAST, values, "meeting_move", str(meeting.id))
    assert reply.body["response_action"] == "update"
    moved = scheduled(demo_db)[0]
    assert utc(moved.ends_at) - utc(moved.starts_at) == timedelta(minutes=45)
    dms_to(desk.slack, REP_EXPORT)
    past = dict(values, when={"value": {"type": "datetimepicker", "selected_date_time": 1}})
    refused = submit(desk, REP_EAST, past, "meeting_move", str(meeting.id))
    assert "这个时间已经过去了" in refused.body["errors"]["when"]
    stranger = submit(desk, REP_EAST_2, values, "meeting_move", str(meeting.id))
    assert "找不到您的会议" in stranger.body["errors"]["when"]


def test_cancel_tells_the_attendees_once(desk, demo_db):
    meeting = book_one(
        desk, demo_db, f"Quarterly review; {SHANGHAI_3PM}; 1h; @UREP00003 @UDESK0001"
    )
    desk.slack.reset()
    reply = book(desk, f"cancel {meeting.id} customer is ill")
    assert "已取消" in shown(reply)
    assert meetings(demo_db)[0].status == "cancelled"
    [english] = dms_to(desk.slack, REP_EXPORT)
    assert "王芳 Wang Fang cancelled “Quarterly review”" in said(english)
    assert "Reason: customer is ill" in said(english)
    [chinese] = dms_to(desk.slack, DESK_EAST)
    assert "王芳 Wang Fang 取消了“Quarterly review”" in said(chinese)
    again = book(desk, f"cancel {meeting.id}")
    assert "已取消。未做任何更改" in shown(again)
    # The list's button, clicked late, says the same.
    click(desk, REP_EAST, "meeting_cancel", str(meeting.id))
    [answer] = desk.slack.wait_for("response_url")
    assert "已取消。未做任何更改" in response_text(answer.args)
    assert len(kinds(demo_db, "meeting_cancelled")) == 2
    assert "Quarterly review" not in shown(desk.command("/meeting", "list", REP_EXPORT))


def test_minutes_only_after_the_start_and_only_by_those_who_were_there(desk, demo_db):
    future = book_one(desk, demo_db, f"Quarterly review; {SHANGHAI_3PM}; 1h; @UREP00003")
    early = book(desk, f"minutes {future.id} too soon")
    assert "还没开始" in shown(early)
    started = stored_meeting(demo_db, REP_EAST, [REP_EXPORT], soon(-0.5), title="Kick-off")
    desk.slack.reset()
    saved = book(desk, f"纪要 {started} 价格已谈妥")
    assert "纪要已保存" in shown(saved)
    [dm] = dms_to(desk.slack, REP_EXPORT)
    assert "王芳 Wang Fang wrote the minutes of “Kick-off”" in said(dm)
    assert "价格已谈妥" in said(dm)
    desk.command("/meeting", f"minutes {started} Emma sends the quote", REP_EXPORT)
    with demo_db.session() as session:
        assert session.get(Meeting, started).minutes == "价格已谈妥\n\nEmma sends the quote"
    stranger = desk.command("/meeting", f"minutes {started} I was not there", REP_EAST_2)
    assert "找不到您的会议" in shown(stranger)
    # The form edits the whole text.
    desk.slack.reset()
    desk.command("/meeting", f"minutes {started}", REP_EXPORT)
    [opened] = desk.slack.wait_for("views.open")
    assert opened.args["view"]["callback_id"] == "meeting_minutes"
    values = {"minutes": {"value": {"type": "plain_text_input", "value": "Final text"}}}
    reply = submit(desk, REP_EXPORT, values, "meeting_minutes", str(started))
    assert reply.body["response_action"] == "update"
    with demo_db.session() as session:
        assert session.get(Meeting, started).minutes == "Final text"
    too_long = {"minutes": {"value": {"type": "plain_text_input", "value": "m" * 3001}}}
    refused = submit(desk, REP_EXPORT, too_long, "meeting_minutes", str(started))
    assert "3000 characters at most" in refused.body["errors"]["minutes"]
    empty = {"minutes": {"value": {"type": "plain_text_input", "value": None}}}
    assert (
        "Write the minutes first"
        in submit(desk, REP_EXPORT, empty, "meeting_minutes", str(started)).body["errors"][
            "minutes"
        ]
    )


# -- who may do what ------------------------------------------------------------------------

ALLOWED = "allowed"
NOT_FOUND = "not found"
ORGANISER_ONLY = "organiser only"
NOT_A_MEMBER = "not a member"

# The meeting is organised by REP_EAST, with DESK_EAST attending.
MATRIX = [
    # who, book, move, cancel, minutes
    ("rep (organiser)", REP_EAST, ALLOWED, ALLOWED, ALLOWED, ALLOWED),
    ("rep (not invited)", REP_EAST_2, ALLOWED, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ("desk (attendee)", DESK_EAST, ALLOWED, ORGANISER_ONLY, ORGANISER_ONLY, ALLOWED),
    ("manager", MANAGER_EAST, ALLOWED, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ("admin", ADMIN, ALLOWED, ALLOWED, ALLOWED, ALLOWED),
    ("unregistered", NOBODY, NOT_A_MEMBER, NOT_A_MEMBER, NOT_A_MEMBER, NOT_A_MEMBER),
]
SEEN = {
    NOT_FOUND: ("can't find a meeting", "找不到您的会议"),
    ORGANISER_ONLY: ("Only the organiser", "只有会议"),
    NOT_A_MEMBER: ("not registered with Sales Desk",),
}


@pytest.mark.parametrize(
    ("who", "user", "can_book", "can_move", "can_cancel", "can_minute"), MATRIX
)
def test_permission_matrix(desk, demo_db, who, user, can_book, can_move, can_cancel, can_minute):
    started = stored_meeting(demo_db, REP_EAST, [DESK_EAST], soon(-0.25), title="Started")
    later = stored_meeting(demo_db, REP_EAST, [DESK_EAST], soon(48), title="Later")
    attempts = {
        "book": (can_book, f"Own meeting; {SHANGHAI_3PM}; 30m"),
        "move": (can_move, f"move {later} 2030-02-01 10:00"),
        "minutes": (can_minute, f"minutes {started} notes from {who}"),
        "cancel": (can_cancel, f"cancel {later}"),
    }
    for action, (expected, text) in attempts.items():
        reply = shown(desk.command("/meeting", text, user))
        if expected == ALLOWED:
            assert not any(s in reply for sets in SEEN.values() for s in sets), (action, reply)
        else:
            assert any(s in reply for s in SEEN[expected]), (action, reply)
    with demo_db.session() as session:
        own = session.exec(select(Meeting).where(Meeting.title == "Own meeting")).first()
        assert (own is not None) == (can_book == ALLOWED)
        moved = utc(session.get(Meeting, later).starts_at).year == 2030
        assert moved == (can_move == ALLOWED)
        assert (session.get(Meeting, later).status == "cancelled") == (can_cancel == ALLOWED)
        minutes = session.get(Meeting, started).minutes
        assert (minutes is not None) == (can_minute == ALLOWED)


def test_changes_by_an_admin_tell_the_organiser(desk, demo_db):
    later = stored_meeting(demo_db, REP_EAST, [DESK_EAST], soon(48), title="Later")
    desk.command("/meeting", f"cancel {later} room closed", ADMIN)
    [organiser] = dms_to(desk.slack, REP_EAST)
    assert "Alex Admin 取消了“Later”" in said(organiser)
    dms_to(desk.slack, DESK_EAST)
    assert not [c for c in desk.slack.calls_to("chat.postMessage") if c.args["channel"] == ADMIN]


def test_notifications_are_written_with_unique_keys_and_delivered_once(desk, demo_db):
    meeting = book_one(desk, demo_db, f"Quarterly review; {SHANGHAI_3PM}; 1h; @UREP00003")
    book(desk, f"move {meeting.id} 2030-01-18 10:00")
    book(desk, f"move {meeting.id} {SHANGHAI_3PM}")
    sent = eventually(
        lambda: [n for n in rows(demo_db, Notification) if n.kind.startswith("meeting")],
        lambda found: all(n.status == "sent" for n in found),
    )
    assert len({n.key for n in sent}) == len(sent) == 2 + 2
    assert len(dms_to(desk.slack, REP_EXPORT, count=3)) == 3


def test_the_list_buttons_open_the_move_and_minutes_forms(desk, demo_db):
    started = stored_meeting(demo_db, REP_EAST, [REP_EXPORT], soon(-0.25), title="Running")
    listed = desk.command("/meeting", "list", REP_EXPORT)
    assert button(listed, "meeting_open_minutes")["value"] == str(started)
    assert not [e for e in ("meeting_open_move", "meeting_cancel") if e in json.dumps(listed.body)]
    click(desk, REP_EXPORT, "meeting_open_minutes", str(started))
    [opened] = desk.slack.wait_for("views.open")
    assert opened.args["view"]["callback_id"] == "meeting_minutes"
    click(desk, REP_EAST, "meeting_open_move", str(started))
    [_, move] = desk.slack.wait_for("views.open", count=2)
    assert move.args["view"]["callback_id"] == "meeting_move"
    # A stale or foreign button answers in the message it sits in.
    click(desk, REP_EXPORT, "meeting_open_move", str(started))
    [answer] = desk.slack.wait_for("response_url")
    assert "Only the organiser of meeting" in response_text(answer.args)
    # Where no message can answer (the home tab), the answer is a small modal.
    desk.interact(
        {
            "type": "block_actions",
            "user": REP_EXPORT,
            "container": {"type": "view", "view_id": "VHOME"},
            "actions": [{"action_id": "meeting_open_move", "type": "button", "value": "999"}],
        }
    )
    [*_, notice] = desk.slack.wait_for("views.open", count=3)
    assert "can't find a meeting #999" in visible(notice.args["view"])
