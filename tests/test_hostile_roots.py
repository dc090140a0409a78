"""Hostile input, root by root (issue 17 part 6): each input that once gave a 500 now gets a 4xx that
names the field (or a one-line command error), and nothing is stored."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from recording.models import Crime
from recording.tests.factories import CrimeFactory

pytestmark = pytest.mark.django_db


def test_a_reason_of_any_length_is_kept_whole_in_the_history(api_as: Callable[..., Any]) -> None:
    """The audit history's reason column held 100 characters: a longer reason was a database error."""
    api = api_as("sergeant")
    crime = CrimeFactory(status=Crime.Status.RECORDED)
    reason = " ".join(["The victim rang back with more detail."] * 60)
    response = api.post(
        f"/api/v1/recording/crimes/{crime.pk}/status/",
        {"status": "under_investigation", "reason": reason},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert crime.history.latest().history_change_reason == reason


# ---------------------------------------------------------------- bodies: NUL, surrogates, nesting, shape
DECISION: dict[str, Any] = {
    "reported_at": "2026-03-01T14:05:00Z",
    "force": "XX",
    "victims": [{"ref": "V1", "kind": "person"}],
    "alleged": [{"ref": "A1", "victim": "V1", "offence": "8N", "incident": "I1", "believed": True}],
}


@pytest.mark.parametrize(
    ("body", "field_path"),
    [
        ({**DECISION, "force": "X\u0000X"}, ["force"]),
        ({**DECISION, "victims": [{"ref": "V1", "kind": "person\ud800"}]}, ["victims", "0", "kind"]),
        (
            {**DECISION, "alleged": [{**DECISION["alleged"][0], "offence": "8\u0000N"}]},
            ["alleged", "0", "offence"],
        ),
    ],
)
def test_unstorable_text_in_a_json_body_is_a_400_naming_where_it_sits(
    api_as: Callable[..., Any], reference_data: None, body: dict[str, Any], field_path: list[str]
) -> None:
    response = api_as("recorder").post(
        "/api/v1/recording/decisions/", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 400
    error: Any = response.json()
    for key in field_path:
        error = error[key]
    assert isinstance(error, list) and error


def test_json_nested_a_hundred_thousand_deep_is_a_400(api_as: Callable[..., Any]) -> None:
    body = '{"victims": ' + "[" * 100_000 + "]" * 100_000 + "}"
    response = api_as("recorder").post("/api/v1/recording/decisions/", body, content_type="application/json")
    assert response.status_code == 400
    assert "nested too deep" in json.dumps(response.json())


@pytest.mark.parametrize("body", ["[]", '"text"', "42", "null", '[{"kind": "compliment"}]'])
def test_a_body_that_is_not_a_json_object_is_a_400_and_stores_nothing(
    api_as: Callable[..., Any], reference_data: None, body: str
) -> None:
    from complaints.models import ComplaintCase

    response = api_as("advisor").post(
        "/api/v1/complaints/compliments/", body, content_type="application/json"
    )
    assert response.status_code == 400
    assert "JSON object" in response.json()["non_field_errors"][0]
    assert not ComplaintCase.objects.exists()


def test_a_json_array_on_a_force_patch_is_a_400(api_as: Callable[..., Any], reference_data: None) -> None:
    from recording.tests.factories import ForceFactory

    force = ForceFactory()
    response = api_as("admin").patch(
        f"/api/v1/recording/forces/{force.pk}/", "[1]", content_type="application/json"
    )
    assert response.status_code == 400


# ---------------------------------------------------------------- query strings and forms: NUL
@pytest.mark.parametrize(
    "url",
    [
        "/recording/crimes/?q=a%00b",
        "/recording/incidents/?q=%00",
        "/qa/unrecorded/?status=open%00",
        "/complaints/search/?q=%00",
        "/staffing/access-log/?record_type=%00",
    ],
)
def test_a_nul_byte_in_a_page_filter_is_a_400_page_naming_the_field(
    client: Client, make_user: Callable[..., Any], url: str
) -> None:
    client.force_login(make_user("admin"))
    response = client.get(url)
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_a_nul_byte_in_an_api_filter_is_a_400_naming_the_field(api_as: Callable[..., Any]) -> None:
    response = api_as("sergeant").get("/api/v1/recording/crimes/?q=%00")
    assert response.status_code == 400
    assert "q" in response.json()


def test_a_nul_byte_in_a_form_post_is_a_400_and_stores_nothing(
    client: Client, make_user: Callable[..., Any]
) -> None:
    from staffing.models import Team

    client.force_login(make_user("manager"))
    before = Team.objects.count()
    response = client.post("/staffing/teams/", {"code": "T\x00", "name": "Night\x00 team"})
    assert response.status_code == 400
    assert Team.objects.count() == before


# ---------------------------------------------------------------- times outside 1900-2100
@pytest.mark.parametrize(
    "when", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "1899-12-31T23:00:00Z"]
)
def test_a_decision_time_outside_1900_to_2100_is_a_400_naming_reported_at(
    api_as: Callable[..., Any], reference_data: None, when: str
) -> None:
    response = api_as("recorder").post(
        "/api/v1/recording/decisions/", {**DECISION, "reported_at": when}, format="json"
    )
    assert response.status_code == 400
    assert "reported_at" in response.json()


@pytest.mark.parametrize("when", ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"])
def test_the_feed_refuses_a_time_outside_1900_to_2100_and_stores_nothing(
    api_as: Callable[..., Any], reference_data: None, when: str
) -> None:
    from recording.models import Incident

    incident = {
        "reference": "XX-20260301-0001",
        "opened_at": when,
        "nsir_code": "CRIME-VIOLENCE",
        "summary": "Fight",
        "location": "High Street",
        "grade": "priority",
    }
    response = api_as("admin").post("/api/v1/incidents/bulk/", {"incidents": [incident]}, format="json")
    assert response.status_code == 400
    assert "opened_at" in json.dumps(response.json())
    assert not Incident.objects.exists()


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_extreme_dates_on_the_daily_figures_are_a_400(api_as: Callable[..., Any], day: str) -> None:
    response = api_as("manager").get(f"/api/v1/dashboard/daily/?date={day}")
    assert response.status_code == 400
    assert "date" in response.json()


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_extreme_dates_on_pages_are_refused_not_a_500(
    client: Client, make_user: Callable[..., Any], day: str
) -> None:
    from staffing.tests.factories import TeamFactory

    team = TeamFactory()
    client.force_login(make_user("manager", team=team))
    pages = (
        f"/qa/dashboard/?date={day}",
        f"/staffing/rota/?team={team.code}&week={day}",
        f"/qa/daily/?date={day}",
    )
    for url in pages:
        assert client.get(url).status_code in {200, 400}, url


def test_every_date_input_is_declared_with_the_bounded_fields() -> None:
    """config/fields.py bounds every date and time that comes in; a bare Django/DRF field would not."""
    import re
    from pathlib import Path

    bare = re.compile(r"\b(serializers|forms)\.Date(Time)?Field\(")
    root = Path(__file__).resolve().parent.parent
    found = [
        f"{path.relative_to(root)}:{number}"
        for app in ("config", "staffing", "recording", "complaints", "qa")
        for path in (root / app).rglob("*.py")
        if "tests" not in path.parts and "migrations" not in path.parts and path.name != "fields.py"
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if bare.search(line)
    ]
    assert found == []


def test_a_nul_byte_in_an_api_form_body_is_a_400(api_as: Callable[..., Any]) -> None:
    response = api_as("advisor").post("/api/v1/complaints/compliments/", {"summary": "Thank\x00 you"})
    assert response.status_code == 400
    assert "NUL" in response.json()["summary"][0]


def test_a_hundred_thousand_victims_in_one_request_is_a_400_and_stores_nothing(
    api_as: Callable[..., Any], reference_data: None
) -> None:
    body = {**DECISION, "victims": [{"ref": f"V{n}", "kind": "person"} for n in range(100_000)]}
    response = api_as("recorder").post("/api/v1/recording/decisions/", body, format="json")
    assert response.status_code == 400
    assert "victims" in response.json()


def test_more_victims_than_a_report_can_hold_is_a_400_naming_the_list(
    api_as: Callable[..., Any], reference_data: None
) -> None:
    body = {**DECISION, "victims": [{"ref": f"V{n}", "kind": "person"} for n in range(101)]}
    response = api_as("recorder").post("/api/v1/recording/decisions/", body, format="json")
    assert response.status_code == 400
    assert "victims" in response.json()


# ---------------------------------------------------------------- import_incidents
CSV_HEADER = b"reference,opened_at,closed_at,nsir_code,grade,summary,location,crime_number\n"
CSV_GOOD = b"XX-1,2026-03-01T02:10:00Z,,CRIME-VIOLENCE,priority,Fight,High St,\n"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            CSV_HEADER + CSV_GOOD + b"XX-2,2026-03-01T02:10:00Z,,CRIME-VIOLENCE,priority,Caf\xe9,High St,\n",
            "line 3: the file is not UTF-8",
        ),
        (b"refer\xff,opened_at,nsir_code\n" + CSV_GOOD, "line 1: the file is not UTF-8"),
        (
            CSV_HEADER
            + CSV_GOOD
            + b"XX-2,2026-03-01T02:10:00Z,,CRIME-VIOLENCE,priority,Fi\x00ght,High St,\n",
            "line 3: a NUL byte",
        ),
        (
            CSV_HEADER
            + CSV_GOOD
            + b'XX-2,2026-03-01T02:10:00Z,,CRIME-VIOLENCE,priority,"Fight,High St,\n'
            + CSV_GOOD.replace(b"XX-1", b"XX-3"),
            "cannot read the CSV",
        ),
    ],
    ids=["bad-utf8-row", "bad-utf8-header", "nul-byte", "unterminated-quote"],
)
def test_import_incidents_names_the_line_of_unreadable_input_and_stores_nothing(
    reference_data: None, tmp_path: Any, body: bytes, message: str
) -> None:
    from django.core.management import CommandError, call_command

    from recording.models import Incident

    path = tmp_path / "incidents.csv"
    path.write_bytes(body)
    with pytest.raises(CommandError) as error:
        call_command("import_incidents", str(path))
    assert message in str(error.value)
    assert "\n" not in str(error.value)
    assert not Incident.objects.exists()


# ---------------------------------------------------------------- exports: one formula-safe writer
def test_every_csv_export_goes_through_the_one_formula_safe_writer() -> None:
    """config/exports.py is the only place a CSV is written for people (the rule catalogue's data file,
    written for the repository, is not an export)."""
    import re
    from pathlib import Path

    writer = re.compile(r"\bcsv\.(writer|DictWriter)\(")
    root = Path(__file__).resolve().parent.parent
    allowed = {Path("config/exports.py"), Path("staffing/catalogue.py")}
    found = [
        str(path.relative_to(root))
        for app in ("config", "staffing", "recording", "complaints", "qa")
        for path in (root / app).rglob("*.py")
        if "tests" not in path.parts
        and path.relative_to(root) not in allowed
        and writer.search(path.read_text())
    ]
    assert found == []


def test_the_learning_report_csv_neutralises_formula_cells(
    client: Client, make_user: Callable[..., Any], reference_data: None
) -> None:
    from django.utils import timezone

    from complaints.models import ComplaintCategory
    from complaints.tests.factories import ComplaintCaseFactory

    ComplaintCaseFactory(received_at=timezone.now())
    ComplaintCategory.objects.filter(code="A1").update(title='=HYPERLINK("http://evil")')
    client.force_login(make_user("manager"))
    response = client.get("/complaints/learning/?format=csv")
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    assert "'=HYPERLINK" in text
    assert "=HYPERLINK" not in text.replace("'=HYPERLINK", "")


# ---------------------------------------------------------------- create_user
@pytest.mark.parametrize("username", ["", "   ", "bad name", "semi;colon", "x" * 151, "nul\x00"])
def test_create_user_refuses_a_username_the_admin_would_refuse(username: str) -> None:
    from django.core.management import CommandError, call_command

    from staffing.models import User

    with pytest.raises(CommandError) as error:
        call_command("create_user", username, "--role", "recorder")
    assert "\n" not in str(error.value)
    assert not User.objects.exists()


@pytest.mark.parametrize(
    "query", ["owner=x", "owner=-1", "status=nope", "recorded_from=9999-01-01", "mine=maybe"]
)
def test_a_bad_crime_list_filter_is_a_400_naming_it(api_as: Callable[..., Any], query: str) -> None:
    response = api_as("sergeant").get(f"/api/v1/recording/crimes/?{query}")
    assert response.status_code == 400
    assert query.split("=")[0] in response.json()


@pytest.mark.parametrize("count", ["abc", "-1", "99999999999999999999", "1e3"])
def test_a_non_numeric_row_count_on_the_decision_page_is_not_a_500(
    client: Client, make_user: Callable[..., Any], reference_data: None, count: str
) -> None:
    client.force_login(make_user("recorder"))
    response = client.post("/recording/decide/", {"action": "add-victims", "victims-TOTAL_FORMS": count})
    assert response.status_code == 200
