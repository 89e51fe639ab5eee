"""Text clean-up and numbers: what typed words look like before the grammar reads them."""

from __future__ import annotations

import re
import unicodedata

_TRADITIONAL = str.maketrans(
    "後週號兩個點時鐘現這禮幾間過節慶勞", "后周号两个点时钟现这礼几间过节庆劳"
)
_EDGE_PUNCT = " \t\r\n.,;:!?。，；：！？、~～…\"'“”‘’()（）[]【】"
HAS_CJK = re.compile(r"[\u3400-\u9fff]")
HAS_WORD = re.compile(r"[a-z\u3400-\u9fff]")


class Invalid(Exception):
    """The words were recognised but name no real time (2月30日, 25点)."""


def clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_TRADITIONAL).lower()
    text = " ".join(text.split())
    return text.strip(_EDGE_PUNCT)


def table(spec: str) -> dict[str, str]:
    """ "a=x b=y" -> {"a": "x", "b": "y"}"""
    return dict(item.split("=") for item in spec.split())


def index(spec: str) -> dict[str, int]:
    """ "a b c" -> {"a": 0, "b": 1, "c": 2}"""
    return {word: i for i, word in enumerate(spec.split())}


def alternatives(words) -> str:
    """A regex alternation of ``words``, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
EN_NUMBERS = index("a one two three four five six seven eight nine ten eleven twelve")
EN_NUMBERS["a"] = EN_NUMBERS["an"] = 1
NUM = r"(?:[0-9]{1,4}|[零〇一二两三四五六七八九十]{1,5})"


def number(s: str) -> int:
    """Arabic or Chinese numerals up to 99 (十一, 二十三, 两) or digit by digit (二零二六)."""
    if s.isascii() and s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        if "十" in ones or len(tens) > 1 or len(ones) > 1:
            raise Invalid(s)
        hi = 1 if not tens else CN_DIGITS.get(tens, 0)
        lo = 0 if not ones else CN_DIGITS.get(ones, 0)
        if hi == 0 or (ones and lo == 0):
            raise Invalid(s)
        return hi * 10 + lo
    return int("".join(str(CN_DIGITS[c]) for c in s))


def year(text: str) -> int:
    value = number(text)
    if value < 100:
        value += 2000
    if not 1900 <= value <= 2199:
        raise Invalid(text)
    return value
