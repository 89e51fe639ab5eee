"""Block Kit rendered as terminal text, close to what Slack would show."""

import re

from bot.i18n import t

EMOJI = {":warning:": "⚠️", ":white_check_mark:": "✅", ":x:": "❌"}
_BOLD = re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)\*(?![\w*])")


def render_message(payload: dict) -> str:
    blocks = payload.get("blocks") or []
    if not blocks:
        return _mrkdwn(payload.get("text", ""))
    return "\n".join(line for block in blocks for line in _block(block))


def render_form(view: dict, locale: str) -> str:
    """A modal, as the questions it asks: forms are filled in Slack, not in the console."""
    title = t(locale, "console.form", title=_text(view.get("title") or {}))
    asks = [f"  • {_text(block['label'])}" for block in view.get("blocks", []) if "label" in block]
    return "\n".join([title, *asks])


def _block(block: dict) -> list[str]:
    kind = block.get("type")
    if kind == "header":
        title = _text(block["text"])
        return [title, "─" * min(len(title) * 2, 60)]
    if kind == "section":
        lines = [_text(block["text"])] if block.get("text") else []
        lines += [_field(field) for field in block.get("fields", [])]
        return lines
    if kind == "context":
        return ["  " + " · ".join(_text(element) for element in block.get("elements", []))]
    if kind == "actions":
        return ["  " + "  ".join(f"[{_text(e['text'])}]" for e in block.get("elements", []))]
    if kind == "divider":
        return [""]
    return []


def _field(field: dict) -> str:
    label, _, value = _text(field).partition("\n")
    return f"{label}: {value}" if value else label


def _text(obj: dict) -> str:
    text = obj.get("text", "")
    if obj.get("type") == "mrkdwn":
        text = _mrkdwn(text)
    for code, symbol in EMOJI.items():
        text = text.replace(code, symbol)
    return text


def _mrkdwn(text: str) -> str:
    text = _BOLD.sub(r"\1", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
