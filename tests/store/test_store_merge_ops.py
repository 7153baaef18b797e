"""Reposts, analyst merge/split decisions, re-merge, claims and the new filters, on every backend."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.model import Evidence, TallyClaim
from sitroom.store import EventFilter, Store, StoreError, open_store

from .factories import make_doc, make_event

STORY = ("A roadside bomb went off next to a convoy of trucks carrying supplies for the US-led coalition "
         "on the road through Yusufiyah, south of Baghdad, on Wednesday, Iraqi security sources said. "
         "One of the trucks was damaged in the blast. There were no casualties, the sources said. "
         "The convoys are driven by Iraqi contractors hired to move equipment between bases.")
REPOST = "someone wrote, February 11th\n\nIllustrative image\n\n" + STORY + "\n\nTags: convoy\nPost a new comment"
IED = dict(event_date=date(2021, 2, 10), event_type="Explosions/Remote violence",
           sub_event_type="Remote explosive/landmine/IED", location="Yusufiyah", latitude=33.07, longitude=44.22,
           actor1="Unidentified Armed Group (Iraq)", actor2="US-led coalition", fatalities=0,
           notes="A roadside bomb went off next to a convoy")


def _store_story(store: Store, text: str, published: date, **kw) -> tuple:
    doc = make_doc(text, published=published)
    start = text.index("A roadside")
    ev = make_event(doc, start=start, **{**IED, **kw})
    ev.mention_end = start + 180
    return doc, ev, store.add_document(doc, [ev])


def test_repost_links_to_the_original(store: Store) -> None:
    orig, _, _ = _store_story(store, STORY, date(2021, 2, 10))
    copy, _, result = _store_story(store, REPOST, date(2021, 2, 11))
    assert result.repost_of == orig.id and store.repost_of(copy.id) == orig.id


def test_repost_adds_a_mention_not_an_event(store: Store) -> None:
    _store_story(store, STORY, date(2021, 2, 10))
    # The copy's coder got the place wrong: the repost link still puts it on the original's event.
    _, _, result = _store_story(store, REPOST, date(2021, 2, 11), location="Basra", latitude=30.5, longitude=47.8)
    (event,) = store.query_events()
    assert (result.new_events, event.report_count, store.stats().mentions) == (0, 2, 2)


def test_a_repost_whose_report_spans_other_sentences_still_joins_the_original_by_its_lead(store: Store) -> None:
    _store_story(store, STORY, date(2021, 2, 10))
    # the copy's extractor told the incident from a note above the story through its last line: few
    # of its words are the original report's, but its lead sentence is the original's
    doc = make_doc(REPOST, published=date(2021, 2, 11))
    ev = make_event(doc, start=0, **{**IED, "notes": STORY[:STORY.index(".") + 1], "location": "Basra"})
    ev.mention_end = len(REPOST)
    result = store.add_document(doc, [ev])
    (event,) = store.query_events()
    assert (result.new_events, event.report_count) == (0, 2)


def test_repost_detection_survives_reopening(db_url: str) -> None:
    with open_store(db_url) as first:
        orig, _, _ = _store_story(first, STORY, date(2021, 2, 10))
    with open_store(db_url) as second:
        _, _, result = _store_story(second, REPOST, date(2021, 2, 11))
    assert result.repost_of == orig.id


def test_older_copy_becomes_the_original(store: Store) -> None:
    late, _, _ = _store_story(store, REPOST, date(2021, 2, 11))
    early, _, result = _store_story(store, STORY, date(2021, 2, 10))
    assert result.repost_of is None and store.repost_of(late.id) == early.id


def test_different_story_is_not_a_repost(store: Store) -> None:
    _store_story(store, STORY, date(2021, 2, 10))
    other = "Rockets struck Erbil airport late on Monday, officials said, and one contractor died. " * 3
    result = store.add_document(make_doc(other, published=date(2021, 2, 15)), [])
    assert result.repost_of is None


def _two_events(store: Store, add) -> tuple[str, str]:
    _, (a,) = add(location="Mosul")
    _, (b,) = add(event_date=date(2024, 3, 9))
    return store.event_of_mention(a.id), store.event_of_mention(b.id)


def test_force_merge_joins_events(store: Store, add) -> None:
    e1, e2 = _two_events(store, add)
    assert store.merge_events([e1, e2], author="analyst") == e1
    (event,) = store.query_events()
    assert event.report_count == 2


def test_force_merge_survives_remerge(store: Store, add) -> None:
    e1, e2 = _two_events(store, add)
    store.merge_events([e1, e2])
    store.remerge()
    assert store.stats().events == 1


def test_force_split_survives_remerge(store: Store, add) -> None:
    _, (a,) = add()
    _, (b,) = add()
    assert store.stats().events == 1
    store.split_mentions([b.id], reason="different incident")
    store.remerge()
    assert store.stats().events == 2 and store.event_of_mention(a.id) != store.event_of_mention(b.id)


def test_split_survives_deleting_and_reingesting_the_report(store: Store, add) -> None:
    _, (a,) = add()
    doc, (b,) = add()
    store.split_mentions([b.id])
    store.delete_document(doc.id)
    store.add_document(doc, [b])
    assert store.event_of_mention(a.id) != store.event_of_mention(b.id)


def test_merge_survives_deleting_and_reingesting_the_report(store: Store, add) -> None:
    e1, e2 = _two_events(store, add)
    mention = store.mentions(e2)[0]
    store.merge_events([e1, e2])
    doc = store.document(mention.doc_id)
    store.delete_document(doc.id)
    store.add_document(doc, [mention])
    assert store.stats().events == 1


def test_split_cannot_empty_an_event(store: Store, add) -> None:
    _, (a,) = add()
    with pytest.raises(StoreError):
        store.split_mentions([a.id])


def test_merge_unknown_event_is_an_error(store: Store, add) -> None:
    e1, _ = _two_events(store, add)
    with pytest.raises(StoreError):
        store.merge_events([e1, "nope"])


def test_remerge_keeps_event_ids(store: Store, add) -> None:
    e1, e2 = _two_events(store, add)
    store.remerge()
    assert {e.id for e in store.query_events()} == {e1, e2}


def test_claims_round_trip(store: Store) -> None:
    doc = make_doc("It was the third rocket attack in a week.")
    claim = TallyClaim(doc_id=doc.id, count=3, subject="rocket attack", as_of=date(2021, 2, 22), window_days=7,
                       window_text="in a week", evidence=Evidence(0, 41, doc.text[:41], doc.id))
    store.add_document(doc, [], [claim])
    assert [c.to_dict() for c in store.claims()] == [claim.to_dict()]


@pytest.mark.parametrize(("criteria", "expected"), [
    ({"sub_event_type": "Armed clash"}, 1),
    ({"sub_event_type": "Attack"}, 0),
    ({"target": "islamic state"}, 1),  # actor2
    ({"target": "convoy"}, 0),
    ({"keyword": "mosul"}, 1),  # the report's sentence
    ({"keyword": "basra"}, 0),
], ids=repr)
def test_new_filters(store: Store, add, criteria: dict, expected: int) -> None:
    add()
    assert len(store.query_events(EventFilter(**criteria))) == expected


def test_resolve_event_id_by_prefix(store: Store, add) -> None:
    e1, _ = _two_events(store, add)
    assert store.resolve_event_id(e1[:10]) == e1
