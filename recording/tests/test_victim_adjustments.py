"""A crime victim's reasonable adjustments (issue 22 part 3): recorded on the crime's victim from the
one list complainants' come from (staffing.models.ReasonableAdjustment), through the page and the API,
and letters to the victim take their format from them exactly as complaint letters do."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextContainer
from pypdf import PdfReader
from rest_framework.test import APIClient

from complaints.models import Complainant
from config.exceptions import DomainError
from recording.models import Crime, CrimeVictim
from recording.services import victims_code
from recording.tests.factories import CrimeFactory, CrimeVictimFactory
from staffing.models import Letter, ReasonableAdjustment
from staffing.services import letters as letter_services
from staffing.services.letters.documents import letter_pdf

pytestmark = pytest.mark.django_db

CRIMES = "/api/v1/recording/crimes/"


@pytest.fixture
def investigator(make_user: Callable[..., Any], reference_data: None) -> Any:
    return make_user("investigator")


def _font_sizes(pdf: bytes) -> set[float]:
    sizes: set[float] = set()
    for page in extract_pages(io.BytesIO(pdf)):
        for element in page:
            if isinstance(element, LTTextContainer):
                for line in element:
                    for char in line:  # type: ignore[attr-defined]
                        if isinstance(char, LTChar) and char.get_text().strip():
                            sizes.add(round(char.size, 1))
    return sizes


def test_victims_and_complainants_choose_from_one_list_of_adjustments() -> None:
    assert Complainant.Adjustment is ReasonableAdjustment
    assert {"large_print", "clear_print", "easy_read", "interpreter", "translation"} <= set(
        ReasonableAdjustment.values
    )


def test_a_large_print_victims_notice_pdf_has_no_text_under_16pt(investigator: Any) -> None:
    crime = CrimeFactory(owner=investigator, status="allocated")
    victim = CrimeVictimFactory(crime=crime, name="Robin Hart", contact="1 Mill Lane\nDemotown")
    victims_code.victim_agreement_record(
        crime=crime,
        victim=victim,
        actor=investigator,
        update_every_days=14,
        contact_method="letter",
        adjustments=["large_print"],
    )
    victims_code.victim_notice_record(
        crime=crime,
        actor=investigator,
        kind="not_investigated",
        decided_at=timezone.now() - timedelta(minutes=30),
        reason="No lines of enquiry.",
    )
    letter = letter_services.letter_draft(
        record_type="crime", record_id=crime.pk, actor=investigator, purpose="vcop_no_investigation"
    )
    assert letter.format == Letter.Format.LARGE_PRINT
    assert "Large print is recorded" in letter.format_reasons
    letter = letter_services.letter_issue(letter_id=letter.pk, actor=investigator)
    pdf = letter_pdf(letter.issued_html)
    sizes = _font_sizes(pdf)
    assert sizes and min(sizes) >= 16, sizes
    reader = PdfReader(io.BytesIO(pdf))
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert crime.crime_number in reader.pages[0].extract_text()


def test_a_victim_with_no_adjustment_gets_the_standard_letter(investigator: Any) -> None:
    crime = CrimeFactory(owner=investigator, status="allocated")
    CrimeVictimFactory(crime=crime)
    letter = letter_services.letter_draft(
        record_type="crime", record_id=crime.pk, actor=investigator, purpose="victim_update"
    )
    assert letter.format == Letter.Format.STANDARD and not letter.translation_needed


def test_an_interpreter_need_shows_on_a_victim_update_draft(investigator: Any) -> None:
    crime = CrimeFactory(owner=investigator, status="allocated")
    CrimeVictimFactory(crime=crime, adjustments=["interpreter"], adjustment_notes="Polish")
    letter = letter_services.letter_draft(
        record_type="crime", record_id=crime.pk, actor=investigator, purpose="victim_update"
    )
    assert letter.translation_needed
    assert any("translation" in reason for reason in letter.format_reasons)


def test_an_unknown_adjustment_is_refused_and_nothing_changes(investigator: Any) -> None:
    crime = CrimeFactory(owner=investigator, status="allocated")
    victim = CrimeVictimFactory(crime=crime, adjustments=["clear_print"])
    with pytest.raises(DomainError) as err:
        victims_code.victim_agreement_record(
            crime=crime,
            victim=victim,
            actor=investigator,
            update_every_days=14,
            contact_method="letter",
            adjustments=["braille_by_drone"],
        )
    assert err.value.field == "adjustments" and "braille_by_drone" in err.value.message
    victim.refresh_from_db()
    assert victim.adjustments == ["clear_print"] and victim.agreed_at is None


def test_the_agreement_api_records_adjustments_and_leaves_them_when_absent(
    api_as: Callable[..., APIClient], reference_data: None
) -> None:
    crime = CrimeFactory()
    victim = CrimeVictimFactory(crime=crime)
    client = api_as("investigator")
    url = f"{CRIMES}{crime.pk}/victims/{victim.pk}/agreement/"

    first = client.post(
        url,
        {
            "update_every_days": 14,
            "contact_method": "letter",
            "adjustments": ["large_print", "interpreter"],
            "adjustment_notes": "Speaks Tigrinya",
        },
        format="json",
    )
    second = client.post(url, {"update_every_days": 7, "contact_method": "phone"}, format="json")
    refused = client.post(
        url, {"update_every_days": 7, "contact_method": "phone", "adjustments": ["nope"]}, format="json"
    )

    assert first.status_code == 200, first.json()
    assert first.json()["adjustment_labels"] == ["Large print", "Interpreter"]
    assert second.status_code == 200
    assert second.json()["adjustments"] == ["large_print", "interpreter"]
    assert second.json()["adjustment_notes"] == "Speaks Tigrinya"
    assert refused.status_code == 400 and list(refused.json()) == ["adjustments"]
    victim.refresh_from_db()
    assert victim.agreed_update_days == 7 and victim.history.count() == 3  # created + two agreements


def test_a_crime_created_through_the_api_keeps_its_victims_adjustments(
    api_as: Callable[..., APIClient], reference_data: None
) -> None:
    body = {
        "offence": "8N",
        "reported_at": (timezone.now() - timedelta(hours=2)).isoformat(),
        "victims": [{"ref": "V1", "name": "Ann Smith", "adjustments": ["easy_read"]}],
    }
    response = api_as("recorder").post(CRIMES, body, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["victims"][0]["adjustments"] == ["easy_read"]
    assert CrimeVictim.objects.get().adjustments == ["easy_read"]

    bad = api_as("recorder").post(
        CRIMES, {**body, "victims": [{"ref": "V1", "adjustments": ["psychic"]}]}, format="json"
    )
    assert bad.status_code == 400 and list(bad.json()) == ["victims"]
    assert Crime.objects.count() == 1


def test_the_crime_page_records_and_shows_a_victims_adjustments(investigator: Any) -> None:
    crime = CrimeFactory(owner=investigator, status="allocated")
    client = Client()
    client.force_login(investigator)

    added = client.post(
        f"/recording/crimes/{crime.pk}/victims/new/",
        {"kind": "person", "name": "Lee Park", "adjustments": ["clear_print"], "reason": "Victim added"},
    )
    victim = crime.victims.get()
    agreed = client.post(
        f"/recording/crimes/{crime.pk}/victims/{victim.pk}/agreement/",
        {
            "update_every_days": 28,
            "contact_method": "letter",
            "adjustments": ["large_print", "bsl"],
            "adjustment_notes": "Uses a BSL interpreter at meetings",
        },
    )

    assert added.status_code == 302 and agreed.status_code == 302
    victim.refresh_from_db()
    assert victim.adjustments == ["large_print", "bsl"]
    page = client.get(f"/recording/crimes/{crime.pk}/").content.decode()
    assert "Large print" in page and "British Sign Language" in page
    assert "Uses a BSL interpreter at meetings" in page
    form = client.get(f"/recording/crimes/{crime.pk}/victims/{victim.pk}/agreement/").content.decode()
    assert re.search(r'<input[^>]*value="large_print"[^>]*checked', form)
