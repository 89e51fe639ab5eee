"""Writing a team channel's canvas through Slack's canvases API, section by section.

Created once with conversations.canvases.create (the whole page); afterwards each section is
found by its h2 heading (canvases.sections.lookup) and replaced (canvases.edit, one change per
call as Slack allows), or added at the end when it is not there (a person deleted it). A canvas
deleted in Slack (canvas_not_found / canvas_deleted) is created anew; a channel that already
has a canvas (channel_canvas_already_exists: made by hand, or by an earlier attempt whose answer
was lost) has it looked up with conversations.info (`properties.canvas.file_id`) and our
sections written into it, never a second canvas. Any other error is raised for the outbox to
retry: every step can be run again without adding anything twice.
"""

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

GONE = {"canvas_not_found", "canvas_deleted"}
ALREADY_EXISTS = "channel_canvas_already_exists"


def write_canvas(
    client: WebClient, channel: str, canvas_id: str | None, sections: list[dict]
) -> str:
    """Write `sections` ({markdown, headings}) on the channel's canvas; returns its id."""
    if canvas_id:
        try:
            rewrite(client, canvas_id, sections)
            return canvas_id
        except SlackApiError as error:
            if error.response.get("error") not in GONE:
                raise
    return _create(client, channel, sections)


def rewrite(client: WebClient, canvas_id: str, sections: list[dict]) -> None:
    for section in sections:
        content = {"type": "markdown", "markdown": section["markdown"]}
        found = _section_ids(client, canvas_id, section["headings"])
        if found:
            change = {"operation": "replace", "section_id": found[0], "document_content": content}
        else:
            change = {"operation": "insert_at_end", "document_content": content}
        client.canvases_edit(canvas_id=canvas_id, changes=[change])


def _section_ids(client: WebClient, canvas_id: str, headings: list[str]) -> list[str]:
    """The h2 sections under the first of `headings` the canvas has."""
    for heading in headings:
        criteria = {"section_types": ["h2"], "contains_text": heading}
        answer = client.canvases_sections_lookup(canvas_id=canvas_id, criteria=criteria)
        found = [s["id"] for s in answer.get("sections") or [] if s.get("id")]
        if found:
            return found
    return []


def _create(client: WebClient, channel: str, sections: list[dict]) -> str:
    whole = {"type": "markdown", "markdown": "\n".join(s["markdown"] for s in sections)}
    try:
        answer = client.conversations_canvases_create(channel_id=channel, document_content=whole)
        if not answer.get("canvas_id"):
            raise SlackClientError(f"Slack gave no canvas id for {channel}")
        return str(answer["canvas_id"])
    except SlackApiError as error:
        if error.response.get("error") != ALREADY_EXISTS:
            raise
    existing = _channel_canvas(client, channel)
    rewrite(client, existing, sections)
    return existing


def _channel_canvas(client: WebClient, channel: str) -> str:
    info = client.conversations_info(channel=channel)
    properties = (info.get("channel") or {}).get("properties") or {}
    file_id = (properties.get("canvas") or {}).get("file_id")
    if not file_id:  # said to exist, not shown yet: the outbox tries again later
        raise SlackClientError(f"the canvas of {channel} exists but was not found")
    return str(file_id)
