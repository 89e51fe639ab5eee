"""The one way the program builds a Slack Web API client: SLACK_API_URL honoured, retries on."""

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)


def slack_client(
    token: str | None, api_url: str, timeout: int = 10, retry_rate_limited: bool = True
) -> WebClient:
    """`retry_rate_limited=False` hands 429s to the caller instead of sleeping through their
    Retry-After in this one request: the outbox shares it with every process that sends."""
    retry_handlers = [
        ConnectionErrorRetryHandler(max_retry_count=2),
        ServerErrorRetryHandler(max_retry_count=2),
    ]
    if retry_rate_limited:
        retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=2))
    return WebClient(token=token, base_url=api_url, timeout=timeout, retry_handlers=retry_handlers)
