"""Small builders shared by every view. User-supplied text only ever goes into plain_text
objects (or is escaped), so names like `<!channel>` or `*bold*` are shown, never obeyed."""

from collections.abc import Callable, Iterable

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


def grouped_lines(lines: Iterable[str], room: int = SECTION_LIMIT) -> list[list[str]]:
    """Lines gathered into as few groups as one section's `room` allows (Slack: 3,000
    characters): one block per group instead of one per line keeps long lists under Slack's 50
    blocks. A line longer than the room is clipped."""
    groups: list[list[str]] = [[]]
    size = 0
    for line in lines:
        if groups[-1] and size + len(line) + 1 > room:
            groups.append([])
            size = 0
        groups[-1].append(line[:room])
        size += len(line) + 1
    return groups if groups[0] else []


def rendered(build: Callable[..., tuple[str, list[Block]]]) -> Callable[..., tuple[str, list]]:
    """A notification renderer, `(params, reader) -> (fallback text, blocks as dicts)`, from a
    view that builds a title and blocks."""

    def render(params: dict, reader: object) -> tuple[str, list]:
        title, blocks = build(params, reader)
        return clip(escape(title), SECTION_LIMIT), [block.to_dict() for block in blocks]

    return render


def message(fallback: str, blocks: list[Block]) -> dict:
    """An ephemeral reply: `text` is the notification fallback, `blocks` what people see."""
    return {
        "response_type": "ephemeral",
        "text": clip(escape(fallback), SECTION_LIMIT),
        "blocks": [block.to_dict() for block in blocks],
    }


def notice(text: str) -> dict:
    return message(text, [plain_section(text)])
