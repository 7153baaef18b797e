"""Reports that give no year ("HILLAH, March 3 (Reuters) - ... on Tuesday") join the incident they
report, whatever year it is in and whichever report came first; they join nothing else."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.merge.cluster import match_score, search_window
from sitroom.merge.decide import Clusterer
from sitroom.merge.evidence import dates_conflict
from sitroom.merge.yearless import in_common_year, month_days_around, partials_around
from sitroom.model import Event

from .test_decide import ev as decide_ev


def ev(n: int, date_text: str | None = None, **kw) -> Event:
    """An IED in Hillah on Tuesday 2 March 2021, reported by document `n`."""
    return decide_ev(n, date_text, **{"event_date": date(2021, 3, 2), **kw})


def yearless(n: int, date_text: str | None = "on Tuesday", partial: str = "--03-03", **kw) -> Event:
    """The same bombing in a wire filed on 3 March with no year ("on Tuesday")."""
    return ev(n, date_text, event_date=None, time_precision=None, date_without_year=partial, **kw)


def test_a_yearless_report_is_read_in_the_dated_reports_year() -> None:
    read, dated = in_common_year(yearless(1), ev(2, "2 March 2021"))
    assert read.event_date == date(2021, 3, 2) and read.location == "Hillah"
    assert dated.event_date == date(2021, 3, 2)


def test_a_report_filed_in_january_of_a_december_act_takes_the_year_before() -> None:
    read, _ = in_common_year(yearless(1, "on December 31", "--01-02"), ev(2, event_date=date(2019, 12, 31)))
    assert read.event_date == date(2019, 12, 31)


def test_a_yearless_report_of_the_same_incident_matches_it() -> None:
    assert match_score(yearless(1), ev(2, "2 March 2021")) > 0.0


def test_a_yearless_report_of_another_week_does_not_match() -> None:
    assert match_score(yearless(1, "on Tuesday", "--03-20"), ev(2, "2 March 2021")) == 0.0


def test_a_yearless_absolute_day_conflicts_with_another_stated_day() -> None:
    assert dates_conflict(yearless(1, "on 5 March", "--03-06"), ev(2, "2 March 2021"))


def test_two_yearless_reports_of_one_day_match_each_other() -> None:
    assert match_score(yearless(1), yearless(2, "yesterday", "--03-03")) > 0.0


def test_a_yearless_report_elsewhere_does_not_match() -> None:
    far = yearless(1, location="Basra", latitude=30.5, longitude=47.8)
    assert match_score(far, ev(2, "2 March 2021")) == 0.0


def test_the_search_window_of_a_yearless_report_is_its_days_in_any_year() -> None:
    w = search_window(yearless(1))
    assert w is not None and w.date_min is None
    assert (3, 2) in w.month_days and (2, 25) in w.month_days and (2, 24) not in w.month_days
    assert (3, 4) in w.month_days and (3, 5) not in w.month_days
    assert w.partials == ("--03-03",)


def test_month_days_and_partials_are_inverse_windows() -> None:
    day = date(2021, 3, 2)
    for partial in partials_around(day):
        assert (day.month, day.day) in month_days_around(partial)


@pytest.mark.parametrize("yearless_first", [False, True], ids=["dated-first", "yearless-first"])
def test_the_clusterer_joins_them_in_either_order(yearless_first: bool) -> None:
    reports = [ev(1, "2 March 2021"), yearless(2), ev(3, "2 March 2021", location="Basra", latitude=30.5,
                                                             longitude=47.8)]
    if yearless_first:
        reports = [reports[1], reports[0], reports[2]]
    clusterer = Clusterer()
    for r in reports:
        clusterer.add(r)
    groups = sorted(sorted(m.doc_id for m in ms) for ms in clusterer.clusters())
    assert groups == [["d1", "d2"], ["d3"]]


def test_the_clusterer_joins_two_yearless_reports_of_one_day() -> None:
    clusterer = Clusterer()
    for r in (yearless(1), yearless(2, "yesterday", "--03-03")):
        clusterer.add(r)
    assert len(clusterer.clusters()) == 1
