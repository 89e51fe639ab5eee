"""Small builders shared by every view. User-supplied text only ever goes into plain_text
objects (or is escaped), so names like `<!channel>` or `*bold*` are shown, never obeyed."""

from slack_sdk.models.blocks import (
    Block,
    ContextBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

SECTION_LIMIT = 3000
HEADER_LIMIT = 150


def escape(text: str) -> str:
    """Escape the three characters Slack's mrkdwn treats as control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plain(text: str) -> PlainTextObject:
    return PlainTextObject(text=clip(text, SECTION_LIMIT), emoji=True)


def header(text: str) -> HeaderBlock:
    return HeaderBlock(text=PlainTextObject(text=clip(text, HEADER_LIMIT), emoji=True))


def plain_section(text: str) -> SectionBlock:
    return SectionBlock(text=plain(text))


def mrkdwn_section(text: str) -> SectionBlock:
    return SectionBlock(text=MarkdownTextObject(text=clip(text, SECTION_LIMIT)))


def context(*texts: str) -> ContextBlock:
    return ContextBlock(elements=[plain(text) for text in texts if text])


def message(fallback: str, blocks: list[Block]) -> dict:
    """An ephemeral reply: `text` is the notification fallback, `blocks` what people see."""
    return {
        "response_type": "ephemeral",
        "text": clip(escape(fallback), SECTION_LIMIT),
        "blocks": [block.to_dict() for block in blocks],
    }


def notice(text: str) -> dict:
    return message(text, [plain_section(text)])
