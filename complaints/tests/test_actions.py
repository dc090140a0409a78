"""The complaint case actions' one specification (issue 22 House): the dispatch, the case page, the API
and the case log read complaints.actions.SPECS, and nothing else lists the actions' names."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from complaints import services
from complaints.actions import API_ACTIONS, SPECS, case_state
from complaints.models import CaseAction, ComplaintCase
from complaints.rules import actions as action_rules
from complaints.rules.actions import CaseState
from complaints.tests.factories import ComplaintCaseFactory, ComplimentFactory
from config.exceptions import DomainError

ROOT = Path(__file__).resolve().parents[2]
# Case log entries no action writes on its own: the case's creation, the DSE handover and the PCC written
# beside `record`, the reopening after an upheld review, and an agent's written authority (its own page).
LOG_KINDS_BESIDE_ACTIONS = {"created", "dse_handover", "reopened", "authority"}


# ---------------------------------------------------------------- the specification itself (no DB)
def test_every_action_has_a_stable_name_words_and_a_log_label() -> None:
    kinds = dict(CaseAction.Kind.choices)
    for name, spec in SPECS.items():
        assert name == spec.name and re.fullmatch(r"[a-z_]+", name), name
        assert spec.label and spec.button, name
        assert spec.log in kinds, (name, spec.log)  # the case log shows kinds[spec.log], a label


def test_every_case_log_kind_is_written_by_an_action_or_named_as_written_beside_one() -> None:
    written = {spec.log for spec in SPECS.values()}
    assert set(CaseAction.Kind.values) - written == LOG_KINDS_BESIDE_ACTIONS


def test_the_api_schema_offers_exactly_the_specified_actions_endpoint_actions() -> None:
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    schemas = schema["components"]["schemas"]
    ref = schemas["ActionInRequest"]["properties"]["action"]["$ref"]
    enum = schemas[ref.rsplit("/", 1)[1]]["enum"]
    assert enum == list(API_ACTIONS) == [s.name for s in SPECS.values() if s.api == "actions"]


def test_every_action_with_its_own_endpoint_names_a_real_url() -> None:
    for spec in SPECS.values():
        if spec.api == "actions":
            continue
        paths = []
        for kwargs in ({"pk": 1}, {"pk": 1, "review_id": 2}):
            try:
                paths.append(reverse(f"api:{spec.api}", kwargs=kwargs))
            except NoReverseMatch:
                continue
        assert paths, f"{spec.name}: no API endpoint named {spec.api!r}"


def test_every_letter_an_action_offers_is_a_letter_the_case_can_draft() -> None:
    from complaints.letters import COMPLAINT_LETTERS

    offered = {spec.letter for spec in SPECS.values() if spec.letter}
    assert offered <= dict(COMPLAINT_LETTERS).keys()
    assert "signposting" in offered


def _quoted_names(text: str) -> set[str]:
    return {name for name in SPECS if re.search(rf"""["']{name}["']""", text)}


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        # The consumers of the specification. Per-item actions (one form per review, recommendation or
        # subject) are built by the page from their spec, which it looks up by name.
        # ("review" there is the result form's field naming its application.)
        ("complaints/views/handling.py", {"review_result", "recommendation", "review"}),
        ("complaints/views/__init__.py", set()),
        ("complaints/services/actions.py", set()),
        ("complaints/serializers/handling.py", set()),
        ("complaints/api/cases.py", {"contact", "close", "review", "review_result"}),
        ("templates/complaints/case_detail.html", set()),
        ("templates/complaints/partials/_action.html", set()),
        ("templates/complaints/_subject_confirm.html", {"subject_confirm"}),
        # Naming who an allegation is about: its own page and endpoint take it by its name.
        ("complaints/views/alerts.py", {"subject_attach"}),
        ("complaints/api/alerts.py", {"subject_attach"}),
        ("complaints/templatetags/subject_alerts.py", set()),
        ("templates/complaints/alerts/_case_allegations.html", set()),
        ("templates/complaints/alerts/subject_attach.html", set()),
    ],
)
def test_nothing_but_the_specification_lists_the_actions(path: str, allowed: set[str]) -> None:
    """A new action is added in one place: the page, the dispatch and the API read its name from SPECS.
    (The API's own endpoints call the dispatch with their action's name, as the contract fixes them.)"""
    assert _quoted_names((ROOT / path).read_text()) <= allowed


# ---------------------------------------------------------------- preconditions (pure)
OPEN = CaseState(reference="CO/1", kind="complaint")
CLOSED = CaseState(reference="CO/1", kind="complaint", status="closed", status_label="Closed")


@pytest.mark.parametrize(
    ("state", "refused"),
    [
        (OPEN, ""),
        (CaseState(kind="complaint", eligible=False), ""),
        (CaseState(kind="complaint", route="outside_schedule_3"), ""),
        (CLOSED, "Case CO/1 is closed and can no longer be edited."),
        (CaseState(kind="compliment"), "A compliment has no complaint handling."),
        (CaseState(kind="complaint", recorded=True), "It is handled under Schedule 3, so it cannot be"),
        (CaseState(kind="complaint", route="referred_to_iopc"), "It is handled under Schedule 3"),
    ],
)
def test_signposting_is_open_unless_the_case_is_closed_a_compliment_or_under_schedule_3(
    state: CaseState, refused: str
) -> None:
    answer = action_rules.signpostable(state)
    assert answer.startswith(refused) and bool(answer) == bool(refused)


@pytest.mark.parametrize(
    ("state", "refused"),
    [(OPEN, ""), (CLOSED, ""), (CaseState(kind="compliment"), "A compliment has no allegations.")],
)
def test_naming_who_an_allegation_is_about_is_open_on_any_case_but_a_compliment(
    state: CaseState, refused: str
) -> None:
    answer = action_rules.allegations_any_status(state)
    assert answer == refused
    assert getattr(answer, "field", "allegations") == "allegations"  # the API's 400 names the field


@pytest.mark.parametrize(
    ("state", "suggested"),
    [
        (CaseState(not_a_complaint="service_request"), "not a complaint"),
        (CaseState(eligible=False), "may not complain"),
        (CaseState(proposal_eligible=False), "may not complain"),  # the proposal, before a decision
        (CaseState(eligible=True, proposal_eligible=False), ""),  # the decision stands over it
        (CaseState(eligible=True), ""),
        (CaseState(eligible=False, recorded=True), ""),  # recorded: it must be handled
        (CaseState(eligible=False, status="closed"), ""),
    ],
)
def test_signposting_is_suggested_where_triage_says_not_a_complaint_or_not_eligible(
    state: CaseState, suggested: str
) -> None:
    words = action_rules.signpost_suggested(state)
    assert (suggested in words) if suggested else words == ""


@pytest.mark.parametrize(
    ("rule", "state", "refused"),
    [
        (action_rules.contact_not_made, CaseState(contact_made=True), "The initial contact has been made."),
        (action_rules.not_recorded, CaseState(recorded=True), "It is recorded under Schedule 3."),
        (action_rules.about_chief_officer, OPEN, "Only a complaint about the chief officer"),
        (action_rules.investigation, CaseState(route="outside_schedule_3"), "Only an investigation"),
        (action_rules.schedule_3_running, CaseState(route="outside_schedule_3"), "Only a case handled under"),
        (
            action_rules.schedule_3_suspended,
            CaseState(route="referred_to_iopc"),
            "Handling is not suspended.",
        ),
        (action_rules.review_application, OPEN, "A review application follows the outcome"),
        (action_rules.open_compliment, OPEN, "Only a compliment is forwarded"),
        (action_rules.facts_to_ask, CaseState(has_questions=False), "Every triage fact"),
    ],
)
def test_each_precondition_says_why_in_words(rule: Any, state: CaseState, refused: str) -> None:
    assert rule(state).startswith(refused)


# ---------------------------------------------------------------- the dispatch and the page read it
@pytest.fixture
def advisor(make_user: Callable[..., Any], reference_data: None) -> Any:
    return make_user("advisor")


@pytest.mark.django_db
def test_the_dispatch_refuses_an_action_whose_precondition_fails_in_its_words(advisor: Any) -> None:
    case = ComplaintCaseFactory(actor=advisor)
    with pytest.raises(DomainError) as refused:
        services.case_action("pcc", case_id=case.pk, actor=advisor, data={"reason": "x"})
    assert refused.value.message == "Only a complaint about the chief officer is handled by the PCC."
    assert not case.actions.filter(kind=CaseAction.Kind.PCC_HANDLING).exists()


@pytest.mark.django_db
def test_the_dispatch_asks_who_may(advisor: Any, make_user: Callable[..., Any]) -> None:
    case = ComplaintCaseFactory(actor=advisor)
    with pytest.raises(DomainError, match="Only a manager can reassign a case."):
        services.case_action(
            "reassign", case_id=case.pk, actor=advisor, data={"assignee": make_user("advisor"), "reason": "x"}
        )


def _page_offers(client: Client, case: ComplaintCase, user: Any) -> None:
    """Every action the specification opens to `user` on `case` is on its page (by its name and label);
    every one it holds back from the actions list is listed with its reason."""
    html = client.get(reverse("complaints:detail", kwargs={"pk": case.pk})).content.decode()
    case = ComplaintCase.objects.prefetch_related(
        "reviews", "suspensions", "recommendations", "subjects__candidates"
    ).get(pk=case.pk)
    state = case_state(case)
    for spec in SPECS.values():
        if spec.per_item or not spec.who(user):
            continue
        if spec.section == "triage":
            continue  # shown with the proposal: the triage tests cover it
        reason = spec.precondition(state)
        if not reason:
            assert f'id="action-{spec.name}"' in html, spec.name
            assert spec.label in html.replace("&#x27;", "'"), spec.name
        else:
            assert f'id="action-{spec.name}"' not in html, spec.name


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["complaint", "compliment"])
def test_the_case_page_offers_exactly_what_the_specification_opens(
    client: Client, advisor: Any, kind: str
) -> None:
    factory = ComplimentFactory if kind == "compliment" else ComplaintCaseFactory
    case = factory(actor=advisor)
    client.force_login(advisor)
    _page_offers(client, case, advisor)


@pytest.mark.django_db
def test_the_case_page_offers_what_the_specification_opens_once_recorded_and_contacted(
    client: Client, advisor: Any
) -> None:
    case = ComplaintCaseFactory(
        actor=advisor, complainant_wants_recording=True, complainant_agrees_outside_schedule_3=False
    )
    services.complaint_triage_decide(case_id=case.pk, actor=advisor, accept=True)
    services.complaint_initial_contact(
        case_id=case.pk, actor=advisor, at=timezone.now(), method="phone", summary="Wants it recorded"
    )
    services.complaint_record(
        case_id=case.pk,
        actor=advisor,
        recorded_on=timezone.localdate(),
        dse_handover_on=timezone.localdate(),
        dse_reference="DSE/1",
    )
    client.force_login(advisor)
    _page_offers(client, case, advisor)
    html = client.get(reverse("complaints:detail", kwargs={"pk": case.pk})).content.decode()
    assert "It is handled under Schedule 3, so it cannot be signposted away." in html  # held back, why


@pytest.mark.django_db
def test_an_action_with_its_own_page_is_linked_from_the_case_page_and_taken_only_there(
    client: Client, advisor: Any
) -> None:
    spec = next(s for s in SPECS.values() if s.page)
    case = ComplaintCaseFactory(actor=advisor)
    client.force_login(advisor)
    page = reverse(spec.page, kwargs={"pk": case.pk})
    assert (
        f'href="{page}"' in client.get(reverse("complaints:detail", kwargs={"pk": case.pk})).content.decode()
    )
    assert client.get(page).status_code == 200
    taken_elsewhere = client.post(reverse("complaints:action", kwargs={"pk": case.pk, "name": spec.name}), {})
    assert taken_elsewhere.status_code == 404
