"""The desk's JSON, GeoJSON and CSV API (documented at /docs, schema at /openapi.json).

Reads are open; writes (review actions) need the write token (`Authorization: Bearer TOKEN`),
and without a configured token the desk is read-only.  Every error is JSON
`{"error": message, "status": code}` with a 4xx code for anything the caller can fix.
"""

from __future__ import annotations

import hmac
import io
from collections import Counter
from datetime import date, timedelta
from typing import Any

from fastapi import APIRouter, Body, Depends, HTTPException, Query, Request
from fastapi.responses import FileResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sitroom.analyze.provenance import provenance
from sitroom.codebook import acled
from sitroom.report.export import write_acled_csv, write_geojson
from sitroom.report.staticmap import outlines_path
from sitroom.store import review
from sitroom.store.schema import DocumentRow, EventRow, MentionRow
from sitroom.web import filters

router = APIRouter(prefix="/api")
BUCKETS = ("day", "week")


def store_of(request: Request) -> Any:
    return request.app.state.store


def desk_filter(request: Request,
                since: str | None = Query(None, description=filters.PARAMS["since"]),
                until: str | None = Query(None, description=filters.PARAMS["until"]),
                type: str | None = Query(None, description=filters.PARAMS["type"]),  # noqa: A002 - the URL's name
                sub_type: str | None = Query(None, description=filters.PARAMS["sub_type"]),
                actor: str | None = Query(None, description=filters.PARAMS["actor"]),
                country: str | None = Query(None, description=filters.PARAMS["country"]),
                admin1: str | None = Query(None, description=filters.PARAMS["admin1"]),
                q: str | None = Query(None, description=filters.PARAMS["q"]),
                claimed: str | None = Query(None, description=filters.PARAMS["claimed"]),
                min_fatalities: str | None = Query(None, description=filters.PARAMS["min_fatalities"]),
                historical: str | None = Query(None, description=filters.PARAMS["historical"]),
                false_positives: str | None = Query(None, description=filters.PARAMS["false_positives"]),
                limit: str | None = Query(None, description=filters.PARAMS["limit"])) -> filters.DeskFilter:
    return filters.parse(request.query_params)


def _events(request: Request, f: filters.DeskFilter) -> tuple[list[Any], set[str]]:
    store = store_of(request)
    fps = review.false_positive_ids(store)
    return filters.run(store, f, fps), fps


def _event_dict(e: Any, fps: set[str]) -> dict[str, Any]:
    return {**e.to_dict(), "false_positive": e.id in fps}


# --- reading --------------------------------------------------------------------------------------

@router.get("/events", summary="Events matching the filter, newest first (JSON)")
def events_json(request: Request, f: filters.DeskFilter = Depends(desk_filter)) -> dict[str, Any]:
    events, fps = _events(request, f)
    return {"count": len(events), "events": [_event_dict(e, fps) for e in events]}


@router.get("/events.geojson", summary="Events with coordinates as a GeoJSON FeatureCollection")
def events_geojson(request: Request, f: filters.DeskFilter = Depends(desk_filter)) -> Response:
    events, _ = _events(request, f)
    out = io.StringIO()
    write_geojson(events, out)
    return Response(out.getvalue(), media_type="application/geo+json")


@router.get("/events.csv", summary="Events as ACLED-style CSV")
def events_csv(request: Request, f: filters.DeskFilter = Depends(desk_filter)) -> Response:
    events, _ = _events(request, f)
    out = io.StringIO()
    write_acled_csv(events, out)
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="sitroom-events.csv"'})


def _resolve(request: Request, event_id: str) -> str:
    resolved = store_of(request).resolve_event_id(event_id)
    if resolved is None:
        raise HTTPException(404, f"no event with id {event_id!r} (or the prefix is ambiguous)")
    return resolved


def event_detail(store: Any, event_id: str) -> dict[str, Any]:
    """Everything the event page shows: fields with provenance, reports with evidence, revisions."""
    prov = provenance(store, event_id)
    if prov is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    mentions = store.mentions(prov.event.id)
    docs = store.documents_of(sorted({m.doc_id for m in mentions}))
    revs = review.history(store, prov.event.id)
    reports = []
    for m in mentions:
        d = docs.get(m.doc_id)
        reports.append({
            "mention_id": m.id, "doc_id": m.doc_id, "source": getattr(d, "source", None),
            "url": getattr(d, "url", None), "outlet": getattr(d, "outlet", None), "title": getattr(d, "title", None),
            "published": d.published.isoformat() if d is not None and d.published else None,
            "repost_of": getattr(d, "repost_of", None), "mention": m.to_dict(),
        })
    return {**prov.to_dict(), "reports": reports, "revisions": [r.to_dict() for r in revs],
            "pins": {k: (v.isoformat() if isinstance(v, date) else v) for k, v in review.pins_of(revs).items()},
            "false_positive": review.is_false_positive(revs)}


@router.get("/events/{event_id}", summary="One event: fields, provenance, reports with evidence, revisions")
def event_json(request: Request, event_id: str) -> dict[str, Any]:
    return event_detail(store_of(request), _resolve(request, event_id))


@router.get("/events/{event_id}/revisions", summary="The event's revision history, oldest first")
def event_revisions(request: Request, event_id: str) -> dict[str, Any]:
    revs = review.history(store_of(request), _resolve(request, event_id))
    return {"revisions": [r.to_dict() for r in revs]}


def _bucket(d: date, by: str) -> date:
    return d - timedelta(days=d.weekday()) if by == "week" else d


def timeline(events: list[Any], by: str, start: date | None = None, end: date | None = None) -> list[dict[str, Any]]:
    """Events per day or ISO week over the window (default: first to last event), empty periods included."""
    dated = [e.event_date for e in events if e.event_date is not None]
    if not dated and (start is None or end is None):
        return []
    counts = Counter(_bucket(d, by) for d in dated)
    step = timedelta(days=7 if by == "week" else 1)
    first, last_day = start or min(dated), end or max(dated)
    cur, last, out = _bucket(first, by), _bucket(last_day, by), []
    while cur <= last and len(out) < 5000:
        out.append({"start": cur.isoformat(), "count": counts.get(cur, 0)})
        cur += step
    return out


@router.get("/tally", summary="Counts for the filter: total, by type, and a day/week timeline")
def tally_json(request: Request, f: filters.DeskFilter = Depends(desk_filter),
               by: str = Query("day", description="timeline bucket: day or week")) -> dict[str, Any]:
    if by not in BUCKETS:
        raise HTTPException(400, f"by={by!r}: use day or week")
    events, _ = _events(request, f)
    dated = [e.event_date for e in events if e.event_date]
    by_type = Counter(e.event_type or "Unknown" for e in events)
    return {
        "count": len(events),
        "fatalities": sum(e.fatalities or 0 for e in events),
        "window": {"from": (f.query.since or (min(dated) if dated else None)),
                   "to": (f.query.until or (max(dated) if dated else None))},
        "by_type": dict(by_type.most_common()), "by": by, "timeline": timeline(events, by, f.query.since, f.query.until),
    }


@router.get("/facets", summary="Values to offer in the filter form")
def facets(request: Request) -> dict[str, Any]:
    with Session(store_of(request).engine) as s:
        def distinct(col: Any) -> list[str]:
            return [v for v in s.scalars(select(col).where(col.is_not(None)).distinct().order_by(col)) if v]
        lo, hi = s.execute(select(func.min(EventRow.event_date), func.max(EventRow.event_date))).one()
        return {"event_types": list(acled.EVENT_TYPES), "sub_event_types": acled.SUB_EVENT_TYPES,
                "countries": distinct(EventRow.country_code), "admin1": distinct(EventRow.admin1),
                "first_date": lo, "last_date": hi, "correctable": list(review.CORRECTABLE)}


def _doc_dict(r: DocumentRow, text: bool = False) -> dict[str, Any]:
    out = {"id": r.id, "source": r.source, "url": r.url, "title": r.title, "outlet": r.outlet,
           "published": r.published.isoformat() if r.published else None, "input_format": r.input_format,
           "repost_of": r.repost_of}
    if text:
        out["text"] = r.text
    return out


@router.get("/documents", summary="Stored reports, newest ingest first")
def documents(request: Request, limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0)) -> dict:
    with Session(store_of(request).engine) as s:
        total = s.scalar(select(func.count()).select_from(DocumentRow)) or 0
        rows = s.scalars(select(DocumentRow).order_by(DocumentRow.ingested_at.desc(), DocumentRow.id)
                         .limit(limit).offset(offset))
        return {"count": total, "documents": [_doc_dict(r) for r in rows]}


@router.get("/documents/{doc_id}", summary="One report: metadata, text and the events it mentions")
def document(request: Request, doc_id: str) -> dict[str, Any]:
    with Session(store_of(request).engine) as s:
        row = s.get(DocumentRow, doc_id)
        if row is None:
            raise HTTPException(404, f"no document with id {doc_id!r}")
        mentions = s.execute(select(MentionRow.id, MentionRow.event_id).where(MentionRow.doc_id == doc_id)
                             .order_by(MentionRow.mention_start))
        return {**_doc_dict(row, text=True), "mentions": [{"mention_id": m, "event_id": e} for m, e in mentions]}


@router.get("/basemap.geojson", summary="Natural Earth country outlines (public domain), simplified")
def basemap() -> FileResponse:
    return FileResponse(outlines_path(), media_type="application/geo+json",
                        headers={"Cache-Control": "public, max-age=86400"})


# --- writing (review) -----------------------------------------------------------------------------

def writer(request: Request) -> str:
    """The author of a write; 403 when the desk is read-only, 401 without the right token."""
    token = request.app.state.write_token
    if not token:
        raise HTTPException(403, "the desk is read-only: start it with SITROOM_WRITE_TOKEN set to allow edits")
    given = request.headers.get("authorization", "")
    given = given[7:] if given.lower().startswith("bearer ") else request.headers.get("x-sitroom-token", "")
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "a valid write token is needed: send 'Authorization: Bearer TOKEN'")
    author = (request.headers.get("x-sitroom-author") or "analyst").strip()[:80]
    return author or "analyst"


class Correction(BaseModel):
    field: str = Field(description="an ACLED field, e.g. fatalities")
    value: Any = Field(None, description="the new value; null or empty clears it")
    reason: str | None = None


class FalsePositive(BaseModel):
    flag: bool = True
    reason: str | None = None


class MergeRequest(BaseModel):
    event_ids: list[str] = Field(min_length=2, description="events to merge; the first survives")
    reason: str | None = None


class SplitRequest(BaseModel):
    mention_ids: list[str] = Field(min_length=1, description="reports to move into a new event")
    reason: str | None = None


class UndoRequest(BaseModel):
    reason: str | None = None


@router.post("/events/{event_id}/corrections", status_code=201, summary="Correct a field (a revision)")
def correct(request: Request, event_id: str, body: Correction, author: str = Depends(writer)) -> dict:
    rev = review.correct(store_of(request), _resolve(request, event_id), body.field, body.value, author, body.reason)
    return rev.to_dict()


@router.post("/events/{event_id}/false-positive", status_code=201, summary="Mark or clear a false positive")
def false_positive(request: Request, event_id: str, body: FalsePositive, author: str = Depends(writer)) -> dict:
    rev = review.mark_false_positive(store_of(request), _resolve(request, event_id), body.flag, author, body.reason)
    return rev.to_dict()


@router.post("/merge", status_code=201, summary="Merge events into the first")
def merge(request: Request, body: MergeRequest, author: str = Depends(writer)) -> dict:
    ids = [_resolve(request, e) for e in body.event_ids]
    return review.merge(store_of(request), ids, author, body.reason).to_dict()


@router.post("/split", status_code=201, summary="Move reports of one event into a new event")
def split(request: Request, body: SplitRequest, author: str = Depends(writer)) -> dict:
    return review.split(store_of(request), body.mention_ids, author, body.reason).to_dict()


@router.post("/revisions/{revision_id}/undo", status_code=201, summary="Undo a revision (a new revision)")
def undo(request: Request, revision_id: int, body: UndoRequest = Body(default_factory=UndoRequest),
         author: str = Depends(writer)) -> dict:
    return review.undo(store_of(request), revision_id, author, body.reason).to_dict()
