"""What every command module shares: the --db option, date parsing and the one error shape.

Kept apart from cli.py so that the stage command modules (analyze, geo, web) can import it
without importing the main app that registers them.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer
from rich.console import Console

err_console = Console(stderr=True)

DbOption = Annotated[str | None, typer.Option("--db", help="Database URL or SQLite path (env SITROOM_DATABASE_URL).")]


def parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)") from None


def fail(exc: Exception) -> typer.Exit:
    """A domain error as one line on stderr, exit status 2."""
    err_console.print(f"[red]error[/red]: {exc}", highlight=False, soft_wrap=True)
    return typer.Exit(2)
