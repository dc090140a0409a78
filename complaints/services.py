"""Every write to complaint cases. Each service is atomic, keyword-only, takes the acting user and
writes a CaseAction row (who, when, what, why: C-LOG-ALL). Dates come from the pure rules module."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from complaints import rules
from complaints.models import (
    Allegation,
    AppropriateAuthority,
    CaseAction,
    Complainant,
    ComplaintCase,
    ComplaintCategory,
    ComplaintOutcome,
    Contact,
    EqualityData,
    LessonLearned,
    Letter,
    ReferenceCounter,
    ReviewApplication,
    Route,
    Subject,
    TriageDecision,
)
from complaints.rules_data import bank_holidays, time_limits
from complaints.selectors import (
    allegation_facts,
    case_assumptions,
    case_triage,
    fact_question,
    outcomes_for_route,
)
from config.exceptions import DomainError
from staffing.models import User

SCHEDULE_3_ROUTES = (Route.SCHEDULE_3_RP, Route.SCHEDULE_3_INVESTIGATION, Route.REFERRED_TO_IOPC)
INVESTIGATION_ROUTES = (Route.SCHEDULE_3_INVESTIGATION, Route.REFERRED_TO_IOPC)
EQUALITY_FIELDS = ("age_band", "sex", "ethnicity", "disability", "religion", "sexual_orientation")


def retention_years() -> int:
    """MoPI review period after closure (C-DP-RETENTION): local policy, 6 years unless set."""
    return int(getattr(settings, "RESOLVE_COMPLAINT_RETENTION_YEARS", 6))


def initial_contact_working_days() -> int:
    """C-INITIAL-CONTACT has no statutory count: the rules file's figure, else local policy (5)."""
    from_rules = time_limits().initial_contact_working_days
    return (
        from_rules if from_rules is not None else int(getattr(settings, "RESOLVE_COMPLAINT_CONTACT_DAYS", 5))
    )


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _log(
    case: ComplaintCase,
    *,
    actor: User,
    kind: str,
    summary: str,
    reason: str = "",
    rule_ids: list[str] | None = None,
    recipient: User | None = None,
) -> CaseAction:
    action = CaseAction(
        case=case,
        kind=kind,
        actor=actor,
        summary=summary[:300],
        reason=reason,
        rules=rule_ids or [],
        recipient=recipient,
    )
    action._change_reason = summary[:100]  # type: ignore[attr-defined]
    action.save()
    return action


def _lock_open(case_id: int, version: int | None = None) -> ComplaintCase:
    """Lock the case row; refuse a closed case (nothing may change) or a stale edit."""
    case = ComplaintCase.objects.select_for_update().filter(pk=case_id).first()
    if case is None:
        raise DomainError("No such complaint case.", field="case")
    if case.status != ComplaintCase.Status.OPEN:
        raise DomainError(
            f"Case {case.reference} is {case.get_status_display().lower()} and can no longer be edited.",
            field="status",
        )
    if version is not None and version != case.version:
        raise DomainError(
            "Someone else changed this case since you opened it; reload and try again.", field="version"
        )
    return case


def _save(case: ComplaintCase, reason: str, fields: list[str]) -> None:
    case.version += 1  # the row is locked (select_for_update), so no concurrent writer can interleave
    case._change_reason = reason[:100]  # type: ignore[attr-defined]
    case.save(update_fields=[*fields, "version", "updated_at"])


def _next_reference(year: int) -> str:
    """CO/<year>/<5 digits>, from a locked per-year counter so two intakes never share a number."""
    ReferenceCounter.objects.get_or_create(year=year)
    counter = ReferenceCounter.objects.select_for_update().get(year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"CO/{year}/{counter.last:05d}"


# ---------------------------------------------------------------- intake
COMPLAINANT_INPUT = frozenset(
    {f.name for f in Complainant._meta.get_fields() if f.concrete and f.name not in ("id", "case")}
    | {"equality"}
)


def _subject_user(subject: Subject) -> User | None:
    """The user account a subject is, by staff id (username) or collar number: linked here, whatever
    path logged the case, so the subject never sees it (complaints.selectors._visible)."""
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
            details = sorted(set(value))
            bad = [d for d in details if d not in rules.SERIOUS_INJURY_DETAILS]
            if bad:
                raise DomainError(f"Unknown injury detail {bad[0]!r}.", field=f"{path}.injury_details")
            facts[name] = details
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
        if code not in categories:
            raise DomainError(f"Unknown complaint category {code!r}.", field="category")
    for person in complainants:
        unknown = set(person) - COMPLAINANT_INPUT
        if unknown:
            raise DomainError(f"Unknown complainant fact {sorted(unknown)[0]!r}.", field=sorted(unknown)[0])
        if person.get("acting_for_someone") and not (
            person.get("consent_of_affected") and person.get("consent_evidence")
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
        assigned_to=assigned_to or actor,
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
    for s in subjects:
        subject = Subject(case=case, **s)
        subject.user = subject.user or _subject_user(subject)
        subject.full_clean(exclude=["case"])
        subject.save()
    for index, a in enumerate(allegations):
        Allegation.objects.create(
            case=case,
            category=categories[a["category"]],
            description=a.get("description", ""),
            **{flag: bool(a.get(flag, False)) for flag in Allegation.FLAGS},
            **_allegation_facts(a, f"allegations.{index}"),
        )
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.CREATED,
        summary=f"{case.get_kind_display()} received by {case.get_channel_display().lower()}",
        rule_ids=["C-LOG-ALL"],
    )
    return case


# ---------------------------------------------------------------- triage
@transaction.atomic
def complaint_triage_decide(
    *,
    case_id: int,
    actor: User,
    accept: bool,
    route: str = "",
    must_refer_to_iopc: bool | None = None,
    appropriate_authority: str = "",
    reason: str = "",
    version: int | None = None,
) -> ComplaintCase:
    """Accept the engine's proposal, or override it with a recorded reason."""
    case = _lock_open(case_id, version)
    proposal = case_triage(case)
    if accept:
        unanswered = case_assumptions(case)
        if unanswered:
            raise DomainError(
                "Ask these first; the answer could change the proposal: "
                + "; ".join(fact_question(a.field) for a in unanswered)
                + ".",
                field="decision",
            )
        chosen_route = proposal.route or ""
        chosen_refer = proposal.must_refer_to_iopc
        chosen_aa = proposal.appropriate_authority or ""
    else:
        if not reason.strip():
            raise DomainError("Say why you are overriding the triage proposal.", field="reason")
        if route and route not in Route.values:
            raise DomainError(f"Unknown route {route!r}.", field="route")
        if appropriate_authority and appropriate_authority not in AppropriateAuthority.values:
            raise DomainError(
                f"Unknown appropriate authority {appropriate_authority!r}.", field="appropriate_authority"
            )
        if route == Route.OUTSIDE_SCHEDULE_3 and proposal.must_record:
            raise DomainError(
                "This complaint must be recorded under Schedule 3, so it cannot be handled outside it "
                "(C-OUTSIDE-S3-CONDITIONS).",
                field="route",
            )
        chosen_route = route
        chosen_refer = (
            bool(must_refer_to_iopc) if must_refer_to_iopc is not None else proposal.must_refer_to_iopc
        )
        chosen_aa = appropriate_authority or (proposal.appropriate_authority or "")
    decision = TriageDecision(
        case=case,
        proposed_route=proposal.route or "",
        proposed_must_refer=proposal.must_refer_to_iopc,
        proposed_authority=proposal.appropriate_authority or "",
        proposed_first_update_due=proposal.first_update_due,
        rules=list(proposal.rules),
        explanation=list(proposal.explanation),
        accepted=accept,
        route=chosen_route,
        must_refer_to_iopc=chosen_refer,
        appropriate_authority=chosen_aa,
        reason=reason,
        decided_by=actor,
    )
    decision._change_reason = "Triage accepted" if accept else "Triage overridden"  # type: ignore[attr-defined]
    decision.save()
    case.eligible = proposal.eligible
    case.route = chosen_route
    case.must_refer_to_iopc = chosen_refer
    case.appropriate_authority = chosen_aa
    _save(case, "Triage decision", ["eligible", "route", "must_refer_to_iopc", "appropriate_authority"])
    label = dict(Route.choices).get(chosen_route, "not eligible – no route")
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.TRIAGE,
        summary=("Accepted triage: " if accept else "Overrode triage: ") + str(label),
        reason=reason or "; ".join(proposal.explanation),
        rule_ids=list(proposal.rules),
    )
    return case


@transaction.atomic
def complaint_facts_answer(
    *, case_id: int, actor: User, answers: dict[str, Any], version: int | None = None
) -> ComplaintCase:
    """Record the complainant's answers to the triage's optional facts (API.md), keyed by the dotted
    paths `assumed` names ("complainant.subject_of_conduct", "allegations.0.conduct"): the first
    complainant, the allegations in the order the case lists them."""
    case = _lock_open(case_id, version)
    if not answers:
        raise DomainError("Answer at least one question.", field="answers")
    complainant = case.complainants.order_by("id").first()
    allegations = list(case.allegations.order_by("id"))
    dirty: dict[int, Complainant | Allegation] = {}
    said: list[str] = []
    for path, value in answers.items():
        parts = path.split(".")
        if parts[0] == "complainant" and len(parts) == 2 and parts[1] in Complainant.OPTIONAL_FACTS:
            if complainant is None:
                raise DomainError("The case has no complainant.", field="answers")
            target: Complainant | Allegation = complainant
            name = parts[1]
        elif (
            parts[0] == "allegations"
            and len(parts) == 3
            and parts[1].isdigit()
            and int(parts[1]) < len(allegations)
            and parts[2] in Allegation.OPTIONAL_FACTS
        ):
            target, name = allegations[int(parts[1])], parts[2]
        else:
            raise DomainError(f"{path!r} is not a fact of this case that can be answered.", field="answers")
        if name == "injury_details":
            if not isinstance(value, list):
                raise DomainError("Give the injury details as a list ([] for none).", field=path)
            value = _allegation_facts({name: value}, path.rsplit(".", 1)[0])[name]
        elif not isinstance(value, bool):
            raise DomainError("Answer yes or no.", field=path)
        setattr(target, name, value)
        dirty[id(target)] = target
        said.append(f"{fact_question(path)} {_answer_words(value)}")
    for record in dirty.values():
        record._change_reason = "Triage facts answered"  # type: ignore[union-attr]
        record.save()
    _save(case, "Triage facts answered", [])
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.EDITED,
        summary="Triage facts answered",
        reason=" ".join(said),
    )
    return case


def _answer_words(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(value) if value else "No serious injury."
    return "Yes." if value else "No."


# ---------------------------------------------------------------- handling
@transaction.atomic
def complaint_initial_contact(
    *, case_id: int, actor: User, at: dt.datetime, method: str, summary: str, version: int | None = None
) -> ComplaintCase:
    """C-INITIAL-CONTACT: ask the complainant how they would like the complaint handled."""
    case = _lock_open(case_id, version)
    if at > timezone.now():
        raise DomainError("The contact time cannot be in the future.", field="at")
    _contact(case, actor=actor, at=at, method=method, summary=summary, is_update=False)
    case.initial_contact_at = at
    _save(case, "Initial contact made", ["initial_contact_at"])
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.INITIAL_CONTACT,
        summary=f"Initial contact by {method}",
        reason=summary,
        rule_ids=["C-INITIAL-CONTACT"],
    )
    return case


@transaction.atomic
def complaint_service_recovery(
    *, case_id: int, actor: User, complainant_agreed: bool, reason: str, version: int | None = None
) -> ComplaintCase:
    """Handle outside Schedule 3 (C-OUTSIDE-S3) only with agreement and no must-record trigger."""
    case = _lock_open(case_id, version)
    if not complainant_agreed:
        raise DomainError(
            "Handling outside Schedule 3 needs the complainant's agreement (C-OUTSIDE-S3-CONDITIONS).",
            field="complainant_agreed",
        )
    case.complainant_agrees_outside_schedule_3 = True
    proposal = case_triage(case)
    if proposal.must_record or case.complainant_wants_recording:
        why = [r for r in proposal.rules if r.startswith("C-RECORD-")] or ["C-RECORD-WHEN-WANTED"]
        raise DomainError(
            "This complaint must be recorded under Schedule 3 and cannot be handled outside it ("
            + ", ".join(why)
            + ").",
            field="route",
        )
    case.route = Route.OUTSIDE_SCHEDULE_3
    _save(case, "Handled outside Schedule 3", ["route", "complainant_agrees_outside_schedule_3"])
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.SERVICE_RECOVERY,
        summary="Service recovery outside Schedule 3 agreed",
        reason=reason,
        rule_ids=["C-OUTSIDE-S3", "C-OUTSIDE-S3-CONDITIONS", "C-OUTSIDE-S3-LOG"],
    )
    return case


@transaction.atomic
def complaint_record(
    *,
    case_id: int,
    actor: User,
    recorded_on: dt.date,
    dse_handover_on: dt.date | None = None,
    dse_reference: str = "",
    reason: str = "",
    version: int | None = None,
) -> ComplaintCase:
    """Record under Schedule 3 and hand over to the force's DSE (C-RECORD-*, C-RECORD-COPY). A chief
    officer complaint stays with the PCC (C-CHIEF-OFFICER) and is not handed to DSE."""
    case = _lock_open(case_id, version)
    today = timezone.localdate()
    if recorded_on > today:
        raise DomainError("The recording date cannot be in the future.", field="recorded_on")
    if recorded_on < timezone.localdate(case.received_at):
        raise DomainError("A complaint cannot be recorded before it was received.", field="recorded_on")
    pcc = case.appropriate_authority == AppropriateAuthority.LOCAL_POLICING_BODY
    if not pcc:
        if dse_handover_on is None:
            raise DomainError("Give the date the case was handed to DSE.", field="dse_handover_on")
        if dse_handover_on > today:
            raise DomainError("The handover date cannot be in the future.", field="dse_handover_on")
        if not dse_reference.strip():
            raise DomainError("Give DSE's reference for the case.", field="dse_reference")
    case.recorded_on = recorded_on
    if case.route in ("", Route.OUTSIDE_SCHEDULE_3):
        proposal = case_triage(case)
        wanted = proposal.route or ""
        case.route = wanted if wanted in SCHEDULE_3_ROUTES else Route.SCHEDULE_3_RP
    fields = ["recorded_on", "route"]
    if not pcc:
        case.dse_handover_on, case.dse_reference = dse_handover_on, dse_reference.strip()
        fields += ["dse_handover_on", "dse_reference"]
    _save(case, "Recorded under Schedule 3", fields)
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.RECORDED,
        summary=f"Recorded under Schedule 3 on {recorded_on:%d/%m/%Y}",
        reason=reason,
        rule_ids=["C-RECORD-COPY"],
    )
    if pcc:
        _log(
            case,
            actor=actor,
            kind=CaseAction.Kind.PCC_HANDLING,
            summary="Chief officer complaint: the PCC handles it as appropriate authority",
            reason=reason,
            rule_ids=["C-CHIEF-OFFICER"],
        )
    else:
        _log(
            case,
            actor=actor,
            kind=CaseAction.Kind.DSE_HANDOVER,
            summary=f"Handed to DSE on {dse_handover_on:%d/%m/%Y}, reference {dse_reference}",
            reason=reason,
        )
    return case


@transaction.atomic
def complaint_refer_iopc(
    *,
    case_id: int,
    actor: User,
    referred_on: dt.date,
    iopc_reference: str = "",
    reason: str = "",
    version: int | None = None,
) -> ComplaintCase:
    """Refer to the IOPC (C-MANDATORY-REFERRAL or C-VOLUNTARY-REFERRAL); a referred complaint is recorded."""
    case = _lock_open(case_id, version)
    if referred_on > timezone.localdate():
        raise DomainError("The referral date cannot be in the future.", field="referred_on")
    if not case.must_refer_to_iopc and not reason.strip():
        raise DomainError(
            "Say why this complaint is referred voluntarily (C-VOLUNTARY-REFERRAL).", field="reason"
        )
    case.iopc_referred_on, case.iopc_reference = referred_on, iopc_reference.strip()
    case.route = Route.REFERRED_TO_IOPC
    case.must_refer_to_iopc = True
    if case.recorded_on is None:
        case.recorded_on = referred_on
    _save(
        case,
        "Referred to the IOPC",
        ["iopc_referred_on", "iopc_reference", "route", "must_refer_to_iopc", "recorded_on"],
    )
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.IOPC_REFERRAL,
        summary=f"Referred to the IOPC on {referred_on:%d/%m/%Y}"
        + (f", reference {iopc_reference}" if iopc_reference else ""),
        reason=reason,
        rule_ids=["C-MANDATORY-REFERRAL" if reason == "" else "C-VOLUNTARY-REFERRAL", "C-REFERRAL-PROMPT"],
    )
    return case


@transaction.atomic
def complaint_pcc_handle(
    *, case_id: int, actor: User, reason: str = "", version: int | None = None
) -> ComplaintCase:
    """A complaint about the chief officer: the PCC (local policing body) is the AA (C-CHIEF-OFFICER)."""
    case = _lock_open(case_id, version)
    if not case.about_chief_officer:
        raise DomainError(
            "Only complaints about the chief officer are handled by the PCC as appropriate authority.",
            field="about_chief_officer",
        )
    case.appropriate_authority = AppropriateAuthority.LOCAL_POLICING_BODY
    _save(case, "PCC handles the chief officer complaint", ["appropriate_authority"])
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.PCC_HANDLING,
        summary="The PCC is the appropriate authority (complaint about the chief officer)",
        reason=reason,
        rule_ids=["C-CHIEF-OFFICER"],
    )
    return case


@transaction.atomic
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
    category = ComplaintCategory.objects.filter(code=category_code).first()
    if category is None:
        raise DomainError(f"Unknown complaint category {category_code!r}.", field="category")
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


# ---------------------------------------------------------------- contacts and letters
def _contact(
    case: ComplaintCase,
    *,
    actor: User,
    at: dt.datetime,
    method: str,
    summary: str,
    is_update: bool,
    direction: str = Contact.Direction.OUTBOUND,
    withheld_reason: str = "",
) -> Contact:
    if method not in Complainant.ContactMethod.values:
        raise DomainError(f"Unknown contact method {method!r}.", field="method")
    if not summary.strip():
        raise DomainError("Say what was discussed.", field="summary")
    contact = Contact(
        case=case,
        at=at,
        method=method,
        direction=direction,
        is_update=is_update,
        summary=summary,
        withheld_reason=withheld_reason,
        by=actor,
    )
    contact._change_reason = "Contact logged"  # type: ignore[attr-defined]
    contact.save()
    return contact


@transaction.atomic
def contact_log(
    *,
    case_id: int,
    actor: User,
    at: dt.datetime,
    method: str,
    summary: str,
    is_update: bool = False,
    direction: str = Contact.Direction.OUTBOUND,
    withheld_reason: str = "",
    version: int | None = None,
) -> Contact:
    """Log a contact; a progress update sets the next update due 28 days on (C-UPDATE-28D)."""
    case = _lock_open(case_id, version)
    if at > timezone.now():
        raise DomainError("The contact time cannot be in the future.", field="at")
    if direction not in Contact.Direction.values:
        raise DomainError(f"Unknown direction {direction!r}.", field="direction")
    contact = _contact(
        case,
        actor=actor,
        at=at,
        method=method,
        summary=summary,
        is_update=is_update,
        direction=direction,
        withheld_reason=withheld_reason,
    )
    fields: list[str] = []
    if is_update:
        case.last_update_at = at
        case.next_update_due = rules.next_update_due(timezone.localdate(at), time_limits())
        fields += ["last_update_at", "next_update_due"]
    _save(case, "Contact logged", fields)
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.CONTACT,
        summary=("Progress update" if is_update else "Contact") + f" by {method}",
        reason=summary[:500],
        rule_ids=["C-UPDATE-28D"] if is_update else [],
    )
    return contact


def letter_context(case: ComplaintCase, *, kind: str, dated: dt.date) -> dict[str, Any]:
    complainant = case.complainants.all()[0]
    return {
        "case": case,
        "kind": kind,
        "dated": dated,
        "complainant": complainant,
        "allegations": list(case.allegations.select_related("category", "outcome")),
        "large_print": "large_print" in complainant.adjustments,
        "easy_read": "easy_read" in complainant.adjustments,
        "force_name": settings.RESOLVE_FORCE_NAME,
        "review_right": bool(case.review_body and case.review_deadline),
    }


@transaction.atomic
def letter_issue(*, case_id: int, actor: User, kind: str, dated: dt.date | None = None) -> Letter:
    """Render a letter from its template and keep the exact text sent (C-OUTCOME-CONTENT)."""
    case = ComplaintCase.objects.select_for_update().filter(pk=case_id).first()
    if case is None:
        raise DomainError("No such complaint case.", field="case")
    if kind not in Letter.Kind.values:
        raise DomainError(f"Unknown letter kind {kind!r}.", field="kind")
    dated = dated or timezone.localdate()
    if kind == Letter.Kind.OUTCOME:
        if case.outcome is None:
            raise DomainError("Record the outcome before writing the outcome letter.", field="kind")
    elif not case.is_open:
        raise DomainError(
            f"Case {case.reference} is closed: only the outcome letter can be issued.", field="status"
        )
    html = render_to_string(f"complaints/letters/{kind}.html", letter_context(case, kind=kind, dated=dated))
    letter = Letter(case=case, kind=kind, dated=dated, html=html, created_by=actor)
    letter._change_reason = f"{kind} letter issued"  # type: ignore[attr-defined]
    letter.save()
    if kind == Letter.Kind.UPDATE:
        now = timezone.now()
        _contact(
            case,
            actor=actor,
            at=now,
            method=Complainant.ContactMethod.LETTER,
            summary="Update letter sent",
            is_update=True,
        )
        case.last_update_at = now
        case.next_update_due = rules.next_update_due(dated, time_limits())
        _save(case, "Update letter", ["last_update_at", "next_update_due"])
    rule_ids = {"outcome": ["C-OUTCOME-CONTENT", "C-OUTCOME-5WD"], "update": ["C-UPDATE-28D"]}.get(kind, [])
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.LETTER,
        summary=f"{letter.get_kind_display()} letter dated {dated:%d/%m/%Y}",
        rule_ids=rule_ids,
    )
    return letter


# ---------------------------------------------------------------- outcomes and review
def _review_right(
    case: ComplaintCase, outcome: ComplaintOutcome, outcome_on: dt.date
) -> tuple[str, dt.date | None]:
    """C-REVIEW-RIGHT: Sch3 outcomes only; body by C-REVIEW-BODY; deadline by C-REVIEW-28D."""
    if case.route not in SCHEDULE_3_ROUTES or outcome.review_body_relevant != "yes":
        return "", None
    facts = [allegation_facts(a) for a in case.allegations.all()]
    body = rules.review_body(
        route=case.route,
        appropriate_authority=case.appropriate_authority or rules.Authority.CHIEF_OFFICER,
        about_senior_officer=any(f.about_senior_officer for f in facts),
        serious=any(rules.criminal_or_disciplinary(f) or f.article_2_or_3 for f in facts),
        referred=case.must_refer_to_iopc or case.route == Route.REFERRED_TO_IOPC,
    )
    if body is None:
        return "", None
    return str(body), rules.review_deadline(outcome_on, time_limits())


@transaction.atomic
def complaint_close(
    *,
    case_id: int,
    actor: User,
    outcome_code: str,
    outcome_on: dt.date | None = None,
    allegation_outcomes: dict[int, str] | None = None,
    reason: str = "",
    version: int | None = None,
) -> ComplaintCase:
    """Finalise with an outcome fitting the route; compute the review right (C-REVIEW-RIGHT)."""
    case = _lock_open(case_id, version)
    outcome_on = outcome_on or timezone.localdate()
    if outcome_on > timezone.localdate():
        raise DomainError("The outcome date cannot be in the future.", field="outcome_on")
    allowed = {o.code: o for o in outcomes_for_route(case.route)}
    if outcome_code not in allowed:
        route_label = dict(Route.choices).get(case.route, "no route (triage first)")
        raise DomainError(
            f"Outcome {outcome_code!r} does not fit the route taken: {route_label}.", field="outcome"
        )
    outcome = allowed[outcome_code]
    allegations = {a.pk: a for a in case.allegations.all()}
    for allegation_id, code in (allegation_outcomes or {}).items():
        if allegation_id not in allegations:
            raise DomainError(f"Allegation {allegation_id} is not on this case.", field="allegation_outcomes")
        if code not in allowed:
            raise DomainError(
                f"Outcome {code!r} for allegation {allegation_id} does not fit the route taken.",
                field="allegation_outcomes",
            )
    for allegation in allegations.values():
        code = (allegation_outcomes or {}).get(allegation.pk, outcome_code)
        allegation.outcome = allowed[code]
        allegation._change_reason = "Outcome recorded"  # type: ignore[attr-defined]
        allegation.save(update_fields=["outcome"])
    body, deadline = _review_right(case, outcome, outcome_on)
    now = timezone.now()
    case.outcome, case.outcome_on = outcome, outcome_on
    case.outcome_notice_due = rules.outcome_notice_due(outcome_on, bank_holidays(outcome_on), time_limits())
    case.review_body, case.review_deadline = body, deadline
    case.status = ComplaintCase.Status.CLOSED
    case.closed_at = now
    case.closure_reason = reason
    case.retention_review_on = _add_years(timezone.localdate(now), retention_years())
    _save(
        case,
        "Outcome recorded and case closed",
        [
            "outcome",
            "outcome_on",
            "outcome_notice_due",
            "review_body",
            "review_deadline",
            "status",
            "closed_at",
            "closure_reason",
            "retention_review_on",
        ],
    )
    rule_ids = ["C-OUTCOME-5WD", "C-DP-RETENTION"] + (
        ["C-REVIEW-RIGHT", "C-REVIEW-BODY", "C-REVIEW-28D"] if body else []
    )
    summary = f"Outcome {outcome.code}; " + (
        f"review by {case.get_review_body_display()} by {deadline:%d/%m/%Y}"
        if deadline
        else "no right of review"
    )
    _log(case, actor=actor, kind=CaseAction.Kind.OUTCOME, summary=summary, reason=reason, rule_ids=rule_ids)
    return case


def _end(
    case: ComplaintCase,
    *,
    actor: User,
    status: str,
    outcome_code: str,
    reason: str,
    kind: str,
    rule_ids: list[str],
) -> ComplaintCase:
    if not reason.strip():
        raise DomainError("Give the reason.", field="reason")
    outcome = ComplaintOutcome.objects.get(code=outcome_code)
    now = timezone.now()
    case.status, case.outcome, case.outcome_on = status, outcome, timezone.localdate(now)
    case.closed_at, case.closure_reason = now, reason
    case.review_body, case.review_deadline = "", None
    case.retention_review_on = _add_years(timezone.localdate(now), retention_years())
    for allegation in case.allegations.all():
        if allegation.outcome_id is None:
            allegation.outcome = outcome
            allegation._change_reason = case.get_status_display()  # type: ignore[attr-defined]
            allegation.save(update_fields=["outcome"])
    _save(
        case,
        str(case.get_status_display()),
        [
            "status",
            "outcome",
            "outcome_on",
            "closed_at",
            "closure_reason",
            "review_body",
            "review_deadline",
            "retention_review_on",
        ],
    )
    _log(
        case,
        actor=actor,
        kind=kind,
        summary=f"{case.get_status_display()}: {outcome.code}",
        reason=reason,
        rule_ids=rule_ids,
    )
    return case


@transaction.atomic
def complaint_withdraw(
    *, case_id: int, actor: User, reason: str, version: int | None = None
) -> ComplaintCase:
    """Withdrawn by the complainant (Regs2020 reg 38): no review right."""
    case = _lock_open(case_id, version)
    code = "OS3-WITHDRAWN" if case.route == Route.OUTSIDE_SCHEDULE_3 else "WITHDRAWN"
    return _end(
        case,
        actor=actor,
        status=ComplaintCase.Status.WITHDRAWN,
        outcome_code=code,
        reason=reason,
        kind=CaseAction.Kind.WITHDRAWN,
        rule_ids=["C-LOG-ALL"],
    )


@transaction.atomic
def complaint_discontinue(
    *, case_id: int, actor: User, reason: str, version: int | None = None
) -> ComplaintCase:
    """Discontinue an investigation (C-INV-OUTCOMES): only on an investigation route."""
    case = _lock_open(case_id, version)
    if case.route not in INVESTIGATION_ROUTES:
        raise DomainError("Only an investigation can be discontinued.", field="route")
    return _end(
        case,
        actor=actor,
        status=ComplaintCase.Status.DISCONTINUED,
        outcome_code="INV-DISCONTINUED",
        reason=reason,
        kind=CaseAction.Kind.DISCONTINUED,
        rule_ids=["C-INV-OUTCOMES"],
    )


def _review_result(code: str) -> ComplaintOutcome:
    result = ComplaintOutcome.objects.filter(code=code, review_body_relevant="n/a").first()
    if result is None:
        raise DomainError(
            f"{code!r} is not a review result; use REVIEW-UPHELD or REVIEW-NOT-UPHELD.", field="result"
        )
    return result


def _set_result(
    review: ReviewApplication,
    *,
    result_code: str,
    decided_on: dt.date | None,
    recommendations: str,
) -> None:
    review.result = _review_result(result_code)
    review.decided_on = decided_on or timezone.localdate()
    if review.decided_on > timezone.localdate():
        raise DomainError("The decision date cannot be in the future.", field="decided_on")
    if review.decided_on < review.received_on:
        raise DomainError(
            "A review cannot be decided before the application was received.", field="decided_on"
        )
    review.recommendations = recommendations.strip()


@transaction.atomic
def review_log(
    *,
    case_id: int,
    actor: User,
    received_on: dt.date,
    result_code: str = "",
    decided_on: dt.date | None = None,
    recommendations: str = "",
    notes: str = "",
) -> ReviewApplication:
    """Log the review application (C-REVIEW-28D: in time or late), with its result when already known
    (C-REVIEW-OUTCOME). One application per outcome: its result is later recorded on it
    (`review_decide`), never as a second application."""
    case = ComplaintCase.objects.select_for_update().filter(pk=case_id).first()
    if case is None:
        raise DomainError("No such complaint case.", field="case")
    if case.status != ComplaintCase.Status.CLOSED or not case.review_body or case.review_deadline is None:
        raise DomainError("This case carries no right of review (C-REVIEW-RIGHT).", field="case")
    if case.reviews.exists():
        raise DomainError(
            "A review application is already logged for this case: record its result on it.",
            field="received_on",
        )
    if received_on > timezone.localdate():
        raise DomainError("The received date cannot be in the future.", field="received_on")
    if case.outcome_on and received_on < case.outcome_on:
        raise DomainError("A review cannot be received before the outcome.", field="received_on")
    review = ReviewApplication(
        case=case,
        received_on=received_on,
        in_time=received_on <= case.review_deadline,
        body=case.review_body,
        notes=notes,
        logged_by=actor,
    )
    if result_code:
        _set_result(review, result_code=result_code, decided_on=decided_on, recommendations=recommendations)
    review._change_reason = "Review application logged"  # type: ignore[attr-defined]
    review.save()
    summary = (
        f"Review application received {received_on:%d/%m/%Y} ({'in time' if review.in_time else 'late'})"
    )
    if review.result:
        summary += f"; {review.result.title.lower()}"
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.REVIEW,
        summary=summary,
        reason=notes,
        rule_ids=["C-REVIEW-28D", "C-REVIEW-OUTCOME"] if review.result else ["C-REVIEW-28D"],
    )
    return review


@transaction.atomic
def review_decide(
    *,
    review_id: int,
    actor: User,
    result_code: str,
    decided_on: dt.date | None = None,
    recommendations: str = "",
    notes: str = "",
) -> ReviewApplication:
    """Record the review body's result (upheld or not, its recommendations, the date) on the
    application itself (C-REVIEW-OUTCOME). A result is recorded once."""
    review = ReviewApplication.objects.select_for_update().select_related("case").filter(pk=review_id).first()
    if review is None:
        raise DomainError("No such review application.", field="review")
    if review.result_id is not None:
        raise DomainError("This review already has its result.", field="result")
    _set_result(review, result_code=result_code, decided_on=decided_on, recommendations=recommendations)
    if notes:
        review.notes = notes
    review._change_reason = "Review result"  # type: ignore[attr-defined]
    review.save(update_fields=["result", "decided_on", "recommendations", "notes"])
    assert review.result is not None
    _log(
        review.case,
        actor=actor,
        kind=CaseAction.Kind.REVIEW,
        summary=f"Review result: {review.result.title.lower()} ({review.decided_on:%d/%m/%Y})",
        reason=review.recommendations or notes,
        rule_ids=["C-REVIEW-OUTCOME"],
    )
    return review


# ---------------------------------------------------------------- compliments, caseload, learning
def compliment_recipient(case: ComplaintCase) -> User | None:
    """The named officer's line manager: the sergeant of their team, when Resolve knows them."""
    for subject in case.subjects.select_related("user__team__sergeant"):
        user = subject.user
        if user is not None and user.team is not None and user.team.sergeant is not None:
            return user.team.sergeant
    return None


@transaction.atomic
def compliment_forward(
    *, case_id: int, actor: User, recipient: User | None = None, note: str = ""
) -> ComplaintCase:
    """C-COMPLIMENT: pass a compliment to the officer's line manager, logged with the recipient."""
    case = _lock_open(case_id)
    if case.kind != ComplaintCase.Kind.COMPLIMENT:
        raise DomainError("Only a compliment can be forwarded.", field="kind")
    recipient = recipient or compliment_recipient(case)
    if recipient is None:
        raise DomainError(
            "Choose who to forward the compliment to: no line manager is known for the officer.",
            field="recipient",
        )
    now = timezone.now()
    case.status, case.closed_at = ComplaintCase.Status.CLOSED, now
    case.retention_review_on = _add_years(timezone.localdate(now), retention_years())
    _save(case, "Compliment forwarded", ["status", "closed_at", "retention_review_on"])
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.COMPLIMENT_FORWARDED,
        summary=f"Compliment forwarded to {recipient}",
        reason=note,
        rule_ids=["C-COMPLIMENT"],
        recipient=recipient,
    )
    return case


@transaction.atomic
def case_reassign(
    *, case_id: int, actor: User, assignee: User, reason: str, version: int | None = None
) -> ComplaintCase:
    if actor.role not in (User.Role.MANAGER, User.Role.ADMIN):
        raise DomainError("Only a manager can reassign a case.", field="assignee")
    case = _lock_open(case_id, version)
    if assignee.role not in (User.Role.ADVISOR, User.Role.MANAGER) or not assignee.is_active:
        raise DomainError("Cases can only be assigned to an active advisor or manager.", field="assignee")
    if case.subjects.filter(user=assignee).exists():
        raise DomainError("A person named in the complaint cannot handle it.", field="assignee")
    if not reason.strip():
        raise DomainError("Give the reason for reassigning.", field="reason")
    before = case.assigned_to
    case.assigned_to = assignee
    _save(case, "Reassigned", ["assigned_to"])
    _log(
        case,
        actor=actor,
        kind=CaseAction.Kind.REASSIGNED,
        summary=f"Reassigned from {before or 'nobody'} to {assignee}",
        reason=reason,
        recipient=assignee,
    )
    return case


@transaction.atomic
def lesson_create(
    *,
    actor: User,
    title: str,
    description: str,
    level: str,
    category_code: str = "",
    case_ids: list[int] | None = None,
) -> LessonLearned:
    """C-LEARNING: a learning point linked to the cases it came from."""
    if level not in LessonLearned.Level.values:
        raise DomainError(f"Unknown level {level!r}.", field="level")
    category = None
    if category_code:
        category = ComplaintCategory.objects.filter(code=category_code).first()
        if category is None:
            raise DomainError(f"Unknown complaint category {category_code!r}.", field="category")
    cases = list(ComplaintCase.objects.filter(pk__in=case_ids or []).exclude(subjects__user=actor))
    if len(cases) != len(set(case_ids or [])):
        raise DomainError("One of the cases does not exist.", field="cases")
    lesson = LessonLearned(
        title=title, description=description, level=level, category=category, created_by=actor
    )
    lesson._change_reason = "Lesson recorded"  # type: ignore[attr-defined]
    lesson.full_clean(exclude=["created_by"])
    lesson.save()
    lesson.cases.set(cases)
    return lesson


# ---------------------------------------------------------------- one entry for every case action
def _version_of(data: dict[str, Any]) -> int | None:
    value = data.get("version")
    return int(value) if value is not None else None


def _today_if_none(value: dt.date | None) -> dt.date:
    return value or timezone.localdate()


def _review_of_case(case_id: int, review_id: Any) -> int:
    review = (
        ReviewApplication.objects.filter(case_id=case_id, pk=review_id).values_list("pk", flat=True).first()
    )
    if review is None:
        raise DomainError("No such review application on this case.", field="review")
    return int(review)


# Each case action by its one name, from the keys both the case page's form and the API's serializer
# give (STYLE 12, one path per operation): neither side maps its input to a service on its own.
_CASE_ACTIONS: dict[str, Any] = {
    "triage": lambda case_id, actor, d: complaint_triage_decide(
        case_id=case_id,
        actor=actor,
        accept=d["accept"],
        route=d.get("route", ""),
        must_refer_to_iopc=d.get("must_refer_to_iopc"),
        appropriate_authority=d.get("appropriate_authority", ""),
        reason=d.get("reason", ""),
        version=_version_of(d),
    ),
    "facts": lambda case_id, actor, d: complaint_facts_answer(
        case_id=case_id, actor=actor, answers=d.get("answers") or {}, version=_version_of(d)
    ),
    "initial_contact": lambda case_id, actor, d: complaint_initial_contact(
        case_id=case_id,
        actor=actor,
        at=d.get("at") or timezone.now(),
        method=d.get("method", ""),
        summary=d.get("summary", ""),
        version=_version_of(d),
    ),
    "service_recovery": lambda case_id, actor, d: complaint_service_recovery(
        case_id=case_id,
        actor=actor,
        complainant_agreed=d.get("complainant_agreed", False),
        reason=d.get("reason", ""),
        version=_version_of(d),
    ),
    "record": lambda case_id, actor, d: complaint_record(
        case_id=case_id,
        actor=actor,
        recorded_on=_today_if_none(d.get("recorded_on")),
        dse_handover_on=d.get("dse_handover_on"),
        dse_reference=d.get("dse_reference", ""),
        reason=d.get("reason", ""),
        version=_version_of(d),
    ),
    "refer_iopc": lambda case_id, actor, d: complaint_refer_iopc(
        case_id=case_id,
        actor=actor,
        referred_on=_today_if_none(d.get("referred_on")),
        iopc_reference=d.get("iopc_reference", ""),
        reason=d.get("reason", ""),
        version=_version_of(d),
    ),
    "pcc": lambda case_id, actor, d: complaint_pcc_handle(
        case_id=case_id, actor=actor, reason=d.get("reason", ""), version=_version_of(d)
    ),
    "allegation": lambda case_id, actor, d: allegation_add(
        case_id=case_id,
        actor=actor,
        category_code=d.get("category") or "",
        description=d.get("description", ""),
        version=_version_of(d),
        **(d.get("facts") or {}),
    ),
    "contact": lambda case_id, actor, d: contact_log(
        case_id=case_id,
        actor=actor,
        at=d["at"],
        method=d.get("method", ""),
        summary=d.get("summary", ""),
        is_update=d.get("is_update", False),
        direction=d.get("direction", Contact.Direction.OUTBOUND),
        withheld_reason=d.get("withheld_reason", ""),
        version=_version_of(d),
    ),
    "letter": lambda case_id, actor, d: letter_issue(case_id=case_id, actor=actor, kind=d.get("kind") or ""),
    "close": lambda case_id, actor, d: complaint_close(
        case_id=case_id,
        actor=actor,
        outcome_code=d.get("outcome", ""),
        outcome_on=d.get("outcome_on"),
        allegation_outcomes=d.get("allegation_outcomes") or {},
        reason=d.get("reason", ""),
        version=_version_of(d),
    ),
    "withdraw": lambda case_id, actor, d: complaint_withdraw(
        case_id=case_id, actor=actor, reason=d.get("reason", ""), version=_version_of(d)
    ),
    "discontinue": lambda case_id, actor, d: complaint_discontinue(
        case_id=case_id, actor=actor, reason=d.get("reason", ""), version=_version_of(d)
    ),
    "review": lambda case_id, actor, d: review_log(
        case_id=case_id,
        actor=actor,
        received_on=d["received_on"],
        result_code=d.get("result", ""),
        decided_on=d.get("decided_on"),
        recommendations=d.get("recommendations", ""),
        notes=d.get("notes", ""),
    ),
    "review_result": lambda case_id, actor, d: review_decide(
        review_id=_review_of_case(case_id, d.get("review")),
        actor=actor,
        result_code=d.get("result", ""),
        decided_on=d.get("decided_on"),
        recommendations=d.get("recommendations", ""),
        notes=d.get("notes", ""),
    ),
    "forward": lambda case_id, actor, d: compliment_forward(
        case_id=case_id, actor=actor, recipient=d.get("recipient"), note=d.get("reason", "")
    ),
    "reassign": lambda case_id, actor, d: case_reassign(
        case_id=case_id,
        actor=actor,
        assignee=d["assignee"],  # a User: case_action checks it first
        reason=d.get("reason", ""),
        version=_version_of(d),
    ),
}
CASE_ACTION_NAMES = tuple(_CASE_ACTIONS)


def case_action(name: str, *, case_id: int, actor: User, data: dict[str, Any]) -> Any:
    """Do the case action `name` with `data`: the one dispatch the case page and the API both use, so
    every action has one name and one mapping onto its service. Users come in as User objects."""
    handler = _CASE_ACTIONS.get(name)
    if handler is None:
        raise DomainError(f"Unknown action {name!r}.", field="action")
    if name == "reassign" and not isinstance(data.get("assignee"), User):
        raise DomainError("Choose who to give the case to.", field="assignee")
    if name == "letter" and not data.get("kind"):
        raise DomainError("Choose the letter kind.", field="kind")
    return handler(case_id, actor, data)
