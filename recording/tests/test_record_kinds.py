"""Crimes as a registered record kind (staffing.records): need-to-know and the access log in one call."""

from __future__ import annotations

from typing import Any

import pytest
from django.http import Http404

from recording.tests.factories import CrimeFactory, OffenceFactory
from staffing.models import AccessLog
from staffing.records import record_kind, record_kind_for, record_open


@pytest.mark.django_db
def test_it_opens_a_restricted_crime_for_who_may_see_it_and_logs_the_view(make_user: Any) -> None:
    crime = CrimeFactory(
        offence=OffenceFactory(code="19C", title="Rape", category="Sexual offences", restricted=True)
    )
    sergeant = make_user("sergeant")

    opened = record_open(key="crime", pk=crime.pk, user=sergeant, purpose="Review", path="/x/")

    assert opened == crime
    row = AccessLog.objects.get(user=sergeant)
    assert (row.record_id, row.action, row.purpose) == (str(crime.pk), "view", "Review")


@pytest.mark.django_db
def test_it_hides_a_restricted_crime_and_logs_the_refusal(make_user: Any) -> None:
    crime = CrimeFactory(
        offence=OffenceFactory(code="19C", title="Rape", category="Sexual offences", restricted=True)
    )
    recorder = make_user("recorder")

    with pytest.raises(Http404):
        record_open(key="crime", pk=crime.pk, user=recorder, purpose="", path="/x/")

    assert AccessLog.objects.get(user=recorder).action == "refused"


@pytest.mark.django_db
def test_it_logs_a_download_from_an_unrestricted_crime(make_user: Any) -> None:
    crime = CrimeFactory()
    recorder = make_user("recorder")

    record_open(key="crime", pk=crime.pk, user=recorder, purpose="", path="/x/", action="view")
    assert not AccessLog.objects.exists()
    record_open(key="crime", pk=crime.pk, user=recorder, purpose="", path="/x/", action="download")

    assert AccessLog.objects.get(user=recorder).action == "download"


@pytest.mark.django_db
def test_it_names_the_crime_kind() -> None:
    crime = CrimeFactory()

    kind = record_kind_for(crime)

    assert kind.key == "crime"
    assert (kind.label, kind.reference(crime), kind.url(crime)) == (
        "Crime",
        crime.crime_number,
        f"/recording/crimes/{crime.pk}/",
    )
    assert kind.review_on(crime) is None


def test_an_unknown_kind_is_not_found() -> None:
    with pytest.raises(Http404):
        record_kind("parking_ticket")
