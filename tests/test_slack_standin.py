import json
import threading
from types import SimpleNamespace
from urllib.parse import parse_qsl

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry import builtin_handlers
from slack_sdk.http_retry.builtin_handlers import (
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.builtin_interval_calculators import FixedValueRetryIntervalCalculator
from slack_sdk.signature import SignatureVerifier
from slack_sdk.webhook import WebhookClient

from slack_standin import SlackStandIn, signed_headers, slash_command_body

BLOCKS = [{"type": "section", "text": {"type": "mrkdwn", "text": "*New deal*"}}]


@pytest.fixture
def slack():
    with SlackStandIn() as standin:
        yield standin


@pytest.fixture
def client(slack):
    return WebClient(token="xoxb-test", base_url=slack.api_url)


def test_records_json_and_form_encoded_calls(slack, client):
    first = client.chat_postMessage(channel="C1", text="hi", blocks=BLOCKS)  # JSON body
    form = {"channel": "C1", "user": "U1", "blocks": json.dumps(BLOCKS)}
    second = client.api_call("chat.postEphemeral", params=form)  # form-encoded body

    [posted] = slack.calls_to("chat.postMessage")
    assert posted.args == {"channel": "C1", "text": "hi", "blocks": BLOCKS}
    assert posted.headers["Content-Type"].startswith("application/json")
    assert posted.headers["Authorization"] == "Bearer xoxb-test"
    [ephemeral] = slack.calls_to("chat.postEphemeral")
    assert ephemeral.args == {"channel": "C1", "user": "U1", "blocks": BLOCKS}
    assert ephemeral.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert first["message"]["blocks"] == BLOCKS and first["channel"] == "C1"
    assert first["ts"] == "1700000000.000100" and second["ts"] > first["ts"]
    assert slack.total_requests == 2


def test_default_answers(slack, client):
    assert client.auth_test()["user_id"] == "UBOT"
    assert client.conversations_open(users="U1")["channel"]["id"] == "DU1"
    opened = client.views_open(trigger_id="t", view={"type": "modal", "blocks": BLOCKS})
    assert opened["view"]["blocks"] == BLOCKS and opened["view"]["id"].startswith("V")
    updated = client.views_update(view_id=opened["view"]["id"], view={"type": "modal"})
    assert updated["view"]["id"] == opened["view"]["id"]
    assert updated["view"]["hash"] != opened["view"]["hash"]
    assert client.api_call("reactions.add").data == {"ok": True}


def test_users_info_and_overrides(slack, client):
    slack.add_user("U1", name="alice", locale="de-DE")
    user = client.users_info(user="U1")["user"]
    assert (user["name"], user["locale"], user["tz"]) == ("alice", "de-DE", "UTC")
    with pytest.raises(SlackApiError, match="user_not_found"):
        client.users_info(user="U404")

    slack.set_response("chat.postMessage", lambda call: {"ok": False, "error": call.args["text"]})
    with pytest.raises(SlackApiError, match="channel_not_found"):
        client.chat_postMessage(channel="C1", text="channel_not_found")


def test_rejects_missing_or_invalid_token(slack):
    for token, error in [(None, "not_authed"), ("xoxp-user", "invalid_auth")]:
        with pytest.raises(SlackApiError, match=error):
            WebClient(token=token, base_url=slack.api_url).auth_test()


def test_response_url_is_recorded(slack):
    response = WebhookClient(slack.response_url("r1")).send(text="done", response_type="ephemeral")
    assert (response.status_code, response.body) == (200, "ok")
    [call] = slack.calls_to("response_url")
    assert call.args == {"text": "done", "response_type": "ephemeral", "_name": "r1"}


def test_wait_for(slack, client):
    threading.Timer(0.05, client.chat_postMessage, kwargs={"channel": "C1", "text": "x"}).start()
    [call] = slack.wait_for("chat.postMessage", timeout=2, where=lambda c: c.args["text"] == "x")
    assert call.args["channel"] == "C1"

    with pytest.raises(AssertionError, match=r"2 call\(s\) to chat.postMessage .* got 1; "):
        slack.wait_for("chat.postMessage", count=2, timeout=0.1)
    with pytest.raises(AssertionError, match=r"recorded: chat\.postMessage x1"):
        slack.wait_for("chat.update", timeout=0.1)


def test_random_faults_are_retried_until_every_message_is_delivered_once(slack, monkeypatch):
    # RateLimitErrorRetryHandler sleeps Retry-After plus up to 1 s of jitter; drop the jitter.
    monkeypatch.setattr(builtin_handlers, "random", SimpleNamespace(random=lambda: 0.0))
    no_wait = FixedValueRetryIntervalCalculator(fixed_internal=0.0)
    handlers = [
        RateLimitErrorRetryHandler(max_retry_count=10),
        ServerErrorRetryHandler(max_retry_count=10, interval_calculator=no_wait),
    ]
    client = WebClient(token="xoxb-test", base_url=slack.api_url, retry_handlers=handlers)
    slack.fail_randomly(rate=0.3, seed=1, retry_after=0)

    for i in range(50):
        client.chat_postMessage(channel="C1", text=f"m{i}")

    assert [c.args["text"] for c in slack.calls] == [f"m{i}" for i in range(50)]
    assert {c.status for c in slack.failed_calls} == {429, 503}
    assert slack.total_requests == 50 + len(slack.failed_calls)

    slack.fail_randomly(0)
    slack.reset()
    WebClient(token="xoxb-test", base_url=slack.api_url).auth_test()
    assert (len(slack.calls), slack.failed_calls, slack.total_requests) == (1, [], 1)


def test_rate_limit_per_channel_and_burst(slack, client):
    slack.rate_limit("chat.postMessage", per_channel_per_second=1)
    client.chat_postMessage(channel="C1", text="one")
    with pytest.raises(SlackApiError, match="ratelimited") as refused:
        client.chat_postMessage(channel="C1", text="two")
    assert refused.value.response.status_code == 429
    assert refused.value.response.headers["Retry-After"] == "1"
    client.chat_postMessage(channel="C2", text="three")
    assert [c.args["text"] for c in slack.calls] == ["one", "three"]
    assert [c.args["text"] for c in slack.failed_calls] == ["two"]

    slack.rate_limit("chat.update", burst_per_minute=2)
    for channel in ("C1", "C2"):
        client.chat_update(channel=channel, ts="1.0", text="edit")
    with pytest.raises(SlackApiError, match="ratelimited"):
        client.chat_update(channel="C3", ts="1.0", text="edit")


def test_signed_slash_command_passes_slack_sdk_verification():
    body = slash_command_body("/deal", "ACME 5000", "U1", "http://x/response/r1", channel_id="C9")
    headers = signed_headers(body, "s3cret")

    assert SignatureVerifier("s3cret").is_valid_request(body, headers)
    assert SignatureVerifier("s3cret").is_valid_request(body.encode(), headers)
    assert not SignatureVerifier("other").is_valid_request(body, headers)
    fields = dict(parse_qsl(body))
    assert (fields["command"], fields["text"], fields["channel_id"]) == ("/deal", "ACME 5000", "C9")
    assert fields["team_id"] == "T0001" and fields["response_url"] == "http://x/response/r1"
