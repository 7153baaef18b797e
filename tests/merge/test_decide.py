"""Choosing an event: decisions, complete-link dates, placeless ambiguity; measured P/R/F1."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitroom.merge.decide import Candidate, Clusterer, Decisions, choose
from sitroom.merge.evaluate import load, pairwise, score_records
from sitroom.model import Event, Evidence

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


def ev(n: int, date_text: str | None = None, **kw) -> Event:
    values = dict(
        doc_id=f"d{n}", event_date=date(2021, 3, 3), time_precision=1, event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED", country_code="IQ", location="Hillah",
        latitude=32.48, longitude=44.42, geo_precision=1, mention_start=n, mention_end=n + 1,
    )
    values.update(kw)
    evidence = {"event_date": Evidence(0, len(date_text), date_text)} if date_text else {}
    return Event(evidence=evidence, **values)


def test_forced_merge_wins_over_the_rules() -> None:
    a, far = ev(1), ev(2, latitude=36.3, longitude=43.1, location="Mosul")
    decisions = Decisions.from_rows([("merge", a.id, far.id)])
    assert choose(far, [Candidate("E", [a])], decisions) == "E"


def test_forced_split_removes_the_candidate() -> None:
    a, b = ev(1), ev(2)
    decisions = Decisions.from_rows([("split", a.id, b.id)])
    assert choose(b, [Candidate("E", [a])], decisions) is None


def test_latest_decision_wins() -> None:
    a, b = ev(1), ev(2)
    decisions = Decisions.from_rows([("split", a.id, b.id), ("merge", a.id, b.id)])
    assert b.id in decisions.merged_with(a.id) and not decisions.split_from(a.id)


def test_absolute_dates_in_conflict_block_a_chain() -> None:
    # "last night" (a day late) joined the 14th; a report stating the 15th must not follow it in.
    first = ev(1, "April 14", event_date=date(2021, 4, 14))
    late = ev(2, "last night", event_date=date(2021, 4, 15))
    other = ev(3, "15 April", event_date=date(2021, 4, 15))
    assert choose(other, [Candidate("E", [first, late])]) is None


def test_relative_date_a_day_late_joins() -> None:
    first = ev(1, "April 14", event_date=date(2021, 4, 14))
    assert choose(ev(2, "last night", event_date=date(2021, 4, 15)), [Candidate("E", [first])]) == "E"


def test_relative_date_a_day_early_does_not_join() -> None:
    first = ev(1, "May 2", event_date=date(2021, 5, 2))
    assert choose(ev(2, "Saturday", event_date=date(2021, 5, 1)), [Candidate("E", [first])]) is None


@pytest.mark.parametrize(("n_events", "expected"), [(1, "E0"), (2, None)], ids=["unique", "ambiguous"])
def test_placeless_report_joins_only_a_unique_match(n_events: int, expected: str | None) -> None:
    cands = [Candidate(f"E{i}", [ev(10 + i, latitude=30 + i, longitude=45.0, location=f"Town{i}")])
             for i in range(n_events)]
    assert choose(ev(1, latitude=None, longitude=None, location=None), cands) == expected


def test_clusterer_names_events_after_their_first_report() -> None:
    c = Clusterer()
    a, b = ev(1), ev(2, location="al-Hilla", latitude=None, longitude=None)
    assert c.add(a) == (a.id, True) and c.add(b) == (a.id, False)


@pytest.mark.parametrize(("pred", "gold", "expected"), [
    (["a", "a", "b"], ["x", "x", "y"], (1, 0, 0)),
    (["a", "a", "a"], ["x", "x", "y"], (1, 2, 0)),
    (["a", "b", "c"], ["x", "x", "y"], (0, 0, 1)),
], ids=["perfect", "overmerged", "split"])
def test_pairwise_counts(pred: list[str], gold: list[str], expected: tuple[int, int, int]) -> None:
    s = pairwise(pred, gold)
    assert (s.tp, s.fp, s.fn) == expected


F1_FLOOR = 0.95


@pytest.mark.parametrize("name", ["merge/dev.json", "merge/heldout.json", "reports/gold.json"])
def test_merge_f1_floor(name: str) -> None:
    score = score_records(load([FIXTURES / name]))
    assert score.f1 >= F1_FLOOR, str(score)


@pytest.mark.parametrize("name", ["merge/dev.json", "merge/heldout.json", "reports/gold.json"])
def test_merge_never_joins_distinct_incidents(name: str) -> None:
    score = score_records(load([FIXTURES / name]))
    assert score.precision == 1.0, str(score)
