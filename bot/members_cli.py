"""`salesdesk members …`: people who leave, handled from the operator's terminal."""

import sys

from bot.runtime import open_database
from bot.settings import Settings
from bot.views.errors import error_text
from bot.views.people import handover_text
from commands.errors import DomainError
from commands.handover import deactivate
from commands.people import Reader
from storage.models import utcnow


def deactivate_member(settings: Settings, member: str, to: str) -> int:
    """Deactivate `member` and hand what is open of theirs to `to` (the new owner hears of it
    by DM once the desk is serving); 1 with the reason when that cannot be done."""
    db = open_database(settings)
    try:
        with db.session() as session:
            handover = deactivate(session, None, member.strip(), to.strip(), utcnow())
    except DomainError as error:
        print(
            f"salesdesk: {error_text(error, Reader(settings.locale, settings.timezone))}",
            file=sys.stderr,
        )
        return 1
    finally:
        db.dispose()
    print(handover_text(handover, settings.locale, prefix="people.cli"))
    return 0
