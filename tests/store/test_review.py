"""Analyst review on every backend: corrections as revisions with undo, false positives, merge and
split through review, and corrections that survive new reports, re-ingest and re-merge."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.store import Store, review
from sitroom.store.review import ReviewError

from .factories import make_doc, make_event


def test_correction_is_a_revision_and_keeps_the_extractor_output(store: Store, add) -> None:
    _, (ev,) = add(fatalities=4)
    rev = review.correct(store, ev.id, "fatalities", "7", author="rana", reason="hospital")
    assert (rev.field, rev.before, rev.after, rev.author, rev.reason) == ("fatalities", 4, 7, "rana", "hospital")
    assert rev.at is not None
    assert store.get_event(ev.id).fatalities == 7
    assert store.mentions(ev.id)[0].fatalities == 4  # what the extractor read is untouched


@pytest.mark.parametrize(("field", "value", "expected"), [
    ("event_date", "2024-03-06", date(2024, 3, 6)),
    ("event_type", "Riots", "Riots"),
    ("latitude", "36.5", 36.5),
    ("historical", "yes", True),
    ("actor2", "  ", None),
])
def test_corrections_are_typed(store: Store, add, field: str, value: str, expected) -> None:
    _, (ev,) = add()
    review.correct(store, ev.id, field, value)
    assert getattr(store.get_event(ev.id), field) == expected


@pytest.mark.parametrize(("field", "value"), [
    ("fatalities", "-1"), ("fatalities", "x"), ("latitude", "91"), ("event_date", "soon"),
    ("event_type", "Picnic"), ("sub_event_type", "Picnic"), ("mention_start", 1), ("historical", "maybe"),
])
def test_bad_corrections_are_refused(store: Store, add, field: str, value) -> None:
    _, (ev,) = add()
    with pytest.raises(ReviewError):
        review.correct(store, ev.id, field, value)
    assert review.history(store, ev.id) == []


def test_unknown_event_is_refused(store: Store) -> None:
    with pytest.raises(ReviewError, match="no such event"):
        review.correct(store, "nope", "fatalities", 1)


def test_a_new_report_does_not_overwrite_a_correction(store: Store, add) -> None:
    _, (ev,) = add(fatalities=4)
    review.correct(store, ev.id, "fatalities", 9)
    _, (later,) = add(fatalities=2)  # same incident: merges, and the canonical toll would become 2
    assert store.event_of_mention(later.id) == ev.id
    assert store.get_event(ev.id).fatalities == 9
    assert store.get_event(ev.id).report_count == 2


def test_re_ingest_and_remerge_keep_corrections(store: Store, add) -> None:
    doc, (ev,) = add(location="Mosul")
    review.correct(store, ev.id, "event_type", "Riots")
    assert store.add_document(doc, [ev]).skipped  # re-ingest of the same report changes nothing
    store.remerge()
    assert store.get_event(ev.id).event_type == "Riots"


def test_undo_restores_the_previous_value(store: Store, add) -> None:
    _, (ev,) = add(fatalities=4)
    first = review.correct(store, ev.id, "fatalities", 5)
    second = review.correct(store, ev.id, "fatalities", 6)
    review.undo(store, second.id, author="lead")
    assert store.get_event(ev.id).fatalities == 5
    review.undo(store, first.id)
    assert store.get_event(ev.id).fatalities == 4  # back to the extractor's value
    hist = review.history(store, ev.id)
    assert [r.field for r in hist] == ["fatalities", "fatalities", "undo", "undo"]
    assert hist[1].undone_by == hist[2].id and hist[2].undo_of == second.id and hist[2].author == "lead"


def test_after_undo_new_reports_update_the_field_again(store: Store, add) -> None:
    _, (ev,) = add(fatalities=4)
    rev = review.correct(store, ev.id, "fatalities", 9)
    review.undo(store, rev.id)
    add(fatalities=2)
    assert store.get_event(ev.id).fatalities == 2  # the conservative rule applies again


def test_undo_twice_or_undo_an_undo_is_refused(store: Store, add) -> None:
    _, (ev,) = add()
    rev = review.correct(store, ev.id, "fatalities", 9)
    u = review.undo(store, rev.id)
    with pytest.raises(ReviewError, match="already undone"):
        review.undo(store, rev.id)
    with pytest.raises(ReviewError, match="is an undo"):
        review.undo(store, u.id)
    with pytest.raises(ReviewError, match="no such revision"):
        review.undo(store, 10_000)


def test_same_value_is_not_a_change(store: Store, add) -> None:
    _, (ev,) = add(fatalities=4)
    with pytest.raises(ReviewError, match="already"):
        review.correct(store, ev.id, "fatalities", 4)


def test_false_positive_mark_and_undo(store: Store, add) -> None:
    _, (ev,) = add()
    rev = review.mark_false_positive(store, ev.id, author="rana")
    assert review.false_positive_ids(store) == {ev.id}
    with pytest.raises(ReviewError, match="already"):
        review.mark_false_positive(store, ev.id)
    review.undo(store, rev.id)
    assert review.false_positive_ids(store) == set()
    assert store.get_event(ev.id) is not None  # nothing was deleted


def test_a_false_positive_leaves_listings_tallies_and_exports(store: Store, add) -> None:
    from sitroom.store import EventFilter

    _, (ev,) = add()
    review.mark_false_positive(store, ev.id, author="rana")
    assert ev.id not in {e.id for e in store.query_events()}
    assert ev.id in {e.id for e in store.query_events(EventFilter(include_false_positives=True))}
    assert store.get_event(ev.id) is not None


def _two_events(store: Store):
    a_doc = make_doc()
    a = make_event(a_doc, location="Mosul")
    store.add_document(a_doc, [a])
    b_doc = make_doc()
    b = make_event(b_doc, location="Kirkuk", latitude=35.47, longitude=44.39, admin1="Kirkuk")
    store.add_document(b_doc, [b])
    return store.event_of_mention(a.id), store.event_of_mention(b.id), a, b


def test_merge_moves_history_and_undo_splits_back(store: Store) -> None:
    ea, eb, a, b = _two_events(store)
    review.correct(store, eb, "notes", "analyst note on B")
    rev = review.merge(store, [ea, eb], author="rana")
    assert store.get_event(eb) is None and store.event_of_mention(b.id) == ea
    assert [r.field for r in review.history(store, ea)] == ["notes", "merge"]  # B's history came along
    review.undo(store, rev.id)
    assert store.event_of_mention(b.id) != ea
    assert store.event_of_mention(a.id) == ea


def test_split_and_undo_merges_back(store: Store, add) -> None:
    _, (first,) = add()
    _, (second,) = add()
    eid = store.event_of_mention(first.id)
    assert store.event_of_mention(second.id) == eid
    rev = review.split(store, [second.id], reason="different clash")
    new_id = store.event_of_mention(second.id)
    assert new_id != eid and rev.after == {"event": new_id}
    assert [r.field for r in review.history(store, new_id)] == ["split"]
    review.undo(store, rev.id)
    assert store.event_of_mention(second.id) == eid


@pytest.mark.parametrize("ids", [[], ["nope"]])
def test_bad_split_is_refused(store: Store, ids: list[str]) -> None:
    with pytest.raises(ReviewError):
        review.split(store, ids)


def test_merge_needs_two_events(store: Store, add) -> None:
    _, (ev,) = add()
    with pytest.raises(ReviewError, match="two or more"):
        review.merge(store, [ev.id, ev.id])
