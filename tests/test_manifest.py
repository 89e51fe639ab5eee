"""The manifest declares exactly what the app uses: every command answered, every Web API
method covered by a scope, no scope left unused."""

import ast
from pathlib import Path

import pytest
import yaml
from slack_sdk import WebClient

from bot.listeners import SLASH_COMMANDS

ROOT = Path(__file__).resolve().parent.parent
APP_PACKAGES = ("bot", "commands", "jobs", "storage")
SCOPES_NEEDED = {
    "chat.postMessage": "chat:write",
    "chat.postEphemeral": "chat:write",
    "chat.update": "chat:write",
    "users.info": "users:read",
    "conversations.open": "im:write",
    "files.upload_v2": "files:write",  # files.getUploadURLExternal, files.completeUploadExternal
    "conversations.canvases_create": "canvases:write",  # a team channel's canvas
    "canvases.edit": "canvases:write",
    "canvases.sections_lookup": "canvases:read",
    "conversations.info": "channels:read",  # a channel's existing canvas (properties.canvas)
    "views.open": None,
    "views.update": None,
    "views.push": None,
    "views.publish": None,
    "auth.test": None,  # the token checked at start; Slack's spec asks no scope for it
}


@pytest.fixture(scope="module")
def manifest() -> dict:
    return yaml.safe_load((ROOT / "app_manifest.yml").read_text())


def web_api_methods_called() -> set[str]:
    """Every `something.chat_postMessage(...)`-style call in the app's code, as API methods."""
    client_methods = {name for name in dir(WebClient) if not name.startswith("_")}
    found = set()
    for package in APP_PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                    name = node.func.attr
                    if name in client_methods and "_" in name and name != "api_call":
                        found.add(name.replace("_", ".", 1))
    return found


def test_every_web_api_method_the_app_calls_is_covered_by_a_declared_scope(manifest):
    declared = set(manifest["oauth_config"]["scopes"]["bot"])
    called = web_api_methods_called()
    assert "chat.postMessage" in called and "users.info" in called
    for method in called:
        assert method in SCOPES_NEEDED, f"add {method} and its scope to SCOPES_NEEDED"
        scope = SCOPES_NEEDED[method]
        assert scope is None or scope in declared, f"{method} needs {scope}"


def test_no_scope_is_declared_that_the_app_does_not_use(manifest):
    declared = set(manifest["oauth_config"]["scopes"]["bot"])
    commands = manifest["features"].get("slash_commands", [])
    used = {SCOPES_NEEDED[method] for method in web_api_methods_called()} - {None}
    if commands:
        used.add("commands")
    assert declared == used


def test_socket_mode_is_on(manifest):
    assert manifest["settings"]["socket_mode_enabled"] is True


def test_every_command_in_the_manifest_has_a_listener(manifest, desk):
    for command in manifest["features"]["slash_commands"]:
        reply = desk.command(command["command"], "help", "UADMIN0001")
        assert reply.status == 200, command["command"]
        assert reply.text().strip(), command["command"]


def test_every_command_the_app_registers_is_in_the_manifest(manifest, desk):
    declared = {command["command"] for command in manifest["features"]["slash_commands"]}
    assert set(SLASH_COMMANDS) == declared
    assert desk.command("/not-declared", "help", "UADMIN0001").status == 404
