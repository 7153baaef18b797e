"""The README is checked: every setting and every command a user can run is documented there."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from sitroom.cli import app, gazetteer_app
from sitroom.settings import SETTINGS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_every_setting_is_documented(setting):
    assert f"`{setting.env}`" in README


def _commands(group: typer.Typer) -> list[str]:
    return [c.name or c.callback.__name__ for c in group.registered_commands]


@pytest.mark.parametrize("command", [c for c in _commands(app) if c != "version"])
def test_every_command_is_documented(command):
    assert f"sitroom {command}" in README


@pytest.mark.parametrize("command", _commands(gazetteer_app))
def test_every_gazetteer_command_is_documented(command):
    assert command in README.split("sitroom gazetteer", 1)[1]


def test_readme_starts_with_the_two_commands():
    blocks = README.split("```bash\n")
    assert blocks[1].strip().startswith("python3 -m venv .venv") and "sitroom demo" in blocks[1]
    assert blocks[2].strip().startswith(".venv/bin/python -m pytest")
