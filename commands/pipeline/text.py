"""The one-line grammar of `/pipeline` (漏斗):

/pipeline                      every open opportunity, conversion over all time
/pipeline month | 本月          this month (quarter | 本季度, year | 今年)
/pipeline 2026-11 | 2026-Q4    that month or quarter (or year)
/pipeline help | 帮助
"""

import unicodedata
from dataclasses import dataclass
from datetime import date

from commands.errors import InvalidInput
from commands.targets.periods import MONTH, QUARTER, YEAR, Period
from storage.targets import period_key

HELP_WORDS = {"help", "?", "帮助"}
RELATIVE = {
    "month": MONTH,
    "this month": MONTH,
    "本月": MONTH,
    "这个月": MONTH,
    "quarter": QUARTER,
    "this quarter": QUARTER,
    "本季度": QUARTER,
    "本季": QUARTER,
    "year": YEAR,
    "this year": YEAR,
    "今年": YEAR,
    "本年": YEAR,
}


@dataclass(frozen=True)
class ShowHelp:
    pass


@dataclass(frozen=True)
class ShowPipeline:
    period: Period | None = None


def parse_pipeline_command(text: str, today: date) -> ShowHelp | ShowPipeline:
    words = " ".join(unicodedata.normalize("NFKC", text or "").split()).casefold()
    if not words:
        return ShowPipeline()
    if words in HELP_WORDS:
        return ShowHelp()
    if words in RELATIVE:
        return ShowPipeline(Period.containing(today, RELATIVE[words]))
    key = period_key(words)
    if key is None:
        raise InvalidInput("pipeline.error.period", value=text.strip()[:40])
    return ShowPipeline(Period.of(key))
