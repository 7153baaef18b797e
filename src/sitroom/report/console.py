"""Terminal renderings: event tables, progress, and the demo summary."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console, Group
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from sitroom.model import Toponym

NEWEST_IN_DEMO = 12


def events_table(rows: Iterable[Mapping], columns: Iterable[str], title: str | None = None) -> Table:
    columns = tuple(columns)
    table = Table(title=title, show_lines=False, header_style="bold")
    for name in columns:
        table.add_column(name.replace("_", " "), overflow="fold", max_width=34)
    for row in rows:
        table.add_row(*(_text(row.get(name)) for name in columns))
    return table


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def toponym_table(source: str, toponyms: list[Toponym]) -> Table:
    table = Table(title=source, header_style="bold")
    for name in ("span", "text", "resolved to", "country", "lat", "lon", "geonameid"):
        table.add_column(name)
    for t in toponyms:
        p = t.place
        table.add_row(f"{t.start}-{t.end}", t.text, p.name if p else "(unresolved)", p.country_code if p else "",
                      f"{p.latitude:.3f}" if p else "", f"{p.longitude:.3f}" if p else "", p.geonameid or "" if p else "")
    return table


@contextmanager
def ingest_progress(console: Console) -> Iterator[Callable[[], None]]:
    """A progress line for long runs (documents done, elapsed); silent when stderr is not a terminal."""
    progress = Progress(SpinnerColumn(), TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=console, transient=True, disable=not console.is_terminal)
    with progress:
        task = progress.add_task("ingest", total=None)
        yield lambda: progress.advance(task)


def demo_summary(store, report, corpus: Path, db: Path) -> Group:
    stats = store.stats().to_dict()
    header = Table.grid(padding=(0, 2))
    header.add_row("sample corpus", str(corpus))
    header.add_row("database", str(db))
    header.add_row("documents", f"{report.documents_added} ingested, {len(report.errors)} rejected")
    header.add_row("event mentions", str(stats["mentions"]))
    header.add_row("events (after merging reports)", str(stats["events"]))
    counts = Table(title="Current events by type (background history left out)", header_style="bold")
    counts.add_column("event type")
    counts.add_column("sub-event type")
    counts.add_column("events", justify="right")
    for (event_type, sub_type), n in sorted(store.counts_by_sub_type().items(), key=lambda kv: (-kv[1], kv[0])):
        counts.add_row(event_type or "", sub_type or "", str(n))
    newest = [e.to_dict() for e in store.newest(NEWEST_IN_DEMO)]
    columns = ("event_date", "sub_event_type", "actor1", "actor2", "location", "admin1", "fatalities", "report_count")
    table = events_table(newest, columns, title=f"Newest {len(newest)} events")
    hint = (f"Try: sitroom events --db {db} --type 'Remote explosive' | sitroom export --db {db} --format geojson"
            )
    return Group(header, counts, table, hint)
