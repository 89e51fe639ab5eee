"""The one way the program builds a Slack Web API client: SLACK_API_URL honoured, retries on."""

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)


def slack_client(token: str | None, api_url: str, timeout: int = 10) -> WebClient:
    return WebClient(
        token=token,
        base_url=api_url,
        timeout=timeout,
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=2),
            RateLimitErrorRetryHandler(max_retry_count=2),
            ServerErrorRetryHandler(max_retry_count=2),
        ],
    )
