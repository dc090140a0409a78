"""Nightly dip-test (R-DIP-TEST, R-NSIR-SWEEP, R-OUTCOME-VICTIM-VIEW, R-CDI-RATE) and QC amendments."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from config.exceptions import DomainError
from qa import compliance
from qa.models import Amendment, AuditFinding, DipSample, DipTest
from qa.services import dip_test
from qa.tests.factories import audit_answers, make_crime, make_incident

pytestmark = pytest.mark.usefixtures("reference_data")

DAY = date(2026, 3, 1)
NOON = datetime(2026, 3, 1, 12, 0, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture
def small_sizes(settings: Any) -> None:
    settings.RESOLVE_DIPTEST_CRIMES_PER_CATEGORY = 2
    settings.RESOLVE_DIPTEST_INCIDENTS_PER_CODE = 1
    settings.RESOLVE_DIPTEST_HIDDEN_RISK = 3


@pytest.fixture
def day_of_work(small_sizes: None, make_user: Any) -> dict[str, Any]:
    owner = make_user("investigator")
    violence = [make_crime(offence="8N", recorded_at=NOON, owner=owner) for _ in range(6)]
    burglary = [make_crime(offence="28E", recorded_at=NOON) for _ in range(1)]
    cancelled = [
        make_crime(offence="8N", recorded_at=NOON, cancelled_at=NOON, status="cancelled") for _ in range(2)
    ]
    outcome14 = [
        make_crime(offence="49A", outcome="14", outcome_at=NOON, recorded_at=NOON - timedelta(days=5))
    ]
    other_day = make_crime(offence="8N", recorded_at=NOON - timedelta(days=1))
    theft_incidents = [make_incident(nsir="CRIME-THEFT", opened_at=NOON) for _ in range(3)]
    hidden = [
        make_incident(nsir="PS-CONCERN", opened_at=NOON - timedelta(hours=3), closed_at=NOON)
        for _ in range(5)
    ]
    make_incident(nsir="ASB-NOISE", opened_at=NOON - timedelta(hours=3), closed_at=NOON)  # no hidden risk
    return locals()


def test_the_dip_test_samples_each_stratum_and_weights_it_back(day_of_work: dict[str, Any]) -> None:
    test = dip_test.dip_test_draw(day=DAY)
    by_stratum: dict[str, list[DipSample]] = {}
    for sample in test.samples.all():
        by_stratum.setdefault(sample.stratum, []).append(sample)
    assert test.populations == {
        "cancellation": 2,
        "outcome-14-16": 1,
        "crime:Violence against the person": 6,
        "crime:Theft offences": 1,
        "incident:CRIME-THEFT": 3,
        "hidden-risk:unscreened": 5,  # the screen has read none of them
    }
    assert len(by_stratum["cancellation"]) == 2  # take-all
    assert len(by_stratum["outcome-14-16"]) == 1  # take-all
    assert len(by_stratum["crime:Violence against the person"]) == 2
    assert by_stratum["crime:Violence against the person"][0].weight == pytest.approx(3.0)
    assert len(by_stratum["incident:CRIME-THEFT"]) == 1
    assert len(by_stratum["hidden-risk:unscreened"]) == 3  # over-sampled (R-NSIR-SWEEP)
    assert by_stratum["hidden-risk:unscreened"][0].kind == DipSample.Kind.INCIDENT
    assert day_of_work["other_day"].pk not in {s.object_id for s in test.samples.filter(kind="crime")}
    # Weights add back up to the day's population in every stratum.
    for stratum, samples in by_stratum.items():
        assert sum(s.weight for s in samples) == pytest.approx(test.populations[stratum])


def test_the_dip_test_is_reproducible_and_drawn_once_per_day(day_of_work: dict[str, Any]) -> None:
    first = dip_test.dip_test_draw(day=DAY)
    chosen = sorted(first.samples.values_list("stratum", "object_id"))
    again = dip_test.dip_test_draw(day=DAY)
    assert again.pk == first.pk
    assert DipSample.objects.count() == len(chosen)
    first.delete()
    redrawn = dip_test.dip_test_draw(day=DAY, seed=first.seed)
    assert sorted(redrawn.samples.values_list("stratum", "object_id")) == chosen


def test_the_sample_records_the_owner_for_feedback(day_of_work: dict[str, Any]) -> None:
    test = dip_test.dip_test_draw(day=DAY)
    owners = set(
        test.samples.filter(stratum="crime:Violence against the person").values_list("owner", flat=True)
    )
    assert owners == {day_of_work["owner"].pk}


def audit(sample: DipSample, actor: Any, **answers: bool | None) -> DipSample:
    """Audit with "yes" to every question that applies, except the answers given."""
    return dip_test.dip_sample_audit(
        sample_id=sample.pk, answers=audit_answers(sample, **answers), notes="", actor=actor
    )


def test_each_no_records_a_finding_and_opens_an_amendment_for_the_owner(
    day_of_work: dict[str, Any], make_user: Any, settings: Any
) -> None:
    settings.RESOLVE_AMENDMENT_DAYS = 7
    sergeant = make_user("sergeant")
    test = dip_test.dip_test_draw(day=DAY)
    sample = test.samples.filter(stratum="crime:Violence against the person").first()
    assert sample is not None
    audit(
        sample, sergeant, recording_right=True, count_right=True, classification_right=False, within_24h=False
    )
    sample.refresh_from_db()
    assert sample.compliant is False
    assert sorted(AuditFinding.objects.values_list("error_type", flat=True)) == ["classification", "late"]
    amendments = list(Amendment.objects.all())
    assert len(amendments) == 2
    assert {a.owner for a in amendments} == {day_of_work["owner"]}
    assert amendments[0].due_on == sample.audited_at.astimezone(ZoneInfo("Europe/London")).date() + timedelta(
        days=7
    )  # type: ignore[union-attr]


def test_an_all_yes_audit_is_compliant_and_opens_nothing(day_of_work: dict[str, Any], make_user: Any) -> None:
    sample = dip_test.dip_test_draw(day=DAY).samples.first()
    assert sample is not None
    audit(sample, make_user("sergeant"))
    sample.refresh_from_db()
    assert sample.compliant is True
    assert not Amendment.objects.exists()


def test_an_item_is_audited_once_and_needs_an_answer(day_of_work: dict[str, Any], make_user: Any) -> None:
    sergeant = make_user("sergeant")
    sample = dip_test.dip_test_draw(day=DAY).samples.first()
    assert sample is not None
    with pytest.raises(DomainError) as err:
        dip_test.dip_sample_audit(sample_id=sample.pk, answers={}, notes="", actor=sergeant)
    assert err.value.field == "recording_right"
    audit(sample, sergeant, recording_right=True)
    with pytest.raises(DomainError):
        audit(sample, sergeant, recording_right=False)
    assert not AuditFinding.objects.exists()


def test_the_owner_fixes_and_the_sergeant_confirms(day_of_work: dict[str, Any], make_user: Any) -> None:
    sergeant, owner = make_user("sergeant"), day_of_work["owner"]
    sample = dip_test.dip_test_draw(day=DAY).samples.filter(owner=owner).first()
    assert sample is not None
    audit(sample, sergeant, classification_right=False)
    amendment = Amendment.objects.get()
    with pytest.raises(DomainError):
        dip_test.amendment_confirm(amendment_id=amendment.pk, actor=sergeant)  # not fixed yet
    with pytest.raises(DomainError):
        dip_test.amendment_mark_fixed(amendment_id=amendment.pk, note="x", actor=make_user("investigator"))
    reclassify(sample, "8M", owner)
    dip_test.amendment_mark_fixed(amendment_id=amendment.pk, note="Reclassified to 8M", actor=owner)
    with pytest.raises(DomainError):
        dip_test.amendment_confirm(amendment_id=amendment.pk, actor=owner)
    dip_test.amendment_confirm(amendment_id=amendment.pk, actor=sergeant)
    amendment.refresh_from_db()
    assert (amendment.status, amendment.confirmed_by) == ("confirmed", sergeant)


def test_compliance_is_weighted_with_a_wilson_interval(day_of_work: dict[str, Any], make_user: Any) -> None:
    sergeant = make_user("sergeant")
    test = dip_test.dip_test_draw(day=DAY)
    violence = list(test.samples.filter(stratum="crime:Violence against the person"))  # weight 3 each
    cancellation = list(test.samples.filter(stratum="cancellation"))  # weight 1 each
    for s in violence:
        audit(s, sergeant, recording_right=True)
    for s in cancellation:
        audit(s, sergeant, recording_right=False)
    figures = compliance.dip_test_figures(DAY)
    assert figures["sampled"] == DipTest.objects.get().samples.count()
    assert (figures["checked"], figures["compliant"]) == (4, 2)
    assert figures["compliance_rate"] == pytest.approx(6 / 8)  # (3+3) / (3+3+1+1), not 2/4
    assert figures["ci95_low"] < 0.75 < figures["ci95_high"]
    by_category = {row.key: row for row in compliance.compliance_by("category", start=DAY, end=DAY)}
    # The cancelled crimes are 8N too, so the category holds all four audited items.
    assert by_category["Violence against the person"].estimate.rate == pytest.approx(0.75)
    by_investigator = compliance.compliance_by("investigator", start=DAY, end=DAY)
    # Every "no" is an error found at once; none is confirmed yet, so none counts against an owner.
    assert sum(row.findings for row in by_investigator) == 2
    assert sum(row.not_compliant for row in by_investigator) == 2
    assert sum(row.confirmed for row in by_investigator) == 0
    weeks = compliance.compliance_by("week", start=DAY, end=DAY)
    assert [row.key for row in weeks] == ["2026-W09"]


def test_errors_per_investigator_over_time_for_their_sergeant(
    day_of_work: dict[str, Any], make_user: Any
) -> None:
    from staffing.models import Team

    team = Team.objects.create(code="rc-x", name="RC X")
    owner = day_of_work["owner"]
    owner.first_name, owner.last_name, owner.team = "Ann", "Lee", team
    owner.save()
    DipSample.objects.all().delete()
    DipTest.objects.all().delete()
    for crime in day_of_work["violence"]:
        crime.team = team
        crime.save(update_fields=["team"])
    test = dip_test.dip_test_draw(day=DAY)
    sergeant = make_user("sergeant", team=team)
    for sample in test.samples.filter(owner=owner):
        audit(sample, sergeant, within_24h=False)
    for amendment in Amendment.objects.all():
        dip_test.amendment_mark_fixed(
            amendment_id=amendment.pk, note="Reported late by the caller", actor=owner, no_change_needed=True
        )
        dip_test.amendment_confirm(amendment_id=amendment.pk, actor=sergeant)
    rows = compliance.compliance_by("investigator-week", start=DAY, end=DAY, team_id=team.pk)
    assert [(r.key, r.findings, r.confirmed, r.not_compliant, r.estimate.rate) for r in rows] == [
        ("Ann Lee · 2026-W09", 2, 2, 2, 0.0)
    ]


def reclassify(sample: DipSample, code: str, actor: Any) -> None:
    """Change the sampled crime's offence as a reclassification does, leaving a history row."""
    from recording.models import Crime, Offence

    crime = Crime.objects.get(pk=sample.object_id)
    crime.offence = Offence.objects.get(code=code)
    crime._history_user = actor  # type: ignore[attr-defined]
    crime._change_reason = "Reclassified after the dip-test"  # type: ignore[attr-defined]
    crime.save(update_fields=["offence"])
