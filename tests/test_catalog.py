"""The two languages say the same things: same keys, same placeholders, and every key the code
asks for exists."""

import re
import string
from pathlib import Path

from bot.i18n import CATALOGS

ROOT = Path(__file__).resolve().parent.parent


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_languages_have_the_same_keys():
    assert set(CATALOGS["en"]) == set(CATALOGS["zh-CN"])


HALF_WIDTH_NEXT_TO_CHINESE = re.compile(r"[\u4e00-\u9fff][,:;!?()]|[,:;!?()][\u4e00-\u9fff]")


def test_chinese_uses_full_width_punctuation():
    for key, chinese in CATALOGS["zh-CN"].items():
        prose = re.sub(r"`[^`]*`", "", chinese)  # what users type keeps its own punctuation
        assert not HALF_WIDTH_NEXT_TO_CHINESE.search(prose), key
        assert chinese.count("（") == chinese.count("）"), key


def test_both_languages_use_the_same_placeholders():
    for key, english in CATALOGS["en"].items():
        assert placeholders(english) == placeholders(CATALOGS["zh-CN"][key]), key


KEY_USES = re.compile(
    r"""(?:\bt\([^,()]+,\s*|(?:Error|Input|NotFound|Forbidden)\()\s*["']([a-z_]+(?:\.[a-z_]+)+)["']"""
)


def test_every_literal_key_the_code_uses_is_in_the_catalog():
    missing = set()
    for package in ("bot", "commands", "jobs", "storage"):
        for path in (ROOT / package).rglob("*.py"):
            for key in KEY_USES.findall(path.read_text()):
                if key not in CATALOGS["en"]:
                    missing.add(f"{path.relative_to(ROOT)}: {key}")
    assert not missing, sorted(missing)
