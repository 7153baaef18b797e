"""Command line: each command is a thin wrapper around a library function.

Domain errors become one-line messages here and nowhere else.
"""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from sitroom import settings
from sitroom.cli_common import DbOption, err_console
from sitroom.cli_common import fail as _fail
from sitroom.cli_common import parse_date as _date
from sitroom.errors import InputError, SitroomError

app = typer.Typer(no_args_is_help=True, add_completion=False,
                  help="sitroom: conflict reports in; coded, geocoded, deduplicated events out.")
gazetteer_app = typer.Typer(no_args_is_help=True, help="Build and inspect the place-name gazetteer.")
app.add_typer(gazetteer_app, name="gazetteer")


class InputFormat(StrEnum):
    text = "text"
    html = "html"
    jsonl = "jsonl"


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


class ExportFormat(StrEnum):
    acled_csv = "acled-csv"
    geojson = "geojson"
    jsonl = "jsonl"


TABLE_COLUMNS = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "country",
                 "fatalities", "claimed_by")


def _report_error(error: InputError) -> None:
    err_console.print(f"[red]error[/red]: {error}", highlight=False, soft_wrap=True)


@app.command()
def version() -> None:
    """Print the version."""
    from sitroom import __version__

    typer.echo(__version__)


@app.command()
def extract(
    files: Annotated[list[str] | None, typer.Argument(help="Files or folders; '-' or nothing reads stdin.")] = None,
    input_format: Annotated[InputFormat | None, typer.Option(help="Default: from each file's extension.")] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", help="How to print events.")] = OutputFormat.table,
    published: Annotated[str | None, typer.Option(help="The reports' published date, YYYY-MM-DD.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-2 hint for where the reports are from.")] = None,
) -> None:
    """Print the events in reports without storing them."""
    from sitroom import workflow

    errors: list[InputError] = []

    def on_error(error: InputError) -> None:
        errors.append(error)
        _report_error(error)

    documents_read = 0

    def records():
        nonlocal documents_read
        items = workflow.read(files or ["-"], input_format.value if input_format else None, _date(published), country)
        for doc, found in workflow.extract_from(items, on_error):
            documents_read += 1
            for event in found:
                yield workflow.contract_record(doc, event)

    try:
        _print_records(records(), output_format)
    except SitroomError as exc:
        raise _fail(exc) from exc
    if errors and documents_read == 0:
        raise typer.Exit(1)


def _print_records(records, output_format: OutputFormat) -> int:
    count = 0
    if output_format is OutputFormat.jsonl:
        out = sys.stdout
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
            count += 1
        out.flush()
        return count
    rows = list(records)
    if output_format is OutputFormat.csv:
        writer = csv.writer(sys.stdout)
        header = [k for k in rows[0] if k != "evidence"] if rows else list(TABLE_COLUMNS)
        writer.writerow(header)
        for row in rows:
            writer.writerow([_cell(row.get(k)) for k in header])
        return len(rows)
    from sitroom.report.console import events_table

    _wide_console().print(events_table(rows, TABLE_COLUMNS))
    return len(rows)


def _wide_console() -> Console:
    """Tables need room: when output is piped (no terminal width), assume a wide page, not 80 columns."""
    console = Console()
    return console if console.is_terminal else Console(width=160)


def _cell(value) -> str:
    from sitroom.report.export import spreadsheet_safe

    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, str):
        return str(spreadsheet_safe(value))
    return str(value)


@app.command()
def geoparse(
    files: Annotated[list[str] | None, typer.Argument(help="Files; '-' or nothing reads stdin.")] = None,
    input_format: Annotated[str, typer.Option(help="jsonl ({id, text, toponyms?} lines) or text.")] = "jsonl",
    output_format: Annotated[str, typer.Option("--format", help="jsonl or table.")] = "jsonl",
    country: Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-2 hint.")] = None,
) -> None:
    """Find place names in text and resolve them to coordinates."""
    from sitroom import geo

    if input_format not in ("jsonl", "text") or output_format not in ("jsonl", "table"):
        raise typer.BadParameter("--input-format is jsonl or text; --format is jsonl or table")
    sources = files or ["-"]
    if input_format == "jsonl":
        for source in sources:
            if source == "-":
                geo.geoparse_stream(sys.stdin, sys.stdout, sys.stderr)
                continue
            try:
                with open(source, encoding="utf-8", errors="replace") as stream:
                    geo.geoparse_stream(stream, sys.stdout, sys.stderr)
            except OSError as exc:
                _report_error(InputError(source, exc.strerror or str(exc)))
        return
    from sitroom.report.console import toponym_table

    for source in sources:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8", errors="replace")
        toponyms = geo.geoparse(text, country_hint=country)
        if output_format == "jsonl":
            sys.stdout.write(json.dumps({"id": source, "toponyms": [t.to_dict() for t in toponyms]},
                                        ensure_ascii=False) + "\n")
        else:
            Console().print(toponym_table(source, toponyms))


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, or '-' for stdin.")],
    db: DbOption = None,
    input_format: Annotated[InputFormat | None, typer.Option(help="Default: from each file's extension.")] = None,
    published: Annotated[str | None, typer.Option(help="Published date for reports that carry none.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-2 hint.")] = None,
) -> None:
    """Add reports to the database: idempotent, one transaction per document."""
    from sitroom import workflow
    from sitroom.report.console import ingest_progress
    from sitroom.store import open_store

    try:
        store = open_store(settings.database_url(db))
    except SitroomError as exc:
        raise _fail(exc) from exc
    items = workflow.read(paths, input_format.value if input_format else None, _date(published), country)
    with ingest_progress(err_console) as advance:
        report = workflow.ingest(store, items, on_error=_report_error, on_document=lambda _doc: advance())
    err_console.print(f"{report.documents_added} documents added, {report.documents_skipped} already stored, "
                      f"{report.events_found} event mentions, {len(report.errors)} errors", highlight=False)
    if report.errors and report.documents_added + report.documents_skipped == 0:
        raise typer.Exit(1)


def _filter(since, until, event_type, actor, country, admin1, near, km, text, limit):
    from sitroom.store import EventFilter

    point = None
    if near:
        try:
            lat, lon = (float(x) for x in near.split(","))
        except ValueError:
            raise typer.BadParameter(f"--near {near!r}: use LAT,LON") from None
        point = (lat, lon)
    return EventFilter(since=_date(since), until=_date(until), event_type=event_type, actor=actor, country=country,
                       admin1=admin1, near=point, km=km, text=text, limit=limit)


Since = Annotated[str | None, typer.Option(help="Events on or after YYYY-MM-DD.")]
Until = Annotated[str | None, typer.Option(help="Events on or before YYYY-MM-DD.")]
TypeOpt = Annotated[str | None, typer.Option("--type", help="Event type or sub-event type.")]
ActorOpt = Annotated[str | None, typer.Option(help="Part of an actor's or claimant's name.")]
CountryOpt = Annotated[str | None, typer.Option(help="Country name or ISO code.")]
Admin1Opt = Annotated[str | None, typer.Option(help="First-level region, e.g. Baghdad.")]
NearOpt = Annotated[str | None, typer.Option(help="LAT,LON; use with --km.")]
KmOpt = Annotated[float, typer.Option(help="Radius for --near, in km.")]
TextOpt = Annotated[str | None, typer.Option(help="Text in the notes, location, actors or report.")]
LimitOpt = Annotated[int | None, typer.Option(help="At most this many events.")]


@app.command()
def events(
    db: DbOption = None, since: Since = None, until: Until = None, event_type: TypeOpt = None,
    actor: ActorOpt = None, country: CountryOpt = None, admin1: Admin1Opt = None, near: NearOpt = None,
    km: KmOpt = 25.0, text: TextOpt = None, limit: LimitOpt = None,
    output_format: Annotated[OutputFormat, typer.Option("--format")] = OutputFormat.table,
) -> None:
    """List stored events, newest first, with filters."""
    from sitroom.store import open_store

    try:
        store = open_store(settings.database_url(db))
        found = store.query_events(_filter(since, until, event_type, actor, country, admin1, near, km, text, limit))
        _print_records((e.to_dict() for e in found), output_format)
    except SitroomError as exc:
        raise _fail(exc) from exc


@app.command()
def export(
    output_format: Annotated[ExportFormat, typer.Option("--format")] = ExportFormat.acled_csv,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write; default stdout.")] = None,
    db: DbOption = None, since: Since = None, until: Until = None, event_type: TypeOpt = None,
    actor: ActorOpt = None, country: CountryOpt = None, admin1: Admin1Opt = None, near: NearOpt = None,
    km: KmOpt = 25.0, text: TextOpt = None,
) -> None:
    """Export stored events as ACLED-style CSV, GeoJSON or JSON lines."""
    from sitroom.report.export import export_events
    from sitroom.store import open_store

    try:
        store = open_store(settings.database_url(db))
        found = store.query_events(_filter(since, until, event_type, actor, country, admin1, near, km, text, None))
        if output is None:
            export_events(found, output_format.value, sys.stdout)
        else:
            with output.open("w", encoding="utf-8", newline="") as out:
                export_events(found, output_format.value, out)
            err_console.print(f"wrote {len(found)} events to {output}", highlight=False)
    except SitroomError as exc:
        raise _fail(exc) from exc


@app.command()
def demo(
    db: Annotated[Path, typer.Option("--db", help="SQLite file to (re)create.")] = Path("sitroom-demo.db"),
) -> None:
    """Build a fresh database from the bundled sample reports and summarise it."""
    from sitroom import workflow
    from sitroom.report.console import demo_summary
    from sitroom.store import open_store

    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    store = open_store(settings.database_url(str(db)))
    corpus = workflow.sample_corpus()
    report = workflow.ingest(store, workflow.read([str(corpus)]), on_error=_report_error)
    _wide_console().print(demo_summary(store, report, corpus, db))


@gazetteer_app.command("build")
def gazetteer_build(
    path: Annotated[Path | None, typer.Option(help="Where to write it; default under SITROOM_HOME.")] = None,
) -> None:
    """(Re)compile the gazetteer from GeoNames data and the bundled supplement."""
    from sitroom import geo

    written = geo.build_gazetteer(path)
    err_console.print(f"gazetteer written to {written}", highlight=False)


@gazetteer_app.command("info")
def gazetteer_info() -> None:
    """Show what the gazetteer holds."""
    from sitroom import geo

    for key, value in geo.get_gazetteer().info().items():
        typer.echo(f"{key}: {value}")


def _register_extensions() -> None:
    """Commands that live beside their stage (analysis, gazetteer management) join the app here."""
    from sitroom.analyze.cli import register as register_analysis
    from sitroom.geo.cli import register as register_geo
    from sitroom.web.cli import register as register_web

    register_analysis(app)
    register_geo(gazetteer_app)
    register_web(app)


_register_extensions()
