"""A phone and an e-mail reduced to the one form duplicate checks compare, written the many
ways people write them. Leads and customers' contacts both store these keys.

- phone: digits only; a Chinese mobile's +86 / 0086 / 86 prefix dropped (+86 138-0013-8000 is
  13800138000), a landline's brackets, dashes and spaces ignored ((021) 6234-5678 is 02162345678,
  and so is +86 21 6234 5678).
- e-mail: trimmed and lower-cased.
"""

import re
import unicodedata

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
