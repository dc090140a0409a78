"""The hidden-crime screen (issue 21): its patterns in force and their versions, the flags it raised, how
each pattern is doing, and possible hidden crimes by week."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, QuerySet
from django.utils import timezone

from qa import rules
from qa.models import (
    HiddenCrimeFlag,
    HiddenCrimeFlagPattern,
    ScreenedIncident,
    ScreenPatternVersion,
)
from qa.screen import PatternSet
from qa.screen.defaults import default_pattern_set, pattern_set_from_text
from qa.services.timing import day_bounds
from recording.models import Offence


def screen_patterns_current() -> PatternSet:
    """The hidden-crime screen's pattern set in force: the force's latest published version, else the
    shipped default. One query; compiling (about a second) happens once per version per process."""
    latest = ScreenPatternVersion.objects.order_by("-version").values_list("text", flat=True).first()
    return default_pattern_set() if latest is None else pattern_set_from_text(latest)


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
class HiddenCrimeRow:
    """A row of the possible-hidden-crime queue (queues/rows/hidden_crime.html), its words made once."""

    url: str
    risk: str
    opened_iso: str
    opened: str
    reference: str
    nsir_title: str
    crimes: str
    verdict: str


def hidden_crime_rows(flags: list[HiddenCrimeFlag], queue: Any = None) -> list[HiddenCrimeRow]:
    """The queue's rows for `flags` (hidden_crime_flags', with their incident and NSIR code loaded): the
    offences the screen named, "; " between them, or "None named"."""
    from config.listing import url_for_each
    from staffing.templatetags.resolve_format import when  # the one way times are written

    risks, verdicts = dict(HiddenCrimeFlag.Risk.choices), dict(ScreenedIncident.Verdict.choices)
    flag_url = url_for_each("qa:hidden-crime-detail")
    rows = []
    for flag in flags:
        opened_at = timezone.localtime(flag.incident_opened_at)
        named = [str(c.get("title", "")) for c in (flag.reading or {}).get("crimes") or []]
        rows.append(
            HiddenCrimeRow(
                url=flag_url(flag.pk),
                risk=str(risks.get(flag.risk, flag.risk)),
                opened_iso=opened_at.isoformat(),
                opened=when(opened_at),
                reference=flag.incident.reference,
                nsir_title=flag.incident.nsir_code.title,
                crimes="; ".join(named) if named else "None named",
                verdict=str(verdicts.get(flag.verdict, flag.verdict)),
            )
        )
    return rows


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
