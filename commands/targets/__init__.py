"""Targets (目标): what a team and its reps are to reach per metric and period, and how far
they have come.

- `periods`: a year, quarter or month, its days, children and parent.
- `text`: the one-line grammar of `/target`.
- `actuals`: what was reached, by aggregate queries, converted into the reporting currency at
  each month's rate (a missing rate named, never guessed).
- `attainment`: actual against target, pace by working days, gap and projection.
"""

from commands.targets.actuals import (
    Actual,
    MissingRate,
    UsedRate,
    actuals_by_member,
    monthly_actuals,
    team_actual,
)
from commands.targets.attainment import Attainment, team_attainments
from commands.targets.periods import Period
from commands.targets.text import ShowTargets, parse_target_command

__all__ = [
    "Actual",
    "Attainment",
    "MissingRate",
    "Period",
    "ShowTargets",
    "UsedRate",
    "actuals_by_member",
    "monthly_actuals",
    "parse_target_command",
    "team_actual",
    "team_attainments",
]
