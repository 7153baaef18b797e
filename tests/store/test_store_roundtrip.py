"""Property: any Event stored alone comes back with the same values (both backends)."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitroom.merge.cluster import union_sources
from sitroom.model import Document, Event, Evidence
from sitroom.store import Store
from sitroom.store.queries import ACLED_FIELDS

from .factories import wipe

# PostgreSQL text cannot hold NUL; surrogates are not valid UTF-8.
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
OPT_TEXT = st.none() | TEXT
OPT_INT = st.none() | st.integers(0, 100_000)


@st.composite
def events(draw: st.DrawFn) -> tuple[Document, Event]:
    doc = Document(text=draw(TEXT) + "|doc", source=draw(OPT_TEXT))
    start = draw(st.integers(0, 10_000))
    has_point = draw(st.booleans())
    ev = Event(
        doc_id=doc.id,
        event_date=draw(st.none() | st.dates(date(1900, 1, 1), date(2100, 12, 31))),
        time_precision=draw(st.none() | st.integers(1, 3)),
        event_type=draw(OPT_TEXT), sub_event_type=draw(OPT_TEXT),
        actor1=draw(OPT_TEXT), assoc_actor_1=draw(OPT_TEXT), actor2=draw(OPT_TEXT), assoc_actor_2=draw(OPT_TEXT),
        inter1=draw(OPT_TEXT), inter2=draw(OPT_TEXT), claimed_by=draw(OPT_TEXT), claim_channel=draw(OPT_TEXT),
        country=draw(OPT_TEXT), country_code=draw(st.none() | st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2,
                                                                      max_size=2)),
        admin1=draw(OPT_TEXT), admin2=draw(OPT_TEXT), location=draw(OPT_TEXT),
        latitude=draw(st.floats(-90, 90)) if has_point else None,
        longitude=draw(st.floats(-180, 180)) if has_point else None,
        geo_precision=draw(st.none() | st.integers(1, 3)), geonameid=draw(st.none() | st.text("0123456789", min_size=1,
                                                                                               max_size=9)),
        fatalities=draw(OPT_INT), injuries=draw(OPT_INT),
        sources=draw(st.lists(TEXT, max_size=4)), historical=draw(st.booleans()),
        confidence=draw(st.floats(0, 1)), notes=draw(TEXT),
        evidence=draw(st.dictionaries(st.sampled_from(["actor1", "location", "fatalities"]),
                                      st.builds(Evidence, st.integers(0, 999), st.integers(0, 999), TEXT,
                                                st.none() | st.just(doc.id)), max_size=3)),
        mention_start=start, mention_end=start + draw(st.integers(0, 500)),
        warnings=draw(st.lists(TEXT, max_size=3)),
    )
    return doc, ev


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=events())
def test_event_round_trips(store: Store, case: tuple[Document, Event]) -> None:
    wipe(store)
    doc, ev = case
    result = store.add_document(doc, [ev])
    stored = store.get_event(result.event_ids[0])
    assert stored is not None
    expected = {name: getattr(ev, name) for name in ACLED_FIELDS}
    expected["notes"] = ev.notes or ""
    assert {name: getattr(stored, name) for name in ACLED_FIELDS} == expected
    assert stored.sources == tuple(union_sources([ev.sources]))
    assert (stored.report_count, stored.mentions, stored.fatalities_range) == (1, 1, None)
    assert stored.documents == (doc.source or doc.id,)
    assert store.mentions(stored.id) == [ev]
