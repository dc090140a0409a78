"""Home-page work queues for crime recording (config.queues): each one selector for the count and its
list. RecordingConfig.work_queues hands config.registry the ones a user may work."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from django.db.models import DateTimeField, ExpressionWrapper, F

from config.listing import Column
from config.permissions import Role
from config.queues import RISK_NOTE, WorkQueue, risk_order, with_risk
from recording import selectors
from recording.models import CancellationRequest, ClassificationChange, CrimeTransfer
from recording.permissions import is_ddm
from recording.services import awaiting

# ---------------------------------------------------------------- list columns
CRIME_COLUMNS = (
    Column("risk", "Risk", risk_order("recorded_at")),
    Column("crime", "Crime", ("crime_number",)),
    Column("offence", "Offence", ("offence__code", "recorded_at")),
    Column("recorded", "Recorded", ("recorded_at",)),
    Column("owner", "Owner", ("owner__last_name", "owner__first_name", "recorded_at")),
    Column("action", "Action"),
)
VICTIM_UPDATE_COLUMNS = (
    Column("risk", "Risk", risk_order("next_victim_update_due")),
    Column("crime", "Crime", ("crime_number",)),
    Column("offence", "Offence", ("offence__code", "next_victim_update_due")),
    Column("due", "Update was due", ("next_victim_update_due",)),
    Column("owner", "Owner", ("owner__last_name", "owner__first_name", "next_victim_update_due")),
    Column("agreed", "Agreed with the victim"),
    Column("action", "Action"),
)
INCIDENT_COLUMNS = (
    Column("incident", "Incident", ("reference",)),
    Column("nsir", "NSIR code", ("nsir_code__code", "opened_at")),
    Column("opened", "Reported", ("opened_at",)),
    Column("deadline", "Record by", ("record_by",)),
    Column("summary", "Summary"),
)
TRANSFER_COLUMNS = (
    Column("risk", "Risk", risk_order("requested_at")),
    Column("requested", "Requested", ("requested_at",)),
    Column("direction", "Direction", ("direction", "requested_at")),
    Column("force", "Force", ("force__code", "requested_at")),
    Column("crime", "Crime or their reference"),
    Column("action", "Action"),
)
# The sergeants' and DDMs' lists of changes awaiting a decision (recording.views.queues), whose home
# queues below open them: the risk of the crime concerned first (recording.selectors.changes), then the
# oldest request.
RECLASSIFY_COLUMNS = (
    Column("risk", "Risk", risk_order("proposed_at")),
    Column("crime", "Crime", ("crime__crime_number",)),
    Column("from", "From", ("from_offence__code", "proposed_at")),
    Column("to", "To", ("to_offence__code", "proposed_at")),
    Column("reason", "Reason"),
    Column("proposed", "Proposed", ("proposed_at",)),
    Column("status", "Status", ("status", "proposed_at")),
    Column("action", "Action"),
)
TRANSFER_LIST_COLUMNS = (
    Column("risk", "Risk", risk_order("requested_at")),
    Column("direction", "Direction", ("direction", "requested_at")),
    Column("force", "Force", ("force__code", "requested_at")),
    Column("crime", "Crime", ("crime__crime_number",)),
    Column("reference", "Their reference", ("their_reference",)),
    Column("reason", "Reason / summary"),
    Column("requested", "Requested", ("requested_at",)),
    Column("status", "Status", ("status", "requested_at")),
    Column("action", "Action"),
)
CANCEL_COLUMNS = (
    Column("risk", "Risk", risk_order("requested_at")),
    Column("crime", "Crime", ("crime__crime_number",)),
    Column("offence", "Offence", ("crime__offence__code", "requested_at")),
    Column("criterion", "Criterion", ("criterion__code", "requested_at")),
    Column("evidence", "Evidence"),
    Column("requested", "Requested", ("requested_at",)),
    Column("status", "Status", ("status", "requested_at")),
    Column("action", "Action"),
)
# What each list says of its order, as the crime queues do (RISK_NOTE), naming whose risk it is.
CANCEL_NOTE = "By the risk of the crime to be cancelled. " + RISK_NOTE.replace(
    "the oldest first", "the oldest request first"
)
RECLASSIFY_NOTE = (
    "By the risk of the crime, weighing the more serious of its offence and the one proposed. "
    + RISK_NOTE.replace("the oldest first", "the oldest proposal first")
)
TRANSFER_NOTE = (
    "By the risk of the crime transferred (an incoming one not yet accepted: the offence the sending "
    "force gave, not yet graded). " + RISK_NOTE.replace("the oldest first", "the oldest request first")
)


def decided_list(queue: WorkQueue, age_sort: str) -> WorkQueue:
    """`queue`'s list page showing changes already decided (or every status at once): nothing there
    waits, so it opens the oldest first as it always did, read a page at a time from the (status, date)
    index rather than sorting every decision by its crime's risk (recording.selectors.changes)."""
    return replace(
        queue,
        default_sort=age_sort,
        ordering_note="The oldest first. Those awaiting a decision open riskiest first.",
    )


AWAITING_VICTIM_COLUMNS = (
    Column("risk", "Risk", risk_order("record_by")),
    Column("victim", "Victim to ring"),
    Column("report", "Report"),
    Column("reported", "Reported", ("reported_at",)),
    Column("deadline", "Record by", ("record_by",)),
    Column("reporter", "Reported by", ("reporter", "record_by")),
    Column("allegations", "Awaiting the victim"),
)


NCRS_CLOCK = timedelta(hours=24)  # R-NCRS-24H: a crime is recorded within 24 hours of the report


def _supervisor(user: Any) -> bool:
    return getattr(user, "role", None) in Role.SUPERVISORS


def crimes_to_allocate(user: Any) -> Any:
    return with_risk(selectors.crimes_to_allocate(user=user))


CRIMES_TO_ALLOCATE = WorkQueue(
    "recording-crimes-to-allocate",
    "Crimes to allocate",
    crimes_to_allocate,
    oldest="recorded_at",
    order=11,
    description="Open crimes with no investigator allocated. The allocation screen suggests who should "
    "take each one and why.",
    url_name="recording:to-allocate",
    columns=CRIME_COLUMNS,
    default_sort="risk",
    row_template="queues/rows/crime.html",
    rows=selectors.crime_queue_rows,
    ordering_note=RISK_NOTE,
    empty="Every open crime has an investigator allocated.",
    extra={"allocate": True},
)
TRANSFERS_TO_ALLOCATE = WorkQueue(
    "recording-transfers-to-allocate",
    "Transfers to allocate",
    lambda user: selectors.transfers_to_allocate(user=user),
    oldest="requested_at",
    order=11,
    description="Pending transfers between forces nobody has been given to arrange (R-TRANSFER-PROTOCOL).",
    url_name="recording:to-allocate",
    url_query="kind=transfers",
    columns=TRANSFER_COLUMNS,
    default_sort="risk",
    row_template="queues/rows/transfer.html",
    ordering_note=TRANSFER_NOTE,
    empty="Every pending transfer has someone arranging it.",
)
TO_ALLOCATE = (CRIMES_TO_ALLOCATE, TRANSFERS_TO_ALLOCATE)

RAPE_LAST_24H = WorkQueue(
    "recording-rape-daily-review",
    "Rape and serious sexual offences recorded in the last 24 hours",
    lambda user: with_risk(selectors.crimes_rape_last_24h(user=user)),
    oldest="recorded_at",
    order=12,
    description="The daily review (R-RAPE-RECORD): check each was recorded as the right crime, in time.",
    columns=CRIME_COLUMNS,
    default_sort="risk",
    row_template="queues/rows/crime.html",
    rows=selectors.crime_queue_rows,
    ordering_note=RISK_NOTE,
    empty="No rape or serious sexual offence has been recorded in the last 24 hours.",
)
NCRS_DUE = WorkQueue(
    "recording-ncrs-due",
    "Crime-related incidents due an NCRS decision within 6 hours",
    lambda user: selectors.incident_awaiting_decision(user=user).annotate(
        record_by=ExpressionWrapper(F("opened_at") + NCRS_CLOCK, output_field=DateTimeField())
    ),
    oldest="opened_at",
    order=10,
    description="R-NCRS-24H: record within 24 hours of the report.",
    columns=INCIDENT_COLUMNS,
    default_sort="opened",
    row_template="queues/rows/incident.html",
    ordering_note="The one whose 24 hours run out first at the top.",
    empty="No crime-related incident reaches its 24 hours in the next 6 hours.",
)


def _awaiting_views_log(user: Any, rows: list[Any], path: str) -> None:
    """The queue shows each victim's name and number: every row shown is logged as viewed."""
    awaiting.awaiting_views_log(
        user=user, rows=rows, purpose="Reports awaiting the victim (queue)", path=path
    )


AWAITING_VICTIM = WorkQueue(
    "recording-awaiting-victim",
    "Third-party reports awaiting the victim",
    lambda user: selectors.awaiting_victim_queue(user=user),
    oldest="reported_at",
    order=13,
    description="R-NCRS-THIRD-PARTY: speak to the victim, then record the crime or close it with a reason. "
    "The 24-hour clock (R-NCRS-24H) runs from the report.",
    columns=AWAITING_VICTIM_COLUMNS,
    default_sort="risk",
    row_template="queues/rows/awaiting_victim.html",
    ordering_note=RISK_NOTE.replace("the oldest first", "the one whose 24 hours run out first"),
    empty="No third-party report is waiting for the victim.",
    log_view=_awaiting_views_log,
)


def _victim_updates(user: Any) -> WorkQueue:
    supervisor = _supervisor(user)
    return WorkQueue(
        "recording-victim-updates",
        "Victim updates overdue" if supervisor else "My victim updates overdue",
        lambda u: with_risk(selectors.crime_victim_updates_overdue(user=u)),
        oldest="next_victim_update_due",
        order=15,
        description=(
            "Victims' Code (R-VCOP-RIGHT6): the first within 5 days, then as often as agreed with the victim "
            "(every 28 days where nothing was agreed), by the contact method they chose."
        ),
        columns=VICTIM_UPDATE_COLUMNS,
        default_sort="risk",
        row_template="queues/rows/victim_update.html",
        ordering_note=RISK_NOTE.replace("the oldest first", "the longest overdue first"),
        empty="Every victim has had their update on time.",
    )


def _transfers(direction: str, label: str) -> WorkQueue:
    return WorkQueue(
        f"recording-transfers-{direction}",
        f"Transfers {label} awaiting an answer",
        lambda user: selectors.transfer_list(
            user=user, status=CrimeTransfer.Status.PENDING, direction=direction
        ),
        oldest="requested_at",
        order=22,
        description="R-TRANSFER-PROTOCOL",
        url_name="recording:transfer-list",
        url_query=f"status=pending&direction={direction}",
        columns=TRANSFER_LIST_COLUMNS,
        default_sort="risk",
        ordering_note=TRANSFER_NOTE,
    )


TRANSFERS_IN = _transfers(CrimeTransfer.Direction.INCOMING, "in")
TRANSFERS_OUT = _transfers(CrimeTransfer.Direction.OUTGOING, "out")

CANCELLATIONS = WorkQueue(
    "recording-cancellations",
    "Cancellations awaiting a DDM decision",
    lambda user: selectors.cancellation_list(user=user, status=CancellationRequest.Status.PENDING),
    oldest="requested_at",
    order=20,
    description="R-CANCEL-DDM",
    url_name="recording:cancellation-list",
    url_query="status=pending",
    columns=CANCEL_COLUMNS,
    default_sort="risk",
    ordering_note=CANCEL_NOTE,
)
RECLASSIFICATIONS = WorkQueue(
    "recording-reclassifications",
    "Reclassifications awaiting approval",
    lambda user: selectors.reclassification_list(user=user, status=ClassificationChange.Status.PROPOSED),
    oldest="proposed_at",
    order=21,
    description="R-RECLASSIFY",
    url_name="recording:reclassification-list",
    url_query="status=proposed",
    columns=RECLASSIFY_COLUMNS,
    default_sort="risk",
    ordering_note=RECLASSIFY_NOTE,
)


def work_queues(user: Any) -> list[WorkQueue]:
    role = getattr(user, "role", None)
    if role not in Role.CRIME_STAFF:
        return []
    queues: list[WorkQueue] = []
    if role in Role.SUPERVISORS or is_ddm(user):
        queues.append(CANCELLATIONS)
    if role in Role.SUPERVISORS:
        queues += [
            RECLASSIFICATIONS,
            TRANSFERS_IN,
            TRANSFERS_OUT,
            *TO_ALLOCATE,
            RAPE_LAST_24H,
            AWAITING_VICTIM,
        ]
    if role in {Role.RECORDER, *Role.SUPERVISORS}:
        queues.append(NCRS_DUE)
    queues.append(_victim_updates(user))
    return queues
