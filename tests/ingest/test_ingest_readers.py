"""read_inputs: every bad input is an InputError naming the file (and line) and the rest still comes through."""

from __future__ import annotations

import io
import json
import logging
import random
import sys
from datetime import date
from pathlib import Path

import pytest

from sitroom.errors import ConfigError, InputError
from sitroom.ingest import read_inputs

from .conftest import FIXTURES, read_all

GOOD = "Rocket attack on Ain al-Asad\n\nOn March 3, rockets hit the Ain al-Asad air base in Anbar.\n"
NOISE = bytes(x for x in random.Random(0).randbytes(3000) if x)  # no NUL: exercises the decoder

BAD_FILES = [
    pytest.param("empty.txt", b"", "empty", id="empty"),
    pytest.param("blank.txt", b"  \n\t\r\n  \n", "empty", id="whitespace-only"),
    pytest.param("nul.txt", b"GIF89a\x00\x01\x00\x00\xff", "binary", id="nul-bytes"),
    pytest.param("controls.txt", bytes(range(1, 9)) * 50, "binary", id="control-characters"),
    pytest.param("noise.txt", NOISE, "not text", id="random-bytes"),
    pytest.param("bad16.txt", b"\xff\xfe\x00\xd8A\x00", "byte-order mark", id="broken-utf16"),
    pytest.param("chrome.txt", b"Tags: news, maps\nReply\nSubscribe\n", "no text left", id="only-chrome"),
    pytest.param("script.html", b"<html><body><script>go()</script></body></html>", "no text", id="html-no-text"),
    pytest.param("empty.html", b"", "empty", id="html-empty"),
    pytest.param("bad.json", b'{"text": ', "not JSON", id="json-broken"),
    pytest.param("number.json", b"42", "expected a JSON object", id="json-not-object"),
    pytest.param("notext.json", b'{"id": "a"}', "no 'text'", id="json-no-text"),
    pytest.param("empty.jsonl", b"\n\n", "empty", id="jsonl-blank"),
    pytest.param("noise.html", NOISE, "not text", id="html-random-bytes"),
]


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "a_good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "data", "reason"), BAD_FILES)
def test_bad_file_is_named_error_and_others_still_read(tmp_path, good_file, name, data, reason) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    docs, errors = read_all([bad, good_file])
    assert [e.source for e in errors] == [str(bad)]
    assert reason in errors[0].reason
    assert [d.source for d in docs] == [str(good_file)]


@pytest.mark.parametrize(("name", "data", "reason"), BAD_FILES)
def test_bad_file_in_folder(tmp_path, good_file, name, data, reason) -> None:
    (tmp_path / "sub").mkdir()
    bad = tmp_path / "sub" / name
    bad.write_bytes(data)
    docs, errors = read_all([tmp_path])
    assert [(e.source, reason in e.reason) for e in errors] == [(str(bad), True)]
    assert [d.source for d in docs] == [str(good_file)]


def test_missing_path_is_error(good_file) -> None:
    docs, errors = read_all(["/no/such/file.txt", good_file])
    assert [e.source for e in errors] == ["/no/such/file.txt"]
    assert len(docs) == 1


def test_oversize_file_rejected_before_reading(tmp_path, good_file) -> None:
    big = tmp_path / "huge.txt"
    with open(big, "wb") as f:
        f.truncate(20 * 1024**3)  # sparse: reading it whole would take minutes and memory
    docs, errors = read_all([big, good_file])
    assert [e.source for e in errors] == [str(big)] and "larger than max_document_bytes" in errors[0].reason
    assert len(docs) == 1


def test_size_limit_comes_from_settings(tmp_path, good_file, monkeypatch) -> None:
    monkeypatch.setenv("SITROOM_MAX_DOCUMENT_BYTES", "100")
    big = tmp_path / "big.txt"
    big.write_text("word " * 100)
    docs, errors = read_all([big, good_file])
    assert [e.source for e in errors] == [str(big)]
    assert len(docs) == 1


def test_folder_walk_is_recursive_sorted_and_filtered(tmp_path) -> None:
    for rel in ["b.txt", "a/z.md", "a/y.html", "c.csv", ".hidden.txt", ".git/x.txt", "d.htm", "e.text"]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        body = f"<p>{GOOD}</p>" if rel.endswith(("html", "htm")) else GOOD
        path.write_text(body.replace("March 3", f"March 3 ({rel})"))
    docs, errors = read_all([tmp_path])
    assert errors == []
    assert [Path(d.source).relative_to(tmp_path).as_posix() for d in docs] == [
        "a/y.html", "a/z.md", "b.txt", "d.htm", "e.text",
    ]


def test_file_named_explicitly_is_read_whatever_its_extension(tmp_path) -> None:
    path = tmp_path / "report.csv"
    path.write_text(GOOD)
    docs, errors = read_all([path])
    assert errors == [] and docs[0].input_format == "text"


def test_single_path_string_accepted(good_file) -> None:
    assert [d.source for d in read_inputs(str(good_file))] == [str(good_file)]


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1252", "The “attack” on the café killed 3 — officials said."),
        ("cp1252", "Élève blessé à Gao."),
        ("latin-1", "Attaque près de Ménaka: deux soldats tués, selon l'armée malienne."),
        ("utf-8-sig", "A BOM-prefixed report from Kidal."),
        ("utf-16", "A UTF-16 report from Timbuktu, with “quotes”."),
        ("utf-8", "Обстрел Донецка: погибли двое, сообщили местные власти."),
        ("cp1251", "Обстрел Донецка: погибли двое мирных жителей, сообщили местные власти города."),
    ],
)
def test_encodings_come_through_readable(tmp_path, encoding, text) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode(encoding))
    docs, errors = read_all([path])
    assert errors == []
    assert docs[0].text == text


def test_html_declared_charset(tmp_path) -> None:
    path = tmp_path / "page.html"
    body = "<html><head><meta charset='windows-1252'></head><body><p>Attaque à Ménaka “hier”.</p></body></html>"
    path.write_bytes(body.encode("cp1252"))
    docs, _ = read_all([path])
    assert "Attaque à Ménaka “hier”." in docs[0].text


def test_input_format_overrides_extension(tmp_path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("<html><body><p>Clashes in Marib.</p><script>SCRIPTTEXT()</script></body></html>")
    docs, _ = read_all([path], input_format="html")
    assert docs[0].text == "Clashes in Marib." and docs[0].input_format == "html"


def test_unknown_input_format_is_config_error() -> None:
    with pytest.raises(ConfigError):
        read_inputs(["x"], input_format="pdf")


def test_unknown_country_option_is_config_error() -> None:
    with pytest.raises(ConfigError):
        read_inputs(["x"], country="Atlantis")


# ---- published / country precedence -----------------------------------------------------------

def test_text_published_from_header(tmp_path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Headline\nPublished: 2021-02-10\n\nBody of the report.")
    assert read_all([path])[0][0].published == date(2021, 2, 10)


def test_text_published_from_byline_that_cleaning_removes(tmp_path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Posted by admin on 10 February 2021\n\nBody of the report.")
    assert read_all([path])[0][0].published == date(2021, 2, 10)


def test_explicit_published_wins_over_header(tmp_path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Published: 2021-02-10\n\nBody of the report.")
    assert read_all([path], published=date(2022, 1, 1))[0][0].published == date(2022, 1, 1)


def test_html_metadata_date(tmp_path) -> None:
    docs, _ = read_all([FIXTURES / "article.html"])
    assert docs[0].published == date(2022, 7, 19)


def test_text_title_guessed_from_first_line(tmp_path, good_file) -> None:
    assert read_all([good_file])[0][0].title == "Rocket attack on Ain al-Asad"


# ---- JSONL ------------------------------------------------------------------------------------

JSONL_LINES = [
    json.dumps({"id": "r1", "text": "Rocket hit a base near Erbil.", "published": "2021-02-10", "country": "iq",
                "url": "https://x.example/1", "title": "Erbil rocket", "source": "Example Wire"}),  # 1 good
    "this is not json",  # 2
    json.dumps(["a", "list"]),  # 3
    json.dumps({"id": "r4"}),  # 4 missing text
    json.dumps({"id": "r5", "text": "   "}),  # 5 empty text
    json.dumps({"id": "r6", "text": 42}),  # 6 text not a string
    "",  # 7 blank: skipped silently
    json.dumps({"id": 8, "text": "Drone strike near Kirkuk."}),  # 8 good
    json.dumps({"id": "r9", "text": "Tags: news\nReply"}),  # 9 only chrome
    "{broken",  # 10
]
JSONL_ERRORS = {2: "not JSON", 3: "expected a JSON object", 4: "no 'text'", 5: "empty",
                6: "not a string", 9: "no text left", 10: "not JSON"}


@pytest.fixture
def jsonl_result(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(JSONL_LINES) + "\n")
    docs, errors = read_all([path])
    return path, docs, errors


@pytest.mark.parametrize(("line", "reason"), sorted(JSONL_ERRORS.items()))
def test_jsonl_bad_line_error_names_file_and_line(jsonl_result, line, reason) -> None:
    path, _, errors = jsonl_result
    found = [e for e in errors if e.line == line]
    assert len(found) == 1 and found[0].source == str(path) and reason in found[0].reason
    assert str(found[0]).startswith(f"{path}:{line}: ")


def test_jsonl_errors_only_for_bad_lines(jsonl_result) -> None:
    assert sorted(e.line for e in jsonl_result[2]) == sorted(JSONL_ERRORS)


def test_jsonl_good_lines_come_through(jsonl_result) -> None:
    path, docs, _ = jsonl_result
    assert [(d.source, d.external_id) for d in docs] == [(f"{path}:1", "r1"), (f"{path}:8", "8")]


@pytest.mark.parametrize(
    ("field", "expected"),
    [("published", date(2021, 2, 10)), ("country_hint", "IQ"), ("url", "https://x.example/1"),
     ("title", "Erbil rocket"), ("outlet", "Example Wire"), ("input_format", "jsonl"),
     ("text", "Rocket hit a base near Erbil.")],
)
def test_jsonl_fields(jsonl_result, field, expected) -> None:
    assert getattr(jsonl_result[1][0], field) == expected


def _one_jsonl(tmp_path, record: dict, **kwargs):
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(record) + "\n")
    docs, errors = read_all([path], **kwargs)
    assert errors == []
    return docs[0]


def test_jsonl_unparseable_published_keeps_doc_and_warns(tmp_path, caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="sitroom.ingest"):
        doc = _one_jsonl(tmp_path, {"id": "x", "text": "Body text.", "published": "sometime soon"})
    assert doc.published is None
    assert "one.jsonl:1" in caplog.text and "sometime soon" in caplog.text


def test_jsonl_unparseable_published_falls_back_to_header(tmp_path) -> None:
    doc = _one_jsonl(tmp_path, {"text": "BAGHDAD, Feb. 10, 2021 — Body.", "published": "??"})
    assert doc.published == date(2021, 2, 10)


def test_jsonl_field_wins_over_header(tmp_path) -> None:
    doc = _one_jsonl(tmp_path, {"text": "BAGHDAD, Feb. 10, 2021 — Body.", "published": "2021-02-11"})
    assert doc.published == date(2021, 2, 11)


def test_a_telegram_exports_date_from_and_entity_text_are_read(tmp_path) -> None:
    message = {"id": 4471, "type": "message", "date": "2021-02-10T14:30:00", "from": "Frontline Watch",
               "text": ["Convoy hit near ", {"type": "hashtag", "text": "#Yusufiya"}, " this morning."]}
    doc = _one_jsonl(tmp_path, message)
    assert (doc.published, doc.outlet) == (date(2021, 2, 10), "Frontline Watch")
    assert doc.text == "Convoy hit near #Yusufiya this morning."


@pytest.mark.parametrize(("record", "published", "outlet"), [
    ({"channel": "Sahel Watch", "date": "2022-06-05T12:40:00+01:00"}, date(2022, 6, 5), "Sahel Watch"),
    ({"source": "Wire", "channel": "Other", "published": "2022-06-05", "date": "2022-06-09"}, date(2022, 6, 5), "Wire"),
    ({"created_at": "2022-06-05"}, date(2022, 6, 5), None),
])
def test_other_feeds_names_for_the_date_and_outlet_are_read_after_the_contracts(tmp_path, record, published,
                                                                                 outlet) -> None:
    doc = _one_jsonl(tmp_path, {"text": "Body.", **record})
    assert (doc.published, doc.outlet) == (published, outlet)


def test_explicit_published_wins_over_jsonl(tmp_path) -> None:
    doc = _one_jsonl(tmp_path, {"text": "Body.", "published": "2021-02-11"}, published=date(2020, 5, 5))
    assert doc.published == date(2020, 5, 5)


@pytest.mark.parametrize(("value", "expected"), [("IQ", "IQ"), ("irq", "IQ"), ("Iraq", "IQ"), ("Narnia", None)])
def test_jsonl_country(tmp_path, value, expected) -> None:
    assert _one_jsonl(tmp_path, {"text": "Body.", "country": value}).country_hint == expected


def test_explicit_country_wins_over_jsonl(tmp_path) -> None:
    assert _one_jsonl(tmp_path, {"text": "Body.", "country": "IQ"}, country="Syria").country_hint == "SY"


def test_jsonl_bom_and_cp1252_lines(tmp_path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"text": "First."}).encode() + b"\n"
                     + '{"text": "Caf\u00e9 \u201cattack\u201d."}'.encode("cp1252") + b"\n")
    docs, errors = read_all([path])
    assert errors == [] and [d.text for d in docs] == ["First.", "Café “attack”."]


def test_jsonl_overlong_line_is_error_and_reading_goes_on(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SITROOM_MAX_DOCUMENT_BYTES", "200")
    path = tmp_path / "long.jsonl"
    lines = [json.dumps({"text": "x " * 500}), json.dumps({"text": "Short one."})]
    path.write_text("\n".join(lines) + "\n")
    docs, errors = read_all([path])
    assert [(e.line, "longer than" in e.reason) for e in errors] == [(1, True)]
    assert [d.source for d in docs] == [f"{path}:2"]


# ---- .json ------------------------------------------------------------------------------------

def test_json_single_object(tmp_path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"id": "a", "text": "Shelling in Donetsk."}))
    docs, errors = read_all([path])
    assert errors == [] and [(d.source, d.external_id, d.input_format) for d in docs] == [(str(path), "a", "json")]


def test_json_list_with_bad_item(tmp_path) -> None:
    path = tmp_path / "many.json"
    path.write_text(json.dumps([{"text": "One."}, {"id": "no text"}, "str", {"text": "Three."}]))
    docs, errors = read_all([path])
    assert [d.source for d in docs] == [f"{path}[0]", f"{path}[3]"]
    assert [(e.source, e.reason.split(":")[0]) for e in errors] == [(str(path), "item 1"), (str(path), "item 2")]


# ---- stdin ------------------------------------------------------------------------------------

def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_stdin_text(monkeypatch) -> None:
    _stdin(monkeypatch, GOOD.encode())
    docs, errors = read_all(["-"])
    assert errors == [] and docs[0].source == "-" and docs[0].input_format == "text"


def test_stdin_jsonl_sniffed(monkeypatch) -> None:
    _stdin(monkeypatch, b'{"id": "a", "text": "One."}\nnot json\n{"text": "Two."}\n')
    docs, errors = read_all(["-"])
    assert [d.source for d in docs] == ["-:1", "-:3"]
    assert [(e.source, e.line) for e in errors] == [("-", 2)]


def test_stdin_html_sniffed(monkeypatch) -> None:
    _stdin(monkeypatch, b"<!DOCTYPE html><html><body><p>Clashes in Marib.</p></body></html>")
    docs, _ = read_all(["-"])
    assert docs[0].text == "Clashes in Marib." and docs[0].input_format == "html"


def test_stdin_explicit_format(monkeypatch) -> None:
    _stdin(monkeypatch, b'{"text": "One."}')
    docs, _ = read_all(["-"], input_format="text")
    assert docs[0].text == '{"text": "One."}'


def test_stdin_empty(monkeypatch, good_file) -> None:
    _stdin(monkeypatch, b"")
    docs, errors = read_all(["-", good_file])
    assert [e.source for e in errors] == ["-"] and len(docs) == 1


def test_errors_are_input_errors(tmp_path) -> None:
    (tmp_path / "e.txt").write_bytes(b"")
    assert all(isinstance(x, InputError) for x in read_inputs([str(tmp_path / "e.txt")]))
