"""Publication date from a report's first lines: full dates only, never a guess without a year."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.ingest import published_from_header
from sitroom.ingest.dates import parse_date_value, published_from_footer

FEB10 = date(2021, 2, 10)


@pytest.mark.parametrize(
    "header",
    [
        "BAGHDAD, Feb. 10, 2021 — A rocket struck the airport.",
        "Published: 2021-02-10",
        "10 February 2021",
        "February 10, 2021",
        "Wednesday, February 10th, 2021",
        "Posted on 10th of February 2021 at 10:00",
        "Updated 2021-02-10T08:15:00Z",
        "10.02.2021",
        "Date: 10/02/2021 is ambiguous but this line says 2021/02/10",
        "Published: le 10 février 2021",
        "Headline first\nBy Staff\n10 Feb 2021\nBody text.",
    ],
)
def test_full_date_found(header: str) -> None:
    assert published_from_header(header) == FEB10


@pytest.mark.parametrize(
    "header",
    [
        "On February 10, a convoy came under attack.",
        "Date: 03/04/2021",
        "February 30, 2021",
        "No date here at all",
        "2021",
        "One\nTwo\nThree\nFour\nFive\nSix\nSeven\nFebruary 10, 2021",
        "A long first paragraph that rambles on and on about the history of the conflict before it "
        "finally mentions that on February 10, 2021 something happened.",
    ],
)
def test_no_date_guessed(header: str) -> None:
    assert published_from_header(header) is None


def test_unambiguous_slash_date() -> None:
    assert published_from_header("Date: 25/12/2021") == date(2021, 12, 25)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-02-10", FEB10),
        ("2021-02-10T23:00:00+03:00", FEB10),
        ("2021-02-10T08:00:00Z", FEB10),
        ("February 10, 2021", FEB10),
        ("not a date", None),
        ("", None),
        (20210210, None),
    ],
)
def test_parse_date_value(value: object, expected: date | None) -> None:
    assert parse_date_value(value) == expected


def test_a_french_header_date_is_read():
    assert published_from_header("NOTE HEBDOMADAIRE\n3 - 9 octobre 2022\n\nSahel:") == date(2022, 10, 9)


@pytest.mark.parametrize(("text", "expected"), [
    ("KUNDUZ (AP) — A bomb hit a mosque.\n\nMore paragraphs.\n\nOct. 8, 2021\n", date(2021, 10, 8)),
    ("A story.\n\nPublished: 8 October 2021 10:42 GMT\n\nShare this", date(2021, 10, 8)),
    ("A story.\n\nThe attack on Oct. 8, 2021 killed dozens of worshippers at prayer.\n", None),  # a sentence, not a date line
    ("Oct. 8, 2021\n\nA story.\n\nMore.\n\nAnd more.\n\nThe end.\n", None),  # beyond the last lines
])
def test_a_date_line_closing_the_story_is_its_published_date(text: str, expected: date | None) -> None:
    assert published_from_footer(text) == expected


def test_a_text_report_dated_only_at_its_foot_is_dated(tmp_path) -> None:
    from sitroom.ingest.readers import text_to_document

    body = "\n\n".join(["KUNDUZ (AP) — A suicide bomber struck a mosque on Friday."] + [f"Paragraph {n}." for n in range(8)])
    assert text_to_document(body + "\n\nOct. 8, 2021\n").published == date(2021, 10, 8)
