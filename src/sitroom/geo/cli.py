"""Gazetteer commands beyond build/info (registered on `sitroom gazetteer`)."""

from __future__ import annotations

import typer


def register(gazetteer_app: typer.Typer) -> None:
    """Add geo commands to the `sitroom gazetteer` group."""
