"""How fast 10,000 leads are imported, screened for duplicates and assigned.

    PYTHONPATH=. python -m bench.bench_leads [--leads 10000] [--runs 3]

A team's files as CSV (10 teams of 20 reps, each team a region; 20,000 customers with Chinese
names and contact phones), loaded with `salesdesk import`, one routing rule per region, then
`salesdesk import leads` of a file where one lead in ten has a customer's phone, one in twenty a
customer's name written another way (全角, 有限公司 left out), one in twenty repeats an earlier
lead of the file, and the rest are new companies. Timed: the leads import, which screens every
lead for duplicates and gives the others to reps by routing rule and round robin. Each run is a
fresh database; median of the runs. Target (#11): under 30 s on SQLite.

SQLite always; PostgreSQL too when SALESDESK_BENCH_POSTGRES_URL names a server.
"""

import argparse
import csv
import os
import random
import shutil
import statistics
import subprocess
import tempfile
import time
from collections import Counter
from functools import partial
from pathlib import Path

from sqlmodel import col, func, select

from bench.bench_import import POSTGRES_ENV, postgres_database, sqlite_database
from commands.leads.routing import add_rule
from commands.people import actor_for
from commands.team_settings import change_team_settings
from storage.db import Database
from storage.imports import import_csv
from storage.models import Lead, Member, Team
from storage.statuses import LeadStatus

TEAMS, REPS_PER_TEAM, CUSTOMERS = 10, 20, 20_000
ADMIN = "UADMIN0001"
CAPACITY = 60
SALESDESK = shutil.which("salesdesk") or "salesdesk"
REGIONS = ("华东", "华南", "华北", "华中", "西南", "西北", "东北", "港澳", "海外", "北美")
INDUSTRIES = ("机械", "电子", "化工", "纺织", "食品", "汽配")
WORDS = "华联明达恒信宏远金泰永盛鑫源东方新世纪天成汇通瑞丰海川中科博创"


def write_files(folder: Path, leads: int, seed: int = 11) -> dict[str, Path]:
    rng = random.Random(seed)
    teams = [(f"{REGIONS[t]} Team", REGIONS[t]) for t in range(TEAMS)]
    reps = [(f"UREP{t:02d}{r:03d}", f"销售 {t}-{r}", t) for t in range(TEAMS) for r in range(20)]
    customers = [
        (f"C-{i:05d}", f"{_company(rng)}{i:05d}有限公司", rng.choice(reps), f"1390{i:07d}")
        for i in range(CUSTOMERS)
    ]
    tables = {
        "teams": (
            ["name", "slack_channel_id", "timezone"],
            [(name, f"C0TEAM{i:04d}", "Asia/Shanghai") for i, (name, _) in enumerate(teams)],
        ),
        "members": (
            ["slack_user_id", "name", "role", "team", "locale"],
            [(ADMIN, "管理员", "admin", "", "zh-CN")]
            + [(slack_id, name, "rep", teams[t][0], "zh-CN") for slack_id, name, t in reps],
        ),
        "customers": (
            ["code", "name", "owner_slack_id", "region", "contact_name", "contact_phone"],
            [
                (code, name, rep[0], REGIONS[rep[2]], "联系人", f"+86 {phone[:3]} {phone[3:]}")
                for code, name, rep, phone in customers
            ],
        ),
        "leads": (
            ["company", "contact_name", "phone", "email", "region", "industry", "source", "need"],
            [_lead(rng, i, customers) for i in range(leads)],
        ),
    }
    paths = {}
    for kind, (header, rows) in tables.items():
        paths[kind] = folder / f"{kind}.csv"
        with paths[kind].open("w", encoding="utf-8-sig", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(header)
            writer.writerows(rows)
    return paths


def _company(rng: random.Random) -> str:
    return "".join(rng.choice(WORDS) for _ in range(4))


def _lead(rng: random.Random, i: int, customers: list[tuple]) -> tuple:
    """company, contact, phone, e-mail, region, industry, source, need"""
    where = (rng.choice(REGIONS), rng.choice(INDUSTRIES), rng.choice(("website", "展会", "电话")))
    kind = rng.random()
    if kind < 0.10:  # a customer's phone, written another way
        _code, name, _rep, phone = rng.choice(customers)
        dashed = f"{phone[:3]}-{phone[3:7]}-{phone[7:]}"
        return (f"{name}（分公司）", "王经理", dashed, "", *where, "询价")
    if kind < 0.15:  # a customer's name, full-width digits and without its legal form
        name = rng.choice(customers)[1].removesuffix("有限公司")
        wide = name.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})
        return (wide, "李工", "", f"li{i}@example.cn", *where, "样品")
    number = i - 50 if kind < 0.20 and i > 100 else i  # one in twenty: an earlier lead again
    return (f"新客户{number:06d}贸易有限公司", "张总", f"1370{number:07d}", "", *where, "询价法兰")


def one_run(url: str, files: dict[str, Path]) -> tuple[float, Counter, list[str]]:
    """Seconds `salesdesk import leads` takes (a process of its own, as an operator runs it:
    the import, the duplicate checks and the assignment), what became of the leads, and what
    the command printed."""
    db = Database(url)
    try:
        for kind in ("teams", "members", "customers"):
            report = import_csv(db, kind, files[kind])
            assert not report.rejected, report.rejected[:3]
        _route_by_region(db)
        start = time.perf_counter()
        done = subprocess.run(
            [SALESDESK, "import", "leads", str(files["leads"])],
            env=os.environ | {"DATABASE_URL": url, "SALESDESK_LOCALE": "en"},
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - start
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
        return seconds, _statuses(db), done.stdout.strip().splitlines()
    finally:
        db.dispose()


def _route_by_region(db: Database) -> None:
    """One rule per team, as the admin's `/lead route add region=华东 team="华东 Team"`, and
    room for 60 leads a rep in 30 days (`/desk set "华东 Team" lead_capacity=60`), so that
    every lead that duplicates nothing is offered to a rep."""
    with db.session() as session:
        admin = session.exec(select(Member).where(Member.slack_user_id == ADMIN)).one()
        actor = actor_for(
            admin, None, admins=frozenset(), default_locale="zh-CN", default_timezone="UTC"
        )
        for team in session.exec(select(Team).order_by(col(Team.id))).all():
            add_rule(session, actor, f'region={team.name.split()[0]} team="{team.name}"')
            change_team_settings(session, actor, team.name, {"lead_capacity": str(CAPACITY)})
        session.commit()


def _statuses(db: Database) -> Counter:
    with db.session() as session:
        rows = session.exec(select(Lead.status, func.count()).group_by(Lead.status)).all()
        owners = session.exec(
            select(func.count(func.distinct(Lead.owner_id))).where(
                Lead.status == LeadStatus.assigned
            )
        ).one()
    counts = Counter({str(status): count for status, count in rows})
    counts["reps given leads"] = owners
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leads", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="salesdesk-bench-") as temp:
        folder = Path(temp)
        files = write_files(folder, args.leads)
        targets = {"sqlite": partial(sqlite_database, folder)}
        if os.environ.get(POSTGRES_ENV):
            targets["postgresql"] = partial(postgres_database, os.environ[POSTGRES_ENV])
        print(
            f"salesdesk import leads: {args.leads:,} leads, {CUSTOMERS:,} customers, "
            f"{TEAMS} teams of {REPS_PER_TEAM} reps; median of {args.runs} runs"
        )
        for name, fresh_database in targets.items():
            seconds = []
            for _ in range(args.runs):
                with fresh_database() as url:
                    taken, statuses, said = one_run(url, files)
                seconds.append(taken)
            print(f"{name:<12}{statistics.median(seconds):>8.1f} s   {dict(statuses)}")
            print("            " + "\n            ".join(said))


if __name__ == "__main__":
    main()
