"""Customer visits and contacts: logging them (by form, in one line, or picked from a choice),
checking what they say, and reading them back."""

from commands.visits.drafts import (
    CHANNELS,
    MAX_NEXT_STEP,
    MAX_SUMMARY,
    VisitDraft,
    VisitProblems,
    check_draft,
)
from commands.visits.lines import VisitLine, visit_line
from commands.visits.reading import VisitPage, recent_visits
from commands.visits.recording import CustomerChoice, VisitLogged, log_quick_visit, log_visit
from commands.visits.text import ListVisits, OpenForm, QuickVisit, ShowHelp, parse_visit_command

__all__ = [
    "CHANNELS",
    "MAX_NEXT_STEP",
    "MAX_SUMMARY",
    "CustomerChoice",
    "ListVisits",
    "OpenForm",
    "QuickVisit",
    "ShowHelp",
    "VisitDraft",
    "VisitLine",
    "VisitLogged",
    "VisitPage",
    "VisitProblems",
    "check_draft",
    "log_quick_visit",
    "log_visit",
    "parse_visit_command",
    "recent_visits",
    "visit_line",
]
