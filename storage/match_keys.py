"""What duplicate checks (防撞单) compare: a company, a phone and an e-mail written the many
ways people write them, each reduced to one form; leads, customers' contacts and customers'
names store these keys, so a check is an index look-up.

- company: full-width folded to half-width (NFKC), case folded, punctuation and spaces gone,
  legal suffixes dropped in both scripts: "上海华联贸易有限公司" and "上海华联贸易" are one key,
  "Acme Trading Co., Ltd." and "ACME TRADING" another.
- name grams: the pieces of a company name a similar name would share (its words; Chinese as
  runs of three characters), stored for each customer in `customer_name_gram`.

- phone: digits only; a Chinese mobile's +86 / 0086 / 86 prefix dropped (+86 138-0013-8000 is
  13800138000), a landline's brackets, dashes and spaces ignored ((021) 6234-5678 is 02162345678,
  and so is +86 21 6234 5678).
- e-mail: trimmed and lower-cased.
"""

import re
import unicodedata

# Latin legal forms, as words once punctuation is gone ("Co., Ltd." is "co", "ltd").
LATIN_SUFFIXES = frozenset(
    {
        "co",
        "company",
        "ltd",
        "limited",
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "llc",
        "llp",
        "plc",
        "gmbh",
        "ag",
        "pty",
        "sa",
        "srl",
        "bv",
        "kk",
    }
)
# Chinese legal forms, longest first so 股份有限公司 goes whole rather than as 公司.
CHINESE_SUFFIXES = ("股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团", "公司")
_WORDS = re.compile(r"\w+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
GRAM_LENGTH = 3
MAX_GRAM = 40  # the gram column's width
_NOT_DIGITS = re.compile(r"\D")
MIN_PHONE_DIGITS = 5
MAX_PHONE_DIGITS = 32  # the key column's width
CHINA = "86"


def phone_key(phone: str | None) -> str | None:
    """The digits that identify a phone number, or None when there are too few to be one."""
    if not phone:
        return None
    digits = _NOT_DIGITS.sub("", unicodedata.normalize("NFKC", phone))
    digits = _without_country_code(digits)
    if not MIN_PHONE_DIGITS <= len(digits) <= MAX_PHONE_DIGITS:
        return None
    return digits


def _without_country_code(digits: str) -> str:
    """China's country code dropped: a mobile is its 11 digits, a landline its trunk 0 and
    area code, as dialled at home."""
    for prefix in ("00" + CHINA, CHINA):
        rest = digits[len(prefix) :]
        if not digits.startswith(prefix):
            continue
        if len(rest) == 11 and rest.startswith("1"):
            return rest
        if prefix == "00" + CHINA and 9 <= len(rest) <= 11 and not rest.startswith("0"):
            return "0" + rest
        if prefix == CHINA and 9 <= len(rest) <= 11 and rest[0] in "2345789":
            return "0" + rest
    return digits


def email_key(email: str | None) -> str | None:
    if not email:
        return None
    return unicodedata.normalize("NFKC", email).strip().lower() or None


def folded_words(name: str) -> list[str]:
    """A name's words, width and case folded, punctuation gone ("Ｃｏ．,Ltd" → co, ltd)."""
    return _WORDS.findall(unicodedata.normalize("NFKC", name).casefold().replace("_", " "))


def company_key(name: str) -> str:
    """The name without what does not tell companies apart; never empty for a name that has
    any letters or digits (a name that is only a legal form keeps it: "Limited" is "limited")."""
    words = folded_words(name)
    while len(words) > 1 and words[-1] in LATIN_SUFFIXES:
        words.pop()
    compact = "".join(words)
    stripped = True
    while stripped:
        stripped = False
        for suffix in CHINESE_SUFFIXES:
            if compact.endswith(suffix) and len(compact) > len(suffix):
                compact = compact[: -len(suffix)]
                stripped = True
                break
    return compact


def name_grams(company: str) -> set[str]:
    """Every piece of a company name that another way of writing it would share: its words,
    legal forms left out; a Chinese word longer than three characters as its runs of three
    that hold a Chinese character."""
    grams: set[str] = set()
    for found in folded_words(company):
        if found in LATIN_SUFFIXES:
            continue
        word = company_key(found)  # 上海华联贸易有限公司 → 上海华联贸易
        if _CJK.search(word) and len(word) > GRAM_LENGTH:
            runs = (word[i : i + GRAM_LENGTH] for i in range(len(word) - GRAM_LENGTH + 1))
            grams |= {run for run in runs if _CJK.search(run)}  # "000" would match thousands
        elif len(word) >= 2 or _CJK.search(word):
            grams.add(word[:MAX_GRAM])
    return grams
