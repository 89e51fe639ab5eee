"""The Dockerfile and compose.yaml, checked as far as they can be without Docker: every command
they run is one the real command line accepts, the health check asks the real health path, and
every setting they pass is one the app reads."""

import json
import re
import shlex
import subprocess
import sys
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest
import yaml
from sqlalchemy.engine import make_url

from bot.cli import build_parser
from bot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDERS = {
    "POSTGRES_PASSWORD": "s3cret",
    "SLACK_BOT_TOKEN": "xoxb-1-2-3",
    "SLACK_SIGNING_SECRET": "signing-secret",
    "SALESDESK_ADMINS": "U012ABCDEF",
}


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order, continuation lines joined, comments dropped."""
    joined = re.sub(r"\\\n\s*", " ", (ROOT / "Dockerfile").read_text())
    found = []
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            found.append((keyword.upper(), rest.strip()))
    return found


def final_stage() -> list[tuple[str, str]]:
    instructions = dockerfile_instructions()
    last_from = max(i for i, (keyword, _) in enumerate(instructions) if keyword == "FROM")
    return instructions[last_from:]


def exec_form(arguments: str) -> list[str]:
    argv = json.loads(arguments)
    assert isinstance(argv, list), f"use the exec form (a JSON list): {arguments}"
    return argv


def only(stage: list[tuple[str, str]], keyword: str) -> str:
    values = [rest for key, rest in stage if key == keyword]
    assert len(values) == 1, f"expected one {keyword} in the final stage, found {values}"
    return values[0]


def salesdesk_arguments(argv: list[str]):
    """What `salesdesk` makes of an argument list (argparse exits on anything it refuses)."""
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert argv[0] in scripts, f"{argv[0]} is not a console script of this package"
    return build_parser().parse_args(argv[1:])


def health_check_argv() -> list[str]:
    rest = only(final_stage(), "HEALTHCHECK")
    options, _, command = rest.partition("CMD ")
    assert all(option.startswith("--") for option in options.split())
    return exec_form(command)


def served_port() -> int:
    arguments = salesdesk_arguments(exec_form(only(final_stage(), "CMD")))
    return arguments.port


def interpolate(value, env: dict[str, str]):
    """Compose's ${NAME}, ${NAME:-default} and ${NAME:?error}, with `env` as the .env file."""
    if isinstance(value, dict):
        return {key: interpolate(item, env) for key, item in value.items()}
    if isinstance(value, list):
        return [interpolate(item, env) for item in value]
    if not isinstance(value, str):
        return value

    def one(match: re.Match) -> str:
        name, operator, fallback = match.group(1), match.group(2), match.group(3)
        if env.get(name):
            return env[name]
        if operator == ":?":
            raise LookupError(f"{name}: {fallback}")
        return fallback or ""

    return re.sub(r"\$\{(\w+)(?:(:[-?])([^}]*))?\}", one, value)


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def settings_the_readme_documents() -> set[str]:
    readme = (ROOT / "README.md").read_text()
    table = readme.split("### Settings", 1)[1].split("\n\n", 2)[1]
    return set(re.findall(r"^\| `([A-Z_]+)` \|", table, flags=re.MULTILINE))


# -- the image -----------------------------------------------------------------------------


def test_the_image_serves_slack_over_http_with_the_real_command_line():
    arguments = salesdesk_arguments(exec_form(only(final_stage(), "CMD")))
    assert arguments.command == "serve" and arguments.http
    assert arguments.host == "0.0.0.0"
    assert only(final_stage(), "EXPOSE") == str(arguments.port)
    assert not arguments.no_scheduler  # the scheduler's runs are claimed in the database


def test_the_health_check_asks_the_served_port_for_the_health_path(desk):
    argv = health_check_argv()
    urls = re.findall(r"http://[^'\"]+", " ".join(argv))
    assert urls == [f"http://127.0.0.1:{served_port()}/healthz"]
    assert desk.get("/healthz").status == 200
    against_the_test_app = [part.replace(urls[0], desk.url + "/healthz") for part in argv]
    healthy = subprocess.run(
        [sys.executable, *against_the_test_app[1:]], capture_output=True, timeout=30
    )
    assert argv[0] == "python" and healthy.returncode == 0, healthy.stderr


def test_the_health_check_fails_when_nothing_answers():
    argv = health_check_argv()
    nobody = [re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:1", part) for part in argv]
    result = subprocess.run([sys.executable, *nobody[1:]], capture_output=True, timeout=30)
    assert result.returncode != 0


def test_the_image_is_small_runs_unprivileged_and_keeps_no_build_tools():
    stage = final_stage()
    base = stage[0][1]
    assert re.fullmatch(r"python:3\.1[1-9]-slim", base), base
    user = only(stage, "USER")
    assert user not in ("root", "0") and not user.startswith("0:")
    assert [key for key, _ in stage].index("USER") < [key for key, _ in stage].index("CMD")
    installs = " ".join(rest for key, rest in stage if key == "RUN")
    for tool in ("apt-get install", "gcc", "build-essential", "pip install"):
        assert tool not in installs
    copied = [rest for key, rest in stage if key == "COPY"]
    assert all(rest.startswith("--from=") for rest in copied), "the final stage copies no sources"


def test_every_file_the_build_copies_exists_and_is_not_excluded_by_dockerignore():
    ignored = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for pattern in (".git", ".venv", "*.db", ".env"):
        assert pattern in ignored
    sources = []
    for keyword, rest in dockerfile_instructions():
        if keyword == "COPY" and not rest.startswith("--from="):
            sources += shlex.split(rest)[:-1]
    assert {"pyproject.toml", "bot", "commands", "jobs", "storage"} <= set(sources)
    for source in sources:
        assert (ROOT / source).exists(), source
        assert not any(fnmatch(source, pattern) for pattern in ignored), source
    packages = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    for pattern in packages["packages"]["find"]["include"]:
        assert pattern.rstrip("*") in sources, f"the build must copy {pattern}"


# -- compose ---------------------------------------------------------------------------------


def test_compose_keeps_postgresql_on_a_named_volume_and_checks_its_health(compose):
    db = compose["services"]["db"]
    assert db["image"].startswith("postgres:")
    volume, _, mount = db["volumes"][0].partition(":")
    assert volume in compose["volumes"] and mount == "/var/lib/postgresql/data"
    check = " ".join(db["healthcheck"]["test"])
    # over TCP: during its first start the server listens on its socket before it is ready
    assert "pg_isready" in check and "-h 127.0.0.1" in check


def test_the_schema_is_upgraded_once_the_database_is_healthy_and_before_the_app_serves(compose):
    services = compose["services"]
    migrate = salesdesk_arguments(services["migrate"]["command"])
    assert (migrate.command, migrate.db_command) == ("db", "upgrade")
    assert services["migrate"]["depends_on"] == {"db": {"condition": "service_healthy"}}
    app = services["app"]
    serve = salesdesk_arguments(app["command"])
    assert serve.command == "serve" and serve.http and serve.host == "0.0.0.0"
    assert app["ports"] == [f"{serve.port}:{served_port()}"]
    assert app["depends_on"] == {
        "db": {"condition": "service_healthy"},
        "migrate": {"condition": "service_completed_successfully"},
    }
    assert services["migrate"]["image"] == app["image"]


def test_compose_passes_only_settings_the_app_reads_and_they_are_valid(compose):
    documented = settings_the_readme_documents()
    assert {"DATABASE_URL", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"} <= documented
    db_env = compose["services"]["db"]["environment"]
    for name in ("migrate", "app"):
        environment = compose["services"][name]["environment"]
        assert set(environment) <= documented, set(environment) - documented
        settings = Settings.from_env(interpolate(environment, PLACEHOLDERS))
        url = make_url(settings.database_url)
        assert url.drivername == "postgresql+psycopg" and url.host == "db"
        assert url.username == db_env["POSTGRES_USER"]
        assert url.database == db_env["POSTGRES_DB"]
        assert url.password == PLACEHOLDERS["POSTGRES_PASSWORD"]
    app = Settings.from_env(interpolate(compose["services"]["app"]["environment"], PLACEHOLDERS))
    app.require("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET")
    assert app.admins == {"U012ABCDEF"}


def test_compose_refuses_to_start_without_the_secrets_it_needs(compose):
    app = compose["services"]["app"]["environment"]
    for missing in ("POSTGRES_PASSWORD", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"):
        without = {k: v for k, v in PLACEHOLDERS.items() if k != missing}
        with pytest.raises(LookupError, match=missing):
            interpolate(app, without)
    optional = {k: v for k, v in PLACEHOLDERS.items() if k != "SALESDESK_ADMINS"}
    assert Settings.from_env(interpolate(app, optional)).admins == frozenset()
