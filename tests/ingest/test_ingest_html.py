"""HTML extraction: main text without scripts, styles or navigation; bullets; metadata; broken markup."""

from __future__ import annotations

from datetime import date

import lxml.html
import pytest

from sitroom.errors import InputError
from sitroom.ingest import clean_text, extract_html, html_to_document
from sitroom.ingest.html import lxml_text

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def article():
    return html_to_document((FIXTURES / "article.html").read_text(encoding="utf-8"), "article.html")


@pytest.mark.parametrize("marker", ["SCRIPTTEXT", "STYLETEXT", "font-family", "NAVTEXT", "ASIDETEXT", "FOOTERTEXT"])
def test_article_drops_non_content(article, marker: str) -> None:
    assert marker not in article.text


@pytest.mark.parametrize("snippet", [
    "A car bomb exploded on Monday morning near the Bakara market",
    "The militant group al-Shabaab claimed responsibility",
    "The government has promised to step up security",
])
def test_article_keeps_paragraphs(article, snippet: str) -> None:
    assert snippet in article.text


@pytest.mark.parametrize("bullet", [
    "• On July 17, government forces clashed with al-Shabaab fighters near Afgooye",
    "• On July 17, a roadside bomb struck an AMISOM vehicle",
])
def test_article_list_items_are_bullet_lines(article, bullet: str) -> None:
    assert any(line.startswith(bullet) for line in article.text.splitlines())


def test_article_paragraphs_on_own_lines(article) -> None:
    assert any(line.startswith("The militant group") for line in article.text.splitlines())


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("title", "Car bomb kills three in Mogadishu market"),
        ("url", "https://hornmonitor.example/2022/07/car-bomb-mogadishu"),
        ("outlet", "Horn Monitor"),
        ("published", date(2022, 7, 19)),
        ("input_format", "html"),
        ("source", "article.html"),
    ],
)
def test_article_metadata(article, field: str, expected) -> None:
    assert getattr(article, field) == expected


def test_article_title_once(article) -> None:
    assert article.text.count("Car bomb kills three in Mogadishu market") == 1


@pytest.fixture(scope="module")
def broken():
    return html_to_document((FIXTURES / "broken.html").read_text(encoding="utf-8"), "broken.html")


@pytest.mark.parametrize("snippet", [
    "Gunmen attacked a police station in Kaduna",
    "after an hour of shooting.",
    "• On May 2, bandits abducted twelve travellers",
    "• On May 1, soldiers repelled an attack",
])
def test_broken_html_text_extracted(broken, snippet: str) -> None:
    assert snippet in broken.text


SHORT_PAGE = (
    "<html><head><style>p{color:red}</style><script>var SCRIPTTEXT=1;</script></head><body>"
    "<nav><a href='/'>NAVTEXT</a></nav><p>Rocket hits base.</p><ul><li>On May 3, a drone was downed near the base.</li></ul></body></html>"
)


def test_short_page_text() -> None:
    page = extract_html(SHORT_PAGE)
    assert "Rocket hits base." in page.text
    assert "SCRIPTTEXT" not in page.text and "NAVTEXT" not in page.text and "color" not in page.text


def test_short_page_keeps_bullet() -> None:
    assert "\n• On May 3, a drone was downed near the base." in html_to_document(SHORT_PAGE).text


@pytest.fixture
def fallback_text() -> str:
    return clean_text(lxml_text(lxml.html.document_fromstring(SHORT_PAGE))).text


@pytest.mark.parametrize("marker", ["SCRIPTTEXT", "NAVTEXT", "color"])
def test_lxml_fallback_drops_non_content(fallback_text: str, marker: str) -> None:
    assert marker not in fallback_text


def test_lxml_fallback_text_and_bullets(fallback_text: str) -> None:
    assert fallback_text == "Rocket hits base.\n\n• On May 3, a drone was downed near the base."


@pytest.mark.parametrize("html", [
    "",
    "<html><head><title></title></head><body></body></html>",
    "<html><body><script>only()</script><style>x{}</style></body></html>",
    "<html><body><nav><a href='/'>Home</a></nav><footer>About</footer></body></html>",
])
def test_no_text_is_input_error(html: str) -> None:
    with pytest.raises(InputError, match="no text"):
        html_to_document(html, "page.html")


def test_control_characters_do_not_break_parsing() -> None:
    assert "Shelling in Donetsk." in html_to_document("<p>Shelling\x01 in Donetsk.\x0b</p>").text


def test_explicit_published_wins() -> None:
    doc = html_to_document((FIXTURES / "article.html").read_text(encoding="utf-8"), published=date(2020, 1, 1))
    assert doc.published == date(2020, 1, 1)
