"""Analysis commands (registered on the top-level `sitroom` app)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add analysis commands (show, tally, claims, ...) to the top-level app."""
