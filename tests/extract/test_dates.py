from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitroom.extract.dates import find_dates, month_day, read_in_year

PUBLISHED = date(2021, 2, 10)  # a Wednesday


@pytest.mark.parametrize(("sentence", "expected", "precision"), [
    ("On February 10, a convoy was hit.", date(2021, 2, 10), 1),
    ("On Feb. 9 gunmen attacked a checkpoint.", date(2021, 2, 9), 1),
    ("The blast on 21 January 2021 killed 32.", date(2021, 1, 21), 1),
    ("Rockets struck on Tuesday night.", date(2021, 2, 9), 1),
    ("The bombing happened on Wednesday.", date(2021, 2, 10), 1),
    ("Police said yesterday that two were hurt.", date(2021, 2, 9), 1),
    ("Today's attack was the third.", date(2021, 2, 10), 1),
    ("Five days ago a bomb exploded.", date(2021, 2, 5), 1),
    ("Fighting broke out last week.", date(2021, 2, 3), 2),
    ("Clashes earlier this month left many dead.", date(2021, 2, 1), 3),
    ("The strike more than a year ago killed him.", date(2020, 2, 1), 3),
    ("It happened on 2021-01-23 near Tarmiyah.", date(2021, 1, 23), 1),
    ("On December 30 militants attacked.", date(2020, 12, 30), 1),
    # a feast of fixed date
    ("On New Year's Day, armed men killed 37 villagers.", date(2021, 1, 1), 1),
    ("The church was bombed on Christmas Day 2011.", date(2011, 12, 25), 1),
])
def test_resolves_against_published(sentence, expected, precision):
    found = find_dates(sentence, PUBLISHED)
    assert found, sentence
    assert found[0].value == expected
    assert found[0].precision == precision
    assert sentence[found[0].start:found[0].end] == found[0].text


def test_no_year_and_no_published_date_gives_no_value():
    found = find_dates("On February 10 a convoy was hit.", None)
    assert found and found[0].value is None


def test_windows_are_not_dates():
    assert find_dates("the 21st attack in the last seven weeks", PUBLISHED) == []


@given(st.text(max_size=300))
def test_never_raises_and_spans_index_the_sentence(sentence):
    for d in find_dates(sentence, PUBLISHED):
        assert sentence[d.start:d.end] == d.text


def test_a_month_without_a_year_is_the_latest_such_month():
    from sitroom.extract.dates import find_dates

    (march,) = find_dates("the strike in January", date(2020, 3, 12))
    (last_year,) = find_dates("the strike in November", date(2020, 3, 12))
    assert march.value == date(2020, 1, 1) and not march.explicit
    assert last_year.value == date(2019, 11, 1)
    assert find_dates("he may go", date(2020, 3, 12)) == []


# --- reports that give no year --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("HARGEISA, March 3 (Reuters) -", "--03-03"),
    ("filed 29 February, no year given", "--02-29"),
    ("on Sept. 14th", "--09-14"),
    ("no day here, only March", None),
    ("February 30", None),
])
def test_month_day_is_the_first_calendar_day_named(text, expected):
    assert month_day(text) == expected


@pytest.mark.parametrize(("partial", "phrase", "year", "expected"), [
    ("--04-09", "on Sunday", 2017, date(2017, 4, 9)),       # 9 April 2017 was a Sunday
    ("--01-18", "Thursday's", 2019, date(2019, 1, 17)),     # filed Friday 18 January 2019
    ("--01-02", "yesterday", 2023, date(2023, 1, 1)),
    ("--01-02", "on December 31", 2023, date(2022, 12, 31)),  # a year-end date in a report of 2 January
    ("--03-03", None, 2020, date(2020, 3, 3)),              # no phrase: the report's own day
    ("--02-29", None, 2019, None),                          # no such day that year
    ("2019-02-01", None, 2019, None),                       # not a partial date
])
def test_read_in_year_resolves_the_phrase_against_the_day_in_that_year(partial, phrase, year, expected):
    assert read_in_year(partial, phrase, year) == expected


@given(st.integers(1, 12), st.integers(1, 31), st.integers(1990, 2040))
def test_month_day_round_trips_through_read_in_year(month, day, year):
    try:
        real = date(year, month, day)
    except ValueError:
        return
    partial = month_day(real.strftime("%B %d"))
    assert partial == f"--{month:02d}-{day:02d}"
    assert read_in_year(partial, None, year) == real


@pytest.mark.parametrize(("sentence", "expected"), [
    ("23/05 — Jebleh: four suicide bombers hit the bus station.", date(2016, 5, 23)),
    ("Gunmen attacked a checkpoint on 24/05 near Tartous.", date(2016, 5, 24)),
    ("A raid (21/05) in Homs countryside.", date(2016, 5, 21)),
    ("On 05/06 a convoy was hit.", date(2016, 5, 6)),  # 5 June is after the report: 6 May it is
])
def test_a_day_and_month_in_figures_opening_a_bullet_or_after_on_is_a_day(sentence, expected):
    found = find_dates(sentence, date(2016, 5, 27))
    assert found and found[0].value == expected and found[0].text in sentence


@pytest.mark.parametrize("sentence", ["The base is guarded 24/7 by two units.", "About 3/4 of the town was shelled.",
                                      "Casualties fell 12/10 on the ratio scale."])
def test_fractions_and_round_the_clock_are_no_days(sentence):
    assert find_dates(sentence, date(2016, 5, 27)) == []


@pytest.mark.parametrize("sentence", ["The port has been attacked repeatedly since Monday.",
                                      "Roads stay closed until Friday.", "Operations since 10 February continue."])
def test_a_day_after_since_or_until_is_a_reference_point_not_a_date(sentence):
    assert all(d.value is None for d in find_dates(sentence, PUBLISHED))


@pytest.mark.parametrize("sentence", ["Fri 26/06 — Port El Kantaoui: a gunman opened fire on tourists.",
                                      "- Thu 25/06: gunmen attacked a checkpoint."])
def test_a_day_and_month_in_figures_after_a_weekday_is_a_day(sentence):
    found = [d for d in find_dates(sentence, date(2015, 7, 2)) if "/" in d.text]
    assert found and found[0].value.month == 6 and found[0].value.day in (25, 26)


@pytest.mark.parametrize("sentence", [
    "They were killed on 29 and 30 November 2020 in reprisal.",
    "They were killed on 29-30 November 2020.",
    "They were killed between 29 and 30 November 2020.",
])
def test_a_span_of_days_is_dated_by_its_first(sentence):
    (found,) = find_dates(sentence, PUBLISHED)
    assert found.value == date(2020, 11, 29)


def test_last_weekday_on_that_weekday_is_a_week_ago_and_on_weekday_is_today():
    monday = date(2018, 2, 26)
    assert find_dates("They attacked the town last Monday evening.", monday)[0].value == date(2018, 2, 19)
    assert find_dates("They attacked the town on Monday.", monday)[0].value == monday


def test_a_month_of_last_or_this_year_is_of_that_year():
    june = date(2019, 6, 23)
    assert find_dates("In June last year, a grenade killed two people.", june)[0].value == date(2018, 6, 1)
    assert find_dates("In March this year, a bomb killed two people.", june)[0].value == date(2019, 3, 1)


def test_last_month_is_the_latest_such_month_before_the_report():
    june = date(2019, 6, 23)
    assert find_dates("A bomb at a rally last July killed 50.", june)[0].value == date(2018, 7, 1)
    assert find_dates("A bomb at a rally last March killed 50.", june)[0].value == date(2019, 3, 1)
    assert find_dates("A bomb at a rally last June killed 50.", june)[0].value == date(2018, 6, 1)
    assert find_dates("He was last seen on May 5.", june)[0].value == date(2019, 5, 5)


def test_a_dotted_day_and_month_after_a_weekday_is_a_date_but_a_decimal_is_not():
    sunday = date(2020, 11, 1)
    (d,) = find_dates("Tue 27.10  Barda district: rocket fire hit houses", sunday)
    assert d.value == date(2020, 10, 27) and d.text == "27.10"
    assert find_dates("Aid reached 1.5 million people by 3.10 pm.", sunday) == []
    assert month_day("Wed 28.10 Barda town centre") == "--10-28"
