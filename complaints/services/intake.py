"""Logging a complaint, expression of dissatisfaction or compliment, and adding allegations
(C-LOG-ALL, C-ALLEGATION-SPLIT)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from complaints import rules
from complaints.models import (
    Allegation,
    AppropriateAuthority,
    CaseAction,
    Complainant,
    ComplaintCase,
    ComplaintCategory,
    EqualityData,
    Subject,
    SubjectCandidate,
)
from complaints.rules import subject_match
from complaints.selectors.reference import time_limits
from complaints.services.alerts import alerts_raise, subject_roster_link
from complaints.services.common import (
    EQUALITY_FIELDS,
    _lock_open,
    _log,
    _next_reference,
    _save,
    initial_contact_working_days,
)
from config.exceptions import DomainError
from config.working_days import bank_holidays
from staffing.models import User

# ---------------------------------------------------------------- intake
COMPLAINANT_INPUT = frozenset(
    {f.name for f in Complainant._meta.get_fields() if f.concrete and f.name not in ("id", "case")}
    | {"equality"}
)


def _subject_user(subject: Subject) -> User | None:
    """The user account a subject is, by staff id (username) or collar number: linked here, whatever
    path logged the case, so the subject never sees it (complaints.selectors.case_visible)."""
    if subject.staff_id.strip():
        by_staff_id = User.objects.filter(username__iexact=subject.staff_id.strip()).first()
        if by_staff_id is not None:
            return by_staff_id
    collar = subject.collar_number.strip()
    if not collar:
        return None
    matches = list(User.objects.filter(collar_number__iexact=collar).order_by("pk")[:2])
    if len(matches) > 1:
        raise DomainError(
            f"Collar number {collar} belongs to more than one person in Resolve: give their staff id.",
            field="staff_id",
        )
    return matches[0] if matches else None


def subject_candidates(subject: Subject) -> list[User]:
    """Every account that could be a subject named without a collar number or staff id (by name and
    team, complaints.rules.subject_match): none for a subject already linked or not a person."""
    if subject.user_id is not None or subject.kind not in (Subject.Kind.OFFICER, Subject.Kind.STAFF):
        return []
    words = subject_match.name_words(subject.name)
    if not words:
        return []
    by_surname = Q()
    for word in words:
        by_surname |= Q(last_name__iexact=word)
    users = User.objects.filter(by_surname)
    return [
        u
        for u in users.select_related("team").order_by("pk")
        if subject_match.could_be(
            name=subject.name,
            team_name=subject.team_name,
            person=subject_match.Person(u.first_name, u.last_name, u.team.name if u.team else ""),
        )
    ]


def subject_hold_candidates(subject: Subject) -> None:
    """Hold every possible match out of the case until an advisor confirms who the subject is."""
    for user in subject_candidates(subject):
        candidate = SubjectCandidate(subject=subject, user=user)
        candidate._change_reason = "Could be the subject named by name only"  # type: ignore[attr-defined]
        candidate.save()


def _allegation_facts(given: dict[str, Any], path: str) -> dict[str, Any]:
    """The optional allegation facts (API.md) given, checked; a fact left out stays null (not asked)."""
    facts: dict[str, Any] = {}
    for name in Allegation.OPTIONAL_FACTS:
        value = given.get(name)
        if value is None:
            facts[name] = None
        elif name == "injury_details":
            if not isinstance(value, list | tuple):
                raise DomainError("Give the injury details as a list ([] for none).", field=f"{path}.{name}")
            bad = [d for d in value if not isinstance(d, str) or d not in rules.SERIOUS_INJURY_DETAILS]
            if bad:
                raise DomainError(f"Unknown injury detail {bad[0]!r}.", field=f"{path}.injury_details")
            facts[name] = sorted(set(value))
        elif isinstance(value, bool):
            facts[name] = value
        else:
            raise DomainError("Answer yes or no (true or false).", field=f"{path}.{name}")
    return facts


@transaction.atomic
def complaint_create(
    *,
    actor: User,
    kind: str,
    received_at: dt.datetime,
    channel: str,
    summary: str,
    complainants: list[dict[str, Any]],
    allegations: list[dict[str, Any]] | None = None,
    subjects: list[dict[str, Any]] | None = None,
    incident_date: dt.date | None = None,
    location: str = "",
    about_chief_officer: bool = False,
    complainant_wants_recording: bool = False,
    complainant_agrees_outside_schedule_3: bool = False,
    assigned_to: User | None = None,
    unallocated: bool = False,
) -> ComplaintCase:
    """Log a complaint, expression of dissatisfaction or compliment (C-LOG-ALL, C-COMPLIMENT)."""
    allegations = allegations or []
    subjects = subjects or []
    now = timezone.now()
    if kind not in ComplaintCase.Kind.values:
        raise DomainError(f"Unknown kind {kind!r}.", field="kind")
    if channel not in ComplaintCase.Channel.values:
        raise DomainError(f"Unknown channel {channel!r}.", field="channel")
    if received_at > now:
        raise DomainError("The received time cannot be in the future.", field="received_at")
    if incident_date is not None and incident_date > timezone.localdate():
        raise DomainError("A complaint cannot be about events in the future.", field="incident_date")
    if not complainants:
        raise DomainError("Give at least one complainant.", field="complainants")
    if kind != ComplaintCase.Kind.COMPLIMENT and not allegations:
        raise DomainError(
            "A complaint needs at least one allegation (C-ALLEGATION-SPLIT).", field="allegations"
        )
    codes = {a["category"] for a in allegations}
    categories = {c.code: c for c in ComplaintCategory.objects.filter(code__in=codes)}
    for code in codes:
        category_in_force(categories.get(code), code)
    for person in complainants:
        unknown = set(person) - COMPLAINANT_INPUT
        if unknown:
            raise DomainError(f"Unknown complainant fact {sorted(unknown)[0]!r}.", field=sorted(unknown)[0])
        if (
            person.get("acting_for_someone")
            and not person.get("authority_awaited")
            and not (person.get("consent_of_affected") and person.get("consent_evidence"))
        ):
            raise DomainError(
                "Someone acting for another person needs their consent and a note of the evidence "
                "(C-ELIG-ON-BEHALF).",
                field="consent_evidence",
            )
        bad = [a for a in person.get("adjustments", []) if a not in Complainant.Adjustment.values]
        if bad:
            raise DomainError(f"Unknown reasonable adjustment {bad[0]!r}.", field="adjustments")
    received_on = timezone.localdate(received_at)
    case = ComplaintCase(
        reference=_next_reference(received_on.year),
        kind=kind,
        received_at=received_at,
        incident_date=incident_date,
        channel=channel,
        summary=summary,
        location=location,
        about_chief_officer=about_chief_officer
        or any(s.get("kind") == Subject.Kind.CHIEF_OFFICER for s in subjects),
        complainant_wants_recording=complainant_wants_recording,
        complainant_agrees_outside_schedule_3=complainant_agrees_outside_schedule_3,
        # `unallocated`: a case nobody has taken yet (the public form's intake queue).
        assigned_to=None if unallocated else (assigned_to or actor),
        created_by=actor,
    )
    if kind != ComplaintCase.Kind.COMPLIMENT:
        case.initial_contact_due = rules.initial_contact_due(
            received_on, initial_contact_working_days(), bank_holidays(received_on)
        )
        case.next_update_due = rules.first_update_due(received_on, time_limits())
        if case.about_chief_officer:
            case.appropriate_authority = AppropriateAuthority.LOCAL_POLICING_BODY
    case._change_reason = "Case created"  # type: ignore[attr-defined]
    case.full_clean(exclude=["created_by", "reference"])
    case.save()
    for person in complainants:
        equality = person.get("equality") or {}
        fields = {k: v for k, v in person.items() if k not in ("equality",)}
        complainant = Complainant(case=case, **fields)
        complainant.full_clean(exclude=["case"])
        complainant.save()
        if any(equality.get(k) for k in EQUALITY_FIELDS):
            EqualityData.objects.create(
                complainant=complainant, **{k: equality.get(k, "") for k in EQUALITY_FIELDS}
            )
    saved_subjects: list[Subject] = []
    named: list[int] = []
    for s in subjects:
        subject = Subject(case=case, **s)
        subject_roster_link(subject)  # who they are on the roster (issue 23 part 3)
        subject.user = subject.user or _subject_user(subject)
        subject.full_clean(exclude=["case"])
        subject.save()
        subject_hold_candidates(subject)
        saved_subjects.append(subject)
    for index, a in enumerate(allegations):
        allegation = Allegation.objects.create(
            case=case,
            category=categories[a["category"]],
            description=a.get("description", ""),
            **{flag: bool(a.get(flag, False)) for flag in Allegation.FLAGS},
            **_allegation_facts(a, f"allegations.{index}"),
        )
        # Who the allegation is about: positions in the case's subjects list (issue 23 part 3).
        about = a.get("subjects") or []
        if any(not isinstance(i, int) or not 0 <= i < len(saved_subjects) for i in about):
            raise DomainError(
                "Name the allegation's subjects by their place in the case's subjects list, from 0.",
                field=f"allegations.{index}.subjects",
            )
        allegation.subjects.set([saved_subjects[i] for i in about])
        if any(saved_subjects[i].roster_person_id is not None for i in about):
            named.append(allegation.pk)
    if named:  # an allegation about someone on the roster: any repeat-subject alert (issue 23 part 3)
        alerts_raise(allegation_ids=named, actor=actor)
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.CREATED,
        summary=f"{case.get_kind_display()} received by {case.get_channel_display().lower()}",
        rule_ids=["C-LOG-ALL"],
    )
    return case


@transaction.atomic
def category_in_force(category: ComplaintCategory | None, code: str) -> ComplaintCategory:
    """The category a new allegation may take: one that exists and is on the list in force today; a
    retired one is refused naming the category that replaced it."""
    if category is None:
        raise DomainError(f"Unknown complaint category {code!r}.", field="category")
    today = timezone.localdate()
    if category.retired_on is not None and category.retired_on <= today:
        instead = ComplaintCategory.objects.filter(code=category.replaced_by).first()
        raise DomainError(
            f"Category {category.code} {category.title} is no longer used (since "
            f"{category.retired_on:%d %B %Y})"
            + (f": use {instead.code} {instead.title}." if instead else "."),
            field="category",
        )
    if category.valid_from is not None and category.valid_from > today:
        raise DomainError(
            f"Category {category.code} {category.title} is used from {category.valid_from:%d %B %Y}.",
            field="category",
        )
    return category


def allegation_add(
    *,
    case_id: int,
    actor: User,
    category_code: str,
    description: str = "",
    version: int | None = None,
    **flags: Any,
) -> Allegation:
    """Add another allegation with its own category (C-ALLEGATION-SPLIT)."""
    case = _lock_open(case_id, version)
    if case.kind == ComplaintCase.Kind.COMPLIMENT:
        raise DomainError("A compliment has no allegations.", field="category")
    category = category_in_force(ComplaintCategory.objects.filter(code=category_code).first(), category_code)
    unknown = set(flags) - set(Allegation.FLAGS) - set(Allegation.OPTIONAL_FACTS)
    if unknown:
        raise DomainError(f"Unknown fact {sorted(unknown)[0]!r}.", field=sorted(unknown)[0])
    bad = [flag for flag in Allegation.FLAGS if not isinstance(flags.get(flag, False), bool)]
    if bad:
        raise DomainError("Answer yes or no (true or false).", field=bad[0])
    allegation = Allegation(
        case=case,
        category=category,
        description=description,
        **{flag: flags.get(flag, False) for flag in Allegation.FLAGS},
        **_allegation_facts(flags, "facts"),
    )
    allegation._change_reason = "Allegation added"  # type: ignore[attr-defined]
    allegation.save()
    _save(case, "Allegation added", [])
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.EDITED,
        summary=f"Allegation added: {category.code} {category.title}",
        reason=description,
        rule_ids=["C-ALLEGATION-SPLIT"],
    )
    return allegation
