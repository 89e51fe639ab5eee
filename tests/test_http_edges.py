"""What the HTTP endpoint does with requests that are not Slack's, and the health check."""

import time

from harness import SIGNING_SECRET
from slack_standin import signed_headers, slash_command_body


def test_forged_signatures_are_refused_without_any_slack_traffic(desk):
    body = slash_command_body("/order", "list", "UADMIN0001", desk.slack.response_url())
    reply = desk.post(body, signed_headers(body, "not-the-secret"))
    assert reply.status == 401
    assert desk.slack.total_requests == 0


def test_requests_older_than_five_minutes_are_refused(desk):
    body = slash_command_body("/order", "list", "UADMIN0001", desk.slack.response_url())
    stale = signed_headers(body, SIGNING_SECRET, timestamp=int(time.time()) - 301)
    reply = desk.post(body, stale)
    assert reply.status == 401
    assert "1234" not in str(reply.body)
    assert desk.slack.total_requests == 0


def test_unsigned_requests_are_refused(desk):
    body = slash_command_body("/order", "list", "UADMIN0001", desk.slack.response_url())
    assert desk.post(body, {}).status == 401


def test_health_check_answers_when_the_database_is_reachable(desk):
    reply = desk.get("/healthz")
    assert reply.status == 200
    assert reply.body == {"ok": True, "database": "reachable"}
