"""Home Office offence codes (issue 16): stored on crimes, changed by reclassification, and found by the
offence search (selector, reference page, API) that the decision form's picker uses."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from config.exceptions import DomainError
from recording import rules, selectors
from recording.models import ClassificationChange, Crime
from recording.services import crimes, decisions, reclassification

pytestmark = pytest.mark.django_db


def _report(*alleged: rules.Allegation) -> rules.Report:
    return rules.Report(
        reported_at=timezone.now() - timedelta(hours=1),
        force="XX",
        victims=(rules.Victim("V1", "person"), rules.Victim("V2", "person")),
        alleged=alleged,
    )


def _record(make_user: Callable[..., Any], *alleged: rules.Allegation) -> list[Crime]:
    report = _report(*alleged)
    decision = rules.decide(report, selectors.offence_catalogue())
    return decisions.crime_create_from_decision(actor=make_user("recorder"), report=report, decision=decision)


# ---------------------------------------------------------------- stored crimes
def test_a_crime_keeps_the_offence_code_it_was_recorded_under(
    reference_data: None, make_user: Callable[..., Any]
) -> None:
    (crime,) = _record(make_user, rules.Allegation("A1", "V1", "125/9", "I1"))
    crime.refresh_from_db()
    assert (crime.offence.code, crime.offence_code.code if crime.offence_code else None) == ("9A", "125/9")
    initial = crime.classification_changes.get()
    assert initial.to_offence_code == crime.offence_code


def test_a_crime_from_a_class_code_has_no_offence_code(
    reference_data: None, make_user: Callable[..., Any]
) -> None:
    (crime,) = _record(make_user, rules.Allegation("A1", "V1", "9A", "I1"))
    assert crime.offence.code == "9A" and crime.offence_code is None


def test_a_crime_can_be_created_directly_from_an_offence_code(
    reference_data: None, make_user: Callable[..., Any]
) -> None:
    crime = crimes.crime_create(
        actor=make_user("recorder"), offence_code="34/1(pt)", reported_at=timezone.now() - timedelta(hours=1)
    )
    assert (crime.offence.code, crime.offence_code.title if crime.offence_code else "") == (
        "34A",
        "Robbery (of business property)",
    )


def test_an_unknown_code_is_refused_naming_offence(
    reference_data: None, make_user: Callable[..., Any]
) -> None:
    with pytest.raises(DomainError) as err:
        crimes.crime_create(actor=make_user("recorder"), offence_code="125/99", reported_at=timezone.now())
    assert err.value.field == "offence"


def test_the_crime_api_shows_the_offence_code(reference_data: None, api_as: Callable[..., Any]) -> None:
    client = api_as("recorder")
    request = {
        "reported_at": (timezone.now() - timedelta(hours=1)).isoformat(),
        "force": "XX",
        "victims": [{"ref": "V1", "kind": "person"}],
        "alleged": [{"ref": "A1", "victim": "V1", "offence": "125/11", "incident": "I1"}],
    }
    response = client.post("/api/v1/recording/crimes/from-decision/", request, format="json")
    assert response.status_code == 201, response.json()
    (made,) = response.json()["crimes"]
    assert (made["offence"], made["offence_code"]) == ("9A", "125/11")
    assert response.json()["decision"]["crimes"][0]["offence_code"] == "125/11"


# ---------------------------------------------------------------- reclassification may change it
def _reclassify(crime: Crime, make_user: Callable[..., Any], code: str) -> ClassificationChange:
    change = reclassification.reclassification_propose(
        crime=crime, actor=make_user("investigator"), offence_code=code, reason="Facts changed"
    )
    return reclassification.reclassification_decide(change=change, actor=make_user("sergeant"), approve=True)


def test_reclassifying_to_another_offence_of_the_same_class_changes_the_code(
    reference_data: None, make_user: Callable[..., Any]
) -> None:
    (crime,) = _record(make_user, rules.Allegation("A1", "V1", "125/9", "I1"))
    change = _reclassify(crime, make_user, "125/11")
    crime.refresh_from_db()
    assert (crime.offence.code, crime.offence_code.code if crime.offence_code else None) == ("9A", "125/11")
    assert (change.from_offence_code.code if change.from_offence_code else None) == "125/9"
    assert "9A (125/9) -> 9A (125/11)" in crime.history.first().history_change_reason


def test_reclassifying_to_a_class_clears_the_offence_code_of_the_old_class(
    reference_data: None, make_user: Callable[..., Any]
) -> None:
    (crime,) = _record(make_user, rules.Allegation("A1", "V1", "125/9", "I1"))
    _reclassify(crime, make_user, "8N")
    crime.refresh_from_db()
    assert (crime.offence.code, crime.offence_code) == ("8N", None)


def test_reclassifying_to_the_same_class_and_code_is_refused(
    reference_data: None, make_user: Callable[..., Any]
) -> None:
    (crime,) = _record(make_user, rules.Allegation("A1", "V1", "125/9", "I1"))
    for code in ("125/9", "9A"):
        with pytest.raises(DomainError, match="already classified"):
            reclassification.reclassification_propose(
                crime=crime, actor=make_user("investigator"), offence_code=code, reason="Same"
            )


# ---------------------------------------------------------------- offence search
@pytest.mark.parametrize(
    ("q", "first", "also"),
    [
        ("8N", "8N", set()),
        ("125/9", "125/9", set()),
        ("9A", "9A", {"125/9", "125/11", "125/12"}),
        ("assault", None, {"8N", "34/2(pt)"}),
        ("burglary", None, {"28E"}),
        ("s4A", "125/9", set()),
    ],
)
def test_offence_search_finds_classes_and_offence_codes(
    reference_data: None, q: str, first: str | None, also: set[str]
) -> None:
    found = selectors.offence_search(q)
    codes = [c.code for c in found]
    if first is not None:
        assert codes[0] == first
    assert also <= set(codes)


def test_offence_search_lists_each_offence_under_its_class_with_how_it_counts(reference_data: None) -> None:
    found = selectors.offence_search("9A")
    assert [(c.code, c.is_class) for c in found] == [
        ("9A", True),
        ("125/9", False),
        ("125/11", False),
        ("125/12", False),
    ]
    assert found[0].counting_label.startswith("Per victim when a person is named")
    assert [c.counting for c in found[1:]] == ["V", "V", "S"]


def test_offence_search_of_nothing_lists_every_class_and_code_in_three_queries(
    reference_data: None, django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(3):  # classes, their markers, offence codes with their class
        found = selectors.offence_search("")
    assert len([c for c in found if c.is_class]) == 127
    assert len([c for c in found if not c.is_class]) == 23


def test_the_reference_page_shows_offence_codes(reference_data: None, client: Client, make_user: Any) -> None:
    client.force_login(make_user("recorder"))
    html = client.get("/recording/reference/offences/?q=125/12").content.decode()
    assert "Harassment, alarm or distress" in html
    assert "9A Public fear alarm or distress" in html
    assert "State-based: one crime per offender or group" in html


def test_the_offence_search_api_answers_the_picker(reference_data: None, api_as: Callable[..., Any]) -> None:
    data = api_as("recorder").get("/api/v1/recording/offences/", {"q": "robbery"}).json()
    assert {"34A", "34/1(pt)"} <= {c["code"] for c in data}
    assert next(c for c in data if c["code"] == "34/1(pt)")["class_code"] == "34A"


def test_the_offence_search_api_is_for_crime_staff(reference_data: None, api_as: Callable[..., Any]) -> None:
    assert api_as("advisor").get("/api/v1/recording/offences/").status_code == 403


def test_the_crime_list_filters_by_class_or_by_offence_code(
    reference_data: None, make_user: Callable[..., Any], api_as: Callable[..., Any]
) -> None:
    _record(
        make_user, rules.Allegation("A1", "V1", "125/9", "I1"), rules.Allegation("A2", "V2", "125/11", "I1")
    )
    client = api_as("sergeant")
    by_class = client.get("/api/v1/recording/crimes/", {"offence": "9A"}).json()["results"]
    by_code = client.get("/api/v1/recording/crimes/", {"offence": "125/11"}).json()["results"]
    assert sorted(c["offence_code"] for c in by_class) == ["125/11", "125/9"]
    assert [c["offence_code"] for c in by_code] == ["125/11"]


def test_reclassifying_by_offence_code_through_the_api_lists_in_constant_queries(
    reference_data: None,
    make_user: Callable[..., Any],
    api_as: Callable[..., Any],
    django_assert_num_queries: Any,
) -> None:
    made = _record(
        make_user, rules.Allegation("A1", "V1", "125/9", "I1"), rules.Allegation("A2", "V2", "125/9", "I1")
    )
    investigator = api_as("investigator")
    for crime in made:
        response = investigator.post(
            f"/api/v1/recording/crimes/{crime.pk}/reclassifications/",
            {"offence": "125/11", "reason": "Threatened violence after all"},
            format="json",
        )
        assert response.status_code == 201, response.json()
        assert (response.json()["from_offence_code"], response.json()["to_offence_code"]) == (
            "125/9",
            "125/11",
        )
    sergeant = api_as("sergeant")
    with django_assert_num_queries(3):  # token auth, count, page with both offence codes joined
        listed = sergeant.get("/api/v1/recording/reclassifications/").json()
    assert [r["to_offence_code"] for r in listed["results"]] == ["125/11", "125/11"]


# ------------------------------------------------------- finding an offence by its words (issue 20 part 8)
@pytest.mark.parametrize(
    ("typed", "code"), [("bike", "44"), ("phone", "39"), ("Bike", "44"), ("my phone", "34B")]
)
def test_everyday_words_find_their_offences_through_the_synonyms_file(
    reference_data: None, typed: str, code: str
) -> None:
    from recording import selectors

    assert code in [c.code for c in selectors.offence_search(typed)]


def test_an_offences_exact_title_comes_first_and_wins_on_the_form(reference_data: None) -> None:
    from recording import selectors
    from recording.forms.common import offence_code_for

    found = selectors.offence_search("Assault with injury")
    assert found[0].code == "8N" and len(found) > 1  # the racially aggravated one holds the words too
    assert offence_code_for("assault with injury") == "8N"


def test_every_synonym_names_offences_the_catalogue_holds() -> None:
    import csv as csv_module

    from recording.selectors.reference import OFFENCE_SYNONYMS_CSV

    with OFFENCE_SYNONYMS_CSV.open(newline="") as fh:
        classes = {
            r["code"] for r in csv_module.DictReader((OFFENCE_SYNONYMS_CSV.parent / "ho_offences.csv").open())
        }
        for row in csv_module.DictReader(fh):
            assert set(row["codes"].split()) <= classes, row["word"]
