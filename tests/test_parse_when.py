"""parse_when / parse_date: English and Chinese dates and times, read in the user's time zone.

The corpus is read at a fixed moment: Sunday 22 November 2026, 10:30, local time in Shanghai
and, separately, in New York. Expected values are local wall times in the row's zone."""

import random
import statistics
import time
from datetime import UTC, date, datetime, timedelta

import pytest

from commands.when import MAX_TEXT_LENGTH, parse_date, parse_when, warm_up

SH, NY = "Asia/Shanghai", "America/New_York"
NOW = {SH: "2026-11-22 10:30", NY: "2026-11-22 10:30"}  # a Sunday in both


def local(text: str, tz: str) -> datetime:
    from zoneinfo import ZoneInfo

    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo(tz))


def now_in(tz: str) -> datetime:
    return local(NOW[tz], tz)


# (text, tz, expected local "YYYY-MM-DD HH:MM" or None), prefer="future".
CORPUS = [
    # --- English
    ("now", SH, "2026-11-22 10:30"),
    ("right now", SH, "2026-11-22 10:30"),
    ("today", SH, "2026-11-22 00:00"),
    ("tomorrow", SH, "2026-11-23 00:00"),
    ("tomorrow 3pm", SH, "2026-11-23 15:00"),
    ("tomorrow at 15:00", SH, "2026-11-23 15:00"),
    ("Tomorrow at 3 PM.", SH, "2026-11-23 15:00"),
    ("10am tomorrow", SH, "2026-11-23 10:00"),
    ("tomorrow morning", SH, "2026-11-23 09:00"),
    ("tomorrow noon", SH, "2026-11-23 12:00"),
    ("the day after tomorrow", SH, "2026-11-24 00:00"),
    ("yesterday 4pm", SH, "2026-11-21 16:00"),
    ("next Tue 10:00", SH, "2026-11-24 10:00"),
    ("next tuesday at 10am", SH, "2026-11-24 10:00"),
    ("Tuesday 2pm", SH, "2026-11-24 14:00"),
    ("friday 3:30pm", SH, "2026-11-27 15:30"),
    ("this friday", SH, "2026-11-27 00:00"),
    ("next friday", SH, "2026-11-27 00:00"),
    ("last friday", SH, "2026-11-20 00:00"),
    ("Sunday", SH, "2026-11-22 00:00"),
    ("Sunday 9am", SH, "2026-11-29 09:00"),
    ("Sunday 11am", SH, "2026-11-22 11:00"),
    ("coming sunday", SH, "2026-11-29 00:00"),
    ("at 5pm", SH, "2026-11-22 17:00"),
    ("5pm", SH, "2026-11-22 17:00"),
    ("at 9am", SH, "2026-11-23 09:00"),
    ("12pm", SH, "2026-11-22 12:00"),
    ("12am", SH, "2026-11-23 00:00"),
    ("noon", SH, "2026-11-22 12:00"),
    ("midnight", SH, "2026-11-23 00:00"),
    ("this afternoon", SH, "2026-11-22 14:00"),
    ("tonight", SH, "2026-11-22 20:00"),
    ("tonight 8pm", SH, "2026-11-22 20:00"),
    ("end of day", SH, "2026-11-22 17:00"),
    ("eod tomorrow", SH, "2026-11-23 17:00"),
    ("in 2 hours", SH, "2026-11-22 12:30"),
    ("in 30 minutes", SH, "2026-11-22 11:00"),
    ("in an hour", SH, "2026-11-22 11:30"),
    ("in half an hour", SH, "2026-11-22 11:00"),
    ("in 1.5 hours", SH, "2026-11-22 12:00"),
    ("in 3 days", SH, "2026-11-25 10:30"),
    ("2 days ago", SH, "2026-11-20 10:30"),
    ("2 days ago at 4pm", SH, "2026-11-20 16:00"),
    ("3 weeks ago", SH, "2026-11-01 10:30"),
    ("a week from now", SH, "2026-11-29 10:30"),
    ("in 2 months", SH, "2027-01-22 10:30"),
    ("Dec 3 15:00", SH, "2026-12-03 15:00"),
    ("3 Dec 2026", SH, "2026-12-03 00:00"),
    ("December 3rd, 2026 at 3pm", SH, "2026-12-03 15:00"),
    ("the 3rd of December", SH, "2026-12-03 00:00"),
    ("Tue Dec 1", SH, "2026-12-01 00:00"),
    ("Nov 1", SH, "2027-11-01 00:00"),
    ("Nov 22 9am", SH, "2026-11-22 09:00"),
    ("2026-12-03 15:00", SH, "2026-12-03 15:00"),
    ("2026-12-03T15:00", SH, "2026-12-03 15:00"),
    ("12/3", SH, "2026-12-03 00:00"),
    ("12/3/2026 3pm", SH, "2026-12-03 15:00"),
    ("1/1", SH, "2027-01-01 00:00"),
    ("the 3rd", SH, "2026-12-03 00:00"),
    ("feb 29", SH, "2028-02-29 00:00"),
    ("next week", SH, "2026-11-29 10:30"),  # dateparser: a week on
    ("in 2 weeks and 3 days", SH, "2026-12-09 10:30"),  # dateparser
    ("15:00 UTC", SH, "2026-11-22 23:00"),  # dateparser: an explicit zone
    ("2 weeks from today", SH, "2026-12-06 10:30"),
    ("this weekend", SH, "2026-11-28 00:00"),
    ("3pm EST", SH, "2026-11-23 04:00"),  # dateparser: an explicit zone
    # --- English that names no time
    ("whenever", SH, None),
    ("asap?", SH, None),
    ("", SH, None),
    ("   ", SH, None),
    ("next blursday", SH, None),
    ("soon", SH, None),
    ("march", SH, None),
    ("5", SH, None),
    ("1700000000", SH, None),
    ("at 3", SH, None),
    ("25:00", SH, None),
    ("13pm", SH, None),
    ("32nd", SH, None),
    ("june 31", SH, None),
    ("feb 29 2027", SH, None),
    ("2026-02-30", SH, None),
    ("Tue Dec 2", SH, None),  # 2 December 2026 is a Wednesday
    ("tomorrow yesterday", SH, None),
    ("in 2 hours tomorrow", SH, None),
    ("3pm 4pm", SH, None),
    ("tomorrow blah", SH, None),
    # --- Chinese
    ("现在", SH, "2026-11-22 10:30"),
    ("今天", SH, "2026-11-22 00:00"),
    ("明天", SH, "2026-11-23 00:00"),
    ("后天", SH, "2026-11-24 00:00"),
    ("大后天", SH, "2026-11-25 00:00"),
    ("昨天", SH, "2026-11-21 00:00"),
    ("前天", SH, "2026-11-20 00:00"),
    ("明天下午3点", SH, "2026-11-23 15:00"),
    ("明天下午三点", SH, "2026-11-23 15:00"),
    ("明天下午三点半", SH, "2026-11-23 15:30"),
    ("明天 下午 3 点", SH, "2026-11-23 15:00"),
    ("明天上午", SH, "2026-11-23 09:00"),
    ("明天晚上", SH, "2026-11-23 20:00"),
    ("明早9点", SH, "2026-11-23 09:00"),
    ("明晚7点", SH, "2026-11-23 19:00"),
    ("今晚8点", SH, "2026-11-22 20:00"),
    ("今天上午9点", SH, "2026-11-22 09:00"),
    ("下周二上午10点", SH, "2026-11-24 10:00"),
    ("下周二", SH, "2026-11-24 00:00"),
    ("下下周一", SH, "2026-11-30 00:00"),
    ("上周五", SH, "2026-11-13 00:00"),
    ("这周五", SH, "2026-11-20 00:00"),
    ("本周五下午", SH, "2026-11-20 14:00"),
    ("周五下午两点半", SH, "2026-11-27 14:30"),
    ("周日", SH, "2026-11-22 00:00"),
    ("星期三 14:00", SH, "2026-11-25 14:00"),
    ("礼拜天", SH, "2026-11-22 00:00"),
    ("周末", SH, "2026-11-28 00:00"),
    ("下周末", SH, "2026-11-28 00:00"),
    ("下个月5号", SH, "2026-12-05 00:00"),
    ("本月15号", SH, "2026-11-15 00:00"),
    ("12月3日 15:00", SH, "2026-12-03 15:00"),
    ("12月3号下午3点", SH, "2026-12-03 15:00"),
    ("3号", SH, "2026-12-03 00:00"),
    ("31号", SH, "2026-12-31 00:00"),
    ("2026年12月3日", SH, "2026-12-03 00:00"),
    ("二零二六年十二月三日", SH, "2026-12-03 00:00"),
    ("十二月三十一号", SH, "2026-12-31 00:00"),
    ("明年3月1日", SH, "2027-03-01 00:00"),
    ("12-03 15:00", SH, "2026-12-03 15:00"),
    ("半小时后", SH, "2026-11-22 11:00"),
    ("一个半小时后", SH, "2026-11-22 12:00"),
    ("两小时后", SH, "2026-11-22 12:30"),
    ("10分钟后", SH, "2026-11-22 10:40"),
    ("3天后", SH, "2026-11-25 10:30"),
    ("三天后", SH, "2026-11-25 10:30"),
    ("3天后下午3点", SH, "2026-11-25 15:00"),
    ("一周后", SH, "2026-11-29 10:30"),
    ("两个星期后", SH, "2026-12-06 10:30"),
    ("三个月后", SH, "2027-02-22 10:30"),
    ("2天前", SH, "2026-11-20 10:30"),
    ("下午3点半", SH, "2026-11-22 15:30"),
    ("下午两点一刻", SH, "2026-11-22 14:15"),
    ("下午三点三刻", SH, "2026-11-22 15:45"),
    ("上午十点一刻", SH, "2026-11-23 10:15"),  # 10:15 has passed: tomorrow
    ("中午12点", SH, "2026-11-22 12:00"),
    ("中午1点", SH, "2026-11-22 13:00"),
    ("晚上9点", SH, "2026-11-22 21:00"),
    ("晚上12点", SH, "2026-11-23 00:00"),
    ("凌晨2点", SH, "2026-11-23 02:00"),
    ("二十三点", SH, "2026-11-22 23:00"),
    ("下午14:00", SH, "2026-11-22 14:00"),
    ("明天 3pm", SH, "2026-11-23 15:00"),
    ("明天１５：００", SH, "2026-11-23 15:00"),  # full-width digits and colon
    ("週五下午3點", SH, "2026-11-27 15:00"),  # traditional characters
    ("下周", SH, "2026-11-29 10:30"),  # dateparser: a week on
    # --- Chinese that names no time
    ("2月30日", SH, None),
    ("25点", SH, None),
    ("13月1日", SH, None),
    ("下午25点", SH, None),
    ("明天下午13点", SH, None),
    ("32号", SH, None),
    ("上午15:00", SH, None),
    ("凌晨", SH, None),
    ("周8", SH, None),
    ("半个月后", SH, None),
    ("下午3点到5点", SH, None),
    ("随便什么时候", SH, None),
    # --- New York, same local moment
    ("tomorrow 3pm", NY, "2026-11-23 15:00"),
    ("at 9am", NY, "2026-11-23 09:00"),
    ("in 2 hours", NY, "2026-11-22 12:30"),
    ("noon", NY, "2026-11-22 12:00"),
    ("Dec 3 15:00", NY, "2026-12-03 15:00"),
    ("next Tue 10:00", NY, "2026-11-24 10:00"),
    ("2 days ago", NY, "2026-11-20 10:30"),
    ("明天下午3点", NY, "2026-11-23 15:00"),
    ("下周二上午10点", NY, "2026-11-24 10:00"),
    ("星期三 14:00", NY, "2026-11-25 14:00"),
    ("3号", NY, "2026-12-03 00:00"),
    ("25点", NY, None),
]


def check(result: datetime | None, expected: str | None, tz: str) -> None:
    if expected is None:
        assert result is None
        return
    assert result is not None
    assert result.tzinfo is not None and getattr(result.tzinfo, "key", None) == tz
    assert result.strftime("%Y-%m-%d %H:%M") == expected
    assert result == local(expected, tz)


def test_corpus_is_big_and_bilingual():
    chinese = [row for row in CORPUS if any("\u4e00" <= ch <= "\u9fff" for ch in row[0])]
    assert len(CORPUS) >= 80 and len(chinese) >= 40


@pytest.mark.parametrize(("text", "tz", "expected"), CORPUS)
def test_corpus(text, tz, expected):
    check(parse_when(text, tz, now_in(tz)), expected, tz)


PAST = [
    ("Tuesday", "2026-11-17 00:00"),
    ("Tuesday 2pm", "2026-11-17 14:00"),
    ("this friday", "2026-11-20 00:00"),
    ("Sunday 9am", "2026-11-22 09:00"),
    ("Sunday 11am", "2026-11-15 11:00"),
    ("5pm", "2026-11-21 17:00"),
    ("at 9am", "2026-11-22 09:00"),
    ("noon", "2026-11-21 12:00"),
    ("Dec 3", "2025-12-03 00:00"),
    ("12/3", "2025-12-03 00:00"),
    ("Nov 23 3pm", "2025-11-23 15:00"),
    ("3号", "2026-11-03 00:00"),
    ("31号", "2026-10-31 00:00"),
    ("2月29日", "2024-02-29 00:00"),
    ("周五下午两点半", "2026-11-20 14:30"),
    ("星期三 14:00", "2026-11-18 14:00"),
    ("下午3点半", "2026-11-21 15:30"),
    ("凌晨2点", "2026-11-22 02:00"),
    ("12月3日 15:00", "2025-12-03 15:00"),
    # explicit days read the same either way
    ("yesterday 3pm", "2026-11-21 15:00"),
    ("昨天下午3点", "2026-11-21 15:00"),
    ("tomorrow", "2026-11-23 00:00"),
    ("next Tue", "2026-11-24 00:00"),
    ("这周五", "2026-11-20 00:00"),
    ("2 days ago", "2026-11-20 10:30"),
    ("in 2 hours", "2026-11-22 12:30"),
]


@pytest.mark.parametrize(("text", "expected"), PAST)
def test_prefer_past(text, expected):
    check(parse_when(text, SH, now_in(SH), prefer="past"), expected, SH)


@pytest.mark.parametrize(
    ("text", "future", "past"),
    [
        ("Tuesday", "2026-11-24 00:00", "2026-11-17 00:00"),
        ("周二", "2026-11-24 00:00", "2026-11-17 00:00"),
        ("5pm", "2026-11-22 17:00", "2026-11-21 17:00"),
        ("Dec 3", "2026-12-03 00:00", "2025-12-03 00:00"),
        ("yesterday 3pm", "2026-11-21 15:00", "2026-11-21 15:00"),
        ("今天", "2026-11-22 00:00", "2026-11-22 00:00"),
    ],
)
def test_prefer_changes_only_what_is_ambiguous(text, future, past):
    check(parse_when(text, SH, now_in(SH)), future, SH)
    check(parse_when(text, SH, now_in(SH), prefer="future"), future, SH)
    check(parse_when(text, SH, now_in(SH), prefer="past"), past, SH)


# --- deadlines: a deadline names the last day of what it names --------------------------------

# Read at the corpus moment (Sunday 22 November 2026, 10:30), in both zones.
DEADLINES = [
    ("周五前", "2026-11-27 00:00"),
    ("下周三之前", "2026-11-25 00:00"),
    ("截止周五", "2026-11-27 00:00"),
    ("最迟下周一", "2026-11-23 00:00"),
    ("周五下午3点前", "2026-11-27 15:00"),
    ("今天之内", "2026-11-22 00:00"),
    ("本周内", "2026-11-22 00:00"),  # said on Sunday, the week's last day
    ("下周内", "2026-11-29 00:00"),
    ("月底", "2026-11-30 00:00"),
    ("月底前", "2026-11-30 00:00"),
    ("本月内", "2026-11-30 00:00"),
    ("下个月底", "2026-12-31 00:00"),
    ("上个月底", "2026-10-31 00:00"),
    ("下月初", "2026-12-01 00:00"),
    ("本月初", "2026-11-01 00:00"),
    ("月初", "2026-12-01 00:00"),  # this month's 1st has passed
    ("中旬", "2026-12-20 00:00"),
    ("下旬", "2026-11-30 00:00"),
    ("12月底前", "2026-12-31 00:00"),
    ("2月底", "2027-02-28 00:00"),
    ("15号前", "2026-12-15 00:00"),
    ("年底前", "2026-12-31 00:00"),
    ("明年年底", "2027-12-31 00:00"),
    ("年初", "2027-01-01 00:00"),
    ("3天内", "2026-11-25 10:30"),
    ("两周内", "2026-12-06 10:30"),
    ("一个月内", "2026-12-22 10:30"),
    ("半小时内", "2026-11-22 11:00"),
    ("by Friday", "2026-11-27 00:00"),
    ("before Friday", "2026-11-27 00:00"),
    ("no later than Friday", "2026-11-27 00:00"),
    ("due Friday", "2026-11-27 00:00"),
    ("before 3pm", "2026-11-22 15:00"),
    ("by the 15th", "2026-12-15 00:00"),
    ("by end of month", "2026-11-30 00:00"),
    ("by the end of the month", "2026-11-30 00:00"),
    ("month end", "2026-11-30 00:00"),
    ("eom", "2026-11-30 00:00"),
    ("within this month", "2026-11-30 00:00"),
    ("by end of next month", "2026-12-31 00:00"),
    ("end of this week", "2026-11-22 00:00"),
    ("end of next week", "2026-11-29 00:00"),
    ("eow", "2026-11-22 00:00"),
    ("early next month", "2026-12-01 00:00"),
    ("beginning of next month", "2026-12-01 00:00"),
    ("mid-month", "2026-12-15 00:00"),
    ("mid next month", "2026-12-15 00:00"),
    ("end of december", "2026-12-31 00:00"),
    ("end of February", "2027-02-28 00:00"),
    ("by end of year", "2026-12-31 00:00"),
    ("year-end", "2026-12-31 00:00"),
    ("end of next year", "2027-12-31 00:00"),
    ("EOD", "2026-11-22 17:00"),
    ("end of day", "2026-11-22 17:00"),
    ("by EOD Friday", "2026-11-27 17:00"),
    ("within 3 days", "2026-11-25 10:30"),
    ("within 2 hours", "2026-11-22 12:30"),
    # words that name no deadline
    ("前", None),
    ("by", None),
    ("by now", None),
    ("月底 月初", None),
    ("end of month friday", None),
    ("本周内周五", None),
    ("13月底", None),
    ("年底 3天内", None),
]


@pytest.mark.parametrize("tz", [SH, NY])
@pytest.mark.parametrize(("text", "expected"), DEADLINES)
def test_deadlines(text, expected, tz):
    check(parse_when(text, tz, now_in(tz)), expected, tz)


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        # the last day of a month (a Monday)
        ("月底", "2026-11-30 18:00", "2026-11-30 00:00"),
        ("月底前", "2026-11-30 18:00", "2026-11-30 00:00"),
        ("by end of month", "2026-11-30 18:00", "2026-11-30 00:00"),
        ("下月初", "2026-11-30 18:00", "2026-12-01 00:00"),
        ("月初", "2026-11-30 18:00", "2026-12-01 00:00"),
        ("end of next month", "2026-11-30 18:00", "2026-12-31 00:00"),
        ("本周内", "2026-11-30 18:00", "2026-12-06 00:00"),
        ("周五前", "2026-11-30 18:00", "2026-12-04 00:00"),
        ("15号前", "2026-11-30 18:00", "2026-12-15 00:00"),
        ("中旬", "2026-11-30 18:00", "2026-12-20 00:00"),
        # the end of a short February
        ("月底前", "2027-02-27 09:00", "2027-02-28 00:00"),
        ("下月底", "2027-02-27 09:00", "2027-03-31 00:00"),
        # the last day of the year (a Thursday)
        ("年底前", "2026-12-31 16:00", "2026-12-31 00:00"),
        ("by end of year", "2026-12-31 16:00", "2026-12-31 00:00"),
        ("明年年底", "2026-12-31 16:00", "2027-12-31 00:00"),
        ("年初", "2026-12-31 16:00", "2027-01-01 00:00"),
        ("下月初", "2026-12-31 16:00", "2027-01-01 00:00"),
        ("end of next month", "2026-12-31 16:00", "2027-01-31 00:00"),
        ("月底", "2026-12-31 16:00", "2026-12-31 00:00"),
        ("本周内", "2026-12-31 16:00", "2027-01-03 00:00"),
        ("end of next week", "2026-12-31 16:00", "2027-01-10 00:00"),
        ("下周三之前", "2026-12-31 16:00", "2027-01-06 00:00"),
        ("周五前", "2026-12-31 16:00", "2027-01-01 00:00"),
        ("15号前", "2026-12-31 16:00", "2027-01-15 00:00"),
        ("3天内", "2026-12-31 16:00", "2027-01-03 16:00"),
        ("1.5", "2026-12-31 16:00", "2027-01-05 00:00"),
        ("12.31", "2026-12-31 16:00", "2026-12-31 00:00"),
    ],
)
def test_deadlines_near_a_month_end_and_a_year_end(text, at, expected):
    check(parse_when(text, SH, local(at, SH)), expected, SH)


def test_a_deadline_ends_in_the_readers_zone():
    # 20:00 UTC on 30 November: already 1 December in Shanghai, still 30 November in New York.
    instant = datetime(2026, 11, 30, 20, 0, tzinfo=UTC)
    check(parse_when("月底前", SH, instant), "2026-12-31 00:00", SH)
    check(parse_when("月底前", NY, instant), "2026-11-30 00:00", NY)
    check(parse_when("early next month", SH, instant), "2027-01-01 00:00", SH)
    check(parse_when("early next month", NY, instant), "2026-12-01 00:00", NY)
    new_years_eve = datetime(2026, 12, 31, 20, 0, tzinfo=UTC)
    check(parse_when("年底前", SH, new_years_eve), "2027-12-31 00:00", SH)
    check(parse_when("年底前", NY, new_years_eve), "2026-12-31 00:00", NY)


# --- Chinese public holidays: the official breaks and make-up working days ---------------------

# 2026: 元旦 1-3 Jan (Sunday 4 Jan a make-up working day); 春节 15-23 Feb (Saturday 14 Feb a
# make-up working day); 中秋 25-27 Sep; 国庆 1-7 Oct. 2025: 国庆 and 中秋 one break, 1-8 Oct.
HOLIDAYS = [
    ("元旦", "2025-12-20 10:00", "2026-01-01 00:00"),
    ("元旦前", "2025-12-20 10:00", "2025-12-31 00:00"),
    ("元旦后", "2025-12-20 10:00", "2026-01-04 00:00"),  # a Sunday worked in lieu
    ("春节", "2025-12-20 10:00", "2026-02-15 00:00"),
    ("春节前", "2025-12-20 10:00", "2026-02-14 00:00"),  # a Saturday worked in lieu
    ("春节后", "2025-12-20 10:00", "2026-02-24 00:00"),
    ("年前", "2025-12-20 10:00", "2026-02-14 00:00"),
    ("年后", "2025-12-20 10:00", "2026-02-24 00:00"),
    ("明年春节前", "2025-12-20 10:00", "2026-02-14 00:00"),
    ("過年後", "2025-12-20 10:00", "2026-02-24 00:00"),
    ("before Chinese New Year", "2025-12-20 10:00", "2026-02-14 00:00"),
    ("by Spring Festival", "2025-12-20 10:00", "2026-02-14 00:00"),
    ("after Chinese New Year", "2025-12-20 10:00", "2026-02-24 00:00"),
    ("after the CNY break", "2025-12-20 10:00", "2026-02-24 00:00"),
    ("清明节前", "2025-12-20 10:00", "2026-04-03 00:00"),
    ("五一后", "2025-12-20 10:00", "2026-05-06 00:00"),
    ("before National Day", "2025-12-20 10:00", "2026-09-30 00:00"),
    ("国庆节后", "2025-12-20 10:00", "2026-10-08 00:00"),
    ("国庆假期后上午10点", "2025-12-20 10:00", "2026-10-08 10:00"),
    ("2026年国庆节前", "2025-12-20 10:00", "2026-09-30 00:00"),
    # a day of the Mid-Autumn break, a week before National Day
    ("中秋节后", "2026-09-25 10:00", "2026-09-28 00:00"),
    ("国庆节前", "2026-09-25 10:00", "2026-09-30 00:00"),
    ("国庆", "2026-09-25 10:00", "2026-10-01 00:00"),
    ("十一后", "2026-09-25 10:00", "2026-10-08 00:00"),
    ("after the national day holiday", "2026-09-25 10:00", "2026-10-08 00:00"),
    # 2025: Mid-Autumn fell inside the National Day break
    ("中秋节", "2025-09-20 10:00", "2025-10-06 00:00"),
    ("中秋节后", "2025-09-20 10:00", "2025-10-09 00:00"),
    ("国庆节前", "2025-09-20 10:00", "2025-09-30 00:00"),
    ("after National Day", "2025-09-20 10:00", "2025-10-09 00:00"),
    # years chinese_calendar does not know are not guessed
    ("2027年春节", "2025-12-20 10:00", None),
    ("春节前", "2026-09-25 10:00", None),
    ("国庆节后", "2026-11-22 10:30", None),
    ("after National Day", "2026-11-22 10:30", None),
    ("元旦", "2026-11-22 10:30", None),
    # numbers that look like a holiday are not one
    ("十一号", "2026-09-25 10:00", "2026-10-11 00:00"),
    ("十一月三号", "2026-09-25 10:00", "2026-11-03 00:00"),
    ("十一点", "2026-09-25 10:00", "2026-09-25 11:00"),
]


@pytest.mark.parametrize(("text", "at", "expected"), HOLIDAYS)
def test_chinese_public_holidays(text, at, expected):
    check(parse_when(text, SH, local(at, SH)), expected, SH)


def test_holidays_looking_back_and_from_new_york():
    after_the_break = local("2026-10-20 10:00", SH)
    check(parse_when("国庆节后", SH, after_the_break, prefer="past"), "2026-10-08 00:00", SH)
    check(parse_when("春节前", SH, after_the_break, prefer="past"), "2026-02-14 00:00", SH)
    check(parse_when("元旦", SH, after_the_break, prefer="past"), "2026-01-01 00:00", SH)
    new_york = local("2025-12-20 10:00", NY)
    check(parse_when("after Chinese New Year", NY, new_york), "2026-02-24 00:00", NY)


# --- dotted dates: Y.M.D and M.D; D.M.Y only when the numbers allow one reading --------------

DOTTED = [
    ("12.3", "2026-12-03 00:00"),
    ("12.03", "2026-12-03 00:00"),
    ("2026.12.3", "2026-12-03 00:00"),
    ("2026.12.03 15:00", "2026-12-03 15:00"),
    ("11.21", "2027-11-21 00:00"),  # passed this year
    ("12.3 15:00", "2026-12-03 15:00"),
    ("12.3前", "2026-12-03 00:00"),
    ("25.12.2026", "2026-12-25 00:00"),
    ("12.25.2026", "2026-12-25 00:00"),
    ("3.3.2027", "2027-03-03 00:00"),
    ("3.12.2026", None),  # 3 December or 12 March
    ("13.5", None),
    ("2026.2.30", None),
    ("12.3.5", None),
    # after a day or a part of the day, a dotted pair is a clock time
    ("明天10.30", "2026-11-23 10:30"),
    ("明天下午3.30", "2026-11-23 15:30"),
    ("周五 9.30", "2026-11-27 09:30"),
]


@pytest.mark.parametrize("tz", [SH, NY])
@pytest.mark.parametrize(("text", "expected"), DOTTED)
def test_dotted_dates(text, expected, tz):
    check(parse_when(text, tz, now_in(tz)), expected, tz)


# --- rolling rules ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        # a bare clock time rolls to tomorrow once passed; equal to now stays today
        ("3pm", "2026-11-22 14:59", "2026-11-22 15:00"),
        ("3pm", "2026-11-22 15:00", "2026-11-22 15:00"),
        ("3pm", "2026-11-22 15:01", "2026-11-23 15:00"),
        ("下午3点", "2026-11-22 16:00", "2026-11-23 15:00"),
        ("at 3pm", "2026-11-22 16:00", "2026-11-23 15:00"),
        # explicit today never rolls
        ("today 3pm", "2026-11-22 16:00", "2026-11-22 15:00"),
        ("今天下午3点", "2026-11-22 16:00", "2026-11-22 15:00"),
        ("今晚8点", "2026-11-22 21:00", "2026-11-22 20:00"),
        # a date without a year rolls by whole days only
        ("Nov 22", "2026-11-22 23:00", "2026-11-22 00:00"),
        ("11月21日", "2026-11-22 09:00", "2027-11-21 00:00"),
        ("12/31", "2026-12-31 23:59", "2026-12-31 00:00"),
        ("1/1", "2026-12-31 23:59", "2027-01-01 00:00"),
        # a bare day of the month: this month's, else the next month that has it
        ("22号", "2026-11-22 23:00", "2026-11-22 00:00"),
        ("21号", "2026-11-22 09:00", "2026-12-21 00:00"),
        ("30号", "2027-01-31 09:00", "2027-03-30 00:00"),
        # a weekday: today counts until its time has passed
        ("周日下午3点", "2026-11-22 14:00", "2026-11-22 15:00"),
        ("周日下午3点", "2026-11-22 16:00", "2026-11-29 15:00"),
        ("Sunday", "2026-11-22 23:00", "2026-11-22 00:00"),
    ],
)
def test_rolling(text, at, expected):
    check(parse_when(text, SH, local(at, SH)), expected, SH)


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        # said on a Monday and on a Thursday
        ("next tuesday", "2026-11-16 09:00", "2026-11-24 00:00"),
        ("next friday", "2026-11-19 09:00", "2026-11-27 00:00"),
        ("last friday", "2026-11-21 09:00", "2026-11-20 00:00"),
        ("下周五", "2026-11-19 09:00", "2026-11-27 00:00"),
        ("这周五", "2026-11-16 09:00", "2026-11-20 00:00"),
        ("上周一", "2026-11-16 09:00", "2026-11-09 00:00"),
        ("coming monday", "2026-11-16 09:00", "2026-11-23 00:00"),
    ],
)
def test_weeks(text, at, expected):
    check(parse_when(text, SH, local(at, SH)), expected, SH)


# --- time zones -------------------------------------------------------------------------------


def test_tomorrow_is_tomorrow_in_the_users_zone():
    # 20:00 UTC on Sunday the 22nd: already Monday 04:00 in Shanghai, Sunday 15:00 in New York.
    instant = datetime(2026, 11, 22, 20, 0, tzinfo=UTC)
    check(parse_when("tomorrow", SH, instant), "2026-11-24 00:00", SH)
    check(parse_when("tomorrow", NY, instant), "2026-11-23 00:00", NY)
    check(parse_when("明天上午9点", SH, instant), "2026-11-24 09:00", SH)
    check(parse_when("明天上午9点", NY, instant), "2026-11-23 09:00", NY)
    assert parse_date("today", SH, instant) == date(2026, 11, 23)
    assert parse_date("today", NY, instant) == date(2026, 11, 22)
    assert parse_date("today", "UTC", instant) == date(2026, 11, 22)


def test_same_words_same_now_different_instants():
    instant = datetime(2026, 11, 22, 2, 30, tzinfo=UTC)  # 10:30 Shanghai, 21:30 New York (21st)
    in_shanghai = parse_when("tomorrow 3pm", SH, instant)
    in_new_york = parse_when("tomorrow 3pm", NY, instant)
    assert in_shanghai.astimezone(UTC) == datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
    assert in_new_york.astimezone(UTC) == datetime(2026, 11, 22, 20, 0, tzinfo=UTC)
    # elapsed time is the same instant wherever it is read
    assert parse_when("in 2 hours", SH, instant) == parse_when("两小时后", NY, instant)
    assert parse_when("in 2 hours", SH, instant) == instant + timedelta(hours=2)


def test_result_is_in_the_given_zone_whatever_zone_now_is_in():
    instant = datetime(2026, 11, 22, 2, 30, tzinfo=UTC)
    result = parse_when("now", SH, instant)
    assert result == instant and result.tzinfo.key == SH
    assert result.strftime("%H:%M") == "10:30"


def test_naive_now_is_wall_time_in_the_zone():
    check(parse_when("tomorrow 3pm", NY, datetime(2026, 11, 22, 23, 0)), "2026-11-23 15:00", NY)


def test_default_now_is_the_current_time():
    before = datetime.now(UTC)
    result = parse_when("现在", SH)
    assert result.tzinfo.key == SH
    assert before <= result <= datetime.now(UTC)
    tomorrow = parse_when("tomorrow", NY)
    assert tomorrow.date() == (datetime.now(tomorrow.tzinfo) + timedelta(days=1)).date()
    assert parse_when("now").tzinfo.key == "UTC"


# --- daylight saving time (America/New_York: 8 March 2026 02:00 -> 03:00; 1 Nov 2026 back) --


def test_spring_forward():
    saturday_noon = local("2026-03-07 12:00", NY)
    gap = parse_when("tomorrow 2:30am", NY, saturday_noon)
    assert gap.strftime("%Y-%m-%d %H:%M %z") == "2026-03-08 03:30 -0400"
    elapsed = parse_when("in 24 hours", NY, saturday_noon)
    assert elapsed.strftime("%Y-%m-%d %H:%M %z") == "2026-03-08 13:00 -0400"
    calendar_day = parse_when("in 1 day", NY, saturday_noon)
    assert calendar_day.strftime("%Y-%m-%d %H:%M %z") == "2026-03-08 12:00 -0400"
    assert parse_when("明天中午12点", NY, saturday_noon) == calendar_day
    assert parse_when("tomorrow", NY, saturday_noon).strftime("%H:%M %z") == "00:00 -0500"


def test_fall_back_takes_the_first_of_the_repeated_hour():
    saturday_noon = local("2026-10-31 12:00", NY)
    result = parse_when("tomorrow 1:30am", NY, saturday_noon)
    assert result.strftime("%Y-%m-%d %H:%M %z") == "2026-11-01 01:30 -0400"
    assert parse_when("tomorrow 3pm", NY, saturday_noon).strftime("%z") == "-0500"


# --- parse_date -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "prefer", "expected"),
    [
        ("下周二", "future", date(2026, 11, 24)),
        ("by Dec 3", "future", date(2026, 12, 3)),
        ("12月3日", "past", date(2025, 12, 3)),
        ("tomorrow 3pm", "future", date(2026, 11, 23)),
        ("in 14 hours", "future", date(2026, 11, 23)),
        ("whenever", "future", None),
        ("2月30日", "future", None),
    ],
)
def test_parse_date(text, prefer, expected):
    assert parse_date(text, SH, now_in(SH), prefer) == expected


# --- arguments and robustness -----------------------------------------------------------------


def test_bad_arguments_raise():
    with pytest.raises(ValueError):
        parse_when("tomorrow", "Mars/Olympus_Mons", now_in(SH))
    with pytest.raises(ValueError):
        parse_when("tomorrow", SH, now_in(SH), prefer="sometime")
    with pytest.raises(ValueError):
        parse_date("tomorrow", SH, now_in(SH), "later")


@pytest.mark.parametrize("text", [None, 3, b"tomorrow", ["tomorrow"]])
def test_non_strings_read_as_none(text):
    assert parse_when(text, SH, now_in(SH)) is None


def test_length_cap():
    padded = "tomorrow 3pm".ljust(MAX_TEXT_LENGTH)
    check(parse_when(padded, SH, now_in(SH)), "2026-11-23 15:00", SH)
    assert parse_when(padded + " ", SH, now_in(SH)) is None
    assert parse_when("明天" * 5000, SH, now_in(SH)) is None


def _fuzz_corpus() -> list[str]:
    rng = random.Random(20261122)
    words = [row[0] for row in CORPUS if row[0]]
    alphabet = (
        "0123456789 :/-.,年月日号点半刻周星期下上午晚明今后前天小时分钟个两三十"
        "amptonwxyzAMPT\u3000\u200b\ufeff\U0001f600\u0301\x00\n\t\u202e١٢٣"
    )
    texts = []
    for _ in range(150):
        texts.append("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))))
    for _ in range(150):
        texts.append(" ".join(rng.sample(words, rng.randint(2, 3))))
    for _ in range(50):
        word = rng.choice(words)
        cut = rng.randint(0, len(word))
        texts.append(word[:cut] + rng.choice(alphabet) + word[cut:])
    texts += ["".join(chr(rng.randint(1, 0x10FFFF)) for _ in range(40)) for _ in range(30)]
    texts += ["9" * 200, "十" * 200, ":" * 200, "in " * 66, "下午" * 100, "\ud800", "\x00"]
    return texts


def test_never_raises_never_naive():
    now = now_in(SH)
    for text in _fuzz_corpus():
        for prefer in ("future", "past"):
            result = parse_when(text, SH, now, prefer=prefer)
            if result is not None:
                assert isinstance(result, datetime)
                assert result.tzinfo is not None and result.tzinfo.key == SH, text
                assert result.utcoffset() is not None


def test_warm_up_is_harmless():
    warm_up()
    check(parse_when("tomorrow 3pm", SH, now_in(SH)), "2026-11-23 15:00", SH)


def test_timing_report():
    """Not a benchmark: prints the median time per call over the corpus (run with -s)."""
    warm_up()
    times: dict[str, list[float]] = {"grammar": [], "dateparser": [], "all": []}
    from commands.when.grammar import scan
    from commands.when.words import Invalid, clean

    for text, tz, _ in CORPUS:
        now = now_in(tz)
        start = time.perf_counter()
        parse_when(text, tz, now)
        elapsed = (time.perf_counter() - start) * 1000
        cleaned = clean(text)
        try:
            ours = scan(cleaned) is not None
        except Invalid:
            ours = True
        times["grammar" if ours or not cleaned else "dateparser"].append(elapsed)
        times["all"].append(elapsed)
    for name, values in times.items():
        print(f"parse_when {name}: {len(values)} calls, median {statistics.median(values):.3f} ms")
