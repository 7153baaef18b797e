"""The typed records that flow through the pipeline, defined once.

ingest makes Documents; extract turns a Document into Events (one per incident mention),
each field backed by Evidence; geo fills the Place fields; merge groups Events from many
Documents; store persists all of them.  Field names follow ACLED's export so analysts can
put our data beside theirs.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Any

# ACLED time_precision codes.
PRECISION_DAY, PRECISION_WEEK, PRECISION_MONTH = 1, 2, 3
# ACLED geo_precision codes.
GEO_EXACT, GEO_NEAR, GEO_REGION = 1, 2, 3


def content_hash(text: str) -> str:
    """Stable document key: the same text always gets the same id, whatever path it came from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Evidence:
    """The character span in a document that a field's value was read from."""

    start: int
    end: int
    text: str
    doc_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "doc_id": self.doc_id}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return cls(int(data["start"]), int(data["end"]), str(data["text"]), data.get("doc_id"))


@dataclass(slots=True)
class Document:
    """One report after ingest: clean body text plus what we know about where it came from."""

    text: str
    id: str = ""
    source: str | None = None  # path or URL as given at ingest
    external_id: str | None = None  # the id a JSONL line carried
    published: date | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    country_hint: str | None = None  # ISO 3166-1 alpha-2
    input_format: str = "text"

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_hash(self.text)


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry."""

    name: str
    latitude: float
    longitude: float
    country_code: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    geonameid: str | None = None
    feature_code: str | None = None
    population: int = 0


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name found in a text, with the gazetteer entry it resolved to (or None)."""

    start: int
    end: int
    text: str
    place: Place | None = None

    def to_dict(self) -> dict[str, Any]:
        p = self.place
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "name": p.name if p else None,
            "lat": p.latitude if p else None,
            "lon": p.longitude if p else None,
            "geonameid": p.geonameid if p else None,
            "country_code": p.country_code if p else None,
            "feature_code": p.feature_code if p else None,
        }


@dataclass(slots=True)
class Event:
    """One incident as reported in one document (ACLED's unit: one day, place, actor pair, type).

    `evidence` maps a field name to the span it came from.  `id` is stable for the same
    document and mention position, so re-extracting a report yields the same ids.
    """

    doc_id: str
    event_date: date | None = None
    time_precision: int | None = None
    date_without_year: str | None = None
    """A report with no year and no published date ("CAIRO, April 9 (Reuters) -"): its day as an ISO 8601
    partial date, "--04-09", while `event_date` stays None.  The merge reads the report in the year of
    an incident it may belong to (`extract.dates.read_in_year`)."""
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter1: str | None = None  # ACLED actor type names, e.g. "Rebel group"
    inter2: str | None = None
    claimed_by: str | None = None
    claim_channel: str | None = None
    country: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    geonameid: str | None = None
    fatalities: int | None = None
    injuries: int | None = None
    sources: list[str] = field(default_factory=list)
    historical: bool = False
    confidence: float = 0.0
    notes: str = ""
    evidence: dict[str, Evidence] = field(default_factory=dict)
    mention_start: int = 0  # where the mention sits in the document
    mention_end: int = 0
    warnings: list[str] = field(default_factory=list)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_hash(f"{self.doc_id}:{self.mention_start}:{self.mention_end}")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict in the order of the eval contract (dates as ISO strings)."""
        data = asdict(self)
        data["event_date"] = self.event_date.isoformat() if self.event_date else None
        data["evidence"] = {name: ev.to_dict() for name, ev in self.evidence.items()}
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        if isinstance(kwargs.get("event_date"), str):
            kwargs["event_date"] = date.fromisoformat(kwargs["event_date"])
        kwargs["evidence"] = {k: Evidence.from_dict(v) for k, v in (data.get("evidence") or {}).items()}
        kwargs["sources"] = list(kwargs.get("sources") or [])
        kwargs["warnings"] = list(kwargs.get("warnings") or [])
        return cls(**kwargs)

    def set(self, name: str, value: Any, evidence: Evidence | None) -> None:
        """Set a field together with the span that justifies it."""
        setattr(self, name, value)
        if evidence is not None:
            self.evidence[name] = evidence


# Event fields about one report rather than the incident: which document, where in it, on what evidence,
# with what warnings.  `sources` is set apart too: a merged event holds every report's sources, after its
# provenance.  A record of a merged incident (`store.StoredEvent`) carries everything else.
_PER_REPORT = frozenset({"doc_id", "id", "sources", "evidence", "mention_start", "mention_end", "warnings",
                         "date_without_year"})

ACLED_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Event) if f.name not in _PER_REPORT)
"""The Event fields that describe the incident itself (date, type, actors, place, toll, notes), in Event's
order: what a merged event carries as its canonical values."""


def acled_field_specs() -> list[tuple[str, Any, Any]]:
    """(name, type, dataclasses.field) of each of ACLED_FIELDS as Event declares it, for
    `dataclasses.make_dataclass`, so records of merged events take these definitions from Event
    instead of restating them."""
    declared = {f.name: f for f in fields(Event)}
    return [(name, declared[name].type, field(default=declared[name].default,
                                              default_factory=declared[name].default_factory))
            for name in ACLED_FIELDS]


@dataclass(slots=True)
class TallyClaim:
    """A running count a report states ("the 21st attack on coalition convoys in seven weeks").

    `subject` is what is counted, as written; `event_type`, `sub_event_type`, `target`,
    `keyword` and `country` are the filter it translates to, so the claim can be set beside the
    store's own count for the window (`window_days` before `as_of`, inclusive).
    """

    doc_id: str
    count: int
    subject: str
    as_of: date | None = None
    window_days: int | None = None  # None: "so far" with no stated window
    window_text: str = ""
    event_type: str | None = None
    sub_event_type: str | None = None
    target: str | None = None
    keyword: str | None = None
    country_code: str | None = None
    evidence: Evidence | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            start = self.evidence.start if self.evidence else 0
            self.id = content_hash(f"claim:{self.doc_id}:{start}:{self.count}")

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["as_of"] = self.as_of.isoformat() if self.as_of else None
        data["evidence"] = self.evidence.to_dict() if self.evidence else None
        return data
