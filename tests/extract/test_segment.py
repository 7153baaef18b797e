"""Blocks and sentences: offsets into the document, list items, and hard-wrapped lines of running text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sitroom.extract.segment import split_blocks, split_sentences

WRAPPED = ("ITURI\n"
           "Sun 27 Jul - Komanda (Irumu territory): ADF fighters attacked the Catholic parish during a\n"
           "night vigil at around 01:00, killing worshippers inside and around the church and burning\n"
           "houses and shops nearby. MONUSCO counts at least 43 dead.\n"
           "\n"
           "OUTLOOK\n"
           "The ADF are likely to keep hitting soft targets along the Komanda-Mambasa and\n"
           "Komanda-Luna roads while military pressure moves them south.\n")


def test_a_hard_wrapped_paragraph_is_one_block_and_its_sentences_run_across_the_breaks():
    texts = [WRAPPED[b.start:b.end] for b in split_blocks(WRAPPED)]
    assert texts[0] == "ITURI" and texts[2] == "OUTLOOK"
    assert texts[1].startswith("Sun 27 Jul") and texts[1].endswith("at least 43 dead.")
    assert texts[3].endswith("moves them south.")
    sentences = [s.text for s in split_sentences(WRAPPED)]
    assert any(s.startswith("Sun 27 Jul") and "01:00, killing worshippers" in s for s in sentences)


def test_short_lines_and_finished_lines_stay_blocks_of_their_own():
    text = ("Gunmen killed four farmers near Kunduz on Monday.\n"
            "police said the attackers fled on motorbikes.\n"
            "NORTH KIVU\n"
            "Beni: operations continue north of Oicha\n"
            "- 12/05: a bomb hit a market in Beni, killing two people and wounding\n"
            "- 13/05: gunmen attacked a checkpoint\n")
    assert len(split_blocks(text)) == 6


@given(st.lists(st.text(alphabet="abc ABC.,\n-", max_size=60), max_size=12))
def test_blocks_and_sentences_point_into_the_text_in_order(lines):
    text = "\n".join(lines)
    blocks = split_blocks(text)
    assert all(0 <= b.start <= b.end <= len(text) for b in blocks)
    assert all(a.end <= b.start for a, b in zip(blocks, blocks[1:], strict=False))
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text and s.text == s.text.strip() and s.text
