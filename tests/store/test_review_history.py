"""The review history outlives its event (migration 0003): deleting an event's reports, a store-level
merge or a re-merge keeps its revisions; the event coming back under its id brings them back in force;
a database made at 0002 keeps its revisions through the upgrade (and a downgrade says what it drops)."""

from __future__ import annotations

import logging
from datetime import date

from alembic import command
from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from sitroom.store import Store, open_store, review
from sitroom.store.db import alembic_config, make_engine, upgrade
from sitroom.store.schema import EventRow, RevisionRow, utcnow

from .factories import make_doc, make_event


def _fields(store: Store, event_id: str) -> list[str]:
    return [r.field for r in review.history(store, event_id)]


def _event_fks(engine) -> list[dict]:
    return [fk for fk in inspect(engine).get_foreign_keys("revisions") if fk["referred_table"] == "events"]


# --- deleting and re-ingesting --------------------------------------------------------------------

def test_deleting_every_report_keeps_the_history(store: Store, add) -> None:
    doc, (ev,) = add(fatalities=4)
    review.correct(store, ev.id, "fatalities", 7, author="rana", reason="hospital")
    review.mark_false_positive(store, ev.id, author="lead")
    assert store.delete_document(doc.id)
    assert store.get_event(ev.id) is None
    kept = review.history(store, ev.id)
    assert [(r.field, r.after, r.author) for r in kept] == [("fatalities", 7, "rana"), ("false_positive", True, "lead")]


def test_re_ingesting_brings_the_event_back_with_its_history(store: Store, add) -> None:
    doc, (ev,) = add(fatalities=4)
    review.correct(store, ev.id, "fatalities", 7)
    review.correct(store, ev.id, "location", "Mosul old city")
    store.delete_document(doc.id)
    result = store.add_document(doc, [ev])
    assert result.event_ids == (ev.id,)  # the same report: the same event id
    back = store.get_event(ev.id)
    assert (back.fatalities, back.location) == (7, "Mosul old city")  # the corrections are in force again
    assert _fields(store, ev.id) == ["fatalities", "location"]
    assert store.mentions(ev.id)[0].fatalities == 4  # and the extractor's reading is still untouched


def test_a_false_positive_mark_holds_again_after_re_ingest(store: Store, add) -> None:
    doc, (ev,) = add()
    review.mark_false_positive(store, ev.id)
    store.delete_document(doc.id)
    store.add_document(doc, [ev])
    assert [e.id for e in store.query_events()] == []
    assert review.false_positive_ids(store) == {ev.id}


def test_undo_of_a_deleted_events_correction_is_recorded(store: Store, add) -> None:
    doc, (ev,) = add(fatalities=4)
    rev = review.correct(store, ev.id, "fatalities", 7)
    store.delete_document(doc.id)
    review.undo(store, rev.id, author="lead")  # nothing to recompute, but the trail says it
    store.add_document(doc, [ev])
    assert store.get_event(ev.id).fatalities == 4
    assert _fields(store, ev.id) == ["fatalities", "undo"]


def test_a_store_merge_keeps_the_merged_away_events_history(store: Store, add) -> None:
    _, (a,) = add()
    b_doc = make_doc()
    b = make_event(b_doc, location="Kirkuk", latitude=35.47, longitude=44.39, admin1="Kirkuk", event_date=date(2024, 3, 9))
    store.add_document(b_doc, [b])
    eb = store.event_of_mention(b.id)
    review.correct(store, eb, "notes", "analyst note on B")
    store.merge_events([store.event_of_mention(a.id), eb])  # the store's own merge moves no revisions
    assert store.get_event(eb) is None
    assert _fields(store, eb) == ["notes"]


# --- migration 0003 -------------------------------------------------------------------------------

def _downgrade(engine, revision: str) -> None:
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.connect().execution_options(sitroom_write=True) as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
        conn.commit()


def _database_at_0002(db_url: str) -> None:
    """A 0002 store with one event and two revisions of it, as an older sitroom left it."""
    engine = make_engine(db_url)
    upgrade(engine, "0002")
    with Session(engine.execution_options(sitroom_write=True)) as s, s.begin():
        s.add(EventRow(id="ev1", event_date=date(2024, 3, 5), fatalities=7, report_count=1, sources=[],
                       historical=False, confidence=0.5, notes="", created_at=utcnow(), updated_at=utcnow()))
        s.flush()
        for field, before, after in (("fatalities", 4, 7), ("false_positive", False, True)):
            s.add(RevisionRow(event_id="ev1", field=field, before=before, after=after, author="rana", at=utcnow(),
                              reason="checked"))
    assert len(_event_fks(engine)) == 1  # 0002's cascading key is there to drop
    engine.dispose()


def test_upgrading_a_0002_database_keeps_its_revisions(db_url: str) -> None:
    _database_at_0002(db_url)
    with open_store(db_url) as store:  # upgrades to head
        assert _event_fks(store.engine) == []
        kept = review.history(store, "ev1")
        assert [(r.field, r.before, r.after, r.author, r.reason) for r in kept] == [
            ("fatalities", 4, 7, "rana", "checked"), ("false_positive", False, True, "rana", "checked")]
        undo = review.undo(store, kept[1].id)  # new revisions number on after the old ones
        assert undo.id > kept[1].id
        with Session(store.engine) as s, s.begin():
            s.delete(s.get(EventRow, "ev1"))
        assert len(review.history(store, "ev1")) == 3  # no cascade any more


def test_downgrade_restores_the_key_and_drops_only_orphans(store: Store, add, caplog) -> None:
    _, (kept,) = add()
    doc, (gone,) = add(event_date=date(2024, 5, 1))
    review.correct(store, kept.id, "fatalities", 9)
    review.correct(store, gone.id, "fatalities", 8)
    store.delete_document(doc.id)
    with caplog.at_level(logging.WARNING, logger="sitroom.store"):
        _downgrade(store.engine, "0002")
    assert "deleted 1 revisions" in caplog.text
    assert len(_event_fks(store.engine)) == 1
    with Session(store.engine) as s:
        assert list(s.scalars(select(RevisionRow.event_id))) == [kept.id]
    upgrade(store.engine)
    assert _event_fks(store.engine) == []
