"""Booking meetings with customers or colleagues, and changing them afterwards.

The organiser is always an attendee. A meeting overlapping another scheduled meeting of any
attendee is a clash: it is booked only when the organiser says "book anyway". A one-line booking
that clashes is kept as a draft (status "draft": never listed, never reminded) until the
organiser confirms or drops it. Only the organiser or an admin moves or cancels a meeting;
minutes are for the organiser, the attendees and admins, once the meeting has started.
Times are stored in UTC.

- cards: requests, cards, outcomes and errors; rules: what a meeting must be; access: who may
  do what; booking, changes and reading: the actions; news: what the people on it are told;
  text: the one-line grammar of `/meeting`.
"""

from commands.meetings.booking import (
    OnClash,
    book_meeting,
    confirm_held,
    drop_held,
    request_from_text,
)
from commands.meetings.cards import (
    MAX_AGENDA,
    MAX_ATTENDEES,
    MAX_MINUTES,
    MAX_PLACE,
    MAX_REASON,
    MAX_TITLE,
    Booked,
    Cancelled,
    Clash,
    Held,
    MeetingCard,
    MeetingClash,
    MeetingPage,
    MeetingProblems,
    MeetingRequest,
    MinutesSaved,
    Moved,
    Person,
)
from commands.meetings.changes import cancel_meeting, move_meeting, record_minutes
from commands.meetings.reading import (
    find_clashes,
    meeting_for_minutes,
    meeting_to_change,
    upcoming_meetings,
)
from commands.meetings.text import (
    AddMinutes,
    BookMeeting,
    CancelMeeting,
    ListMeetings,
    MoveMeeting,
    OpenBookingForm,
    ShowHelp,
    parse_meeting_command,
    read_when,
)

__all__ = [
    "MAX_AGENDA",
    "MAX_ATTENDEES",
    "MAX_MINUTES",
    "MAX_PLACE",
    "MAX_REASON",
    "MAX_TITLE",
    "AddMinutes",
    "BookMeeting",
    "Booked",
    "CancelMeeting",
    "Cancelled",
    "Clash",
    "Held",
    "ListMeetings",
    "MeetingCard",
    "MeetingClash",
    "MeetingPage",
    "MeetingProblems",
    "MeetingRequest",
    "MinutesSaved",
    "MoveMeeting",
    "Moved",
    "OnClash",
    "OpenBookingForm",
    "Person",
    "ShowHelp",
    "book_meeting",
    "cancel_meeting",
    "confirm_held",
    "drop_held",
    "find_clashes",
    "meeting_for_minutes",
    "meeting_to_change",
    "move_meeting",
    "parse_meeting_command",
    "read_when",
    "record_minutes",
    "request_from_text",
    "upcoming_meetings",
]
