"""Which report's value a merged event takes: specific tolls over vague ones, the most specific sub-type.

The records are written for these tests (a market bombing told by a wire, a Telegram channel and
a weekly summary); the evidence spans are what the extractor keeps for each field.
"""

from __future__ import annotations

from datetime import date

from sitroom.merge.cluster import canonical
from sitroom.merge.values import (
    BARE_BLAST,
    GENERIC,
    WEAPON_NAMED,
    figure_range,
    is_vague,
    specificity,
    sub_type_source,
)
from sitroom.model import Event, Evidence

SUICIDE, IED, SHELLING, AIR = ("Suicide bomb", "Remote explosive/landmine/IED",
                               "Shelling/artillery/missile attack", "Air/drone strike")


def report(doc: str, sub: str | None = IED, trigger: str | None = None, killed: int | None = None,
           killed_text: str | None = None, hurt: int | None = None, hurt_text: str | None = None, **kw) -> Event:
    evidence = {name: Evidence(0, len(text), text) for name, text in
                (("sub_event_type", trigger), ("fatalities", killed_text), ("injuries", hurt_text)) if text}
    event_type = "Battles" if sub == "Armed clash" else (
        "Violence against civilians" if sub == "Attack" else "Explosions/Remote violence")
    values = dict(doc_id=doc, event_date=date(2016, 7, 3), time_precision=1, event_type=event_type,
                  sub_event_type=sub, country_code="IQ", location="Karrada", latitude=33.30, longitude=44.42,
                  geo_precision=1, fatalities=killed, injuries=hurt, notes=f"{doc}: {trigger or ''}")
    values.update(kw)
    return Event(evidence=evidence, **values)


# --- tolls ----------------------------------------------------------------------------------------

def test_vague_amounts_are_recognised_from_their_span() -> None:
    for text in ("Dozens of martyrs", "kills dozens", "scores of people were killed", "hundreds of casualties",
                 "several killed", "many dead", "tens of victims"):
        assert is_vague(report("t", killed=12, killed_text=text)), text
    for text in ("at least 115 killed", "Twelve U.S. service members were killed", "killing six",
                 "about a dozen killed", "Some 14 others", "no deaths"):
        assert not is_vague(report("t", killed=12, killed_text=text)), text


def test_a_figure_without_a_span_is_taken_at_its_word() -> None:
    assert not is_vague(report("t", killed=12))


def test_a_specific_figure_supersedes_a_vague_one() -> None:
    posts = [report("telegram", killed=12, killed_text="Dozens of martyrs"),
             report("wire", killed=115, killed_text="killing at least 115"),
             report("weekly", killed=292, killed_text="292 dead")]
    assert figure_range(posts) == (115, 115, 292)
    out = canonical(posts)
    assert (out["fatalities"], out["fatalities_low"], out["fatalities_high"]) == (115, 115, 292)


def test_the_vague_figure_stays_on_its_report() -> None:
    posts = [report("telegram", killed=12, killed_text="Dozens of martyrs"),
             report("wire", killed=115, killed_text="killing at least 115")]
    canonical(posts)
    assert posts[0].fatalities == 12 and posts[0].evidence["fatalities"].text == "Dozens of martyrs"


def test_conservative_rule_among_specific_figures() -> None:
    posts = [report("a", killed=7, killed_text="7 killed"), report("b", killed=3, killed_text="three dead"),
             report("c", killed=100, killed_text="hundreds killed")]
    assert figure_range(posts) == (3, 3, 7)


def test_only_vague_figures_keep_the_conservative_rule() -> None:
    posts = [report("a", killed=100, killed_text="hundreds killed"),
             report("b", killed=12, killed_text="dozens of dead")]
    assert figure_range(posts) == (12, 12, 100)


def test_zero_is_a_specific_figure() -> None:
    posts = [report("a", killed=0, killed_text="no deaths"), report("b", killed=12, killed_text="dozens killed")]
    assert figure_range(posts) == (0, 0, 0)


def test_injuries_follow_the_same_rule() -> None:
    posts = [report("a", hurt=12, hurt_text="dozens of wounded"), report("b", hurt=50, hurt_text="about 50 injured"),
             report("c", hurt=None)]
    assert canonical(posts)["injuries"] == 50
    assert figure_range(posts, "injuries") == (50, 50, 50)


def test_no_figure_at_all() -> None:
    assert figure_range([report("a"), report("b")]) == (None, None, None)


# --- sub-types ------------------------------------------------------------------------------------

def test_specificity_reads_the_codebook_rule_the_trigger_matches() -> None:
    assert specificity(report("a", SUICIDE, "suicide bomber"))[0] == WEAPON_NAMED
    assert specificity(report("a", IED, "roadside bomb"))[0] == WEAPON_NAMED
    assert specificity(report("a", IED, "Explosion at"))[0] == BARE_BLAST
    assert specificity(report("a", "Attack", "killed"))[0] == GENERIC
    # The weapon rule outranks the generic blast rule of the same sub-type, and suicide bombs outrank IEDs.
    assert specificity(report("a", IED, "car bomb"))[1] > specificity(report("a", IED, "blast"))[1]
    assert specificity(report("a", SUICIDE, "VBIED"))[1] > specificity(report("a", IED, "car bomb"))[1]


def test_a_typed_in_record_is_taken_at_its_word() -> None:
    # Evidence for other fields but no trigger span: the trigger is unknown, the lowest rule.
    assert specificity(report("a", IED, None, killed=2, killed_text="two killed"))[0] == BARE_BLAST
    bare = Event(doc_id="x", event_type="Explosions/Remote violence", sub_event_type=SUICIDE)
    assert specificity(bare)[0] == WEAPON_NAMED


def test_a_weapon_named_sub_type_beats_a_bare_blast_reported_first() -> None:
    posts = [report("telegram", IED, "Explosion at"), report("wire", SUICIDE, "suicide bomber")]
    assert canonical(posts)["sub_event_type"] == SUICIDE
    assert canonical(posts)["event_type"] == "Explosions/Remote violence"


def test_two_bare_blasts_do_not_outvote_a_named_weapon() -> None:
    posts = [report("t1", IED, "blast"), report("t2", IED, "explosions"), report("wire", SUICIDE, "blew himself up")]
    assert sub_type_source(posts).doc_id == "wire"


def test_among_weapon_named_reports_the_majority_decides() -> None:
    posts = [report("weekly", SUICIDE, "VBIED"), report("wire", IED, "car bomb"), report("telegram", IED, "Car bomb")]
    assert canonical(posts)["sub_event_type"] == IED
    rockets = [report("a", SHELLING, "rockets"), report("b", AIR, "drone strike"), report("c", SHELLING, "Katyusha")]
    assert canonical(rockets)["sub_event_type"] == SHELLING


def test_a_tie_goes_to_the_more_specific_rule_then_the_earliest_report() -> None:
    posts = [report("weekly", IED, "IED"), report("wire", SUICIDE, "suicide bomber"), report("tg", IED, "Blast")]
    assert canonical(posts)["sub_event_type"] == SUICIDE
    same = [report("a", IED, "roadside bomb"), report("b", IED, "IED")]
    assert sub_type_source(same).doc_id == "a"


def test_a_repost_counts_once() -> None:
    wire = report("wire", SUICIDE, "suicide bomber")
    repost = report("blog", SUICIDE, "suicide bomber", notes=wire.notes)
    posts = [repost, wire, report("tg1", IED, "car bomb"), report("tg2", IED, "IED")]
    assert canonical(posts)["sub_event_type"] == IED


def test_two_mentions_of_one_document_count_once() -> None:
    posts = [report("wire", IED, "car bomb", notes="headline"), report("wire", IED, "car bomb", notes="body"),
             report("weekly", SUICIDE, "suicide car bomb")]
    assert canonical(posts)["sub_event_type"] == SUICIDE  # 1 vote each: the more specific rule


def test_a_weapon_beats_a_generic_attack() -> None:
    posts = [report("a", "Attack", "attacked"), report("b", "Attack", "killed"), report("c", IED, "blast")]
    out = canonical(posts)
    assert (out["event_type"], out["sub_event_type"]) == ("Explosions/Remote violence", IED)


def test_generic_sub_types_alone_go_by_majority_then_first() -> None:
    posts = [report("a", "Armed clash", "clashed"), report("b", "Attack", "attacked"), report("c", "Attack", "killed")]
    assert canonical(posts)["sub_event_type"] == "Attack"


def test_no_sub_type_falls_back_to_the_first_type() -> None:
    posts = [report("a", None, event_type=None), report("b", None)]
    out = canonical(posts)
    assert (out["event_type"], out["sub_event_type"]) == ("Explosions/Remote violence", None)
