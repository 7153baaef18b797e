"""Near-duplicate detection: shingles, containment, the LSH index.  One fact per case."""

from __future__ import annotations

import pytest

from sitroom.ingest.repost import RepostIndex, containment, is_repost, shingles, signature
from sitroom.workflow import sample_corpus

STORY = ("A roadside bomb went off next to a convoy of trucks carrying supplies for the US-led coalition "
         "on the road through Yusufiyah, south of Baghdad, on Wednesday, Iraqi security sources said. "
         "One of the trucks was damaged in the blast. There were no casualties, the sources said. "
         "The convoys are driven by Iraqi contractors hired to move equipment between bases.")
CHROME = "frontline_digest wrote, February 11th\n\nIllustrative image\n\n{}\n\nTags: convoy, iraq\nPost a new comment"
OTHER = ("Turkish warplanes struck PKK positions in the Gara region of northern Iraq on Wednesday as "
         "Turkey launched a new operation; the defence ministry said several militants were killed "
         "and that the operation would continue until the area was cleared of fighters.")


@pytest.mark.parametrize(("a", "b", "expected"), [
    (STORY, STORY, True),
    (STORY, CHROME.format(STORY), True),  # blog chrome around the original
    (STORY, STORY.upper(), True),  # case does not matter
    (STORY, STORY.replace(",", ""), True),  # nor punctuation
    (STORY, OTHER, False),
    (STORY, STORY[:120], False),  # too short to call
    ("Rockets hit Erbil.", "Rockets hit Erbil.", False),  # one-line posts are never reposts
], ids=["same", "chrome", "case", "punctuation", "other-story", "fragment", "short"])
def test_is_repost(a: str, b: str, expected: bool) -> None:
    assert is_repost(a, b) is expected


def test_containment_is_share_of_the_shorter_text() -> None:
    assert containment({"a", "b"}, {"a", "b", "c", "d"}) == 1.0


def test_shingles_are_five_word_windows() -> None:
    assert shingles("one two three four five six") == {"one two three four five", "two three four five six"}


def test_signature_is_stable_and_json_ready() -> None:
    sig = signature(STORY)
    assert sig == signature(STORY) and all(isinstance(v, int) for v in sig)


def test_index_finds_the_copy_not_the_other_story() -> None:
    index = RepostIndex()
    index.add("orig", signature(STORY))
    index.add("other", signature(OTHER))
    assert index.candidates(signature(CHROME.format(STORY))) == ["orig"]


def test_sample_repost_025_copies_008() -> None:
    corpus = sample_corpus()
    a = (corpus / "008_yusufiya_convoy_wednesday.txt").read_text()
    b = (corpus / "025_blog_repost_yusufiya.txt").read_text()
    assert is_repost(a, b)
