"""The nightly hidden-crime screen and a sergeant's actions on its flags (issue 21 parts 2 and 3).

The screen (qa.screen, pure) reads the narrative of every incident closed under a non-crime code. Its
`crime` and `unsure` answers become possible-hidden-crime flags (qa.models.HiddenCrimeFlag); every
reading is kept (qa.models.ScreenedIncident) with the version of the patterns that made it, so an
incident is read once per version: a run reads only incidents with no reading at the version in force,
hidden-crime-risk codes first (R-NSIR-SWEEP), in keyset chunks that each commit on their own. An
interrupted run keeps what it committed and the next run reads the rest; running twice raises no second
flag (the flag is unique per incident, and a chunk's writes are one bulk statement per table with ON
CONFLICT guards). A newer version's reading refreshes an open flag; a flag a sergeant has decided stays
decided.

A flag closes as recorded when a crime is recorded for its incident or linked to it: recording announces
it (config.registry.announce, `crime_linked_to_incident`; QaConfig listens) and each run closes, as a
backstop, open flags whose incident has a crime. The sergeant records through the one recording path
(the decide page prefilled from the incident), links a crime already recorded, refers the report to
Action Fraud (R-FRAUD-AF) or dismisses it with a reason from the list and their own words.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from config.exceptions import DomainError
from config.statistics import analyse_after_bulk_write
from qa import rules, selectors
from qa.models import HiddenCrimeFlag, HiddenCrimeFlagPattern, ScreenedIncident, ScreenRun
from qa.screen import PatternSet, ScreenResult, screen
from recording.models import Crime, Incident
from recording.services.incidents import incident_link_crime
from staffing.models import User

logger = logging.getLogger(__name__)

SCREEN_CHUNK_SIZE = 500
FLAG_REASON = "Hidden-crime screen: the narrative discloses a possible crime (issue 21, R-NSIR-SWEEP)"
REFRESH_REASON = "Hidden-crime screen: read again by a newer version of the patterns"
LINK_REASON = "Recorded from its possible-hidden-crime flag: the crime the incident's narrative discloses"
FLAGGED_VERDICTS = (ScreenedIncident.Verdict.CRIME, ScreenedIncident.Verdict.UNSURE)

# Hook for tests: called after each committed chunk, so a test can interrupt a run half-way.
after_chunk: Callable[[int], None] | None = None


@dataclass(frozen=True)
class ScreenRunResult:
    screened: int
    flagged: int
    closed: int
    open: int
    complete: bool
    patterns_version: int


def _unread(version: int, *, risk: bool, since: datetime | None) -> Q:
    """Incidents closed under a non-crime code with no reading at `version` or later."""
    newer = ScreenedIncident.objects.filter(incident=OuterRef("pk"), patterns_version__gte=version)
    condition = Q(crime_related=False, closed_at__isnull=False, nsir_code__hidden_crime_risk=risk)
    if since is not None:
        condition &= Q(closed_at__gte=since)
    return condition & ~Q(Exists(newer))


def _reading_fields(result: ScreenResult) -> dict[str, object]:
    return {
        "patterns_version": result.patterns_version,
        "verdict": result.verdict,
        "score": round(result.score, 4),
        "offences": [c.offence for c in result.crimes],
    }


def _reading(result: ScreenResult, patterns: PatternSet) -> dict[str, object]:
    """The screen's answer in the contract's shape, each offence with its title added (a person reads
    the title, never the bare class code)."""
    reading = result.as_dict()
    for crime in reading["crimes"]:
        crime["title"] = patterns.offence_title(crime["offence"])
    return reading


def _risk(result: ScreenResult, nsir_code: str, patterns: PatternSet) -> int:
    if result.verdict == ScreenedIncident.Verdict.UNSURE:
        return HiddenCrimeFlag.Risk.UNSURE
    categories = [
        patterns.offences[c.offence].category for c in result.crimes if c.offence in patterns.offences
    ]
    return rules.hidden_crime_risk(categories=categories, nsir_code=nsir_code)


def _pattern_uses(flag: HiddenCrimeFlag, result: ScreenResult) -> list[HiddenCrimeFlagPattern]:
    seen: set[tuple[str, str]] = set()
    uses: list[HiddenCrimeFlagPattern] = []
    for crime in result.crimes:
        for pattern in crime.patterns:
            if (pattern, crime.offence) not in seen:
                seen.add((pattern, crime.offence))
                uses.append(HiddenCrimeFlagPattern(flag=flag, pattern=pattern, offence=crime.offence))
    return uses


def _screen_chunk(rows: list[tuple[int, str, str, datetime]], patterns: PatternSet, now: datetime) -> int:
    """Read one chunk of incidents (id, narrative, NSIR code, opened_at), keep each reading, and raise or
    refresh the flags of those that disclose a possible crime. Returns how many flags it raised."""
    texts = {pk: narrative or "" for pk, narrative, _code, _opened in rows}
    results = {pk: (screen(texts[pk], code, patterns), code, opened) for pk, _n, code, opened in rows}
    ScreenedIncident.objects.bulk_create(
        [
            ScreenedIncident(incident_id=pk, screened_at=now, **_reading_fields(r))
            for pk, (r, _c, _o) in results.items()
        ],
        update_conflicts=True,
        unique_fields=["incident"],
        update_fields=["patterns_version", "verdict", "score", "offences", "screened_at"],
    )
    flagged = {pk: v for pk, v in results.items() if v[0].verdict in FLAGGED_VERDICTS}
    if not flagged:
        return 0
    existing = {f.incident_id: f for f in HiddenCrimeFlag.objects.filter(incident_id__in=flagged)}
    new: list[HiddenCrimeFlag] = []
    refreshed: list[HiddenCrimeFlag] = []
    for pk, (result, code, opened) in flagged.items():
        fields = {
            **_reading_fields(result),
            "narrative": texts[pk],
            "reading": _reading(result, patterns),
            "risk": _risk(result, code, patterns),
        }
        flag = existing.get(pk)
        if flag is None:
            new.append(HiddenCrimeFlag(incident_id=pk, incident_opened_at=opened, flagged_at=now, **fields))
        elif flag.status == HiddenCrimeFlag.Status.OPEN and flag.patterns_version < result.patterns_version:
            for name, value in fields.items():
                setattr(flag, name, value)
            refreshed.append(flag)
    made = bulk_create_with_history(new, HiddenCrimeFlag, default_change_reason=FLAG_REASON, default_date=now)
    if refreshed:
        bulk_update_with_history(
            refreshed,
            HiddenCrimeFlag,
            ["patterns_version", "verdict", "score", "offences", "narrative", "reading", "risk"],
            default_change_reason=REFRESH_REASON,
            default_date=now,
        )
        HiddenCrimeFlagPattern.objects.filter(flag__in=refreshed).delete()
    uses: list[HiddenCrimeFlagPattern] = []
    by_incident = {f.incident_id: f for f in [*made, *refreshed]}
    for pk, flag in by_incident.items():
        uses += _pattern_uses(flag, flagged[pk][0])
    HiddenCrimeFlagPattern.objects.bulk_create(uses, ignore_conflicts=True)
    return len(made)


# Runs that overlap (a redelivered task beside the beat's next one) take chunks one at a time: each chunk
# holds this transaction-level advisory lock, so the second run's read comes after the first's commit
# and finds those incidents read already (no flag is raised twice, no chunk fails on the constraint).
SCREEN_LOCK_KEY = 21_0002


def _lock_chunk() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SCREEN_LOCK_KEY])


def hidden_crime_screen(
    *,
    since: datetime | None = None,
    patterns: PatternSet | None = None,
    chunk_size: int = SCREEN_CHUNK_SIZE,
    max_chunks: int | None = None,
    now: datetime | None = None,
) -> ScreenRunResult:
    """Screen every incident closed under a non-crime code (from `since`, when given) that the patterns
    in force have not read, hidden-crime-risk codes first, and close open flags whose incident now has a
    crime. Commits per chunk; `max_chunks` stops early (the next run carries on)."""
    patterns = patterns or selectors.screen_patterns_current()
    now = now or timezone.now()
    run = ScreenRun.objects.create(started_at=now, patterns_version=patterns.version, since=since)
    screened = flagged = chunks = 0
    complete = True
    for risk in (True, False):
        after = 0
        while True:
            if max_chunks is not None and chunks >= max_chunks:
                complete = False
                break
            with transaction.atomic():
                _lock_chunk()
                rows = list(
                    Incident.objects.filter(_unread(patterns.version, risk=risk, since=since), pk__gt=after)
                    .order_by("pk")
                    .values_list("pk", "summary", "nsir_code__code", "opened_at")[:chunk_size]
                )
                if rows:
                    flagged += _screen_chunk(rows, patterns, now)
            chunks += 1
            screened += len(rows)
            if after_chunk is not None and rows:
                after_chunk(len(rows))
            if len(rows) < chunk_size:
                break
            after = rows[-1][0]
        if not complete:
            break
    if complete:
        # The first full screen writes a reading per incident and thousands of flags: the queue and the
        # next run's "not read yet" filter plan on fresh statistics, not an empty table's.
        analyse_after_bulk_write(ScreenedIncident, screened)
        analyse_after_bulk_write(HiddenCrimeFlag, flagged)
    closed = hidden_crime_close_recorded() if complete else 0
    open_count = HiddenCrimeFlag.objects.filter(status=HiddenCrimeFlag.Status.OPEN).count()
    run.screened, run.flagged, run.closed, run.complete = screened, flagged, closed, complete
    run.finished_at = timezone.now()
    run.save(update_fields=["screened", "flagged", "closed", "complete", "finished_at"])
    logger.info(
        "hidden_crime_screen: version=%s screened=%s flagged=%s closed=%s open=%s complete=%s",
        patterns.version, screened, flagged, closed, open_count, complete,
    )  # fmt: skip
    return ScreenRunResult(screened, flagged, closed, open_count, complete, patterns.version)


# ---------------------------------------------------------------- closing a flag when its crime exists
def _close_recorded(flag: HiddenCrimeFlag, crime: Crime, actor: User | None, reason: str) -> HiddenCrimeFlag:
    flag.status = HiddenCrimeFlag.Status.RECORDED
    flag.crime = crime
    flag.closed_at = timezone.now()
    flag.closed_by = actor
    flag._change_reason = reason  # type: ignore[attr-defined]
    if actor is not None:
        flag._history_user = actor  # type: ignore[attr-defined]
    flag.full_clean()
    flag.save(update_fields=["status", "crime", "closed_at", "closed_by"])
    return flag


@transaction.atomic
def hidden_crime_crime_linked(*, incident_id: int, crime_id: int) -> HiddenCrimeFlag | None:
    """Recording linked a crime to an incident (recorded from it, or linked afterwards): an open
    possible-hidden-crime flag on that incident closes as recorded with that crime."""
    flag = (
        HiddenCrimeFlag.objects.select_for_update()
        .filter(incident_id=incident_id, status=HiddenCrimeFlag.Status.OPEN)
        .first()
    )
    if flag is None:
        return None
    crime = Crime.objects.select_related("recorded_by").get(pk=crime_id)
    return _close_recorded(
        flag, crime, crime.recorded_by, f"Crime {crime.crime_number} recorded for the incident"
    )


def hidden_crime_close_recorded() -> int:
    """The backstop: close every open flag whose incident has a crime linked (one the announcement did
    not reach, e.g. a link written before this flag was raised)."""
    closed = 0
    links = Crime.incidents.through.objects.filter(incident_id=OuterRef("incident_id"))
    for incident_id in HiddenCrimeFlag.objects.filter(
        Exists(links), status=HiddenCrimeFlag.Status.OPEN
    ).values_list("incident_id", flat=True):
        crime_id = (
            Crime.objects.filter(incidents__pk=incident_id)
            .order_by("recorded_at", "pk")
            .values_list("pk", flat=True)
            .first()
        )
        if crime_id is not None and hidden_crime_crime_linked(incident_id=incident_id, crime_id=crime_id):
            closed += 1
    return closed


# ---------------------------------------------------------------- the sergeant's actions
def _open_flag(flag_id: int) -> HiddenCrimeFlag:
    flag = HiddenCrimeFlag.objects.select_for_update().select_related("incident__nsir_code").get(pk=flag_id)
    if flag.status != HiddenCrimeFlag.Status.OPEN:
        raise DomainError(
            f"This flag is already closed: {flag.get_status_display().lower()}.", field="status"
        )
    return flag


@transaction.atomic
def hidden_crime_record(*, flag_id: int, crime_number: str, actor: User, reason: str = "") -> HiddenCrimeFlag:
    """Close the flag with the crime recorded for its incident. A crime recorded from the flag's decide
    page is linked already (and has closed the flag); a crime recorded some other way is linked here,
    through recording's link service, checked against the incident as an unrecorded-incident flag's is
    (qa.rules.flag_crime_match): a mismatch needs a reason. Refused: nothing changes."""
    reason = reason.strip()
    flag = _open_flag(flag_id)
    candidate = selectors.flag_candidate(incident=flag.incident, crime_number=crime_number, user=actor)
    if candidate.match.needs_reason and not reason:
        raise DomainError(
            f"Crime {candidate.crime.crime_number} does not match this incident: "
            f"{'; '.join(candidate.match.explanation)}. Say why it is this incident's crime.",
            field="reason",
        )
    if not candidate.linked:
        incident_link_crime(
            incident_id=flag.incident_id,
            crime_number=candidate.crime.crime_number,
            actor=actor,
            reason=reason or LINK_REASON,
        )
        flag.refresh_from_db()
        if flag.status != HiddenCrimeFlag.Status.OPEN:  # the link's announcement closed it
            return flag
    because = f" despite a mismatch ({'; '.join(candidate.match.explanation)}): {reason}" if reason else ""
    flag.detail = reason
    flag.save(update_fields=["detail"])
    return _close_recorded(
        flag, candidate.crime, actor, f"Recorded by {actor}: crime {candidate.crime.crime_number}{because}"
    )


@transaction.atomic
def hidden_crime_refer(
    *, flag_id: int, actor: User, reference: str = "", detail: str = ""
) -> HiddenCrimeFlag:
    """The narrative discloses a fraud: it is reported to Action Fraud, which records it (R-FRAUD-AF).
    The Action Fraud reference, when given, is kept."""
    flag = _open_flag(flag_id)
    flag.status = HiddenCrimeFlag.Status.REFERRED
    flag.referral_reference = reference.strip()
    flag.detail = detail.strip()
    flag.closed_at = timezone.now()
    flag.closed_by = actor
    ref = f" ({flag.referral_reference})" if flag.referral_reference else ""
    flag._change_reason = f"Referred to Action Fraud by {actor}{ref}"  # type: ignore[attr-defined]
    flag.full_clean()
    flag.save(update_fields=["status", "referral_reference", "detail", "closed_at", "closed_by"])
    return flag


@transaction.atomic
def hidden_crime_dismiss(*, flag_id: int, reason: str, detail: str, actor: User) -> HiddenCrimeFlag:
    """No crime to record: a reason from the list and the sergeant's own words, both required. The
    reason is counted against every pattern that raised the flag (the managers' page)."""
    reason, detail = reason.strip(), detail.strip()
    if reason not in HiddenCrimeFlag.DismissReason.values:
        raise DomainError("Choose a reason from the list.", field="reason")
    if not detail:
        raise DomainError("Say in your own words why no crime needs recording.", field="detail")
    flag = _open_flag(flag_id)
    flag.status = HiddenCrimeFlag.Status.DISMISSED
    flag.dismiss_reason = reason
    flag.detail = detail
    flag.closed_at = timezone.now()
    flag.closed_by = actor
    label = HiddenCrimeFlag.DismissReason(reason).label
    flag._change_reason = f"Dismissed by {actor}: {label}: {detail}"  # type: ignore[attr-defined]
    flag.full_clean()
    flag.save(update_fields=["status", "dismiss_reason", "detail", "closed_at", "closed_by"])
    return flag
