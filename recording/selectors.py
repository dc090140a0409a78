"""Reads for crime recording, with related data loaded (list pages pin their query counts)."""

from __future__ import annotations

import csv
import functools
import itertools
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from config.exceptions import DomainError
from config.permissions import Role
from config.reference_cache import ReferenceCache
from recording import lifecycle
from recording.models import (
    Appointment,
    AwaitingVictim,
    CancellationRequest,
    ClassificationChange,
    Crime,
    CrimeTransfer,
    CrimeVictim,
    Enquiry,
    Force,
    Incident,
    Offence,
    OffenceCode,
    VictimNotice,
    VictimUpdate,
)
from recording.permissions import SEE_ALL_RESTRICTED
from recording.rules import Counting, OffenceInfo, classification
from staffing.models import Allocation, User

logger = logging.getLogger(__name__)


def crime_visible(*, user: User) -> QuerySet[Crime]:
    """R-RESTRICTED, the one rule for every path: a restricted crime is seen by sergeants, managers and
    admins, and by the people working on it: who recorded it, its owner, and an investigator holding
    one of its enquiries (recording.permissions.can_view_crime says the same for one crime)."""
    qs = Crime.objects.all()
    if user.role not in SEE_ALL_RESTRICTED:
        qs = qs.filter(
            Q(restricted=False)
            | Q(owner=user)
            | Q(recorded_by=user)
            | Exists(Enquiry.objects.filter(crime=OuterRef("pk"), assigned_to=user))
        )
    return qs


def transfer_visible(*, user: User) -> QuerySet[CrimeTransfer]:
    """The transfers `user` may see (recording.permissions.can_view_transfer as a query): those of a
    crime they may see, and incoming ones unless the offence is restricted and they are neither of
    the roles that see every restricted crime nor the person who registered it."""
    incoming = Q(crime__isnull=True)
    if user.role not in SEE_ALL_RESTRICTED:
        incoming &= Q(offence__isnull=True) | Q(offence__restricted=False) | Q(requested_by=user)
    return CrimeTransfer.objects.filter(incoming | Q(crime__in=crime_visible(user=user)))


def incident_attachable(*, user: User) -> QuerySet[Incident]:
    """The incidents a crime may be recorded from by `user`: none linked to a restricted crime they may
    not see (its summary and number stay hidden). A need-to-know incident (a sexual-offence NSIR code)
    is still attachable by its exact reference: the recorder was given it by the control room, and
    having recorded its crime may then see it (incident_visible)."""
    hidden = Crime.objects.filter(incidents=OuterRef("pk"), restricted=True).exclude(
        pk__in=crime_visible(user=user).filter(restricted=True).values("pk")
    )
    return Incident.objects.exclude(Exists(hidden))


def incident_visible(*, user: User) -> QuerySet[Incident]:
    """The incidents `user` may see (recording.permissions.can_view_incident as a query), used by the
    incident page, the incident log and its search, and the API. Sergeants, managers and admins see
    all. Others never see one linked to a restricted crime they may not see, and see one with a
    need-to-know NSIR code (RESOLVE_RESTRICTED_NSIR_CODES, R-RESTRICTED) only if they opened it or own,
    recorded or hold an enquiry on a crime recorded from it."""
    if user.role in SEE_ALL_RESTRICTED:
        return Incident.objects.all()
    if user.role not in Role.CRIME_STAFF:
        return Incident.objects.none()
    theirs = Exists(
        Crime.objects.filter(incidents=OuterRef("pk")).filter(
            Q(owner=user) | Q(recorded_by=user) | Q(enquiries__assigned_to=user)
        )
    )
    code = Q(nsir_code__code__in=settings.RESOLVE_RESTRICTED_NSIR_CODES)
    return incident_attachable(user=user).filter(~code | Q(opened_by=user) | theirs)


def crime_list_recorded(*, user: User, ids: list[int]) -> list[Crime]:
    """The crimes just recorded (the confirmation page), those the user may see, in number order."""
    return list(
        crime_visible(user=user)
        .filter(pk__in=ids)
        .select_related("offence")
        .prefetch_related("victims", "incidents")
        .order_by("crime_number")
    )


def crime_list(*, user: User, filters: Mapping[str, Any] | None = None) -> QuerySet[Crime]:
    filters = filters or {}
    qs = crime_visible(user=user).select_related("offence", "offence_code", "owner", "team", "outcome")
    if q := (filters.get("q") or "").strip():
        qs = qs.filter(
            Q(crime_number__icontains=q)
            | Q(summary__icontains=q)
            | Q(incidents__reference__iexact=q)
            | Q(sending_force_reference__iexact=q)
        ).distinct()
    if status := filters.get("status"):
        qs = qs.filter(status=status)
    if offence := filters.get("offence"):
        # A class (every crime under it) or a Home Office offence code (the crimes recorded as it).
        qs = qs.filter(Q(offence__code__iexact=offence) | Q(offence_code__code__iexact=offence))
    if filters.get("mine") in {True, "1", "true", "on"}:
        qs = qs.filter(owner=user)
    if filters.get("breach") in {True, "1", "true", "on"}:
        qs = qs.filter(ncrs_breach=True)
    if owner := filters.get("owner"):
        qs = qs.filter(owner_id=owner)
    if recorded_from := filters.get("recorded_from"):
        qs = qs.filter(recorded_at__date__gte=recorded_from)
    if recorded_to := filters.get("recorded_to"):
        qs = qs.filter(recorded_at__date__lte=recorded_to)
    return qs.order_by("-recorded_at", "-id")


def crime_get(*, user: User, pk: int | str, for_update: bool = False) -> Crime:
    """One crime the user may see, with everything the detail page shows; else Http404."""
    qs = crime_visible(user=user).select_related(
        "offence", "offence_code", "owner", "team", "outcome", "cancelled_under", "recorded_by"
    )
    lookup = {"crime_number": pk} if isinstance(pk, str) and "/" in pk else {"pk": pk}
    crime = (
        qs.prefetch_related(
            "victims",
            "suspects",
            "incidents__nsir_code",
            Prefetch(
                "classification_changes",
                queryset=ClassificationChange.objects.select_related(
                    "from_offence_code",
                    "to_offence_code",
                    "from_offence",
                    "to_offence",
                    "proposed_by",
                    "decided_by",
                ),
            ),
            Prefetch(
                "cancellations",
                queryset=CancellationRequest.objects.select_related(
                    "criterion", "requested_by", "decided_by"
                ),
            ),
            Prefetch(
                "transfers",
                queryset=CrimeTransfer.objects.select_related("force", "requested_by", "decided_by"),
            ),
            Prefetch("victim_updates", queryset=VictimUpdate.objects.select_related("victim", "created_by")),
            Prefetch("enquiries", queryset=Enquiry.objects.select_related("assigned_to")),
            Prefetch("appointments", queryset=Appointment.objects.select_related("officer", "victim")),
            Prefetch("victim_notices", queryset=VictimNotice.objects.select_related("decided_by", "told_by")),
        )
        .filter(**lookup)
        .first()
    )
    if crime is None:
        raise Http404("No such crime.")
    return crime


def crime_history(*, crime: Crime) -> list[dict[str, Any]]:
    """The audit trail of a crime and its parts, newest first: who, when, what, why."""
    rows: list[dict[str, Any]] = []
    sources: list[tuple[str, Any]] = [
        ("Crime", crime.history.select_related("history_user")),
        ("Victim", crime.victims.model.history.filter(crime_id=crime.pk).select_related("history_user")),
        ("Suspect", crime.suspects.model.history.filter(crime_id=crime.pk).select_related("history_user")),
        (
            "Classification",
            ClassificationChange.history.filter(crime_id=crime.pk).select_related("history_user"),
        ),
        (
            "Cancellation",
            CancellationRequest.history.filter(crime_id=crime.pk).select_related("history_user"),
        ),
        ("Transfer", CrimeTransfer.history.filter(crime_id=crime.pk).select_related("history_user")),
        ("Victim update", VictimUpdate.history.filter(crime_id=crime.pk).select_related("history_user")),
        ("Enquiry", Enquiry.history.filter(crime_id=crime.pk).select_related("history_user")),
        ("Appointment", Appointment.history.filter(crime_id=crime.pk).select_related("history_user")),
    ]
    kinds = {"+": "created", "~": "changed", "-": "deleted"}
    for label, qs in sources:
        previous: dict[int, Any] = {}
        for record in qs.order_by("history_date", "history_id"):
            changes: list[str] = []
            prior = previous.get(record.id)
            if prior is not None:
                delta = record.diff_against(prior)
                changes = [c.field for c in delta.changes if c.field != "updated_at"]
            previous[record.id] = record
            rows.append(
                {
                    "what": f"{label} {kinds.get(record.history_type, record.history_type)}",
                    "fields": changes,
                    "when": record.history_date,
                    "who": record.history_user,
                    "why": record.history_change_reason or "",
                }
            )
    rows.sort(key=lambda r: r["when"], reverse=True)
    return rows


def incident_is_restricted(incident: Incident) -> bool:
    """Is the incident need-to-know (its views logged): a need-to-know NSIR code, or a restricted crime
    recorded from it (its log then tells the same story)."""
    if incident.nsir_code.code in settings.RESOLVE_RESTRICTED_NSIR_CODES:
        return True
    return Crime.objects.filter(incidents=incident, restricted=True).exists()


def incident_list(*, user: User, filters: Mapping[str, Any] | None = None) -> QuerySet[Incident]:
    filters = filters or {}
    qs = incident_visible(user=user).select_related("nsir_code", "opened_by")
    if q := (filters.get("q") or "").strip():
        qs = qs.filter(Q(reference__iexact=q) | Q(crime_number__iexact=q) | Q(summary__icontains=q))
    if code := filters.get("nsir_code"):
        qs = qs.filter(nsir_code__code=code)
    if filters.get("unrecorded") in {True, "1", "true", "on"}:
        qs = qs.filter(crime_related=True, crime_number__isnull=True)
    return qs.order_by("-opened_at", "-id")


def incident_get(*, user: User, pk: int | str) -> Incident:
    """One incident the user may see (by id, or by reference when given a non-numeric string), with the
    crimes linked to it that the user may see; else Http404."""
    lookup = {"pk": pk} if isinstance(pk, int) or str(pk).isdigit() else {"reference": pk}
    incident = (
        incident_visible(user=user)
        .select_related("nsir_code", "opened_by", "import_batch__created_by")
        .prefetch_related(
            Prefetch(
                "crimes",
                queryset=crime_visible(user=user)
                .select_related("offence", "owner")
                .prefetch_related("victims")
                .order_by("recorded_at", "pk"),
            )
        )
        .filter(**lookup)
        .first()
    )
    if incident is None:
        raise Http404("No such incident.")
    return incident


def incident_history(*, incident: Incident) -> list[dict[str, Any]]:
    """The incident's history rows, oldest first, each marking an NSIR code change from the row before."""
    rows: list[dict[str, Any]] = []
    previous_code: str | None = None
    for record in incident.history.select_related("history_user", "nsir_code").order_by(
        "history_date", "history_id"
    ):
        code = record.nsir_code
        rows.append(
            {
                "when": record.history_date,
                "who": record.history_user,
                "why": record.history_change_reason or "",
                "nsir_code": code,
                "code_changed": previous_code is not None and code.code != previous_code,
                "crime_number": record.crime_number,
            }
        )
        previous_code = code.code
    return rows


def reclassification_pending() -> QuerySet[ClassificationChange]:
    return (
        ClassificationChange.objects.filter(status=ClassificationChange.Status.PROPOSED)
        .select_related(
            "crime", "from_offence", "to_offence", "from_offence_code", "to_offence_code", "proposed_by"
        )
        .order_by("proposed_at")
    )


def reclassification_list(*, user: User, status: str = "") -> QuerySet[ClassificationChange]:
    """Reclassifications of crimes `user` may see (the list page and its home queue)."""
    qs = ClassificationChange.objects.exclude(status=ClassificationChange.Status.INITIAL).select_related(
        "crime",
        "from_offence",
        "to_offence",
        "from_offence_code",
        "to_offence_code",
        "proposed_by",
        "decided_by",
    )
    qs = qs.filter(crime__in=crime_visible(user=user))
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-proposed_at", "-id")


def cancellation_list(*, user: User, status: str = "") -> QuerySet[CancellationRequest]:
    """Cancellation requests on crimes `user` may see (the list page and its home queue)."""
    qs = CancellationRequest.objects.select_related(
        "crime__offence", "criterion", "requested_by", "decided_by"
    ).filter(crime__in=crime_visible(user=user))
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-requested_at", "-id")


def transfer_list(*, user: User, status: str = "", direction: str = "") -> QuerySet[CrimeTransfer]:
    """Transfers `user` may see (transfer_visible): the list page and the home queues of transfers in
    and transfers out."""
    qs = transfer_visible(user=user).select_related("crime", "force", "offence", "requested_by", "decided_by")
    if status:
        qs = qs.filter(status=status)
    if direction:
        qs = qs.filter(direction=direction)
    return qs.order_by("-requested_at", "-id")


def force_list() -> QuerySet[Force]:
    return Force.objects.order_by("name")


def incident_awaiting_decision(*, user: User, within: timedelta = timedelta(hours=6)) -> QuerySet[Incident]:
    """Crime-related incidents `user` may see (incident_visible) with no crime number whose NCRS 24-hour
    deadline (opened_at + 24h, R-NCRS-24H) falls within `within` from now: a decision is due soon."""
    now = timezone.now()
    deadline_window_start = now - timedelta(hours=24)
    return (
        incident_visible(user=user)
        .filter(
            crime_related=True,
            crime_number__isnull=True,
            opened_at__gte=deadline_window_start,
            opened_at__lte=deadline_window_start + within,
        )
        .select_related("nsir_code")
    )


def crime_victim_updates_overdue(*, user: User) -> QuerySet[Crime]:
    """Open crimes whose next victim update (Victims' Code) is past due: every one for sergeants,
    managers and admins; the user's own for everyone else."""
    qs = crime_visible(user=user).filter(
        next_victim_update_due__lt=timezone.now(), status__in=lifecycle.OPEN_STATUSES
    )
    if user.role not in SEE_ALL_RESTRICTED:
        qs = qs.filter(owner=user)
    # Each victim's agreed frequency and contact method (R-VCOP-RIGHT6) shows on the queue's rows.
    victims = CrimeVictim.objects.only("crime_id", "name", "agreed_update_days", "agreed_contact_method")
    return qs.select_related("offence", "owner", "team").prefetch_related(
        Prefetch("victims", queryset=victims)
    )


def crimes_rape_last_24h(*, user: User) -> QuerySet[Crime]:
    """Rape and serious sexual offences recorded in the last 24 hours and still live (not cancelled or
    transferred away): the daily review of R-RAPE-RECORD."""
    return (
        crime_visible(user=user)
        .filter(
            recorded_at__gte=timezone.now() - timedelta(hours=24),
            offence__category__icontains="sexual",
            offence__seriousness_rank__lte=lifecycle.SERIOUS_SEXUAL_MAX_RANK,
        )
        .exclude(status__in=[lifecycle.CANCELLED, lifecycle.TRANSFERRED])
        .select_related("offence", "owner", "team")
    )


# ---------------------------------------------------------------- work not yet allocated
def _unallocated(qs: QuerySet[Any], model_name: str) -> QuerySet[Any]:
    """Leave out items holding an open staffing Allocation (content type matched inside the subquery,
    so no separate content-type lookup runs)."""
    return qs.exclude(
        Exists(
            Allocation.objects.filter(
                content_type__app_label="recording",
                content_type__model=model_name,
                object_id=OuterRef("pk"),
                status=Allocation.Status.OPEN,
            )
        )
    )


def crimes_to_allocate(*, user: User) -> QuerySet[Crime]:
    """Open crimes `user` may see that no investigator has been allocated, oldest recorded first."""
    return _unallocated(
        crime_visible(user=user)
        .filter(status__in=lifecycle.OPEN_STATUSES)
        .select_related("offence", "owner", "team"),
        "crime",
    ).order_by("recorded_at", "id")


def transfers_to_allocate(*, user: User) -> QuerySet[CrimeTransfer]:
    """Pending transfers `user` may see that nobody has been allocated to arrange (R-TRANSFER-PROTOCOL),
    oldest first."""
    return _unallocated(
        transfer_visible(user=user)
        .filter(status=CrimeTransfer.Status.PENDING)
        .select_related("force", "crime"),
        "crimetransfer",
    ).order_by("requested_at", "id")


# ---------------------------------------------------------------- the recording decision


def offence_catalogue() -> dict[str, OffenceInfo]:
    """What `recording.rules.decide` judges against, by the code a report may give: every Home Office
    class (ho_offences.csv) and every Home Office offence code (ho_offence_codes.csv) under its class
    (recording.rules.classification.catalogue_with_codes says how repeated and clashing codes are read).

    Built again whenever either table has changed, so a corrected reference table (`manage.py
    load_reference`, the admin) is used at once; otherwise one small query for the tables' version
    (config.reference_cache). Reading and merging both tables on every decision cost the decision API
    2-3 ms a request (issue 24 part 4). Each caller gets its own dict."""
    return dict(_catalogue.get(_catalogue_read))


# The catalogue as last built, with the version of the two tables it was read from.
_catalogue: ReferenceCache[dict[str, OffenceInfo]] = ReferenceCache(Offence, OffenceCode)


def _catalogue_read() -> dict[str, OffenceInfo]:
    classes = {
        code: OffenceInfo(
            code=code,
            title=title,
            category=category,
            victim_based=victim_based,
            seriousness_rank=rank,
            restricted=restricted,
            notifiable=notifiable,
        )
        for code, title, category, victim_based, rank, restricted, notifiable in Offence.objects.order_by(
            "code"
        ).values_list(
            "code", "title", "category", "victim_based", "seriousness_rank", "restricted", "notifiable"
        )
    }
    codes = OffenceCode.objects.order_by("id").values_list("code", "offence_class__code", "title", "counting")
    catalogue, ambiguous = classification.catalogue_with_codes(classes, codes)
    for code in sorted(ambiguous):
        logger.warning("Offence code %s is printed under different classes or markers: give the class", code)
    return catalogue


def offence_resolve(code: str, *, field: str = "offence") -> tuple[Offence, OffenceCode | None]:
    """The class and, where given, the Home Office offence a code names (a class code wins, as in
    offence_catalogue), in any letter case. A code printed under different classes or markers is
    refused: give the class.
    A code printed twice alike (1/1) names its first row."""
    code = code.strip()
    klass = Offence.objects.filter(code__iexact=code).first()
    if klass is not None:
        return klass, None
    rows = list(OffenceCode.objects.select_related("offence_class").filter(code__iexact=code).order_by("id"))
    if not rows:
        raise DomainError(f"Unknown offence code {code!r}.", field=field)
    if len({(r.offence_class_id, r.counting) for r in rows}) > 1:
        raise DomainError(
            f"Offence code {code!r} is printed under more than one class or marker: give the class.",
            field=field,
        )
    return rows[0].offence_class, rows[0]


@dataclass(frozen=True)
class OffenceChoice:
    """One line of an offence search: a Home Office class, or an offence code under its class. `code`
    is what a report gives as `alleged[].offence`."""

    code: str
    title: str
    is_class: bool
    class_code: str
    class_title: str
    category: str
    seriousness_rank: int
    restricted: bool
    victim_based: bool
    #: The offence's marker (V, S, S/V) and its words; blank for a class.
    counting: str = ""
    counting_label: str = ""
    legislation: str = ""
    source: str = ""


OFFENCE_SYNONYMS_CSV = Path(__file__).resolve().parent / "reference" / "offence_synonyms.csv"


@functools.cache
def offence_synonyms() -> dict[str, tuple[str, ...]]:
    """Everyday words and the offences they may mean ("bike": 44 theft of a pedal cycle; "phone": theft
    from the person, robbery ...): recording/reference/offence_synonyms.csv, data read once."""
    with OFFENCE_SYNONYMS_CSV.open(newline="", encoding="utf-8") as handle:
        return {row["word"].casefold(): tuple(row["codes"].split()) for row in csv.DictReader(handle)}


def _synonym_codes(q: str) -> set[str]:
    """The offence codes the everyday words in `q` stand for (each word, or the whole of q)."""
    table = offence_synonyms()
    words = {q.casefold(), *re.findall(r"[\w-]+", q.casefold())}
    return {code for word in words for code in table.get(word, ())}


def offence_search(q: str = "", *, limit: int | None = None) -> list[OffenceChoice]:
    """Classes and Home Office offence codes whose code, title, legislation or category match `q`
    ("assault", "burglary", "8N", "125/9", "s4A"); all of them when `q` is blank. A code typed exactly
    comes first; then classes in code order, each offence under the class it belongs to. Searching a
    class code also lists the offences under it. Three queries (classes, their markers, offences)."""
    q = q.strip()
    class_qs = Offence.objects.order_by("code")
    codes = OffenceCode.objects.select_related("offence_class").order_by("offence_class__code", "id")
    if q:
        # Everyday words find their offences through the synonyms file ("bike", "phone").
        synonyms = _synonym_codes(q)
        class_qs = class_qs.filter(
            Q(code__iexact=q) | Q(title__icontains=q) | Q(category__icontains=q) | Q(code__in=synonyms)
        )
        codes = codes.filter(
            Q(code__iexact=q)
            | Q(code__istartswith=f"{q}/")
            | Q(title__icontains=q)
            | Q(legislation__icontains=q)
            | Q(offence_class__code__iexact=q)
            | Q(offence_class__title__icontains=q)
        )
    classes = list(class_qs)
    markers: dict[str, set[str]] = {}
    for class_code, counting in (
        OffenceCode.objects.filter(offence_class__in=classes)
        .values_list("offence_class__code", "counting")
        .distinct()
    ):
        markers.setdefault(class_code, set()).add(counting)
    choices = [
        OffenceChoice(
            code=o.code,
            title=o.title,
            is_class=True,
            class_code=o.code,
            class_title=o.title,
            category=o.category,
            seriousness_rank=o.seriousness_rank,
            restricted=o.restricted,
            victim_based=o.victim_based,
            counting_label=_class_counting_label(o.victim_based, markers.get(o.code, set())),
        )
        for o in classes
    ]
    choices += [
        OffenceChoice(
            code=c.code,
            title=c.title,
            is_class=False,
            class_code=c.offence_class.code,
            class_title=c.offence_class.title,
            category=c.offence_class.category,
            seriousness_rank=c.offence_class.seriousness_rank,
            restricted=c.offence_class.restricted,
            victim_based=c.counting == OffenceCode.Counting.VICTIM,
            counting=c.counting,
            counting_label=c.get_counting_display(),
            legislation=c.legislation,
            source=c.source,
        )
        for c in codes
    ]
    exact = q.casefold()
    # A code or an exact title typed comes first ("Other theft" is 49, not every theft holding the words).
    choices.sort(
        key=lambda c: (
            c.code.casefold() != exact and c.title.casefold() != exact,
            _code_order(c.class_code),
            not c.is_class,
        )
    )
    return choices[:limit] if limit is not None else choices


def _class_counting_label(victim_based: bool, markers: set[str]) -> str:
    """How a class code given alone is counted (recording.rules.counting.counts_per_victim)."""
    if classification.class_is_mixed({Counting(m) for m in markers}):
        return "Per victim when a person is named as victim, otherwise per offender (holds both)"
    return "Per victim" if victim_based else "Per offender or group"


def _code_order(code: str) -> tuple[int, str]:
    """Home Office class codes in their natural order: 1, 2, 3A, ..., 8N, 9A, 10A, ..., 105A, 802."""
    digits = "".join(itertools.takewhile(str.isdigit, code))
    return (int(digits) if digits else 0, code[len(digits) :])


# ---------------------------------------------------------------- reports awaiting the victim
def awaiting_victim_visible(*, user: User) -> QuerySet[AwaitingVictim]:
    """R-RESTRICTED as for crimes: a need-to-know report awaiting the victim is seen by sergeants,
    managers and admins and by the person who saved it."""
    qs = AwaitingVictim.objects.all()
    if user.role not in SEE_ALL_RESTRICTED:
        qs = qs.filter(Q(restricted=False) | Q(created_by=user))
    return qs


def awaiting_victim_queue(*, user: User) -> QuerySet[AwaitingVictim]:
    """The sergeant's queue (its home count and its list page both read this): third-party reports
    still awaiting the victim, the nearest 24-hour deadline first."""
    return (
        awaiting_victim_visible(user=user)
        .filter(status=AwaitingVictim.Status.AWAITING)
        .select_related("incident", "created_by")
        .order_by("record_by", "id")
    )


def awaiting_victim_get(*, user: User, pk: int) -> AwaitingVictim:
    row = (
        awaiting_victim_visible(user=user)
        .select_related("incident", "created_by", "decided_by")
        .prefetch_related("crimes")
        .filter(pk=pk)
        .first()
    )
    if row is None:
        raise Http404("No such report.")
    return row
