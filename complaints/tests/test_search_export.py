"""Finding and exporting complaint cases (issue 23 part 4): search by reference, a party's name, phone or
e-mail, collar number, category and words in the summary; the export for a date range holds exactly the
cases received in it, formula-safe and access-logged; the managers' queues of cases nobody holds or
nobody has touched for 28 days."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from typing import Any, cast
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from complaints import queues, selectors
from complaints.models import CaseAction, ComplaintCase
from complaints.tests.factories import ComplaintCaseFactory
from staffing.models import AccessLog

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def _found(user: Any, q: str = "", **filters: Any) -> set[str]:
    return set(selectors.case_search(user=user, q=q, **filters).values_list("reference", flat=True))


def test_search_finds_a_case_by_phone_however_the_number_is_typed(make_user: Callable[..., Any]) -> None:
    advisor = make_user("advisor")
    case = ComplaintCaseFactory(actor=advisor, complainant={"phone": "07700 900123"})
    ComplaintCaseFactory(actor=advisor, complainant={"phone": "07700 900999"})
    for typed in ("07700 900123", "07700900123", "+44 7700 900123", "(07700) 900-123"):
        assert _found(advisor, typed) == {case.reference}, typed


def test_search_finds_words_in_the_summary(make_user: Callable[..., Any]) -> None:
    advisor = make_user("advisor")
    pushed = ComplaintCaseFactory(actor=advisor, summary="The officer pushed my son against the car door.")
    ComplaintCaseFactory(actor=advisor, summary="Nobody called me back about the burglary.")
    assert _found(advisor, "pushed") == {pushed.reference}
    assert _found(advisor, "pushing son") == {pushed.reference}  # English stemming, every word
    assert _found(advisor, "car burglary") == set()


def test_search_by_email_collar_number_reference_and_category(make_user: Callable[..., Any]) -> None:
    advisor = make_user("advisor")
    first = ComplaintCaseFactory(actor=advisor, complainant={"email": "sam.jones@example.org"})
    second = ComplaintCaseFactory(
        actor=advisor,
        category="B2",
        subjects=[{"kind": "officer", "name": "PC Lee Hart", "collar_number": "9931"}],
    )
    assert _found(advisor, "SAM.JONES@example.org") == {first.reference}
    assert _found(advisor, "9931") == {second.reference}
    assert _found(advisor, second.reference) == {second.reference}
    assert _found(advisor, category="B2") == {second.reference}
    assert _found(advisor, "B2") == {second.reference}


def test_the_search_page_offers_category_and_finds_by_phone(
    client: Any, make_user: Callable[..., Any]
) -> None:
    advisor = make_user("advisor")
    case = ComplaintCaseFactory(actor=advisor, complainant={"phone": "0161 496 0000"})
    client.force_login(advisor)
    page = client.get("/complaints/search/", {"q": "01614960000"}).content.decode()
    assert case.reference in page and 'name="category"' in page and 'action="/complaints/export/"' in page


def _received(advisor: Any, when: dt.datetime, summary: str = "A complaint") -> ComplaintCase:
    return cast(ComplaintCase, ComplaintCaseFactory(actor=advisor, received_at=when, summary=summary))


def test_the_export_holds_exactly_the_cases_received_in_the_range(api_as: Callable[..., Any]) -> None:
    api = api_as("advisor")
    inside = [
        _received(api.user, dt.datetime(2026, 3, 1, 0, 0, tzinfo=LONDON)),
        _received(api.user, dt.datetime(2026, 3, 31, 23, 59, tzinfo=LONDON), '=HYPERLINK("http://x")'),
    ]
    _received(api.user, dt.datetime(2026, 2, 28, 23, 59, tzinfo=LONDON))
    _received(api.user, dt.datetime(2026, 4, 1, 0, 0, tzinfo=LONDON))
    answer = api.get("/api/v1/complaints/export/", {"from": "2026-03-01", "to": "2026-03-31"})
    assert answer.status_code == 200 and answer["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(answer.content.decode("utf-8-sig"))))
    assert [r["reference"] for r in rows] == [c.reference for c in inside]
    assert rows[1]["summary"].startswith("'=")  # a formula is text, not a formula
    assert AccessLog.objects.filter(action="export", purpose="Case export").count() == 2

    book = api.get("/api/v1/complaints/export/", {"from": "2026-03-01", "to": "2026-03-31", "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(book.content)).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [c.reference for c in inside]


def test_the_export_refuses_a_bad_range_and_other_roles(api_as: Callable[..., Any]) -> None:
    api = api_as("manager")
    assert "from" in api.get("/api/v1/complaints/export/", {"from": "2026-13-01", "to": "2026-03-31"}).json()
    assert "to" in api.get("/api/v1/complaints/export/", {"from": "2026-03-02", "to": "2026-03-01"}).json()
    refused = api_as("investigator").get("/api/v1/complaints/export/?from=2026-03-01&to=2026-03-02")
    assert refused.status_code == 403


def test_managers_see_cases_nobody_holds_and_cases_nobody_touched(make_user: Callable[..., Any]) -> None:
    advisor, manager = make_user("advisor"), make_user("manager")
    nobody = ComplaintCaseFactory(actor=advisor)
    ComplaintCase.objects.filter(pk=nobody.pk).update(assigned_to=None)
    untouched = ComplaintCaseFactory(actor=advisor)
    CaseAction.objects.filter(case=untouched).update(at=dt.datetime(2026, 1, 1, tzinfo=LONDON))
    ComplaintCaseFactory(actor=advisor)  # held and touched today
    assert set(queues.unallocated(manager)) == {nobody}
    assert set(queues.stale(manager)) == {untouched}
    keys = {q.key for q in queues.work_queues(manager)}
    assert {"complaints-unallocated", "complaints-stale"} <= keys
    assert not {"complaints-unallocated", "complaints-stale"} & {q.key for q in queues.work_queues(advisor)}
