from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from complaints import services
from complaints.models import Allegation, Complainant, ComplaintCase, ComplaintCategory, Contact, Subject
from staffing.tests.factories import UserFactory


class ComplaintCategoryFactory(DjangoModelFactory[ComplaintCategory]):
    class Meta:
        model = ComplaintCategory
        django_get_or_create = ("code",)

    code = "A1"
    title = "Police action following contact"
    group = "A - Delivery of duties and service"


# Every triage fact answered, as an advisor who asked them all would (the plainest answers); a test
# about facts not asked yet passes `asked=False`.
ASKED_COMPLAINANT = {
    "subject_of_conduct": True,
    "serving_officer_same_force": False,
    "affected_only_through_media": False,
}
ASKED_ALLEGATION = {
    "conduct": True,
    "relevant_offence": False,
    "about_senior_officer": False,
    "injury_details": [],
}


class ComplaintCaseFactory(DjangoModelFactory[ComplaintCase]):
    """A case built by the real intake service (reference, due dates and the created log row)."""

    class Meta:
        model = ComplaintCase

    @classmethod
    def _create(cls, model_class: type[ComplaintCase], *args: Any, **kwargs: Any) -> ComplaintCase:
        actor = kwargs.pop("actor", None) or UserFactory(role="advisor")
        received_at = kwargs.pop("received_at", None) or timezone.now() - dt.timedelta(days=2)
        category = kwargs.pop("category", "A1")
        ComplaintCategoryFactory(code=category)
        asked = kwargs.pop("asked", True)
        flags = {**(ASKED_ALLEGATION if asked else {}), **kwargs.pop("flags", {})}
        complainant = {
            "name": "Alex Morgan",
            "email": "alex@example.org",
            "adjustments": [],
            **(ASKED_COMPLAINANT if asked else {}),
        }
        complainant.update(kwargs.pop("complainant", {}))
        return services.complaint_create(
            actor=actor,
            kind=kwargs.pop("kind", ComplaintCase.Kind.COMPLAINT),
            received_at=received_at,
            channel=kwargs.pop("channel", ComplaintCase.Channel.EMAIL),
            summary=kwargs.pop("summary", "Officer did not call back after a burglary report."),
            complainants=[complainant],
            allegations=kwargs.pop(
                "allegations", [{"category": category, "description": "No call back", **flags}]
            ),
            subjects=kwargs.pop(
                "subjects", [{"kind": Subject.Kind.OFFICER, "name": "PC Sam Reid", "collar_number": "4521"}]
            ),
            incident_date=kwargs.pop("incident_date", timezone.localdate(received_at) - dt.timedelta(days=3)),
            location=kwargs.pop("location", "Riverside"),
            about_chief_officer=kwargs.pop("about_chief_officer", False),
            complainant_wants_recording=kwargs.pop("complainant_wants_recording", False),
            complainant_agrees_outside_schedule_3=kwargs.pop("complainant_agrees_outside_schedule_3", True),
            assigned_to=kwargs.pop("assigned_to", None) or actor,
        )


class ComplimentFactory(ComplaintCaseFactory):
    @classmethod
    def _create(cls, model_class: type[ComplaintCase], *args: Any, **kwargs: Any) -> ComplaintCase:
        kwargs.setdefault("kind", ComplaintCase.Kind.COMPLIMENT)
        kwargs.setdefault("allegations", [])
        kwargs.setdefault("summary", "PC Reid was kind and patient after my father's fall.")
        return super()._create(model_class, *args, **kwargs)


class ContactFactory(DjangoModelFactory[Contact]):
    class Meta:
        model = Contact

    case = factory.SubFactory(ComplaintCaseFactory)
    at = factory.LazyFunction(timezone.now)
    method = Complainant.ContactMethod.PHONE
    summary = "Explained progress"
    by = factory.SubFactory(UserFactory, role="advisor")


__all__ = [
    "Allegation",
    "ComplaintCaseFactory",
    "ComplaintCategoryFactory",
    "ComplimentFactory",
    "ContactFactory",
]
