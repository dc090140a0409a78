"""Letters' pure rules, case by case (no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from staffing.rules import letters as rules

NAMES = ["case_reference", "recipient_name", "next_update_due"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Dear {{ recipient_name }}", ["recipient_name"]),
        (
            "{{case_reference}} and {{ case_reference }} {{ next_update_due }}",
            ["case_reference", "next_update_due"],
        ),
        ("No placeholders", []),
    ],
)
def test_it_lists_the_placeholders_a_template_uses(text: str, names: list[str]) -> None:
    assert rules.placeholders_in(text) == names


def test_it_accepts_a_template_of_known_placeholders() -> None:
    assert rules.template_problems("Dear {{ recipient_name }}, ref {{case_reference}}.", NAMES) == []


def test_it_refuses_an_unknown_placeholder_naming_it() -> None:
    problems = rules.template_problems("Dear {{ recipient_name }}, {{ officer_shoe_size }}", NAMES)
    assert [p.placeholder for p in problems] == ["officer_shoe_size"]
    assert "officer_shoe_size" in problems[0].message


@pytest.mark.parametrize(
    "text",
    [
        "{{ record.__class__ }}",
        "{{ recipient_name.__class__.__mro__ }}",
        "{{ recipient_name|upper }}",
        "{% load static %}",
        "{% if x %}yes{% endif %}",
        "{# a comment #}",
        "{{ recipient_name }} {{",
        "{{ '' }}",
        "{{ settings.SECRET_KEY }}",
        "{{ recipient_name() }}",
    ],
)
def test_it_refuses_anything_but_plain_placeholders(text: str) -> None:
    assert rules.template_problems(text, NAMES), text


def test_rendering_substitutes_once_so_a_value_is_never_read_as_a_placeholder() -> None:
    out = rules.render(
        "Dear {{ recipient_name }}", {"recipient_name": "{{ case_reference }}", "case_reference": "X"}
    )
    assert out == "Dear {{ case_reference }}"


def test_a_placeholder_without_a_value_renders_empty() -> None:
    assert rules.render("Ref: {{ case_reference }}.", {}) == "Ref: ."


def test_blocks_read_headings_paragraphs_and_points() -> None:
    body = "# Heading\n\nLine one\nline two\n\n- point a\n- point b\n\n\n"
    assert rules.blocks(body) == [
        rules.Block("heading", ("Heading",)),
        rules.Block("paragraph", ("Line one", "line two")),
        rules.Block("points", ("point a", "point b")),
    ]


def test_an_easy_read_sentence_of_twenty_words_is_flagged() -> None:
    twenty = " ".join(["word"] * 19) + " end."
    flagged = rules.long_sentences(f"Short one. {twenty} Another short one.")
    assert flagged == [(twenty, 20)]


def test_fifteen_words_is_within_easy_read() -> None:
    assert rules.long_sentences(" ".join(["word"] * 15) + ".") == []


def test_points_and_headings_are_sentences_of_their_own() -> None:
    assert rules.sentences("# What happens next\n- We will write.\n- You can phone.") == [
        "What happens next",
        "We will write.",
        "You can phone.",
    ]


@pytest.mark.parametrize(
    ("adjustments", "fmt", "translation"),
    [
        ([], rules.Format.STANDARD, False),
        (["large_print"], rules.Format.LARGE_PRINT, False),
        (["clear_print"], rules.Format.CLEAR_PRINT, False),
        (["easy_read", "large_print"], rules.Format.EASY_READ, False),
        (["interpreter"], rules.Format.STANDARD, True),
        (["bsl", "large_print"], rules.Format.LARGE_PRINT, True),
        (["advocate"], rules.Format.STANDARD, False),
    ],
)
def test_the_format_follows_the_recorded_adjustments(
    adjustments: list[str], fmt: rules.Format, translation: bool
) -> None:
    need = rules.format_for(adjustments)
    assert (need.format, need.translation) == (fmt, translation)


@pytest.mark.parametrize(
    ("fmt", "large", "pt"),
    [
        (rules.Format.LARGE_PRINT, False, 18),
        (rules.Format.EASY_READ, True, 18),
        (rules.Format.EASY_READ, False, 14),
        (rules.Format.CLEAR_PRINT, False, 12),
        (rules.Format.STANDARD, False, 12),
    ],
)
def test_body_sizes_meet_the_published_minimums(fmt: rules.Format, large: bool, pt: int) -> None:
    assert rules.body_font_pt(fmt, also_large_print=large) == pt
    if fmt == rules.Format.LARGE_PRINT:
        assert pt >= rules.LARGE_PRINT_MIN_PT


CANDIDATES = [
    rules.Candidate("ack-before", "acknowledgement", "standard", ("not:contact_made",)),
    rules.Candidate("ack-after", "acknowledgement", "standard", ("contact_made", "not:handed_over")),
    rules.Candidate("ack-handed", "acknowledgement", "standard", ("handed_over",)),
    rules.Candidate("ack-easy", "acknowledgement", "easy_read", ()),
    rules.Candidate("outcome", "outcome", "standard", ()),
]


@pytest.mark.parametrize(
    ("facts", "easy", "key"),
    [
        ({}, False, "ack-before"),
        ({"contact_made": True}, False, "ack-after"),
        ({"contact_made": True, "handed_over": True}, False, "ack-handed"),
        ({"contact_made": True}, True, "ack-easy"),
    ],
)
def test_the_template_that_fits_the_record_is_chosen(facts: dict[str, bool], easy: bool, key: str) -> None:
    chosen = rules.choose_template(CANDIDATES, purpose="acknowledgement", easy_read=easy, facts=facts)
    assert chosen is not None and chosen.key == key


def test_easy_read_falls_back_to_standard_when_no_variant_exists() -> None:
    chosen = rules.choose_template(CANDIDATES, purpose="outcome", easy_read=True, facts={})
    assert chosen is not None and chosen.key == "outcome"


def test_no_template_fits_an_unknown_purpose() -> None:
    assert rules.choose_template(CANDIDATES, purpose="review_decision", easy_read=False, facts={}) is None


def test_unknown_conditions_are_named() -> None:
    assert rules.conditions_problems(["contact_made", "not:nonsense"], ["contact_made"]) == ["not:nonsense"]


def test_bracketed_guidance_left_in_a_letter_is_found() -> None:
    assert rules.unfilled_guidance("Hello.\n[Say here what happened.]\nBye [x]") == [
        "[Say here what happened.]"
    ]


def test_letters_write_dates_in_full() -> None:
    assert rules.long_date(dt.date(2026, 12, 7)) == "7 December 2026"
    assert rules.long_date(None) == ""
