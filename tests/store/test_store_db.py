"""Schema, migrations, idempotent and all-or-nothing ingest, and the merge as the store runs it."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select, text
from sqlalchemy.orm import Session

from sitroom.errors import ConfigError
from sitroom.model import ACLED_FIELDS
from sitroom.store import Store, StoreError, merging, open_store
from sitroom.store.schema import Base, EventRow, MentionRow

from .factories import make_doc, make_event

TABLES = {"documents", "mentions", "events", "revisions", "merge_decisions", "tally_claims"}


# --- schema and migrations ------------------------------------------------------------------------

def test_migration_creates_every_table(store: Store) -> None:
    assert TABLES <= set(inspect(store.engine).get_table_names())


@pytest.mark.parametrize("columns", [
    ["event_date"], ["country_code"], ["admin1"], ["sub_event_type"], ["latitude", "longitude"],
])
def test_migration_indexes_query_columns(store: Store, columns: list[str]) -> None:
    indexed = [ix["column_names"] for ix in inspect(store.engine).get_indexes("events")]
    assert columns in indexed


def test_migration_is_at_head(store: Store) -> None:
    with store.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == "0004"


def test_models_match_the_migration(store: Store) -> None:
    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = [d for d in compare_metadata(ctx, Base.metadata) if "spatial_ref_sys" not in repr(d)]
    assert diff == []


def test_every_acled_field_of_event_has_a_column() -> None:
    """A field added to model.Event is stored and read back through these columns: it needs one (and a migration)."""
    for model in (EventRow, MentionRow):
        assert set(ACLED_FIELDS) - set(model.__table__.columns.keys()) == set(), model.__tablename__


def test_open_store_twice_keeps_data(db_url: str) -> None:
    with open_store(db_url) as first:
        doc = make_doc()
        first.add_document(doc, [make_event(doc)])
    with open_store(db_url) as second:
        assert second.stats().documents == 1


def test_unsupported_url_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unsupported database URL"):
        open_store("mysql://localhost/x")


def test_bare_path_opens_sqlite_file(tmp_path) -> None:
    path = tmp_path / "sub" / "dir" / "events.db"
    with open_store(str(path)) as s:
        assert s.dialect == "sqlite"
    assert path.exists()


@pytest.mark.parametrize(("pragma", "expected"), [("journal_mode", "wal"), ("foreign_keys", 1), ("busy_timeout", 30000)])
def test_sqlite_pragmas(tmp_path, pragma: str, expected: object) -> None:
    with open_store(f"sqlite:///{tmp_path / 's.db'}") as s, s.engine.connect() as conn:
        assert conn.exec_driver_sql(f"PRAGMA {pragma}").scalar() == expected


def test_postgis_enabled_on_postgres(store: Store) -> None:
    if store.dialect != "postgresql":
        pytest.skip("PostGIS is a PostgreSQL feature")
    with store.engine.connect() as conn:
        if conn.execute(text("SELECT 1 FROM pg_available_extensions WHERE name='postgis'")).first() is None:
            pytest.skip("PostGIS is not installed on this server")
        assert conn.execute(text("SELECT 1 FROM pg_extension WHERE extname='postgis'")).first() is not None


# --- idempotent, all-or-nothing ingest ------------------------------------------------------------

def test_add_document_reports_what_it_did(store: Store) -> None:
    doc = make_doc()
    result = store.add_document(doc, [make_event(doc), make_event(doc, start=50, location="Basra",
                                                                     latitude=30.5, longitude=47.8)])
    assert (result.skipped, result.mentions, result.new_events, result.merged) == (False, 2, 2, 0)
    assert store.has_document(doc.id)


def test_add_document_twice_equals_once(store: Store) -> None:
    doc = make_doc()
    events = [make_event(doc)]
    store.add_document(doc, events)
    before = (store.stats(), store.query_events())
    again = store.add_document(doc, events)
    assert again.skipped
    assert (store.stats(), store.query_events()) == before


def test_same_text_from_another_path_is_the_same_document(store: Store) -> None:
    doc = make_doc("identical text", source="a.txt")
    store.add_document(doc, [make_event(doc)])
    copy = make_doc("identical text", source="mirror/b.txt")
    assert store.add_document(copy, [make_event(copy)]).skipped
    assert store.stats().documents == 1


def test_failure_mid_document_leaves_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = make_doc()
    events = [make_event(doc), make_event(doc, start=40, location="Basra", latitude=30.5, longitude=47.8)]
    real_attach, calls = Store._attach, []

    def failing_attach(self: Store, s: Session, doc_id: str, ev):
        calls.append(ev.id)
        if len(calls) == 2:
            raise RuntimeError("killed mid-document")
        return real_attach(self, s, doc_id, ev)

    monkeypatch.setattr(Store, "_attach", failing_attach)
    with pytest.raises(RuntimeError, match="killed"):
        store.add_document(doc, events)
    assert store.stats().to_dict() == {"documents": 0, "mentions": 0, "events": 0}
    assert not store.has_document(doc.id)
    monkeypatch.setattr(Store, "_attach", real_attach)
    assert not store.add_document(doc, events).skipped  # the resumed run stores it whole
    assert store.stats().to_dict() == {"documents": 1, "mentions": 2, "events": 2}


def test_failed_merge_leaves_existing_event_untouched(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    first = make_doc()
    store.add_document(first, [make_event(first, fatalities=9)])
    before = store.query_events()
    second = make_doc()
    monkeypatch.setattr(merging, "recompute", lambda *a: (_ for _ in ()).throw(RuntimeError("boom")))
    with pytest.raises(RuntimeError):
        store.add_document(second, [make_event(second, fatalities=2)])
    assert store.query_events() == before
    assert store.stats().mentions == 1


def test_duplicate_mention_ids_are_rejected_whole(store: Store) -> None:
    doc = make_doc()
    with pytest.raises(StoreError, match="share an id"):
        store.add_document(doc, [make_event(doc), make_event(doc)])
    assert store.stats().documents == 0


def test_event_of_another_document_is_rejected(store: Store) -> None:
    doc, other = make_doc(), make_doc()
    with pytest.raises(StoreError, match="another document"):
        store.add_document(doc, [make_event(other)])


def test_document_without_events_is_stored(store: Store) -> None:
    doc = make_doc()
    assert store.add_document(doc, []).mentions == 0
    assert store.has_document(doc.id) and store.stats().events == 0


def test_concurrent_writers_store_each_document_once(db_url: str) -> None:
    docs = [make_doc() for _ in range(8)]
    work = [(d, [make_event(d, fatalities=i)]) for i, d in enumerate(docs)]
    stores = [open_store(db_url) for _ in range(3)]
    errors: list[BaseException] = []

    def run(s: Store, order: list) -> None:
        try:
            for doc, events in order:
                s.add_document(doc, events)
        except BaseException as exc:  # surfaced by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(s, work[i::1] if i % 2 == 0 else work[::-1]))
               for i, s in enumerate(stores)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    stats = stores[0].stats()
    for s in stores:
        s.close()
    assert (stats.documents, stats.mentions, stats.events) == (8, 8, 1)


# --- the merge, through the store -----------------------------------------------------------------

def test_two_reports_of_one_incident_merge(store: Store) -> None:
    a, b = make_doc(source="feeds/a.txt"), make_doc(source="https://example.org/b")
    store.add_document(a, [make_event(a, fatalities=7, sources=["Reuters"])])
    result = store.add_document(b, [make_event(b, fatalities=3, sources=["AFP", "reuters"], latitude=36.34,
                                               longitude=43.13)])
    assert result.merged == 1
    (event,) = store.query_events()
    assert event.report_count == 2 and event.mentions == 2
    assert event.fatalities == 3
    assert event.fatalities_range == (3, 7)
    assert event.documents == ("feeds/a.txt", "https://example.org/b")
    assert event.sources == ("Reuters", "AFP")


def test_agreeing_reports_have_no_range(store: Store, add) -> None:
    add(fatalities=4)
    add(fatalities=4)
    (event,) = store.query_events()
    assert event.fatalities == 4 and event.fatalities_range is None


def test_merge_keeps_first_claim_and_most_precise_place(store: Store, add) -> None:
    add(location="Mosul", latitude=36.34, longitude=43.13, geo_precision=3, claimed_by=None)
    add(location="Al-Zuhur, Mosul", latitude=36.36, longitude=43.16, geo_precision=1, claimed_by="Islamic State")
    add(claimed_by="Someone else", geo_precision=2)
    (event,) = store.query_events()
    assert (event.location, event.geo_precision, event.claimed_by) == ("Al-Zuhur, Mosul", 1, "Islamic State")


def test_same_day_different_districts_stay_apart(store: Store, add) -> None:
    add(admin2="Mosul", location="Mosul", latitude=36.335, longitude=43.119)
    add(admin2="Tel Afar", location="Tal Afar", latitude=36.377, longitude=42.449)  # ~60 km west
    assert store.stats().events == 2


def test_same_place_a_day_apart_stays_apart(store: Store, add) -> None:
    add(event_date=date(2024, 3, 5))
    add(event_date=date(2024, 3, 6))
    assert store.stats().events == 2


def test_same_place_a_day_apart_merges_when_date_is_vague(store: Store, add) -> None:
    add(event_date=date(2024, 3, 5))
    add(event_date=date(2024, 3, 6), time_precision=2)
    (event,) = store.query_events()
    assert event.event_date == date(2024, 3, 5) and event.time_precision == 1


def test_historical_mention_is_not_merged(store: Store, add) -> None:
    add()
    _, (hist,) = add(historical=True)
    events = store.query_events()
    assert len(events) == 2
    assert [e.historical for e in events if e.id == hist.id] == [True]


def test_reports_without_coordinates_merge_on_location_name(store: Store, add) -> None:
    add(location="Al-Yusufiyah", latitude=None, longitude=None)
    add(location="al yusufiyah", latitude=None, longitude=None)
    assert store.stats().events == 1


def test_undated_reports_never_merge(store: Store, add) -> None:
    add(event_date=None)
    add(event_date=None)
    assert store.stats().events == 2


def test_mentions_are_kept_as_extracted(store: Store, add) -> None:
    _, (first,) = add(fatalities=7)
    _, (second,) = add(fatalities=3)
    (event,) = store.query_events()
    assert store.mentions(event.id) == [first, second]


def test_candidates_come_from_the_block_not_a_scan(store: Store, add) -> None:
    add()
    add(event_date=date(2024, 5, 1))
    probe = make_event(make_doc())
    with Session(store.engine) as s:
        found = merging.candidates(s, probe)
        assert [c.mentions[0].event_date for c in found] == [date(2024, 3, 5)]


def test_event_ids_are_stable(store: Store, add) -> None:
    _, (ev,) = add()
    with Session(store.engine) as s:
        assert s.scalars(select(EventRow.id)).all() == [ev.id]


def test_a_report_placed_only_by_a_name_the_gazetteer_lacks_meets_events_anywhere_in_its_country(store: Store, add) -> None:
    # one report codes the village at its province's point; the other names the district, which has no point
    add(location="Qelbuvo", latitude=36.9, longitude=43.6, geo_precision=3, admin1="Nineveh",
        notes="Gunmen killed 23 civilians in the village of Qelbuvo, in Tilkaif district, on Friday.")
    add(location="Tilkaif", latitude=None, longitude=None, geo_precision=3, admin1=None, admin2=None,
        notes="Residents of Qelbuvo, a hamlet of Tilkaif district, buried their dead on Saturday.")
    assert store.stats().events == 1
