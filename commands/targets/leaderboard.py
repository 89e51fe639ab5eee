"""The leaderboard (排行榜): a team's reps ranked by attainment % of their own target, not by raw
amount, so reps with different targets compete fairly.

Ranks are those of the percent as shown (to 0.1 %): reps who look level are level, and share a
rank (1, 1, 3). A rep without a target for the metric and period is listed after the ranked
ones as having no target, never ranked as 0 %. What a person may see follows the team's
`leaderboard_privacy`: `everyone` the whole board, `top3` the top three and their own rank,
`none` only their own rank; managers, desk and admins always see their team's whole board.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlmodel import Session, col, select

from commands.errors import Forbidden, InvalidInput
from commands.people import Actor
from commands.targets.actuals import Actual, MissingRate, UsedRate
from commands.targets.attainment import Attainment, attainments_of_teams, team_attainments
from commands.targets.periods import Period
from commands.targets.text import MAX_TEXT, read_metric, read_period, split_words
from commands.team_settings import TeamSettings, find_team, settings_of
from storage.models import Member, Target, Team, stored_id
from storage.statuses import Metric, Role

TOP = 3
SHOWN_PLACES = Decimal("0.1")
HELP_WORDS = ("help", "?", "帮助", "用法")
EVERYONE, TOP3, NONE = "everyone", "top3", "none"


@dataclass(frozen=True)
class Standing:
    """One rep on the board: `rank` None when the rep has no target."""

    rank: int | None
    member_id: int
    slack_user_id: str
    name: str
    percent: Decimal | None
    actual: Actual
    target: Decimal | None


@dataclass(frozen=True)
class Leaderboard:
    team_id: int
    team: str
    metric: Metric
    period: Period
    currency: str  # the team's reporting currency, for money metrics
    ranked: tuple[Standing, ...]
    unranked: tuple[Standing, ...]  # reps without a target

    def standing_of(self, member_id: int) -> Standing | None:
        return next((s for s in self.ranked + self.unranked if s.member_id == member_id), None)

    def is_tied(self, standing: Standing) -> bool:
        return standing.rank is not None and any(
            other.rank == standing.rank and other is not standing for other in self.ranked
        )

    def top(self, places: int = TOP) -> tuple[Standing, ...]:
        """The ranks up to `places`, everyone tied at the last of them included."""
        return tuple(s for s in self.ranked if s.rank is not None and s.rank <= places)

    @property
    def used(self) -> tuple[UsedRate, ...]:
        found = {rate for s in self.ranked + self.unranked for rate in s.actual.used}
        return tuple(sorted(found, key=lambda r: (r.month, r.currency, r.to_currency)))

    @property
    def missing(self) -> tuple[MissingRate, ...]:
        found = {rate for s in self.ranked + self.unranked for rate in s.actual.missing}
        return tuple(sorted(found, key=lambda r: (r.month, r.currency, r.to_currency)))


@dataclass(frozen=True)
class ShowLeaderboardHelp:
    pass


@dataclass(frozen=True)
class ShowLeaderboard:
    period: Period
    metric: Metric | None  # None: the team's leaderboard_metric
    team: str | None = None  # a team's name (admins); None: the asker's own, or every team


@dataclass(frozen=True)
class VisibleBoard:
    """A board as one person may see it: `shown` the lines listed, `own` their own line."""

    board: Leaderboard
    shown: tuple[Standing, ...]
    unranked: tuple[Standing, ...]
    own: Standing | None
    privacy: str
    full: bool  # the whole board is shown
    amounts: bool  # with each rep's actual and target: managers, desk and admins


def parse_leaderboard_command(text: str, today: date) -> ShowLeaderboard | ShowLeaderboardHelp:
    """`/leaderboard [PERIOD] [METRIC] [TEAM]`: this month and the team's metric by default."""
    if len(text) > MAX_TEXT:
        raise InvalidInput("error.text_too_long", limit=MAX_TEXT)
    words = split_words(text)
    if words and words[0].lower() in HELP_WORDS:
        return ShowLeaderboardHelp()
    period, words = read_period(words, today)
    metric, words = read_metric(words)
    team = " ".join(words) or None
    return ShowLeaderboard(period or Period.containing(today), metric, team)


def ranking(attainments: list[Attainment]) -> tuple[list[Attainment], list[Attainment]]:
    """(reps with a target, best first and by name among equals; reps without one, by name)."""
    with_target = [a for a in attainments if a.percent is not None]
    without = sorted((a for a in attainments if a.percent is None), key=lambda a: a.name)
    with_target.sort(key=lambda a: (-shown_percent(a.percent), a.name))
    return with_target, without


def shown_percent(percent: Decimal | None) -> Decimal:
    return (percent or Decimal(0)).quantize(SHOWN_PLACES, rounding=ROUND_HALF_UP)


def ranks(percents: list[Decimal]) -> list[int]:
    """Competition ranks of percents sorted best first: equals share a rank, the next rank
    skips as many as shared it (1, 1, 3)."""
    found: list[int] = []
    for index, percent in enumerate(percents):
        tied = index > 0 and percent == percents[index - 1]
        found.append(found[-1] if tied else index + 1)
    return found


def team_leaderboard(
    session: Session,
    team: Team,
    metric: Metric | None,
    period: Period,
    today: date,
    settings: TeamSettings,
    attainments: list[Attainment] | None = None,
) -> Leaderboard:
    """The team's board: the attainment of each active rep (a constant number of aggregate
    queries, whatever the team's size, unless already read) and one query for the reps'
    Slack ids."""
    chosen = metric or Metric(settings.leaderboard_metric)
    if attainments is None:
        _, attainments = team_attainments(session, team, chosen, period, today, settings)
    slack_ids = _slack_ids(session, team)
    with_target, without = ranking(attainments)
    places = ranks([shown_percent(a.percent) for a in with_target])
    return Leaderboard(
        team_id=stored_id(team),
        team=team.name,
        metric=chosen,
        period=period,
        currency=settings.reporting_currency,
        ranked=tuple(
            _standing(a, rank, slack_ids) for a, rank in zip(with_target, places, strict=True)
        ),
        unranked=tuple(_standing(a, None, slack_ids) for a in without),
    )


def leaderboards(
    session: Session,
    teams: list[tuple[Team, TeamSettings]],
    metric: Metric | None,
    period: Period,
    today: date,
) -> list[Leaderboard]:
    """Every team's board: the figures of all teams read at once per metric, then the same
    few small queries per team."""
    by_metric: dict[Metric, list[tuple[Team, TeamSettings]]] = defaultdict(list)
    for team, settings in teams:
        by_metric[metric or Metric(settings.leaderboard_metric)].append((team, settings))
    read = {
        chosen: attainments_of_teams(session, held, chosen, period, today)
        for chosen, held in by_metric.items()
    }
    return [
        team_leaderboard(
            session, team, metric, period, today, settings, read[chosen][stored_id(team)][1]
        )
        for team, settings in teams
        for chosen in [metric or Metric(settings.leaderboard_metric)]
    ]


def _slack_ids(session: Session, team: Team) -> dict[int, str]:
    rows = session.exec(
        select(Member.id, Member.slack_user_id).where(col(Member.team_id) == team.id)
    ).all()
    return {member_id: slack_id for member_id, slack_id in rows if member_id is not None}


def _standing(attainment: Attainment, rank: int | None, slack_ids: dict[int, str]) -> Standing:
    member_id = attainment.member_id or 0
    return Standing(
        rank=rank,
        member_id=member_id,
        slack_user_id=slack_ids.get(member_id, ""),
        name=attainment.name,
        percent=None if rank is None else shown_percent(attainment.percent),
        actual=attainment.actual,
        target=attainment.target,
    )


# -- what each person may see -------------------------------------------------------------------


def as_seen_by(
    board: Leaderboard, privacy: str, member_id: int | None, privileged: bool
) -> VisibleBoard:
    """The board as shown to one person: the whole of it with amounts (`privileged`), the whole
    of it (privacy `everyone`), the top three (`top3`), or nothing but their own line
    (`none`)."""
    own = board.standing_of(member_id) if member_id is not None else None
    if privileged or privacy == EVERYONE:
        return VisibleBoard(board, board.ranked, board.unranked, own, privacy, True, privileged)
    shown = board.top() if privacy == TOP3 else ()
    return VisibleBoard(board, shown, (), own, privacy, False, False)


def leaderboards_for(
    session: Session,
    actor: Actor,
    request: ShowLeaderboard,
    today: date,
    default_timezone: str = "UTC",
    default_locale: str = "en",
) -> list[VisibleBoard]:
    """What `/leaderboard` shows the asker: one board, or for an admin who names no team and
    has none, every team's."""
    teams = _teams_for(session, actor, request.team)
    boards = leaderboards(
        session,
        [(team, settings_of(team, default_timezone, default_locale)) for team in teams],
        request.metric,
        request.period,
        today,
    )
    full = actor.role in (Role.manager, Role.desk, Role.admin)
    return [
        as_seen_by(
            board,
            settings_of(team, default_timezone, default_locale).leaderboard_privacy,
            actor.member_id,
            full,
        )
        for team, board in zip(teams, boards, strict=True)
    ]


def _teams_for(session: Session, actor: Actor, name: str | None) -> list[Team]:
    if name:
        team = find_team(session, name)
        if not actor.is_admin and team.id != actor.team_id:
            raise Forbidden("leaderboard.error.other_team", team=team.name)
        return [team]
    if not actor.is_admin:
        own = session.get(Team, actor.team_id) if actor.team_id is not None else None
        if own is None:
            raise InvalidInput("leaderboard.error.no_team")
        return [own]
    teams = list(session.exec(select(Team).order_by(col(Team.name))).all())
    if not teams:
        raise InvalidInput("leaderboard.error.no_teams")
    return teams


# -- as a record: what the outbox stores and the views read -----------------------------------


def board_record(board: Leaderboard, ranked: tuple[Standing, ...] | None = None) -> dict:
    """The board in plain values (stored with a message, rendered when it is sent): all of it,
    or only the `ranked` lines given (the top three) and none of the unranked."""
    lines = board.ranked if ranked is None else ranked
    return {
        "team": board.team,
        "metric": board.metric.value,
        "period": board.period.key,
        "currency": board.currency,
        "ranked_count": len(board.ranked),
        "ranked": [standing_record(board, s) for s in lines],
        "unranked": [standing_record(board, s) for s in board.unranked if ranked is None],
        "used": [[r.month, r.currency, r.to_currency, _rate_text(r.rate)] for r in board.used],
        "missing": [[r.month, r.currency, r.to_currency] for r in board.missing],
    }


def standing_record(board: Leaderboard, standing: Standing) -> dict:
    return {
        "rank": standing.rank,
        "tied": board.is_tied(standing),
        "name": standing.name,
        "slack_user_id": standing.slack_user_id,
        "percent": None if standing.percent is None else str(standing.percent),
        "actual": str(standing.actual.value),
        "target": None if standing.target is None else str(standing.target),
        "complete": standing.actual.complete,
    }


def visible_record(visible: VisibleBoard) -> dict:
    record = board_record(visible.board, None if visible.full else visible.shown)
    own = None if visible.own is None else standing_record(visible.board, visible.own)
    return record | {
        "own": own,
        "privacy": visible.privacy,
        "full": visible.full,
        "amounts": visible.amounts,
    }


def rep_attainments(
    session: Session,
    team: Team,
    rep_ids: list[int],
    period: Period,
    today: date,
    settings: TeamSettings,
) -> list[dict]:
    """For the weekly review: each rep's attainment % (None: no target) on every metric the
    team has targets for in the period, in the order of `rep_ids`; one attainment read per
    such metric."""
    metrics = [
        Metric(metric)
        for metric in session.exec(
            select(Target.metric)
            .where(col(Target.team_id) == team.id, col(Target.period) == period.key)
            .distinct()
        )
    ]
    by_metric = {
        metric: {
            a.member_id: a
            for a in team_attainments(session, team, metric, period, today, settings)[1]
        }
        for metric in Metric
        if metric in metrics
    }
    rows = []
    for rep_id in rep_ids:
        found = [(metric, by_rep.get(rep_id)) for metric, by_rep in by_metric.items()]
        named = next((a.name for _, a in found if a is not None), None)
        if named is None:
            continue
        figures = [
            {"metric": metric.value, "percent": _percent_text(a.percent if a else None)}
            for metric, a in found
        ]
        rows.append({"rep": named, "figures": figures})
    return rows


def _percent_text(percent: Decimal | None) -> str | None:
    return None if percent is None else str(shown_percent(percent))


def _rate_text(rate: Decimal) -> str:
    """7.10000000 as stored reads 7.1."""
    return format(rate.normalize(), "f")
