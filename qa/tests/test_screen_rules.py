"""The hidden-crime screen, pattern by pattern (pure: no database). Each row is one narrative, the verdict
it must get, and the principal class (or the reason text is set aside)."""

from __future__ import annotations

import copy

import pytest

from qa.screen import PatternError, ScreenResult, compile_patterns, screen
from qa.screen.defaults import default_pattern_set, default_pattern_text, ho_offences, parse_pattern_text


def run(narrative: str, code: str = "PS-OTHER") -> ScreenResult:
    return screen(narrative, code, default_pattern_set())


def assert_spans_exact(narrative: str, result: ScreenResult) -> None:
    for crime in result.crimes:
        assert crime.evidence, crime
        for span in crime.evidence:
            assert narrative[span.start : span.end] == span.text
    for d in result.discounted:
        assert narrative[d.start : d.end] == d.text


# (narrative, expected principal class) — one row per offence pattern family
CRIMES = [
    ("RP states partner pushed her against the wall and grabbed her arm. No injuries.", "105A"),
    ("IP states a male punched him in the face outside the pub, IP has a cut above his eye.", "8N"),
    ("VP says ex grabbed her by the throat and she couldn't breathe for a few seconds.", "8N"),
    ("Caller states her brother was stabbed in the leg during the row and taken to hospital.", "5D"),
    ("RP states neighbour said 'I will kill you' and RP believes he means it.", "3B"),
    ("RP reports approx 30 abusive messages from her ex over the last two weeks, she is scared.", "8L"),
    ("RP states ex keeps turning up at her work and parked outside her house every night this week.", "8Q"),
    (
        "VP discloses her husband controls her money and won't let her see her friends, ongoing for months.",
        "8U",
    ),
    (
        "Female (24) states a man she met at the bar held her down and had sex with her after she said no.",
        "19C",
    ),
    ("RP states a man on the bus put his hand up her skirt and groped her.", "20A"),
    ("Male exposed himself to two women walking through the park this morning.", "88E"),
    ("MISPER girl aged 14 found at the address of a 25 year old male, she says they had sex.", "22B"),
    ("Woman says the driver locked the doors and made her perform a sex act on him.", "22A"),
    ("Officers executing a warrant found indecent images of children on his laptop.", "86"),
    ("RP states two youths pinned him against a wall and took his phone and wallet.", "34B"),
    (
        "RP returned home to find the back door forced and her jewellery and laptop gone from the bedroom.",
        "28E",
    ),
    (
        "Keyholder reports the shop's rear door has jemmy marks and the lock is damaged, no entry gained.",
        "30D",
    ),
    (
        "RP states her bike was locked outside the station, came back and bike gone, cut lock on the floor.",
        "44",
    ),
    (
        "Store manager reports a male filled a bag with meat from the fridge and walked out without paying.",
        "46",
    ),
    ("Driver filled up with £60 of diesel and drove off without paying.", "49A"),
    ("RP's van broken into overnight, tools stolen from the van.", "45"),
    ("RP woke to find the driver's side of his car keyed along its length.", "58C"),
    ("Youths smashed two windows of the community centre with stones.", "58B"),
    ("Youths set fire to a wheelie bin outside the flats.", "56B"),
    ("Neighbour told RP he would burn your house down and slash your tyres. RP frightened.", "59"),
    ("RP reports unauthorised transactions on her bank card totalling £450.", "53C"),
    ("RP paid £600 for a puppy advertised online which never arrived and the seller blocked her.", "53D"),
    ("RP received messages demanding £500 or they will share the intimate video with his family.", "35"),
    ("Male shouted racial abuse at the shopkeeper and spat at him, shopkeeper distressed.", "105B"),
    ("Male shouting abuse at staff in the chemist, staff member frightened and in tears.", "9A"),
    ("Male searched s23 and found in possession of a bag of cannabis.", "92E"),
    ("Male stopped and searched, lock knife found in his waistband, arrested.", "10D"),
    ("Someone poured petrol through the letterbox of the house and set it alight.", "56A"),
    ("Shop assistant reports a customer paid with a fake £20 note, spotted with the till pen.", "99"),
    ("RP states her son forged her signature on a cheque and cashed it.", "61"),
    ("Officers searched the car and found a loaded handgun under the seat.", "10B"),
    ("Two men threatened him with a knife and took his wallet and phone.", "34B"),
    ("Male seen trying car door handles along Oak Rd.", "126"),
    ("He punched him and knocked him unconscious, he has a fractured skull.", "5D"),
]


@pytest.mark.parametrize(("narrative", "principal"), CRIMES)
def test_each_offence_pattern_finds_its_class(narrative: str, principal: str) -> None:
    result = run(narrative)
    assert result.verdict == "crime", result
    assert result.crimes[0].offence == principal, [c.offence for c in result.crimes]
    assert result.crimes[0].principal and not any(c.principal for c in result.crimes[1:])
    assert_spans_exact(narrative, result)


# (narrative, why the text is set aside)
DISCOUNTED = [
    ("Officers attended. Female denies being assaulted, states she dropped a pan.", "negation"),
    ("Couple argued about money, words only, no offences disclosed.", None),
    ("RP fears her ex might assault her if he finds out where she lives.", "hypothetical"),
    ("RP wants advice on what to do if her neighbour smashes her windows.", "hypothetical"),
    (
        "RP reports her phone stolen on the bus. UPDATE: phone handed in at the depot, contents intact.",
        "retraction",
    ),
    ("RP states ex 'stole' the car. On enquiry the V5 is in his name and he used his own key.", "retraction"),
    ("Caller requests update on his burglary, crime ref 12/3456/26 quoted.", "already_recorded"),
    (
        "RP states her sister was assaulted in Leeds last week and has already reported it to W Yorks.",
        "other_victim",
    ),
    (
        "INFT reports male with a knife in his waistband. Male stopped and searched, nothing found.",
        "points_not_made_out",
    ),
    (
        "RP received one abusive message from a former friend calling her pathetic. Blocked.",
        "points_not_made_out",
    ),
    ("Drivers exchanged details after a low speed collision, wing damage to both, no injuries.", None),
    ("Smell of cannabis from flat 3, no one answered the door.", "points_not_made_out"),
    ("Male handed in a kitchen knife he found in the park at the front counter.", "points_not_made_out"),
    ("RP's son accidentally broke the window playing football.", "negation"),
    ("RP wants crime prevention advice to stop anyone stealing her bike.", "hypothetical"),
    ("Claims that he slapped her were unfounded.", "negation"),
    ("No offences re the assault alleged by the neighbour.", "negation"),
    ("Caller reported an assault, on arrival words only.", "negation"),
]


@pytest.mark.parametrize(("narrative", "why"), DISCOUNTED)
def test_discounted_text_is_not_a_crime(narrative: str, why: str | None) -> None:
    result = run(narrative)
    assert result.verdict == "no_crime", result
    assert result.crimes == ()
    if why is not None:
        assert why in {d.why for d in result.discounted}, result.discounted
    assert_spans_exact(narrative, result)


def test_a_negation_reaches_only_its_window() -> None:
    narrative = (
        "No injuries to RP from the fall on the ice earlier in the day and after that the male then "
        "punched her in the face."
    )
    assert run(narrative).verdict == "crime"


def test_a_negation_stops_at_but() -> None:
    assert (
        run(
            "Male denies any damage to the car, but CCTV shows him kicking the door panel of the car."
        ).verdict
        == "crime"
    )


def test_a_victim_not_wanting_action_is_not_a_discount() -> None:
    narrative = "RP states he punched her in the face. RP doesn't want him arrested and declines a statement."
    result = run(narrative)
    assert result.verdict == "crime" and result.discounted == ()


def test_a_conditional_threat_to_kill_is_still_a_threat() -> None:
    assert (
        run("He said 'I will kill you and your family if you park there again'. RP terrified.")
        .crimes[0]
        .offence
        == "3B"
    )


def test_a_crime_number_sets_aside_only_its_own_sentence() -> None:
    narrative = (
        "Caller wants an update on her stolen jewellery, existing crime ref. "
        "She then disclosed that when she was 11 a neighbour touched her breasts over her clothes."
    )
    result = run(narrative)
    assert result.crimes[0].offence == "20B"
    assert "already_recorded" in {d.why for d in result.discounted}


def test_several_crimes_are_all_listed_principal_first() -> None:
    narrative = "Male smashed her phone on the floor, then punched her in the face causing a cut lip."
    result = run(narrative)
    assert [c.offence for c in result.crimes] == ["8N", "58D"]


def test_every_flag_has_evidence() -> None:
    result = run("RP states her car was stolen from the drive overnight.")
    assert result.verdict == "crime" and all(c.evidence for c in result.crimes)


def test_the_version_comes_from_the_data() -> None:
    data = copy.deepcopy(parse_pattern_text(default_pattern_text()))
    data["version"] = 42
    assert (
        screen("He punched her.", "PS-DOMESTIC", compile_patterns(data, ho_offences())).patterns_version == 42
    )


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d.update(version=0), "version"),
        (lambda d: d["offences"][0].update(offence="ZZZ"), "offences[0].offence"),
        (lambda d: d["offences"][0].update(weight=2), "offences[0].weight"),
        (lambda d: d["offences"][0].update(tokens=[[{"LOWERR": "x"}]]), "offences[0].tokens[0]"),
        (lambda d: d["contexts"]["negation"].update(why="because"), "contexts.negation.why"),
        (lambda d: d["offences"][1].update(id=d["offences"][0]["id"]), "offences[1]"),
        (lambda d: d["thresholds"].update(unsure=0.9, crime=0.5), "thresholds"),
    ],
)
def test_a_bad_version_is_refused_naming_the_place(change: object, where: str) -> None:
    data = copy.deepcopy(parse_pattern_text(default_pattern_text()))
    change(data)  # type: ignore[operator]
    with pytest.raises(PatternError) as error:
        compile_patterns(data, ho_offences())
    assert error.value.where == where


def test_any_text_gets_exact_spans_and_a_consistent_answer() -> None:
    """Word salad from the development set, empty and odd text (fixed seed): never an error, every span
    is the narrative's own text, a crime or unsure answer always has classes with evidence."""
    import json
    import random
    from pathlib import Path

    data = Path(__file__).resolve().parent / "data" / "dev" / "dev_tune.json"
    words = " ".join(x["narrative"] for x in json.loads(data.read_text())).split()
    rng = random.Random(21)
    cases = ["", " ", "\n\n", "🙂" * 50, "no", "not not not", "(((", "£", "x" * 20_000]
    cases += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 120))) for _ in range(300)]
    for narrative in cases:
        result = run(narrative)
        assert (result.verdict == "no_crime") == (not result.crimes)
        assert 0.0 <= result.score <= 1.0
        assert_spans_exact(narrative, result)


NEIGHBOUR_EXAMPLES = [
    {
        "id": "E1",
        "narrative": "Stepdad laid into mum in the kitchen, bloodied nose.",
        "crime": True,
        "classes": ["8N"],
    },
    {
        "id": "E2",
        "narrative": "Her partner laid into her last night, bloodied nose.",
        "crime": True,
        "classes": ["8N"],
    },
    {
        "id": "E3",
        "narrative": "Brother laid into him outside, bloodied nose and lip.",
        "crime": True,
        "classes": ["8N"],
    },
    {"id": "E4", "narrative": "Loud music from the flat above until late.", "crime": False, "classes": []},
]


def test_what_the_rules_leave_the_shipped_examples_can_send_to_a_sergeant() -> None:
    data = copy.deepcopy(parse_pattern_text(default_pattern_text()))
    data["neighbours"] = {"k": 3, "vote": 0.75, "min_similarity": 0.15, "weight": 0.45}
    patterns = compile_patterns(data, ho_offences(), NEIGHBOUR_EXAMPLES)
    narrative = "Caller says her uncle laid into her aunt. Aunt has a bloodied nose."
    result = screen(narrative, "PS-DOMESTIC", patterns)
    assert result.verdict == "unsure" and result.score < patterns.crime_threshold
    (finding,) = result.crimes
    assert finding.offence == "8N" and finding.patterns == ("NEAR-EXAMPLES",)
    assert finding.evidence[0].text == "Aunt has a bloodied nose"
    assert_spans_exact(narrative, result)
    assert (
        screen("Loud music from the flat above until late again.", "ASB-NOISE", patterns).verdict
        == "no_crime"
    )
    del data["neighbours"]
    assert screen(
        narrative, "PS-DOMESTIC", compile_patterns(data, ho_offences(), NEIGHBOUR_EXAMPLES)
    ).verdict == ("no_crime")


def test_every_pattern_cue_and_rule_of_the_shipped_data_is_exercised() -> None:
    """Each offence pattern, context cue, fact cue, upgrade and combination in the shipped data fires on
    at least one narrative of this file's tables or the shipped examples (a pattern nothing reads is a
    pattern nobody checked)."""
    from qa.screen.defaults import screen_examples
    from qa.tests import test_screen_recall as recall
    from qa.tests.test_screen_classes import EXERCISED

    patterns = default_pattern_set()
    texts = [e["narrative"] for e in screen_examples()] + [n for n, _ in CRIMES] + [n for n, _ in DISCOUNTED]
    texts += [row[0] for row in (*recall.READ, *recall.NOT_SET_ASIDE, *recall.LEFT_ALONE)]
    texts += EXERCISED
    used: set[str] = set()
    for narrative in texts:
        result = run(narrative)
        for crime in result.crimes:
            used.update(crime.patterns)
        for discount in result.discounted:
            used.update(discount.patterns)
    ids = set(patterns.patterns) | set(patterns.facts) | {u.id for u in patterns.upgrades}
    ids |= {c.id for c in patterns.combos} | {i for c in patterns.contexts for i in c.cue_ids.values()}
    assert sorted(ids - used) == []
