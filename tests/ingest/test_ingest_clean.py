"""Page-chrome removal: one test per kept or removed snippet, on our own blog-repost fixture and the seed."""

from __future__ import annotations

import pytest

from sitroom.ingest import clean_text
from sitroom.ingest.clean import normalise_line

from .conftest import FIXTURES, SEED

TITLE = "Militants Shell Government Positions Near Saraqib As Truce Frays"
KEPT = [
    "On March 14, militants shelled positions of the Syrian Arab Army near the town of Saraqib in eastern Idlib.",
    "Local sources said that at least two soldiers were wounded in the shelling",
    "The attack came a day after Turkish and Russian officers met",
    "• On March 13, an IED exploded near a military checkpoint west of Aleppo city.",
    "• On March 13, unidentified gunmen killed a local council member in Daraa al-Balad.",
    "• On March 12, Russian warplanes struck positions of militants in the Jabal al-Zawiya area.",
    "Observers expect more violations of the truce in the coming days.",
]
GONE = [
    "deltawatch", "wrote,", "Illustrative image", "Click to see full-size map", "©", "All Rights Reserved",
    "Syria|Iraq", "Tags:", "Post a new comment", "Anonymous comments", "default userpic", "Your reply",
]


@pytest.fixture(scope="module")
def blog() -> str:
    return clean_text((FIXTURES / "blog_repost.txt").read_text(encoding="utf-8")).text


@pytest.mark.parametrize("snippet", KEPT)
def test_blog_keeps_body(blog: str, snippet: str) -> None:
    assert snippet in blog


@pytest.mark.parametrize("snippet", GONE)
def test_blog_drops_chrome(blog: str, snippet: str) -> None:
    assert snippet not in blog


def test_blog_keeps_title_once_at_top(blog: str) -> None:
    assert blog.count(TITLE) == 1
    assert blog.startswith(TITLE)


def test_blog_keeps_paragraph_breaks(blog: str) -> None:
    assert "\n\nLocal sources said" in blog


def test_blog_has_three_bullets(blog: str) -> None:
    assert sum(line.startswith("• ") for line in blog.splitlines()) == 3


def test_removed_lines_are_reported() -> None:
    removed = clean_text("Headline here\n\nBody text of the report.\n\nTags: a, b\n").removed
    assert removed == ["Tags: a, b"]


@pytest.mark.parametrize(
    "line",
    [
        "izwest (izwest) wrote,",
        "Posted by admin on 3 May 2021",
        "Illustrative image",
        "Click to see full-size map",
        "© 2021 Example Media",
        "Copyright 2020 Example Media",
        "Example Media. All Rights Reserved.",
        "Tags: syria, idlib",
        "Filed under: Middle East",
        "Home | World | Middle East | Africa",
        "Ukraine|Algeria|Egypt|Libya",
        "News • Analysis • Maps",
        "Reply",
        "Share this",
        "Share this article on Facebook",
        "Subscribe",
        "Subscribe to our Telegram channel",
        "Advertisement",
        "Read also: Another headline about something",
        "* * *",
        "-----",
    ],
)
def test_chrome_line_removed(line: str) -> None:
    text = f"{line}\nOn May 2, a rocket hit a base near Erbil.\n{line}"
    assert clean_text(text).text == "On May 2, a rocket hit a base near Erbil."


@pytest.mark.parametrize(
    "marker",
    ["Post a new comment", "Anonymous comments are disabled in this journal", "Leave a Reply",
     "3 Comments", "Comments (12)", "Related posts", "You may also like"],
)
def test_everything_after_comment_marker_removed(marker: str) -> None:
    text = f"A rocket hit a base near Erbil.\n\n{marker}\n\nGreat article, thanks!\nSome troll wrote this."
    assert clean_text(text).text == "A rocket hit a base near Erbil."


def test_marker_before_any_content_does_not_drop_the_report() -> None:
    assert clean_text("Related posts\nA rocket hit a base near Erbil.").text == "A rocket hit a base near Erbil."


def test_byline_only_at_top() -> None:
    text = "Line one of the report.\nLine two.\nLine three.\nThe minister later wrote,"
    assert clean_text(text).text.endswith("The minister later wrote,")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("• item", "• item"),
        ("  •  item", "• item"),
        ("- item", "• item"),
        ("* item", "• item"),
        ("●item", "• item"),
        ("– item", "• item"),
        ("-3 degrees", "-3 degrees"),
        ("## Heading", "Heading"),
        ("  lots   of\tspace  ", "lots of space"),
    ],
)
def test_normalise_line(raw: str, expected: str) -> None:
    assert normalise_line(raw) == expected


def test_blank_line_runs_collapse_to_one() -> None:
    assert clean_text("First paragraph.\n\n\n\n\nSecond paragraph.\n\n").text == "First paragraph.\n\nSecond paragraph."


def test_single_line_breaks_kept() -> None:
    assert clean_text("First line.\nSecond line.").text == "First line.\nSecond line."


def test_crlf_and_invisible_characters() -> None:
    assert clean_text("\ufeffOne\u200b line.\r\nTwo\x07 line.\r\n").text == "One line.\nTwo line."


def test_real_sentence_with_pipe_kept() -> None:
    line = "Idlib | Syrian army shells rebel positions near Saraqib, killing two."
    assert clean_text(line).text == line


@pytest.fixture(scope="module")
def seed_cleaned() -> str:
    return clean_text(SEED.read_text(encoding="utf-8")).text


@pytest.mark.skipif(not SEED.exists(), reason="seed report not present")
class TestSeed:
    @pytest.fixture
    def cleaned(self, seed_cleaned: str) -> str:
        return seed_cleaned

    def test_title_once(self, cleaned: str) -> None:
        assert cleaned.count("Pro-Iranian Group Claims Responsibility For Another Attack On US Convoy In Iraq") == 1

    @pytest.mark.parametrize("snippet", [
        "On February 10, a convoy carrying supplies",
        "an Iraqi security source told the UAE-based al-Ain TV",
        "According to al-Ain’s source",
        "Saryat Qasim al-Jabbarin claimed responsibility",
        "The attack highlights the tense situation",
        "was the 21st against US-led coalition",
        "These attacks are a part of a military campaign",
        "The campaign is meant to expel US forces from Iraq.",
    ])
    def test_body_kept(self, cleaned: str, snippet: str) -> None:
        assert snippet in cleaned

    def test_three_bullets(self, cleaned: str) -> None:
        assert [line[:17] for line in cleaned.splitlines() if line.startswith("• ")] == ["• On February 9, "] * 3

    @pytest.mark.parametrize("snippet", ["izwest", "Illustrative image", "full-size map", "All Rights Reserved",
                                         "Algeria", "Tags:", "comment", "userpic"])
    def test_chrome_gone(self, cleaned: str, snippet: str) -> None:
        assert snippet not in cleaned


def test_lines_hanging_under_a_list_item_or_an_indented_item_go_on_it() -> None:
    text = ("PAKISTAN\n"
            "* 07/02 (Wed) | Khanozai, Pishin | A bomb exploded outside an election office. Final toll:\n"
            "  18 killed, around 30 injured.\n"
            "* 07/02 (Wed) | Qilla Saifullah | A motorcycle bomb exploded.\n"
            "\n"
            "  Tue 27.10  Barda district: rocket fire hit\n"
            "             houses; 5 civilians killed.\n"
            "  Wed 28.10  Barda town: rockets hit the market.\n"
            "Flush-left lines stay lines.\n"
            "  Even when the next is set in.")
    assert clean_text(text).text.split("\n") == [
        "PAKISTAN",
        "• 07/02 (Wed) | Khanozai, Pishin | A bomb exploded outside an election office. Final toll: 18 killed, around 30 "
        "injured.",
        "• 07/02 (Wed) | Qilla Saifullah | A motorcycle bomb exploded.",
        "",
        "Tue 27.10 Barda district: rocket fire hit houses; 5 civilians killed.",
        "Wed 28.10 Barda town: rockets hit the market.",
        "Flush-left lines stay lines.",
        "Even when the next is set in.",
    ]


def test_lines_hanging_under_a_numbered_item_go_on_it() -> None:
    text = ("1. On the night of Sunday 23 May 2021, in the place known as San Miguel del Ene, a column of the\n"
            "   Militarized Communist Party murdered fourteen people.\n"
            "2. Pamphlets were found at the scene.")
    assert clean_text(text).text.split("\n") == [
        "1. On the night of Sunday 23 May 2021, in the place known as San Miguel del Ene, a column of the Militarized "
        "Communist Party murdered fourteen people.",
        "2. Pamphlets were found at the scene.",
    ]
