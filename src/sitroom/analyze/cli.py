"""Analysis commands (registered on the top-level `sitroom` app): show, tally, claims, merge, split.

Each command is a thin wrapper over `sitroom.analyze` / `Store`; domain errors become a one-line
message here and nowhere else.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from sitroom import settings
from sitroom.cli_common import DbOption
from sitroom.cli_common import fail as _fail
from sitroom.cli_common import parse_date as _date
from sitroom.errors import SitroomError


def _point(near: str | None) -> tuple[float, float] | None:
    if not near:
        return None
    try:
        lat, lon = (float(x) for x in near.split(","))
    except ValueError:
        raise typer.BadParameter(f"--near {near!r}: use LAT,LON") from None
    return lat, lon


def _open(db: str | None):
    from sitroom.store import open_store

    return open_store(settings.database_url(db))


def show(event_id: Annotated[str, typer.Argument(help="Event id (a unique prefix is enough).")],
         db: DbOption = None, as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Every field of an event with its value, evidence span and report, then all its mentions."""
    from sitroom.analyze.provenance import provenance, render

    try:
        found = provenance(_open(db), event_id)
    except SitroomError as exc:
        raise _fail(exc) from exc
    if found is None:
        raise _fail(LookupError(f"no event {event_id!r} (or the prefix is ambiguous)"))
    typer.echo(json.dumps(found.to_dict(), ensure_ascii=False, default=str) if as_json else render(found))


def tally(
    db: DbOption = None,
    event_type: Annotated[str | None, typer.Option("--type", help="Event type or sub-event type.")] = None,
    sub_type: Annotated[str | None, typer.Option("--sub-type", help="Sub-event type only.")] = None,
    actor: Annotated[str | None, typer.Option(help="Part of an actor's or claimant's name.")] = None,
    target: Annotated[str | None, typer.Option(help="Text in actor2 or the report sentence (who was hit).")] = None,
    country: Annotated[str | None, typer.Option(help="Country name or ISO code.")] = None,
    admin1: Annotated[str | None, typer.Option(help="First-level region.")] = None,
    near: Annotated[str | None, typer.Option(help="LAT,LON; use with --km.")] = None,
    km: Annotated[float, typer.Option(help="Radius for --near, in km.")] = 25.0,
    since: Annotated[str | None, typer.Option(help="Window back from --as-of/--to: 10d, 7w, 3m.")] = None,
    start: Annotated[str | None, typer.Option("--from", help="First day, YYYY-MM-DD.")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Last day, YYYY-MM-DD.")] = None,
    as_of: Annotated[str | None, typer.Option(help="Day --since counts back from (default today).")] = None,
    by: Annotated[str | None, typer.Option(help="Trend table per week or month.")] = None,
    chart: Annotated[Path | None, typer.Option(help="Write a PNG bar chart of the trend (needs matplotlib).")] = None,
    output_format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    include_strategic: Annotated[bool, typer.Option(
        "--include-strategic", help="Also count strategic developments (arrests, agreements, troop movements), "
                                    "which a type filter does not name; ACLED does not code them systematically.")] = False,
) -> None:
    """Count events (one per incident, not per report) matching filters in a window.

    Strategic developments are context, not incidents: they are counted only with --include-strategic
    or a --type / --sub-type that names them."""
    from sitroom.analyze import tally as t
    from sitroom.store import EventFilter

    if output_format not in ("text", "json"):
        raise typer.BadParameter("--format is text or json")
    try:
        f = EventFilter(event_type=event_type, sub_event_type=sub_type, actor=actor, target=target,
                        country=country, admin1=admin1, near=_point(near), km=km)
        win = t.window(since, _date(start), _date(end), _date(as_of))
        result = t.tally(_open(db), f, win, include_strategic=include_strategic)
        rows = t.trend(result.events, by or "week", win) if (by or chart) else []
        if chart is not None:
            t.write_chart(rows, chart, title=f"events per {by or 'week'}")
    except SitroomError as exc:
        raise _fail(exc) from exc
    if output_format == "json":
        out = {"count": result.count, "events": [e.to_dict() for e in result.events]}
        if by:
            out["trend"] = [{"period": d.isoformat(), "count": n} for d, n in rows]
        typer.echo(json.dumps(out, ensure_ascii=False, default=str))
        return
    span = f"{win.start or '…'} to {win.end or '…'}"
    typer.echo(f"{result.count} events, {span}")
    if by:
        for d, n in rows:
            typer.echo(f"  {d.isoformat()}  {n:5d}  {'#' * min(n, 60)}")
    else:
        for e in result.events:
            typer.echo(f"  {e.event_date}  {e.sub_event_type or e.event_type or '-'}  {e.location or '-'}  "
                       f"{e.actor1 or '-'}  reports={e.report_count}  {e.id[:12]}")
    if chart is not None:
        typer.echo(f"chart written to {chart}", err=True)


def claims(db: DbOption = None,
           output_format: Annotated[str, typer.Option("--format", help="text or json.")] = "text") -> None:
    """Each running count a report states ("the 21st attack in seven weeks") beside the database's count."""
    from sitroom.analyze.claims import check_claims

    try:
        checks = check_claims(_open(db))
    except SitroomError as exc:
        raise _fail(exc) from exc
    if output_format == "json":
        for c in checks:
            sys.stdout.write(json.dumps(c.to_dict(), ensure_ascii=False, default=str) + "\n")
        return
    for c in checks:
        cl = c.claim
        typer.echo(f"{cl.as_of}  claim {cl.count:4d}  db {c.db_count:4d}  ({c.difference:+d})  "
                   f"{cl.window_text or 'no window'}  [{c.source}]")
        typer.echo(f"    \"{cl.evidence.text if cl.evidence else cl.subject}\"")
        typer.echo(f"    counted: type={cl.sub_event_type or cl.event_type or 'any'} target={cl.target or '-'} "
                   f"keyword={cl.keyword or '-'} country={cl.country_code or '-'} window={c.window.to_dict()}")
    if not checks:
        typer.echo("no tally claims stored")


def merge(event_ids: Annotated[list[str], typer.Argument(help="Two or more event ids; the first survives.")],
          db: DbOption = None, reason: Annotated[str | None, typer.Option(help="Why.")] = None,
          author: Annotated[str | None, typer.Option(help="Who decided.")] = None) -> None:
    """Force events together (recorded; survives re-ingest and re-merge)."""
    try:
        typer.echo(_open(db).merge_events(event_ids, author=author, reason=reason))
    except SitroomError as exc:
        raise _fail(exc) from exc


def split(mention_ids: Annotated[list[str], typer.Argument(help="Mention ids to move to a new event.")],
          db: DbOption = None, reason: Annotated[str | None, typer.Option(help="Why.")] = None,
          author: Annotated[str | None, typer.Option(help="Who decided.")] = None) -> None:
    """Force reports out of their event into a new one (recorded; survives re-ingest and re-merge)."""
    try:
        typer.echo(_open(db).split_mentions(mention_ids, author=author, reason=reason))
    except SitroomError as exc:
        raise _fail(exc) from exc


def register(app: typer.Typer) -> None:
    """Add analysis commands (show, tally, claims, merge, split) to the top-level app."""
    app.command()(show)
    app.command()(tally)
    app.command()(claims)
    app.command("merge")(merge)
    app.command("split")(split)
