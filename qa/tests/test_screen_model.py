"""The examples model (qa/screen/reader.py): a logistic regression trained, when the pattern data is
compiled, on the labelled narratives the project ships; it reads what the rules leave and every flag it
raises names the sentence that caused it (pure: no database)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from qa.screen import PatternError, compile_patterns, screen
from qa.screen.defaults import default_pattern_set, default_pattern_text, ho_offences, parse_pattern_text
from qa.screen.reader import features, stem
from qa.screen.second_reader import MODEL_PATTERN

CRIMES = [
    "Stepdad laid into mum in the kitchen, bloodied nose.",
    "Her partner laid into her last night, bloodied nose and a fat lip.",
    "Brother laid into him outside the shop, bloodied nose.",
    "Her ex laid into her at the door, she has a bloodied face.",
    "Lodger laid into the landlord, bloodied nose and swollen eye.",
    "Son laid into his father in the garden, father bloodied.",
]
QUIET = [
    "Loud music from the flat above until late. Advice given.",
    "Caller asked for the council's number. Transferred, advice given.",
    "Neighbours arguing about bins, words only, advice given.",
    "Lost dog found in the park and returned. Advice given.",
    "Music from a party next door, turned down on request. Advice given.",
    "Caller asked about parking rules outside the school. Advice given.",
]
EXAMPLES: list[dict[str, Any]] = [
    {"id": f"C{i}", "narrative": n, "crime": True, "classes": ["8N"]} for i, n in enumerate(CRIMES)
] + [{"id": f"Q{i}", "narrative": n, "crime": False, "classes": []} for i, n in enumerate(QUIET)]


def model_patterns(**model: Any) -> Any:
    data = copy.deepcopy(parse_pattern_text(default_pattern_text()))
    data["neighbours"] = {"k": 3, "model": {"crime": 0.75, "unsure": 0.6, "c": 10, "epochs": 300, **model}}
    return compile_patterns(data, ho_offences(), EXAMPLES)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("booted", "boot"), ("boots", "boot"), ("booting", "boot"), ("punched", "punch"), ("stabbing", "stab")],
)
def test_the_stem_joins_inflections_of_one_word(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_features_are_stems_pairs_and_word_pieces_without_stop_words() -> None:
    feats = features(["he", "booted", "the", "door"], {"the", "he"})
    assert "w:boot" in feats and "w:he" in feats and "w:the" not in feats  # he/her kept: who did what
    assert "b:boot_the" in feats and "c:<boo" in feats


def test_what_the_rules_leave_the_model_calls_a_crime_naming_the_sentence() -> None:
    patterns = model_patterns()
    narrative = "Caller says her uncle laid into her aunt. Aunt has a bloodied nose."
    result = screen(narrative, "PS-DOMESTIC", patterns)
    assert result.verdict == "crime" and result.score >= patterns.crime_threshold
    (finding,) = result.crimes
    assert finding.offence == "8N" and finding.patterns == (MODEL_PATTERN,)
    (span,) = finding.evidence
    assert narrative[span.start : span.end] == span.text
    assert span.text in ("Caller says her uncle laid into her aunt", "Aunt has a bloodied nose")


def test_between_its_two_thresholds_the_model_is_unsure_and_its_score_stays_in_the_unsure_band() -> None:
    patterns = model_patterns(crime=0.999, unsure=0.5)
    narrative = "Caller says her uncle laid into her aunt. Aunt has a bloodied nose."
    result = screen(narrative, "PS-OTHER", patterns)
    assert result.verdict == "unsure"
    assert patterns.unsure_threshold <= result.score < patterns.crime_threshold


def test_what_the_model_does_not_find_like_the_crimes_stays_no_crime() -> None:
    patterns = model_patterns()
    assert screen("Music from the flat above until late. Advice given.", "ASB-NOISE", patterns).verdict == (
        "no_crime"
    )


def test_the_model_never_overrules_what_the_rules_set_aside() -> None:
    patterns = model_patterns()
    narrative = "Uncle laid into nobody; he denies punching her. Bloodied nose from a fall."
    result = screen(narrative, "PS-DOMESTIC", patterns)
    assert result.verdict == "no_crime" and result.discounted


def test_the_same_examples_always_train_the_same_model() -> None:
    one, two = model_patterns(), model_patterns()
    assert one.neighbours is not None and two.neighbours is not None
    assert one.neighbours.model is not None and two.neighbours.model is not None
    assert one.neighbours.model.bias == two.neighbours.model.bias
    assert (one.neighbours.model.weights == two.neighbours.model.weights).all()


@pytest.mark.parametrize(
    ("model", "where"),
    [
        ({"crime": 0.5, "unsure": 0.7}, "neighbours.model"),
        ({"c": 0}, "neighbours.model.c"),
        ({"epochs": 0}, "neighbours.model.epochs"),
        ({"crime": 2}, "neighbours.model.crime"),
    ],
)
def test_a_bad_model_setting_is_refused_naming_it(model: dict[str, Any], where: str) -> None:
    with pytest.raises(PatternError) as caught:
        model_patterns(**model)
    assert caught.value.where == where


def test_the_shipped_patterns_turn_the_model_on() -> None:
    patterns = default_pattern_set()
    assert patterns.neighbours is not None and patterns.neighbours.model is not None
    assert patterns.neighbours.model.unsure <= patterns.neighbours.model.crime


def test_a_rules_crime_the_model_reads_as_nothing_like_the_shipped_crimes_goes_to_a_sergeant() -> None:
    narrative = "Music from the flat above, he said the band smashed it. Advice given."
    assert screen(narrative, "ASB-NOISE", model_patterns()).verdict == "crime"  # the rules' CD-DAMAGE
    result = screen(narrative, "ASB-NOISE", model_patterns(veto=0.5))
    assert result.verdict == "unsure" and result.score < default_pattern_set().crime_threshold
    assert result.crimes[0].patterns == ("CD-DAMAGE",) and result.crimes[0].evidence  # the rules' words


def test_a_veto_at_or_above_unsure_is_refused() -> None:
    with pytest.raises(PatternError) as caught:
        model_patterns(veto=0.6)
    assert caught.value.where == "neighbours.model.veto"


def test_the_quick_probability_is_the_explained_one() -> None:
    patterns = model_patterns()
    assert patterns.neighbours is not None and patterns.neighbours.model is not None
    model, stop = patterns.neighbours.model, patterns.nlp.Defaults.stop_words
    for narrative in [*CRIMES, *QUIET, "Caller says her uncle laid into her aunt. Aunt has a bloodied nose."]:
        doc = patterns.nlp(narrative)
        lowers = [t.lower_ for t in doc]
        bounds = [(s.start, s.end) for s in doc.sents]
        assert model.probability(lowers, stop) == pytest.approx(model.read(lowers, bounds, stop).probability)


# ---- the alike crimes vote for a kind of offence; the rules settle its class (families) ----

THEFTS: list[dict[str, Any]] = [
    {"id": f"T{i}", "narrative": n, "crime": True, "classes": ["49"]}
    for i, n in enumerate(
        [
            "Lads legged it with the generator from the building site.",
            "Someone legged it with her garden gnomes from the front garden.",
            "Man legged it with the charity tin from the counter.",
            "Youth legged it with his scooter helmet from the park.",
            "A woman legged it with the parcel from the doorstep.",
        ]
    )
]
FAMILIES = {"@THEFT": ["39", "45", "49"], "105A": ["105A", "8N"]}


def family_patterns(families: Any = FAMILIES) -> Any:
    data = copy.deepcopy(parse_pattern_text(default_pattern_text()))
    data["neighbours"] = {
        "k": 3,
        "model": {"crime": 0.75, "unsure": 0.6, "c": 10, "epochs": 300, "families": families},
    }
    return compile_patterns(data, ho_offences(), [*EXAMPLES, *THEFTS])


@pytest.mark.parametrize(
    ("narrative", "expected"),
    [
        ("Caller says a man legged it with the sat nav from her car.", "45"),
        ("Caller says a man legged it with her purse from her handbag.", "39"),
    ],
)
def test_the_rules_words_settle_the_class_of_a_theft_the_model_read(narrative: str, expected: str) -> None:
    assert [c.offence for c in screen(narrative, "PS-OTHER", family_patterns({})).crimes] == ["49"]  # vote
    (finding,) = screen(narrative, "PS-OTHER", family_patterns()).crimes
    assert finding.offence == expected and finding.patterns == (MODEL_PATTERN,)


def test_an_injury_the_log_holds_settles_an_assault_the_model_read_as_with_injury() -> None:
    narrative = "Caller says her uncle laid into her aunt. Aunt has a bloodied nose."
    (finding,) = screen(narrative, "PS-OTHER", family_patterns()).crimes
    assert finding.offence == "8N" and finding.patterns == (MODEL_PATTERN, "UPG-INJURY")
    assert "bloodied" in " ".join(span.text for span in finding.evidence)


def test_without_an_injury_in_the_log_the_assault_the_model_read_is_without_injury() -> None:
    narrative = "Caller says her uncle laid into her aunt in the hall last night."
    assert [c.offence for c in screen(narrative, "PS-OTHER", family_patterns({})).crimes] == ["8N"]  # vote
    assert [c.offence for c in screen(narrative, "PS-OTHER", family_patterns()).crimes] == ["105A"]


@pytest.mark.parametrize(
    ("families", "where"),
    [
        ({"@NOSUCH": ["49"]}, "neighbours.model.families.@NOSUCH"),
        ({"@THEFT": ["ZZ9"]}, "neighbours.model.families.@THEFT"),
        ({"@THEFT": ["49"], "105A": ["49"]}, "neighbours.model.families.105A"),
        (["49"], "neighbours.model.families"),
    ],
)
def test_a_bad_family_is_refused_naming_it(families: Any, where: str) -> None:
    with pytest.raises(PatternError) as caught:
        family_patterns(families)
    assert caught.value.where == where
