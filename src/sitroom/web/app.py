"""The desk's FastAPI app: pages, the API, our static files and Leaflet from its installed package.

`create_app(store, write_token)` builds it; `sitroom serve` runs it with uvicorn.  Leaflet and
Leaflet.markercluster are served from the XStatic packages' own files (never from a CDN, never
copied into this repo); the basemap is Natural Earth outlines (`report.staticmap`).
Untrusted report text only ever reaches the page through autoescaped templates or `textContent`;
a Content-Security-Policy forbids inline scripts as a second line of defence.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from sitroom import __version__, settings
from sitroom.errors import SitroomError
from sitroom.store.review import ReviewError
from sitroom.web import api, filters
from sitroom.web.evidence import report_segments

HERE = Path(__file__).parent
def content_security_policy(tile_url: str | None) -> str:
    """Same-origin everything; images may also come from the configured tile server, if any."""
    tiles = ""
    if tile_url:
        origin = re.match(r"(https?://[^/{]+)", tile_url)
        tiles = f" {origin.group(1)}" if origin else ""
    return (f"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:{tiles}; "
            "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def vendor_dirs() -> dict[str, Path]:
    """Leaflet and markercluster files from their installed XStatic packages."""
    import xstatic.pkg.leaflet as leaflet
    import xstatic.pkg.leaflet_markercluster as cluster

    return {"leaflet": Path(leaflet.BASE_DIR), "markercluster": Path(cluster.BASE_DIR)}


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message, "status": status}, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("body", "query", "path"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def create_app(store: Any, write_token: str | None = None) -> FastAPI:
    app = FastAPI(title="sitroom desk", version=__version__,
                  description="Conflict events: JSON, GeoJSON and CSV; review actions need the write token.")
    app.state.store = store
    app.state.write_token = write_token or None
    app.state.tile_url = settings.get("tile_url") or None
    csp = content_security_policy(app.state.tile_url)
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    templates = Jinja2Templates(directory=str(HERE / "templates"))  # .html: autoescaped

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", csp)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, exc: HTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, _validation_message(exc))

    @app.exception_handler(ReviewError)
    async def review_error(_request: Request, exc: ReviewError) -> JSONResponse:
        return _error(404 if str(exc).startswith("no such") else 400, str(exc))

    @app.exception_handler(SitroomError)
    async def domain_error(_request: Request, exc: SitroomError) -> JSONResponse:
        return _error(400, str(exc))

    from starlette.exceptions import HTTPException as StarletteHTTPException

    @app.exception_handler(StarletteHTTPException)
    async def starlette_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    app.include_router(api.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    for name, path in vendor_dirs().items():
        app.mount(f"/vendor/{name}", StaticFiles(directory=str(path)), name=f"vendor-{name}")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def desk(request: Request) -> HTMLResponse:
        try:
            filters.parse(request.query_params)
            problem = None
        except filters.FilterError as exc:
            problem = str(exc)
        return templates.TemplateResponse(request, "desk.html", {
            "writable": bool(app.state.write_token), "problem": problem, "params": request.query_params,
            "types": api.facets(request), "version": __version__, "tile_url": app.state.tile_url or ""})

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, event_id: str) -> HTMLResponse:
        resolved = store.resolve_event_id(event_id)
        if resolved is None:
            return templates.TemplateResponse(request, "missing.html", {"event_id": event_id}, status_code=404)
        detail = api.event_detail(store, resolved)
        reports = [{**r, "segments": report_segments(store, r)} for r in detail["reports"]]
        return templates.TemplateResponse(request, "event.html", {
            "d": detail, "e": detail["event"], "reports": reports, "writable": bool(app.state.write_token),
            "correctable": api.review.CORRECTABLE, "version": __version__})

    return app
