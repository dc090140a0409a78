"""The sergeant's daily rape review (R-RAPE-RECORD): every incident of the previous day with the NSIR code
CRIME-SEXUAL and every crime recorded that day in a rape or serious sexual offence class is queued; the
sergeant records the recording decision and the advice given to the adult or child abuse investigation
team, and marks it reviewed. Which classes count is derived from the Offence reference table through
qa.rules.is_rape_or_serious_sexual (category "Sexual offences" and a title naming rape / assault by
penetration / serious sexual offences, or seriousness rank 6 or higher), never a hard-coded list."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from config.exceptions import DomainError
from qa import rules
from qa.models import RapeReview
from qa.services.timing import day_bounds
from recording.models import AwaitingVictim, Crime, Incident, Offence
from staffing.models import Skill, User
from staffing.services import user_has_skill

SEXUAL_OFFENCE_NSIR = "CRIME-SEXUAL"


def rape_review_offence_ids() -> list[int]:
    return [
        offence.pk
        for offence in Offence.objects.filter(category=rules.RAPE_REVIEW_CATEGORY).only(
            "pk", "category", "title", "seriousness_rank"
        )
        if rules.is_rape_or_serious_sexual(
            category=offence.category, title=offence.title, seriousness_rank=offence.seriousness_rank
        )
    ]


@transaction.atomic
def rape_review_queue(*, day: date) -> int:
    """Queue the day's reports for review: new sexual-offence incidents, new rape / serious sexual offence
    crimes, and cancellations of such crimes. Idempotent: each (record, reason) is queued once, ever."""
    start, end = day_bounds(day)
    now = timezone.now()
    new, cancelled = RapeReview.Reason.NEW_REPORT, RapeReview.Reason.CANCELLATION
    incidents = (
        Incident.objects.filter(nsir_code__code=SEXUAL_OFFENCE_NSIR, opened_at__gte=start, opened_at__lt=end)
        .exclude(Exists(RapeReview.objects.filter(incident=OuterRef("pk"), reason=new)))
        .values_list("pk", "reference")
    )
    reviews = [
        RapeReview(review_date=day, reason=new, incident_id=pk, label=ref, queued_at=now)
        for pk, ref in incidents
    ]
    offence_ids = rape_review_offence_ids()
    for reason, window in ((new, "recorded_at"), (cancelled, "cancelled_at")):
        crimes = (
            Crime.objects.filter(
                offence_id__in=offence_ids, **{f"{window}__gte": start, f"{window}__lt": end}
            )
            .exclude(Exists(RapeReview.objects.filter(crime=OuterRef("pk"), reason=reason)))
            .prefetch_related("victims")
            .only("pk", "crime_number")
        )
        for crime in crimes:
            ages = [v.age for v in crime.victims.all() if v.age is not None]
            reviews.append(
                RapeReview(
                    review_date=day,
                    reason=reason,
                    crime_id=crime.pk,
                    label=crime.crime_number,
                    queued_at=now,
                    victim_age=min(ages) if ages else None,
                )
            )
    bulk_create_with_history(
        reviews, RapeReview, default_change_reason=f"Queued for the daily rape review of {day}"
    )
    return len(reviews)


@transaction.atomic
def rape_review_queue_awaiting(*, awaiting_id: int) -> RapeReview | None:
    """Queue a rape or serious sexual offence report that awaits the victim (R-NCRS-THIRD-PARTY) for
    today's review at once (R-RAPE-RECORD): it is neither recorded nor refused, so the nightly pass over
    recorded crimes would never see it. Once per report."""
    awaiting = AwaitingVictim.objects.get(pk=awaiting_id)
    if not awaiting.daily_review:
        return None
    review, _ = RapeReview.objects.get_or_create(
        awaiting=awaiting,
        reason=RapeReview.Reason.NEW_REPORT,
        defaults={
            "review_date": timezone.localdate(),
            "label": awaiting.label[:60],
            "queued_at": timezone.now(),
        },
    )
    return review


def rape_review_refusal(actor: User) -> str:
    """Why `actor` may not record the daily rape review decision; empty when they may (R-RAPE-RECORD):
    a sergeant, manager or admin holding valid Rape review training (staffing Skill.RAPE_REVIEW)."""
    if actor.role not in (User.Role.SERGEANT, User.Role.MANAGER, User.Role.ADMIN):
        return "Only a sergeant or manager reviews rape reports."
    if not user_has_skill(actor, Skill.RAPE_REVIEW):
        return (
            "Recording the rape review decision needs valid Rape review training "
            "(R-RAPE-RECORD); ask for it to be recorded on the Training page."
        )
    return ""


@transaction.atomic
def rape_review_record(
    *, review_id: int, decision: str, decision_note: str, victim_age: int | None, advice: str, actor: User
) -> RapeReview:
    refusal = rape_review_refusal(actor)
    if refusal:
        raise DomainError(refusal, field="non_field_errors")
    review = RapeReview.objects.select_for_update().get(pk=review_id)
    if review.reviewed_at is not None:
        raise DomainError("This report has already been reviewed.", field="non_field_errors")
    if decision not in RapeReview.Decision.values:
        raise DomainError("Choose the recording decision.", field="decision")
    if decision != RapeReview.Decision.RECORDED_CORRECTLY and not decision_note.strip():
        raise DomainError("Explain the recording decision.", field="decision_note")
    if victim_age is not None and not 0 <= victim_age <= 120:
        raise DomainError("Give the victim's age in years.", field="victim_age")
    if not advice.strip():
        raise DomainError("Record the advice given to the abuse investigation team.", field="advice")
    review.decision = decision
    review.decision_note = decision_note.strip()
    review.victim_age = victim_age
    review.advice_team = rules.abuse_team_for(victim_age)
    review.advice = advice.strip()
    review.reviewed_at = timezone.now()
    review.reviewed_by = actor
    review._change_reason = f"Reviewed by {actor}: {review.get_decision_display()}"  # type: ignore[attr-defined]
    review.save()
    return review
