"""`/desk` in Slack: its help, every team's settings, and settings saved."""

from bot.i18n import t
from bot.views.blocks import message, mrkdwn_section, notice, plain_section


def desk_help(locale: str) -> dict:
    parts = ("settings.help", "rate.help", "people.help")
    help_text = "\n\n".join(t(locale, part) for part in parts)
    return message(help_text, [mrkdwn_section(help_text)])


def team_settings_list(teams: list[tuple[str, dict]], locale: str) -> dict:
    """Each team's name and its settings, one `name = value` line each."""
    lines = []
    for team, values in teams:
        lines.append(t(locale, "settings.title", team=team))
        lines += [f"  {name} = {value}" for name, value in values.items()]
    return notice("\n".join(lines))


def settings_changed(team: str, updated: dict, locale: str) -> dict:
    summary = ", ".join(f"{name}={value}" for name, value in updated.items())
    return message(
        summary, [plain_section(t(locale, "settings.changed", team=team, changes=summary))]
    )
