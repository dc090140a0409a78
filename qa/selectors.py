"""Every non-trivial read of the QA app, with related data loaded for rendering."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from config.exceptions import DomainError
from qa import rules
from qa.crime_kinds import incident_kind
from qa.models import (
    Amendment,
    DipSample,
    DipTest,
    HiddenCrimeFlag,
    HiddenCrimeFlagPattern,
    RapeReview,
    ScreenedIncident,
    ScreenPatternVersion,
    SweepRun,
    UnrecordedFlag,
)
from qa.screen import PatternSet, compile_patterns
from qa.screen.defaults import default_pattern_set, ho_offences, parse_pattern_text, screen_examples
from qa.services.timing import day_bounds
from recording.models import Crime, Incident, Offence
from recording.selectors import crime_visible
from staffing.models import Allocation, User

ESCALATION_OPEN = Q(
    status=UnrecordedFlag.Status.OPEN, escalated_at__isnull=False, escalation_answered_at__isnull=True
)
MISMATCHED = ~Q(resolve_mismatch="")


def flag_list(
    *,
    status: str | None = None,
    assigned: str = "",
    q: str = "",
    escalation: str = "",
    mismatch: str = "",
) -> QuerySet[UnrecordedFlag]:
    """Flags oldest incident first (the sergeant's queue order). `assigned`: "yes", "no" or "" (any);
    `q`: part of the incident reference; `escalation`: "open" (waiting for the control room),
    "answered" or "" (any); `mismatch`: "yes" for flags resolved with a crime that did not match."""
    flags = UnrecordedFlag.objects.select_related("incident__nsir_code", "assigned_to", "closing_nsir_code")
    if status:
        flags = flags.filter(status=status)
    if assigned in {"yes", "no"}:
        flags = flags.filter(assigned_to__isnull=assigned == "no")
    if q.strip():
        flags = flags.filter(incident__reference__icontains=q.strip())
    if escalation == "open":
        flags = flags.filter(ESCALATION_OPEN)
    elif escalation == "answered":
        flags = flags.filter(escalation_answered_at__isnull=False)
    if mismatch == "yes":
        flags = flags.filter(MISMATCHED)
    # incident_opened_at is the incident's opened_at copied by the sweep: indexed (qa_flag_queue_idx), so a
    # page of the queue reads 50 index entries instead of joining and sorting every open flag.
    return flags.order_by("incident_opened_at", "id")


def flag_escalations_open() -> QuerySet[UnrecordedFlag]:
    """Flags waiting for the control room's answer, longest waiting first (partial index
    qa_flag_escalated_idx)."""
    return flag_list(escalation="open").order_by("escalated_at", "id")


def flag_figures() -> dict[str, int]:
    """The counts beside the sergeant's queue, in one query: open flags, open escalations, and flags
    resolved with a crime that did not match the incident (each with a reason kept on the flag)."""
    return UnrecordedFlag.objects.aggregate(
        open=Count("id", filter=Q(status=UnrecordedFlag.Status.OPEN)),
        escalations_open=Count("id", filter=ESCALATION_OPEN),
        resolved_mismatched=Count("id", filter=Q(status=UnrecordedFlag.Status.RESOLVED) & MISMATCHED),
    )


@dataclass(frozen=True)
class FlagCandidate:
    """A crime offered to resolve a flag, beside the incident, and whether it matches."""

    incident: Incident
    crime: Crime
    match: rules.FlagMatch
    linked: bool  # already linked to this incident


def flag_candidate(*, incident: Incident, crime_number: str, user: User) -> FlagCandidate:
    """The crime `crime_number` (one the user may see) checked against the incident it would resolve
    (qa.rules.flag_crime_match); DomainError on `crime_number` when there is no such crime."""
    number = crime_number.strip()
    if not number:
        raise DomainError("Give the crime number that was recorded.", field="crime_number")
    crime = (
        crime_visible(user=user)
        .select_related("offence")
        .prefetch_related("victims", "incidents")
        .filter(crime_number=number)
        .first()
    )
    if crime is None:
        raise DomainError(f"No crime {number} is recorded.", field="crime_number")
    references = [i.reference for i in crime.incidents.all() if i.pk != incident.pk]
    our_force = settings.RESOLVE_FORCE_CODE
    match = rules.flag_crime_match(
        incident_opened_at=incident.opened_at,
        crime_reported_at=crime.reported_at,
        crime_forces=[crime.crime_number.split("/", 1)[0], crime.location_force],
        our_force=our_force,
        other_incidents=references,
        match_days=int(settings.RESOLVE_FLAG_MATCH_DAYS),
        incident_location=incident.location,
        crime_location=crime.location,
        incident_kind=incident_kind(incident.nsir_code.code, incident.nsir_code.title),
        crime_offence=rules.OffenceFacts(
            code=crime.offence.code, title=crime.offence.title, category=crime.offence.category
        ),
    )
    linked = any(i.pk == incident.pk for i in crime.incidents.all())
    return FlagCandidate(incident=incident, crime=crime, match=match, linked=linked)


def incident_flags(incident: Incident) -> list[UnrecordedFlag]:
    return list(
        UnrecordedFlag.objects.filter(incident=incident)
        .select_related("assigned_to", "closed_by")
        .order_by("flagged_at", "id")
    )


def incident_dip_samples(incident: Incident) -> list[DipSample]:
    """Dip-test samples of the incident itself and of the crimes recorded from it."""
    incident_type = ContentType.objects.get_for_model(Incident)
    crime_type = ContentType.objects.get_for_model(Crime)
    crime_ids = Crime.incidents.through.objects.filter(incident_id=incident.pk).values("crime_id")
    return list(
        DipSample.objects.filter(
            Q(content_type=incident_type, object_id=incident.pk)
            | Q(content_type=crime_type, object_id__in=crime_ids)
        )
        .select_related("dip_test", "audited_by")
        .order_by("dip_test__date", "id")
    )


def last_sweep() -> SweepRun | None:
    """The last sweep that finished its work: the queue is as current as this."""
    return SweepRun.objects.filter(complete=True).order_by("-started_at").first()


def flag_get(flag_id: int) -> UnrecordedFlag:
    return flag_list().get(pk=flag_id)


def dip_test_list() -> QuerySet[DipTest]:
    return DipTest.objects.annotate(
        sampled=Count("samples"), checked=Count("samples", filter=Q(samples__audited_at__isnull=False))
    ).order_by("-date")


def dip_samples_to_audit() -> QuerySet[DipSample]:
    return DipSample.objects.filter(audited_at__isnull=True).select_related("dip_test", "owner", "team")


def dip_test_samples(dip_test: DipTest) -> QuerySet[DipSample]:
    return (
        dip_test.samples.select_related("owner", "team", "audited_by")
        .prefetch_related("findings")
        .order_by("audited_at", "stratum", "id")
    )


def amendment_list(*, user: User) -> QuerySet[Amendment]:
    """Investigators see their own amendments; sergeants their team's and unowned ones; managers all."""
    amendments = Amendment.objects.select_related(
        "finding__sample__dip_test", "owner", "confirmed_by", "fixed_by"
    ).exclude(status=Amendment.Status.CONFIRMED)
    if user.role == User.Role.INVESTIGATOR:
        return amendments.filter(owner=user)
    if user.role == User.Role.SERGEANT and user.team_id is not None:
        return amendments.filter(Q(owner__team_id=user.team_id) | Q(owner__isnull=True))
    return amendments


def rape_review_queue(*, reviewed: bool = False) -> QuerySet[RapeReview]:
    # The victims' names and numbers are shown for crimes (one prefetch for the page).
    reviews = RapeReview.objects.select_related(
        "incident__nsir_code", "crime__offence", "awaiting__incident", "reviewed_by"
    ).prefetch_related("crime__victims")
    if reviewed:
        return reviews.filter(reviewed_at__isnull=False).order_by("-reviewed_at")
    return reviews.filter(reviewed_at__isnull=True).order_by("queued_at", "id")


# ---------------------------------------------------------------- QA work not yet allocated
def _unallocated(qs: QuerySet[Any], model_name: str) -> QuerySet[Any]:
    """Leave out items holding an open staffing Allocation (matched by content type inside the
    subquery, so no separate content-type lookup runs)."""
    return qs.exclude(
        Exists(
            Allocation.objects.filter(
                content_type__app_label="qa",
                content_type__model=model_name,
                object_id=OuterRef("pk"),
                status=Allocation.Status.OPEN,
            )
        )
    )


def flags_to_allocate() -> QuerySet[UnrecordedFlag]:
    """Open flags nobody has been allocated, oldest incident first."""
    return _unallocated(flag_list(status=UnrecordedFlag.Status.OPEN), "unrecordedflag")


def samples_to_allocate() -> QuerySet[DipSample]:
    """Dip-test samples still to audit that no auditor has been allocated, oldest test first."""
    return _unallocated(dip_samples_to_audit(), "dipsample").order_by("dip_test__date", "id")


def amendments_to_allocate() -> QuerySet[Amendment]:
    """Amendments not yet confirmed that nobody has been allocated, soonest due first."""
    return _unallocated(
        Amendment.objects.exclude(status=Amendment.Status.CONFIRMED).select_related(
            "owner", "finding__sample"
        ),
        "amendment",
    ).order_by("due_on", "id")


_COMPILED: dict[int, PatternSet] = {}


def screen_patterns_current() -> PatternSet:
    """The hidden-crime screen's pattern set in force: the force's latest published version, else the
    shipped default. One query; compiling (about a second) happens once per version per process."""
    latest = ScreenPatternVersion.objects.order_by("-version").values_list("version", "text").first()
    if latest is None:
        return default_pattern_set()
    version, text = latest
    compiled = _COMPILED.get(version)
    if compiled is None:
        compiled = compile_patterns(parse_pattern_text(text), ho_offences(), screen_examples())
        _COMPILED.clear()  # keep only the version in force
        _COMPILED[version] = compiled
    return compiled


def screen_pattern_versions() -> QuerySet[ScreenPatternVersion]:
    return ScreenPatternVersion.objects.select_related("published_by").order_by("-version")


# ---------------------------------------------------------------- possible hidden crimes (issue 21)
def hidden_crime_flags(*, status: str | None = HiddenCrimeFlag.Status.OPEN) -> QuerySet[HiddenCrimeFlag]:
    """Possible hidden crimes, risk first (sexual offences, violence, domestic abuse, the rest), then the
    oldest incident: the sergeant's queue, its home count and the API list (qa_hidden_queue_idx)."""
    flags = HiddenCrimeFlag.objects.select_related("incident__nsir_code", "crime", "closed_by")
    if status:
        flags = flags.filter(status=status)
    return flags.order_by("risk", "incident_opened_at", "id")


@dataclass(frozen=True)
class HiddenCrimeView:
    """One flag as its page shows it: the narrative cut into plain, evidence and discounted runs, and
    each candidate offence with its title, evidence and patterns, and the decide page prefilled."""

    flag: HiddenCrimeFlag
    segments: list[rules.Segment]
    crimes: list[dict[str, Any]]
    discounted: list[dict[str, Any]]
    decide_url: str


def hidden_crime_view(flag: HiddenCrimeFlag) -> HiddenCrimeView:
    from urllib.parse import urlencode

    from django.urls import reverse

    from qa.screen.result import WHY_LABELS

    reading = flag.reading
    titles = dict(
        Offence.objects.filter(code__in=[c["offence"] for c in reading["crimes"]]).values_list(
            "code", "title"
        )
    )
    crimes = [
        {
            **c,
            "title": titles.get(c["offence"], c["offence"]),
            "refer_label": "Action Fraud" if c["refer_to"] else "",
        }
        for c in reading["crimes"]
    ]
    discounted = [{**d, "why_label": WHY_LABELS.get(d["why"], d["why"])} for d in reading["discounted"]]
    segments = rules.narrative_segments(
        flag.narrative,
        [(e["start"], e["end"]) for c in reading["crimes"] for e in c["evidence"]],
        [(d["start"], d["end"], d["why_label"]) for d in discounted],
    )
    query = urlencode([("incident", flag.incident.reference), *(("offence", c["offence"]) for c in crimes)])
    return HiddenCrimeView(
        flag=flag,
        segments=segments,
        crimes=crimes,
        discounted=discounted,
        decide_url=f"{reverse('recording:decide')}?{query}",
    )


@dataclass(frozen=True)
class PatternWeek:
    week: str
    flags: int
    recorded: int
    decided: int
    precision: float | None
    interval: rules.Interval | None


@dataclass(frozen=True)
class PatternStats:
    """How one pattern has done: the flags it raised, how each was decided (dismissals by reason), its
    live precision (the share of its decided flags whose crime was recorded, Action Fraud referrals
    included, as Action Fraud records them) with a Wilson 95% interval, overall and per ISO week of
    the decision."""

    pattern: str
    flags: int
    open: int
    recorded: int
    referred: int
    dismissed: int
    dismissed_by_reason: dict[str, int]
    precision: float | None
    interval: rules.Interval | None
    weeks: list[PatternWeek]

    @property
    def decided(self) -> int:
        return self.recorded + self.referred + self.dismissed

    @property
    def for_review(self) -> bool:
        return self.decided >= PATTERN_REVIEW_USES and (self.precision or 0.0) < PATTERN_REVIEW_PRECISION


PATTERN_REVIEW_USES = 20
PATTERN_REVIEW_PRECISION = 0.5


def hidden_crime_pattern_stats() -> list[PatternStats]:
    """Per pattern: flags, outcomes and dismissal reasons, and live precision per week of the decision.
    One grouped query over the pattern uses; patterns in name order."""
    rows = (
        HiddenCrimeFlagPattern.objects.values(
            "pattern", "flag__status", "flag__dismiss_reason", "flag__closed_at"
        )
        .annotate(n=Count("flag", distinct=True))
        .order_by()
    )
    by_pattern: dict[str, dict[str, Any]] = {}
    for row in rows:
        s = by_pattern.setdefault(
            row["pattern"],
            {"open": 0, "recorded": 0, "referred": 0, "dismissed": 0, "reasons": {}, "weeks": {}},
        )
        status, n = row["flag__status"], row["n"]
        s[status] += n
        if status == HiddenCrimeFlag.Status.DISMISSED:
            label = HiddenCrimeFlag.DismissReason(row["flag__dismiss_reason"]).label
            s["reasons"][label] = s["reasons"].get(label, 0) + n
        if row["flag__closed_at"] is not None:
            year, week, _ = timezone.localdate(row["flag__closed_at"]).isocalendar()
            hits, decided = s["weeks"].get(f"{year}-W{week:02d}", (0, 0))
            good = n if status != HiddenCrimeFlag.Status.DISMISSED else 0
            s["weeks"][f"{year}-W{week:02d}"] = (hits + good, decided + n)
    out: list[PatternStats] = []
    for pattern, s in sorted(by_pattern.items()):
        recorded = s["recorded"] + s["referred"]
        decided = recorded + s["dismissed"]
        weeks = [
            PatternWeek(
                week=week,
                flags=decided_n,
                recorded=hits,
                decided=decided_n,
                precision=rules.plain_rate(hits, decided_n),
                interval=rules.wilson_interval(hits, decided_n),
            )
            for week, (hits, decided_n) in sorted(s["weeks"].items())
        ]
        out.append(
            PatternStats(
                pattern=pattern,
                flags=s["open"] + decided,
                open=s["open"],
                recorded=s["recorded"],
                referred=s["referred"],
                dismissed=s["dismissed"],
                dismissed_by_reason=dict(sorted(s["reasons"].items(), key=lambda kv: -kv[1])),
                precision=rules.plain_rate(recorded, decided),
                interval=rules.wilson_interval(recorded, decided),
                weeks=weeks,
            )
        )
    return out


@dataclass(frozen=True)
class HiddenCrimeWeek:
    start: date
    found: int
    recorded: int


def hidden_crimes_by_week(*, first: date, last: date) -> list[HiddenCrimeWeek]:
    """Hidden crimes found (flags raised on a `crime` answer; an `unsure` one is work for a sergeant, not a
    crime found) and hidden crimes
    recorded (flags closed with a crime, or referred to Action Fraud) in each week from the Monday of
    `first` to the week of `last`: the dashboard's line."""
    monday = first - timedelta(days=first.weekday())
    start, end = day_bounds(monday)[0], day_bounds(last)[1]
    found = HiddenCrimeFlag.objects.filter(
        flagged_at__gte=start, flagged_at__lt=end, verdict=ScreenedIncident.Verdict.CRIME
    ).values_list("flagged_at", flat=True)
    recorded = HiddenCrimeFlag.objects.filter(
        closed_at__gte=start,
        closed_at__lt=end,
        status__in=[HiddenCrimeFlag.Status.RECORDED, HiddenCrimeFlag.Status.REFERRED],
    ).values_list("closed_at", flat=True)
    weeks: dict[date, list[int]] = {}
    day = monday
    while day <= last:
        weeks[day] = [0, 0]
        day += timedelta(days=7)

    def week_of(moment: Any) -> date:
        local = timezone.localdate(moment)
        return local - timedelta(days=local.weekday())

    for moment in found:
        weeks.setdefault(week_of(moment), [0, 0])[0] += 1
    for closed in recorded:
        weeks.setdefault(week_of(closed), [0, 0])[1] += 1
    return [HiddenCrimeWeek(start=w, found=f, recorded=r) for w, (f, r) in sorted(weeks.items())]
