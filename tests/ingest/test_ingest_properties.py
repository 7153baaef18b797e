"""Property tests: any bytes in, only Documents or InputErrors out; cleaning is idempotent; JSONL errors per line."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitroom.errors import InputError
from sitroom.ingest import clean_text, read_inputs
from sitroom.model import Document

EXTENSIONS = [".txt", ".md", ".html", ".jsonl", ".json"]
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Text built from pieces that trigger the cleaning rules, so the idempotence property meets them.
PIECES = [
    "", " ", "\n", "\n\n", "\r\n", "\t", "•", "• ", "- ", "* ", "## ", "#", "|", " | ", "©", "Tags:", "Reply",
    "Post a new comment", "Related posts", "wrote,", "(x) wrote,", "Illustrative image", "All Rights Reserved",
    "Home|News|World", "On March 3, a rocket hit Erbil.", "Headline", "\u200b", "\ufeff", "\x0c", "\u2028",
    "\x85", "–", "...", "* * *", "Posted by ", "Share this", "3 Comments",
    # hanging indents: lines set in under a list item or an indented item go on it
    "\n  ", "\n    ", "\n   18 killed.", "\n  wrote,", "\n  Reply",
]
texty = st.one_of(
    st.text(),
    st.lists(st.sampled_from(PIECES), max_size=30).map("".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=20).map("".join),
)


@FAST
@given(data=st.binary(max_size=2000), ext=st.sampled_from(EXTENSIONS))
def test_any_bytes_yield_documents_or_errors(data: bytes, ext: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{ext}"
        path.write_bytes(data)
        out = list(read_inputs([str(path)]))
    assert out, "every input yields at least one item"
    for item in out:
        assert isinstance(item, Document | InputError)
        if isinstance(item, InputError):
            assert item.source == str(path)
        else:
            assert item.text.strip()


@FAST
@given(text=st.text(max_size=500), ext=st.sampled_from(EXTENSIONS))
def test_any_text_yields_documents_or_errors(text: str, ext: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{ext}"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        out = list(read_inputs([str(path)]))
    assert out and all(isinstance(item, Document | InputError) for item in out)


@settings(max_examples=300, deadline=None)
@given(text=texty)
def test_cleaning_is_idempotent(text: str) -> None:
    once = clean_text(text).text
    assert clean_text(once).text == once


@settings(max_examples=200, deadline=None)
@given(text=texty)
def test_cleaned_text_has_no_edge_whitespace_or_blank_runs(text: str) -> None:
    once = clean_text(text).text
    assert once == once.strip()
    assert "\n\n\n" not in once


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
# 3+ words, so a good line is never a chrome line like "Reply."
good_text = st.lists(words, min_size=3, max_size=8).map(lambda ws: " ".join(ws).capitalize() + ".")
good_line = st.builds(lambda t, i: json.dumps({"id": i, "text": t}), good_text, st.integers(0, 10**6))
bad_line = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r\x0b\x0c\x1c\x1d\x1e"
                                   "\x85\u2028\u2029"), min_size=1, max_size=30)
    .filter(lambda s: s.strip() and not _is_json(s)),
    st.one_of(st.integers(), st.booleans(), st.lists(st.integers(), max_size=3), st.none()).map(json.dumps),
    st.dictionaries(st.sampled_from(["id", "title", "url"]), st.text(max_size=5), max_size=3).map(json.dumps),
    st.sampled_from(["", " ", "\t"]).map(lambda t: json.dumps({"text": t})),
)


def _is_json(s: str) -> bool:
    try:
        json.loads(s)
    except ValueError:
        return False
    return True


@FAST
@given(lines=st.lists(st.tuples(st.booleans(), st.data()), min_size=1, max_size=15))
def test_jsonl_one_error_per_bad_line_one_doc_per_good_line(lines) -> None:
    rendered = [(good, data.draw(good_line if good else bad_line)) for good, data in lines]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "feed.jsonl"
        path.write_text("\n".join(line for _, line in rendered) + "\n", encoding="utf-8")
        out = list(read_inputs([str(path)]))
    good_numbers = [n for n, (good, _) in enumerate(rendered, 1) if good]
    bad_numbers = [n for n, (good, _) in enumerate(rendered, 1) if not good]
    docs = [item for item in out if isinstance(item, Document)]
    errors = [item for item in out if isinstance(item, InputError)]
    assert [d.source for d in docs] == [f"{path}:{n}" for n in good_numbers]
    assert [e.line for e in errors] == bad_numbers
    assert all(e.source == str(path) for e in errors)
