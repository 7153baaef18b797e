"""Situation reports in the founding sitrep's shape: headline events, bullets, tallies, a map.

`build(store, since, country)` gathers the window's events (false positives and background
mentions left out) into a `Sitrep`; `write(rep, fmt, out)` renders it as Markdown, HTML (the map
inline) or PDF (matplotlib, offline).  Every statement carries its event id and the reports it
came from; only http(s) URLs become links, and report text is escaped in every format.
"""

from __future__ import annotations

import base64
import html
import io
import re
import tempfile
import textwrap
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sitroom.analyze.tally import parse_span
from sitroom.errors import ConfigError
from sitroom.report.staticmap import draw_map
from sitroom.store import EventFilter, StoredEvent
from sitroom.store.review import false_positive_ids

HEADLINES = 3
FORMATS = ("md", "html", "pdf")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|])")


@dataclass(frozen=True, slots=True)
class SourceRef:
    name: str  # outlet or file name, as shown
    url: str | None  # http(s) only, else None


@dataclass(frozen=True, slots=True)
class Item:
    event: StoredEvent
    headline: str  # "Explosions/Remote violence — Erbil, Erbil"
    detail: str  # fatalities, claim
    notes: str  # the report's own sentence
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True, slots=True)
class TallyRow:
    label: str
    count: int
    previous: int
    fatalities: int

    @property
    def arrow(self) -> str:
        return "↑" if self.count > self.previous else "↓" if self.count < self.previous else "→"


@dataclass(slots=True)
class Sitrep:
    title: str
    start: date
    end: date
    country: str | None
    headlines: list[Item] = field(default_factory=list)
    others: list[Item] = field(default_factory=list)
    tallies: list[TallyRow] = field(default_factory=list)
    map_png: bytes | None = None

    @property
    def events(self) -> list[StoredEvent]:
        return [i.event for i in self.headlines + self.others]


# --- gathering ------------------------------------------------------------------------------------

def _safe_url(value: str | None) -> str | None:
    if not value or not re.match(r"^https?://[^\s]+$", value, re.IGNORECASE):
        return None
    return value.replace("<", "%3C").replace(">", "%3E").replace('"', "%22")


def _sources(store: Any, e: StoredEvent) -> tuple[SourceRef, ...]:
    docs = store.documents_of(sorted({m.doc_id for m in store.mentions(e.id)}))
    refs = []
    for d in sorted(docs.values(), key=lambda d: (d.published or date.min, d.id)):
        url = _safe_url(d.url) or _safe_url(d.source)
        name = d.outlet or (Path(d.source).name if d.source and not url else None) or d.title or url or d.id[:12]
        refs.append(SourceRef(name.strip(), url))
    return tuple(refs)


def _score(e: StoredEvent) -> tuple:
    return ((e.fatalities or 0) + (e.injuries or 0) * 0.3 + 3 * bool(e.claimed_by) + e.report_count, e.id)


def _item(store: Any, e: StoredEvent) -> Item:
    where = ", ".join(dict.fromkeys(x for x in (e.location, e.admin1) if x)) or (e.country or "place unknown")
    what = e.sub_event_type or e.event_type or "Event"
    bits = []
    if e.fatalities:
        rng = f" (reports: {e.fatalities_range[0]}–{e.fatalities_range[1]})" if e.fatalities_range else ""
        bits.append(f"{e.fatalities} killed{rng}")
    if e.injuries:
        bits.append(f"{e.injuries} injured")
    if e.claimed_by:
        bits.append(f"claimed by {e.claimed_by}" + (f" via {e.claim_channel}" if e.claim_channel else ""))
    day = e.event_date.strftime("%d %b") if e.event_date else "undated"
    return Item(e, f"{day}: {what} — {where}", "; ".join(bits), " ".join((e.notes or "").split()), _sources(store, e))


def _window_events(store: Any, country: str | None, start: date, end: date, fps: set[str]) -> list[StoredEvent]:
    found = store.query_events(EventFilter(since=start, until=end, country=country, include_historical=False))
    return [e for e in found if e.id not in fps]


def _tallies(current: list[StoredEvent], previous: list[StoredEvent]) -> list[TallyRow]:
    now = Counter(e.event_type or "Unknown" for e in current)
    before = Counter(e.event_type or "Unknown" for e in previous)
    dead = Counter()
    for e in current:
        dead[e.event_type or "Unknown"] += e.fatalities or 0
    rows = [TallyRow(t, now[t], before[t], dead[t]) for t in sorted(set(now) | set(before), key=lambda t: (-now[t], t))]
    rows.append(TallyRow("All events", len(current), len(previous), sum(dead.values())))
    return rows


def build(store: Any, since: str = "1d", country: str | None = None, as_of: date | None = None,
          headlines: int = HEADLINES, with_map: bool = True) -> Sitrep:
    """The sitrep for `since` back from `as_of` (default: the newest event for the country, at most today)."""
    days = parse_span(since)
    fps = false_positive_ids(store)
    if as_of is None:
        newest = store.query_events(EventFilter(country=country, include_historical=False, limit=1))
        as_of = min(newest[0].event_date, date.today()) if newest and newest[0].event_date else date.today()
    start = as_of - timedelta(days=days - 1)
    current = _window_events(store, country, start, as_of, fps)
    previous = _window_events(store, country, start - timedelta(days=days), start - timedelta(days=1), fps)
    ranked = sorted(current, key=_score, reverse=True)
    top = ranked[:headlines]
    rest = sorted(ranked[headlines:], key=lambda e: (e.event_date or date.min, e.id), reverse=True)
    label = (country or "all countries").upper() if country and len(country) == 2 else (country or "All countries")
    rep = Sitrep(f"{label} situation report", start, as_of, country,
                 [_item(store, e) for e in top], [_item(store, e) for e in rest], _tallies(current, previous))
    if with_map and rep.events:
        with tempfile.TemporaryDirectory() as tmp:
            png = Path(tmp) / "map.png"
            labels = {i.event.id: str(n) for n, i in enumerate(rep.headlines + rep.others, 1)}
            iso = country if country and len(country) == 2 else next((e.country_code for e in current if e.country_code), None)
            draw_map(rep.events, png, focus_iso=iso, title=f"Events {start} – {as_of}", labels=labels)
            rep.map_png = png.read_bytes()
    return rep


# --- rendering ------------------------------------------------------------------------------------

def _md(text: str) -> str:
    """Report text made inert for Markdown: HTML escaped, Markdown syntax backslashed."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def _md_sources(item: Item) -> str:
    refs = [f"[{_md(s.name)}](<{s.url}>)" if s.url else _md(s.name) for s in item.sources]
    return f"Sources: {'; '.join(refs) or 'none'} · event `{item.event.id[:12]}`"


def to_markdown(rep: Sitrep, map_name: str | None = None) -> str:
    out = [f"# {_md(rep.title)}", f"{rep.start:%d %B %Y} – {rep.end:%d %B %Y}", ""]
    if not rep.events:
        out.append("No events in this window.")
    n = 0
    if rep.headlines:
        out += ["## Key developments", ""]
        for item in rep.headlines:
            n += 1
            out += [f"### {n}. {_md(item.headline)}", ""]
            if item.detail:
                out.append(f"**{_md(item.detail)}.**  ")
            out += [_md(item.notes), "", _md_sources(item), ""]
    if map_name:
        out += [f"![Map of the events]({map_name})", ""]
    if rep.others:
        out += ["## Other events", ""]
        for item in rep.others:
            n += 1
            detail = f" ({_md(item.detail)})" if item.detail else ""
            out.append(f"- **{n}. {_md(item.headline)}**{detail}: {_md(item.notes)} — {_md_sources(item)}")
        out.append("")
    out += ["## Tallies", "", f"| type | events | previous {(rep.end - rep.start).days + 1} days | trend | fatalities |",
            "|---|---:|---:|:---:|---:|"]
    out += [f"| {_md(t.label)} | {t.count} | {t.previous} | {t.arrow} | {t.fatalities} |" for t in rep.tallies]
    return "\n".join(out) + "\n"


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _html_sources(item: Item) -> str:
    refs = [f'<a href="{_h(s.url)}" rel="noopener noreferrer">{_h(s.name)}</a>' if s.url else _h(s.name)
            for s in item.sources]
    return f'<span class="src">Sources: {"; ".join(refs) or "none"} · event <code>{_h(item.event.id[:12])}</code></span>'


def to_html(rep: Sitrep) -> str:
    parts = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{_h(rep.title)}</title>",
             "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">",
             "<style>body{font:15px/1.5 Georgia,serif;max-width:860px;margin:2em auto;color:#222}"
             ".src{display:block;font:12px sans-serif;color:#555}table{border-collapse:collapse}"
             "td,th{border-bottom:1px solid #ddd;padding:2px 10px}img{max-width:100%}</style></head><body>",
             f"<h1>{_h(rep.title)}</h1><p>{rep.start:%d %B %Y} – {rep.end:%d %B %Y}</p>"]
    if not rep.events:
        parts.append("<p>No events in this window.</p>")
    n = 0
    if rep.headlines:
        parts.append("<h2>Key developments</h2>")
        for item in rep.headlines:
            n += 1
            detail = f"<strong>{_h(item.detail)}.</strong> " if item.detail else ""
            parts.append(f"<h3>{n}. {_h(item.headline)}</h3><p>{detail}{_h(item.notes)}{_html_sources(item)}</p>")
    if rep.map_png:
        parts.append(f"<p><img alt='Map of the events' src='data:image/png;base64,{base64.b64encode(rep.map_png).decode()}'></p>")
    if rep.others:
        parts.append("<h2>Other events</h2><ul>")
        for item in rep.others:
            n += 1
            detail = f" ({_h(item.detail)})" if item.detail else ""
            parts.append(f"<li><strong>{n}. {_h(item.headline)}</strong>{detail}: {_h(item.notes)}{_html_sources(item)}</li>")
        parts.append("</ul>")
    parts.append(f"<h2>Tallies</h2><table><tr><th>type</th><th>events</th><th>previous {(rep.end - rep.start).days + 1} days</th>"
                 "<th>trend</th><th>fatalities</th></tr>")
    parts += [f"<tr><td>{_h(t.label)}</td><td>{t.count}</td><td>{t.previous}</td><td>{t.arrow}</td><td>{t.fatalities}</td></tr>"
              for t in rep.tallies]
    parts.append("</table></body></html>")
    return "\n".join(parts)


def to_pdf(rep: Sitrep, path: Path) -> Path:
    """A plain A4 PDF drawn with matplotlib (offline): text pages, the map, and source links."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    lines: list[tuple[str, float, str | None, str]] = []  # (text, size, url, weight)

    def add(text: str, size: float = 9.5, url: str | None = None, weight: str = "normal", width: int = 100) -> None:
        for ln in textwrap.wrap(text, width) or [""]:
            lines.append((ln, size, url, weight))

    add(rep.title, 16, weight="bold")
    add(f"{rep.start:%d %B %Y} – {rep.end:%d %B %Y}", 10)
    n = 0
    for heading, items in (("Key developments", rep.headlines), ("Other events", rep.others)):
        if items:
            add("")
            add(heading, 12.5, weight="bold")
        for item in items:
            n += 1
            add(f"{n}. {item.headline}" + (f" — {item.detail}" if item.detail else ""), 10, weight="bold", width=90)
            add(item.notes, width=110)
            for s in item.sources:
                add(f"   source: {s.name}" + (f" <{s.url}>" if s.url else ""), 8, url=s.url, width=130)
            add(f"   event {item.event.id[:12]}", 8)
    add("")
    add("Tallies (this window vs the one before)", 12.5, weight="bold")
    for t in rep.tallies:
        add(f"{t.label}: {t.count} events {t.arrow} (previous {t.previous}), {t.fatalities} fatalities", 9.5)
    with PdfPages(path) as pdf:
        per_page, i = 62, 0
        while i < len(lines) or i == 0:
            fig = plt.figure(figsize=(8.27, 11.69))
            y = 0.95
            for text, size, url, weight in lines[i:i + per_page]:
                artist = fig.text(0.07, y, text, fontsize=size, weight=weight, va="top", family="DejaVu Sans")
                if url:
                    artist.set_url(url)
                y -= 0.0145 * max(1.0, size / 9.5)
                if y < 0.04:
                    break
            pdf.savefig(fig)
            plt.close(fig)
            i += per_page
        if rep.map_png:
            fig = plt.figure(figsize=(8.27, 11.69))
            ax = fig.add_axes((0.05, 0.2, 0.9, 0.7))
            ax.imshow(plt.imread(io.BytesIO(rep.map_png), format="png"))
            ax.axis("off")
            pdf.savefig(fig)
            plt.close(fig)
    return path


def write(rep: Sitrep, fmt: str, out: Path | None = None) -> str:
    """Render in `fmt`; writes `out` when given (Markdown gets its map as a PNG beside it).  Returns md/html text."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown sitrep format {fmt!r}: use {', '.join(FORMATS)}")
    if fmt == "pdf":
        if out is None:
            raise ConfigError("a PDF sitrep needs an output file")
        to_pdf(rep, out)
        return ""
    if fmt == "html":
        text = to_html(rep)
    else:
        map_name = None
        if out is not None and rep.map_png:
            map_path = out.with_suffix(".png")
            map_path.write_bytes(rep.map_png)
            map_name = map_path.name
        text = to_markdown(rep, map_name)
    if out is not None:
        out.write_text(text, encoding="utf-8")
    return text
