"""`sitroom serve` (the desk) and `sitroom report` (a sitrep), registered on the top-level app.

Importing this module also loads `sitroom.store.review`, whose flush listener keeps analyst
corrections in place whenever any `sitroom` command recomputes an event.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from sitroom import settings
from sitroom.cli_common import DbOption
from sitroom.cli_common import fail as _fail
from sitroom.errors import SitroomError


class ReportFormat(StrEnum):
    md = "md"
    html = "html"
    pdf = "pdf"


def write_token() -> str | None:
    """The write token (setting `write_token`, env SITROOM_WRITE_TOKEN); empty means read-only."""
    return settings.get("write_token") or None



def serve(db: DbOption = None,
          host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="Port to listen on.")] = 8765) -> None:
    """Run the analyst's desk: map, timeline, filters, event pages, review and the API (/docs)."""
    import uvicorn

    from sitroom.report.staticmap import outlines_path
    from sitroom.store import open_store
    from sitroom.web.app import create_app

    try:
        store = open_store(settings.database_url(db))
        outlines_path()  # build the basemap once, before the first request
    except SitroomError as exc:
        raise _fail(exc) from None
    token = write_token()
    typer.echo(f"sitroom desk on http://{host}:{port}/  ({'review enabled' if token else 'read-only: set SITROOM_WRITE_TOKEN to allow edits'})")
    uvicorn.run(create_app(store, token), host=host, port=port, log_level="warning")


def report(since: Annotated[str, typer.Option(help="Window back from the newest event, e.g. 1d, 7d, 2w.")] = "1d",
           country: Annotated[str | None, typer.Option(help="Country name or ISO code, e.g. IQ.")] = None,
           fmt: Annotated[ReportFormat, typer.Option("--format", help="md, html or pdf.")] = ReportFormat.md,
           out: Annotated[Path | None, typer.Option("--out", "-o", help="Output file (default: stdout for md/html).")] = None,
           as_of: Annotated[str | None, typer.Option("--as-of", help="Last day of the window (default: newest event).")] = None,
           db: DbOption = None) -> None:
    """Write a situation report: headline events, bullets, tallies with trends, a map; every line sourced."""
    from datetime import date

    from sitroom.report import sitrep
    from sitroom.store import open_store

    try:
        end = date.fromisoformat(as_of) if as_of else None
    except ValueError:
        raise typer.BadParameter(f"--as-of {as_of!r} is not a date (use YYYY-MM-DD)") from None
    if fmt == ReportFormat.pdf and out is None:
        raise typer.BadParameter("--format pdf needs --out FILE")
    try:
        store = open_store(settings.database_url(db))
        rep = sitrep.build(store, since=since, country=country, as_of=end)
        text = sitrep.write(rep, fmt.value, out)
    except SitroomError as exc:
        raise _fail(exc) from None
    if out is None:
        typer.echo(text)
    else:
        typer.echo(f"wrote {out}", err=True)


def register(app: typer.Typer) -> None:
    app.command()(serve)
    app.command()(report)
