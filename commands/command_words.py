"""The first word of a one-line command, the way people type it in English and Chinese."""


def split_verb(text: str, verbs: dict[str, str]) -> tuple[str | None, str, str]:
    """The sub-command `text` starts with (None if none), the word that named it, and the rest.

    Chinese is written without spaces, so a Chinese verb may run into what follows it:
    "状态1234" reads as "状态 1234" and "列表逾期" as "列表 逾期".
    """
    head, rest = [*text.split(maxsplit=1), "", ""][:2]
    verb = verbs.get(head.lower())
    if verb is not None:
        return verb, head, rest.strip()
    for word in _glued_first(verbs):
        if head.startswith(word) and len(head) > len(word):
            return verbs[word], word, f"{head[len(word) :]} {rest}".strip()
    return None, head, rest.strip()


def _glued_first(verbs: dict[str, str]) -> list[str]:
    """The verbs that may run into the next word, longest first ("回款" before "回")."""
    return sorted((word for word in verbs if not word.isascii()), key=len, reverse=True)
