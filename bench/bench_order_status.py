"""Ack latency and throughput of `/order status NUMBER` over HTTP, against a bare Bolt app.

    PYTHONPATH=. python -m bench.bench_order_status [--rounds 5] [--seconds 10]

Seeds a fresh database (bench/seed.py), serves the real app (`salesdesk serve --http`) and the
bare app (bench/bare_app.py) side by side, then, round after round and taking turns, loads each
with signed slash commands for random existing orders, as the admin. Prints the medians over
rounds and writes them to bench/results/order_status.md.
"""

import argparse
import hashlib
import hmac
import http.client
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlencode

from sqlalchemy.engine import make_url

from bench.bare_app import REPLY
from bench.seed import ADMIN, ORDERS, order_number, seeded_database

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
LUA = ROOT / "bench" / "signed_posts.lua"
HOST = "127.0.0.1"
EVENTS_PATH = "/slack/events"
SECRET = "bench-signing-secret"
TOKEN = "xoxb-bench-token"
P99_LIMIT_MS = 300.0
P99_RATIO_LIMIT = 1.2
SERVERS = {  # name: (module and arguments, health check path or None to wait for the port)
    # No scheduler: its notifications would fail against the fake Slack URL and retry, loading
    # the CPU with work that is not the ack path.
    "real": (["bot.cli", "serve", "--http", "--no-scheduler"], "/healthz"),
    "bare": (["bench.bare_app"], None),
}


class Signed(NamedTuple):
    number: str
    body: str
    timestamp: str
    signature: str

    def headers(self) -> dict:
        return {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Slack-Request-Timestamp": self.timestamp,
            "X-Slack-Signature": self.signature,
        }


@dataclass(frozen=True)
class Server:
    name: str
    port: int
    process: subprocess.Popen
    log: Path


@dataclass(frozen=True)
class Measure:
    p50_ms: float
    p99_ms: float
    rps: float
    errors: int


@dataclass(frozen=True)
class Sample:
    app: str
    clients: int
    measure: Measure


Load = Callable[[int, int, int, list[Signed]], Measure]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    RESULTS.mkdir(parents=True, exist_ok=True)
    load, tool = pick_load(args.load)
    busy = os.getloadavg()[0]
    if busy > 0.5 * (os.cpu_count() or 1):
        print(f"warning: load average {busy:.1f}: the figures will be noisy", file=sys.stderr)
    with tempfile.TemporaryDirectory() as folder, ExitStack() as stack:
        url = stack.enter_context(seeded_database(Path(folder), orders=args.orders))
        env = server_env(url)
        servers = [stack.enter_context(serving(name, env, args.workers)) for name in SERVERS]
        check_answers(servers, args.orders)
        samples = measure(servers, load, args)
        check_answers(servers, args.orders)
    report = render(summarise(samples), setup_line(args, url, tool, busy))
    print(report)
    (RESULTS / "order_status.md").write_text(report)
    return 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_order_status")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=10, help="length of one round")
    parser.add_argument("--warmup", type=int, default=5, help="seconds per app, before")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 16])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--orders", type=int, default=ORDERS)
    parser.add_argument("--load", choices=("auto", "wrk", "python"), default="auto")
    return parser.parse_args(argv)


def _exit_on_sigterm(signum, _frame) -> None:
    raise SystemExit(128 + signum)  # unwinds the with blocks: servers stop, databases drop


# -- servers ----------------------------------------------------------------------------------


def server_env(database_url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "SALESDESK_"))}
    return {
        **env,
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": database_url,
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_BOT_TOKEN": TOKEN,
        "SLACK_API_URL": f"http://{HOST}:{free_port()}/api/",  # nobody listens there
    }


@contextmanager
def serving(name: str, env: dict, workers: int) -> Iterator[Server]:
    module_args, health_path = SERVERS[name]
    port = free_port()
    command = [sys.executable, "-m", *module_args, "--host", HOST, "--port", str(port)]
    log = RESULTS / f"order_status_{name}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*command, "--workers", str(workers)],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: gunicorn and all its workers
        )
    try:
        server = Server(name, port, process, log)
        wait_until_up(server, health_path)
        yield server
    finally:
        stop(process)


def wait_until_up(server: Server, health_path: str | None, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"the {server.name} app exited; see {server.log}")
        if _is_up(server.port, health_path):
            return
        time.sleep(0.2)
    raise RuntimeError(f"the {server.name} app did not come up; see {server.log}")


def _is_up(port: int, health_path: str | None) -> bool:
    try:
        if health_path is None:
            socket.create_connection((HOST, port), timeout=1).close()
            return True
        connection = http.client.HTTPConnection(HOST, port, timeout=2)
        connection.request("GET", health_path)
        return connection.getresponse().status == 200
    except OSError:
        return False


def stop(process: subprocess.Popen) -> None:
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    with suppress(subprocess.TimeoutExpired):
        process.wait(timeout=15)
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # any straggler in the group
    process.wait()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


# -- requests ---------------------------------------------------------------------------------


def sign_all(numbers: list[str]) -> list[Signed]:
    """Signed now: Slack signatures are good for five minutes."""
    timestamp = str(int(time.time()))
    signed = []
    for number in numbers:
        body = slash_body(f"status {number}")
        base = f"v0:{timestamp}:{body}".encode()
        digest = hmac.new(SECRET.encode(), base, hashlib.sha256).hexdigest()
        signed.append(Signed(number, body, timestamp, "v0=" + digest))
    return signed


def slash_body(text: str) -> str:
    return urlencode(
        {
            "token": "bench",
            "team_id": "T0001",
            "team_domain": "sales",
            "channel_id": "C0001",
            "channel_name": "sales-desk",
            "user_id": ADMIN,
            "user_name": "alex",
            "command": "/order",
            "text": text,
            "api_app_id": "A0001",
            "response_url": f"http://{HOST}:9/commands/bench",  # never called: we ack
            "trigger_id": "1.2.bench",
        }
    )


def random_numbers(rng: random.Random, orders: int, count: int = 2000) -> list[str]:
    return [order_number(index) for index in rng.sample(range(orders), min(count, orders))]


def check_answers(servers: list[Server], orders: int, count: int = 5) -> None:
    """A few requests to each app must get the real answer: the order card or the bare reply."""
    for request in sign_all(random_numbers(random.Random(), orders, count)):
        for server in servers:
            connection = http.client.HTTPConnection(HOST, server.port, timeout=30)
            status, text = _post(connection, request)
            connection.close()
            if not _is_answer(server.name, request, status, text):
                raise RuntimeError(f"the {server.name} app answered {status}: {text[:300]}")


def _is_answer(app: str, request: Signed, status: int, text: str) -> bool:
    if status != 200:
        return False
    if app == "bare":
        return REPLY in text
    try:
        header = json.loads(text)["blocks"][0]
        return header["type"] == "header" and request.number in header["text"]["text"]
    except (ValueError, LookupError, TypeError):
        return False


def _post(connection: http.client.HTTPConnection, request: Signed) -> tuple[int, str]:
    connection.request("POST", EVENTS_PATH, body=request.body, headers=request.headers())
    response = connection.getresponse()
    return response.status, response.read().decode()


# -- load -------------------------------------------------------------------------------------


def pick_load(choice: str) -> tuple[Load, str]:
    if choice == "python" or (choice == "auto" and shutil.which("wrk") is None):
        return python_load, "Python threads"
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (apt-get install wrk), or use --load python")
    return wrk_load, "wrk, 1 thread"


def wrk_load(port: int, clients: int, seconds: int, requests: list[Signed]) -> Measure:
    with tempfile.NamedTemporaryFile("w", suffix=".tsv") as listing:
        listing.writelines(f"{r.timestamp}\t{r.signature}\t{r.body}\n" for r in requests)
        listing.flush()
        command = ["wrk", "-t1", f"-c{clients}", f"-d{seconds}s", "--timeout", "10s"]
        command += ["-s", str(LUA), f"http://{HOST}:{port}", "--", listing.name]
        run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"wrk failed: {run.stderr.strip() or run.stdout.strip()}")
    result = json.loads(run.stdout.strip().splitlines()[-1])
    return Measure(
        p50_ms=result["p50_us"] / 1000,
        p99_ms=result["p99_us"] / 1000,
        rps=result["requests"] / (result["duration_us"] / 1e6),
        errors=result["errors"],
    )


def python_load(port: int, clients: int, seconds: int, requests: list[Signed]) -> Measure:
    latencies: list[float] = []
    errors: list[int] = []
    deadline = time.monotonic() + seconds

    def client(seed: int) -> None:
        rng, mine, failed = random.Random(seed), [], 0
        while time.monotonic() < deadline:
            started = time.perf_counter()
            connection = http.client.HTTPConnection(HOST, port, timeout=10)  # as wrk: one each
            try:
                status, _ = _post(connection, rng.choice(requests))
                failed += status != 200
            except (OSError, http.client.HTTPException):
                failed += 1
            connection.close()
            mine.append(time.perf_counter() - started)
        latencies.extend(mine)  # list.extend and append are atomic under the GIL
        errors.append(failed)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cuts = statistics.quantiles(latencies, n=100)
    return Measure(cuts[49] * 1000, cuts[98] * 1000, len(latencies) / seconds, sum(errors))


def measure(servers: list[Server], load: Load, args: argparse.Namespace) -> list[Sample]:
    rng = random.Random(1)
    for server in servers:
        load(
            server.port, max(args.clients), args.warmup, sign_all(random_numbers(rng, args.orders))
        )
    samples = []
    for round_ in range(1, args.rounds + 1):
        numbers = random_numbers(rng, args.orders)
        for clients in args.clients:
            for server in servers if round_ % 2 else servers[::-1]:  # take turns going first
                result = load(server.port, clients, args.seconds, sign_all(numbers))
                samples.append(Sample(server.name, clients, result))
                _progress(round_, server.name, clients, result)
    return samples


def _progress(round_: int, app: str, clients: int, m: Measure) -> None:
    print(
        f"round {round_} {app:>4} {clients:>3} clients: p50 {m.p50_ms:7.2f} ms "
        f"p99 {m.p99_ms:7.2f} ms {m.rps:8.1f} req/s errors {m.errors}",
        file=sys.stderr,
    )


# -- report -----------------------------------------------------------------------------------


def summarise(samples: list[Sample]) -> dict[tuple[str, int], Measure]:
    """The median of each figure over the rounds, per app and client count."""
    groups: dict[tuple[str, int], list[Measure]] = defaultdict(list)
    for sample in samples:
        groups[(sample.app, sample.clients)].append(sample.measure)
    return {
        key: Measure(
            p50_ms=statistics.median(m.p50_ms for m in runs),
            p99_ms=statistics.median(m.p99_ms for m in runs),
            rps=statistics.median(m.rps for m in runs),
            errors=sum(m.errors for m in runs),
        )
        for key, runs in groups.items()
    }


def render(medians: dict[tuple[str, int], Measure], setup: str) -> str:
    lines = [
        "# `/order status` over HTTP",
        "",
        setup,
        "",
        "| app | clients | p50 ms | p99 ms | req/s | p99 ÷ bare | req/s ÷ bare | errors | target |",
        "|---|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    for (app, clients), m in sorted(medians.items(), key=_table_order):
        bare = medians[("bare", clients)]
        ratios = (
            "— | —" if app == "bare" else f"{m.p99_ms / bare.p99_ms:.2f} | {m.rps / bare.rps:.2f}"
        )
        verdict = "" if app == "bare" else verdict_for(m, bare)
        lines.append(
            f"| {app} | {clients} | {m.p50_ms:.1f} | {m.p99_ms:.1f} | {m.rps:.0f} | {ratios} "
            f"| {m.errors} | {verdict} |"
        )
    lines += ["", f"Target: p99 ≤ {P99_RATIO_LIMIT}× the bare app's and < {P99_LIMIT_MS:.0f} ms."]
    return "\n".join(lines) + "\n"


def _table_order(item: tuple[tuple[str, int], Measure]) -> tuple[int, int]:
    (app, clients), _ = item
    return clients, list(SERVERS).index(app)


def verdict_for(real: Measure, bare: Measure) -> str:
    misses = []
    if real.p99_ms > P99_RATIO_LIMIT * bare.p99_ms:
        misses.append(f"p99 {real.p99_ms / bare.p99_ms:.2f}× bare")
    if real.p99_ms >= P99_LIMIT_MS:
        misses.append(f"p99 ≥ {P99_LIMIT_MS:.0f} ms")
    if real.errors:
        misses.append("errors")
    return "MISS: " + ", ".join(misses) if misses else "PASS"


def setup_line(args: argparse.Namespace, url: str, tool: str, busy: float) -> str:
    database = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}[make_url(url).get_backend_name()]
    return (
        f"{datetime.now():%Y-%m-%d %H:%M} · {database}, {args.orders:,} orders · gunicorn "
        f"{args.workers} workers × 4 threads (gthread) · {os.cpu_count()} CPUs, load average "
        f"{busy:.1f} before · load: {tool} · "
        f"medians of {args.rounds} rounds × {args.seconds} s per app and client count, apps "
        f"taking turns, after {args.warmup} s warm-up each · ratios: real ÷ bare, same run."
    )


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # the servers were stopped on the way out
        sys.exit(130)
