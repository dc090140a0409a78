"""Crime-recording factories. Other apps import IncidentFactory and CrimeFactory: keep the names."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from recording.models import (
    CancellationCriterion,
    Crime,
    CrimeSuspect,
    CrimeVictim,
    Force,
    Grade,
    HomeOfficeOutcome,
    Incident,
    NsirCode,
    Offence,
)


class NsirCodeFactory(DjangoModelFactory[NsirCode]):
    class Meta:
        model = NsirCode
        django_get_or_create = ("code",)

    code = "CRIME-VIOLENCE"
    title = "Crime: violence against the person"
    incident_category = "Crime"
    crime_related = True
    hidden_crime_risk = False


class OffenceFactory(DjangoModelFactory[Offence]):
    class Meta:
        model = Offence
        django_get_or_create = ("code",)

    code = "8N"
    title = "Assault with injury"
    category = "Violence against the person"
    victim_based = True
    notifiable = True
    seriousness_rank = 10
    restricted = False


class OutcomeFactory(DjangoModelFactory[HomeOfficeOutcome]):
    class Meta:
        model = HomeOfficeOutcome
        django_get_or_create = ("code",)

    code = "18"
    title = "Investigation complete: no suspect identified"
    group = "investigation complete"
    requires_suspect = False
    requires_victim_view = False


class CancellationCriterionFactory(DjangoModelFactory[CancellationCriterion]):
    class Meta:
        model = CancellationCriterion
        django_get_or_create = ("code",)

    code = "C4"
    title = "Crime recorded in error"
    needs_ddm_approval = True
    evidence_required = "Explanation"


class ForceFactory(DjangoModelFactory[Force]):
    class Meta:
        model = Force
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"F{n:02d}")
    name = factory.LazyAttribute(lambda o: f"{o.code} Police")
    transfer_email = factory.LazyAttribute(lambda o: f"crime.transfers@{o.code.lower()}.police.example")
    transfer_phone = "0300 123 4567"


class IncidentFactory(DjangoModelFactory[Incident]):
    class Meta:
        model = Incident
        django_get_or_create = ("reference",)

    reference = factory.Sequence(lambda n: f"XX-20260301-{n:04d}")
    opened_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=30))
    closed_at = None
    nsir_code = factory.SubFactory(NsirCodeFactory)
    crime_related = factory.LazyAttribute(lambda o: o.nsir_code.crime_related)
    grade = Grade.PRIORITY
    summary = "Caller reports a fight outside a pub"
    location = "High Street"
    crime_number = None


class CrimeFactory(DjangoModelFactory[Crime]):
    class Meta:
        model = Crime
        skip_postgeneration_save = True

    crime_number = factory.Sequence(lambda n: f"XX/26/{900000 + n:06d}")
    offence = factory.SubFactory(OffenceFactory)
    status = Crime.Status.RECORDED
    summary = "Victim punched outside a pub"
    location = "High Street"
    location_force = "XX"
    reported_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=3))
    recorded_at = factory.LazyAttribute(lambda o: o.reported_at + timedelta(hours=1))
    record_by = factory.LazyAttribute(lambda o: o.reported_at + timedelta(hours=24))
    ncrs_breach = factory.LazyAttribute(lambda o: o.recorded_at > o.record_by)
    restricted = factory.LazyAttribute(lambda o: o.offence.restricted)
    seriousness_rank = factory.LazyAttribute(lambda o: o.offence.seriousness_rank)
    grade = Grade.PRIORITY

    @factory.post_generation
    def incidents(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.incidents.add(*extracted)


class CrimeVictimFactory(DjangoModelFactory[CrimeVictim]):
    class Meta:
        model = CrimeVictim

    crime = factory.SubFactory(CrimeFactory)
    ref = "V1"
    kind = CrimeVictim.Kind.PERSON
    name = factory.Faker("name", locale="en_GB")
    contact = "07700 900123"


class CrimeSuspectFactory(DjangoModelFactory[CrimeSuspect]):
    class Meta:
        model = CrimeSuspect

    crime = factory.SubFactory(CrimeFactory)
    ref = "O1"
    name = factory.Faker("name", locale="en_GB")
    identified = True


def grant_skill(user: Any, skill: str, *, days_ago: int = 30, expires_in: int | None = 365) -> Any:
    """Give `user` a valid training record in a staffing skill (e.g. Skill.DDM for R-CANCEL-DDM)."""
    from staffing.models import TrainingRecord

    today = timezone.localdate()
    TrainingRecord.objects.create(
        user=user,
        skill=skill,
        trained_on=today - timedelta(days=days_ago),
        expires_on=None if expires_in is None else today + timedelta(days=expires_in),
        evidence="Test training",
    )
    return user
