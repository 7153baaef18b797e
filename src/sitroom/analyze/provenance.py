"""Where every value of a merged event came from: the field, its value, the span and the report.

The event's canonical values are computed from its reports (`merge.cluster.canonical`); for
each field the provenance is the first report (in ingest order) that gives that very value,
with that report's evidence span.  Fatalities also list every report's own figure, so a
conservative figure and its range stay traceable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sitroom.model import Event
from sitroom.store import review
from sitroom.store.queries import ACLED_FIELDS, StoredEvent


@dataclass(frozen=True, slots=True)
class FieldSource:
    name: str
    value: Any
    evidence: str | None = None
    span: tuple[int, int] | None = None
    document: str | None = None  # path or URL of the report


@dataclass(frozen=True, slots=True)
class MentionInfo:
    mention_id: str
    doc_id: str
    document: str | None
    outlet: str | None
    published: date | None
    event_date: date | None
    fatalities: int | None
    repost_of: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Provenance:
    event: StoredEvent
    fields: list[FieldSource] = field(default_factory=list)
    mentions: list[MentionInfo] = field(default_factory=list)
    fatalities_by_report: list[FieldSource] = field(default_factory=list)
    history: list[Any] = field(default_factory=list)  # store.review.Revision, oldest first

    def to_dict(self) -> dict[str, Any]:
        def plain(v: Any) -> Any:
            return v.isoformat() if isinstance(v, date) else v

        return {
            "event": self.event.to_dict(),
            "fields": [{"name": f.name, "value": plain(f.value), "evidence": f.evidence,
                        "span": list(f.span) if f.span else None, "document": f.document} for f in self.fields],
            "mentions": [{k: plain(getattr(m, k)) for k in m.__slots__} for m in self.mentions],
            "fatalities_by_report": [{"value": f.value, "evidence": f.evidence, "document": f.document}
                                     for f in self.fatalities_by_report],
            "history": [{"id": r.id, "field": r.field, "before": r.before, "after": r.after, "author": r.author,
                         "at": r.at.isoformat() if r.at else None, "reason": r.reason, "undone_by": r.undone_by}
                        for r in self.history],
        }


def _doc_name(row: Any) -> str | None:
    return (row.source or row.url or row.id) if row is not None else None


def _field_source(name: str, value: Any, mentions: list[Event], docs: dict[str, Any]) -> FieldSource:
    for m in mentions:
        if getattr(m, name, None) == value and value not in (None, ""):
            ev = m.evidence.get(name)
            return FieldSource(name, value, ev.text if ev else None, (ev.start, ev.end) if ev else None,
                               _doc_name(docs.get(m.doc_id)))
    return FieldSource(name, value)


def provenance(store: Any, event_id: str) -> Provenance | None:
    """The event (id or unique id prefix) with per-field sources and every report; None if unknown."""
    resolved = store.resolve_event_id(event_id)
    if resolved is None:
        return None
    event = store.get_event(resolved)
    mentions: list[Event] = store.mentions(resolved)
    docs = store.documents_of(sorted({m.doc_id for m in mentions}))
    fields_ = [_field_source(name, getattr(event, name), mentions, docs) for name in ACLED_FIELDS]
    infos = [MentionInfo(
        m.id, m.doc_id, _doc_name(docs.get(m.doc_id)), getattr(docs.get(m.doc_id), "outlet", None),
        getattr(docs.get(m.doc_id), "published", None), m.event_date, m.fatalities,
        getattr(docs.get(m.doc_id), "repost_of", None), m.notes,
    ) for m in mentions]
    tolls = [FieldSource("fatalities", m.fatalities, m.evidence["fatalities"].text if "fatalities" in m.evidence
                         else None, None, _doc_name(docs.get(m.doc_id)))
             for m in mentions if m.fatalities is not None]
    return Provenance(event, fields_, infos, tolls, review.history(store, resolved))


def render(p: Provenance) -> str:
    """Plain text for the terminal: fields, then fatalities per report, then the reports."""
    e = p.event
    lines = [f"event {e.id}  ({e.report_count} reports, {len(p.mentions)} mentions)", ""]
    for f in p.fields:
        if f.value in (None, ""):
            continue
        where = f"  [{f.document}" + (f" {f.span[0]}-{f.span[1]}" if f.span else "") + "]" if f.document else ""
        quote = f'  "{f.evidence}"' if f.evidence else ""
        lines.append(f"  {f.name:16s} {f.value}{quote}{where}")
    if e.fatalities_range:
        lines.append(f"  {'fatalities_range':16s} {list(e.fatalities_range)} (conservative: lowest)")
    if p.fatalities_by_report:
        lines += ["", "fatalities by report:"]
        lines += [f"  {f.value:>5}  \"{f.evidence or ''}\"  [{f.document}]" for f in p.fatalities_by_report]
    if p.history:
        # analysts' corrections and the merges that made the event, so `show` explains them too
        lines += ["", "history:"]
        for r in p.history:
            undone = f"  (undone by #{r.undone_by})" if r.undone_by else ""
            why = f"  \"{r.reason}\"" if r.reason else ""
            lines.append(f"  #{r.id} {r.at:%Y-%m-%d %H:%M} {r.author or '-'}: {r.field} {r.before!r} -> {r.after!r}"
                         f"{why}{undone}" if r.at else f"  #{r.id} {r.author or '-'}: {r.field}{why}{undone}")
    lines += ["", "mentions:"]
    for m in p.mentions:
        repost = f"  (repost of {m.repost_of[:12]})" if m.repost_of else ""
        lines.append(f"  {m.published or '?'}  {m.outlet or '-'}  {m.document}  event_date={m.event_date}{repost}")
        if m.text:
            lines.append(f"      {m.text[:160]}")
    return "\n".join(lines)
