"""Every recording service that takes a time from a person or a feed refuses one without a zone and one in
the future, in its own words and on its own field, through one check (common.require_past_time): before
it, the transfer register compared a naive time with now and failed with a server error."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.utils import timezone

from config.exceptions import DomainError
from recording.services import contact, crimes, decisions, incidents, transfers, victims_code
from recording.tests.factories import CrimeFactory, ForceFactory

pytestmark = pytest.mark.django_db

Call = Callable[[Any, datetime], object]


def _crime(make_user: Any, at: datetime) -> object:
    return crimes.crime_create(actor=make_user("recorder"), offence_code="46", reported_at=at)


def _transfer(make_user: Any, at: datetime) -> object:
    ForceFactory(code="ZZ")
    return transfers.transfer_in_register(
        actor=make_user("sergeant"),
        force_code="ZZ",
        their_reference="ZZ/26/1",
        offence_code="46",
        reported_at=at,
        summary="Theft from the person in our area",
    )


def _incident(make_user: Any, at: datetime) -> object:
    return incidents.incident_open(
        actor=make_user("recorder"), nsir_code="ASB-ROWDY", summary="Youths shouting", opened_at=at
    )


def _decision(make_user: Any, at: datetime) -> object:
    return decisions.decision_report_time(actor=make_user("recorder"), incident_reference="", reported_at=at)


def _contact(make_user: Any, at: datetime) -> object:
    crime = CrimeFactory(reported_at=timezone.now() - timedelta(days=2))
    return contact.victim_update_record(
        crime=crime,
        actor=make_user("investigator"),
        contacted_at=at,
        method="phone",
        summary="Told of progress",
    )


def _notice(make_user: Any, at: datetime) -> object:
    crime = CrimeFactory(reported_at=timezone.now() - timedelta(days=2))
    return victims_code.victim_notice_record(
        crime=crime,
        actor=make_user("investigator"),
        kind="suspect_arrested",
        decided_at=at,
        reason="Suspect arrested",
    )


CASES: list[tuple[str, Call, str, str, timedelta]] = [
    ("crime", _crime, "reported_at", "The report cannot be in the future.", timedelta(0)),
    ("transfer in", _transfer, "reported_at", "The report cannot be in the future.", timedelta(0)),
    ("incident", _incident, "opened_at", "An incident cannot open in the future.", timedelta(0)),
    ("recording decision", _decision, "reported_at", "The report cannot be in the future.", timedelta(0)),
    # A contact or decision logged from a device whose clock runs a few minutes fast is still accepted.
    ("victim contact", _contact, "contacted_at", "A contact cannot be in the future.", timedelta(minutes=5)),
    ("victim notice", _notice, "decided_at", "A decision cannot be in the future.", timedelta(minutes=5)),
]


@pytest.mark.parametrize(("name", "call", "field", "words", "slack"), CASES, ids=[c[0] for c in CASES])
def test_a_time_in_the_future_is_refused_in_the_services_words(
    reference_data: None, make_user: Any, name: str, call: Call, field: str, words: str, slack: timedelta
) -> None:
    with pytest.raises(DomainError) as err:
        call(make_user, timezone.now() + slack + timedelta(minutes=2))
    assert (err.value.field, err.value.message) == (field, words)


@pytest.mark.parametrize(("name", "call", "field", "words", "slack"), CASES, ids=[c[0] for c in CASES])
def test_a_time_without_a_zone_is_refused_not_a_server_error(
    reference_data: None, make_user: Any, name: str, call: Call, field: str, words: str, slack: timedelta
) -> None:
    naive = timezone.make_naive(timezone.now() - timedelta(hours=1))
    with pytest.raises(DomainError) as err:
        call(make_user, naive)
    assert (err.value.field, err.value.message) == (field, "Give the time with a time zone.")
