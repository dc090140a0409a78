"""The demo force as `seed_demo` builds it, from the recording app's side."""

from __future__ import annotations

from django.utils import timezone

from recording.models import Incident


def test_seed_demo_grows_incidents_crimes_and_queues(seeded_force: str) -> None:
    """On the shared seeded force (seed_demo once per test process, not a seed of its own)."""
    from recording import demo
    from recording.models import CancellationRequest, ClassificationChange, Crime, CrimeTransfer, Force

    assert Incident.objects.count() == demo.INCIDENTS
    assert Incident.objects.filter(crime_related=True, crime_number__isnull=True).exists()
    assert Crime.objects.filter(status="finalised").exists()
    assert Crime.objects.filter(victims__isnull=False).exists()
    assert ClassificationChange.objects.filter(status="proposed").exists()
    assert CancellationRequest.objects.filter(status="pending").exists()
    assert CrimeTransfer.objects.filter(status="pending", direction="in").count() == 2
    # The directory's 44 forces (reference data); the demo adds contacts to six, listing none twice.
    assert Force.objects.count() == 44
    assert Force.objects.exclude(transfer_email="").count() == 6
    assert "Recording:" in seeded_force
    # Coherent: a cannabis find is 92E; each cancellation's reason fits a theft; an absent recorder
    # records nothing on a day away.
    assert not Crime.objects.filter(offence__code="92D", summary__icontains="cannabis").exists()
    assert set(CancellationRequest.objects.values_list("crime__offence__code", flat=True)) <= {
        "39",
        "44",
        "46",
        "49",
    }
    from staffing.models import Absence

    for absence in Absence.objects.filter(user__role="recorder"):
        recorded = Crime.objects.filter(recorded_by=absence.user).values_list("reported_at", flat=True)
        assert not [
            r for r in recorded if absence.starts_on <= timezone.localtime(r).date() <= absence.ends_on
        ]
