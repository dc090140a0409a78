"""Home-page work queues for QA (config.queues): each one selector for the count and its list.
QaConfig.work_queues hands config.registry the ones a user may work."""

from __future__ import annotations

from typing import Any

from config.listing import Column
from config.permissions import Role, user_has_role
from config.queues import WorkQueue
from qa import selectors
from qa.models import UnrecordedFlag

FLAG_COLUMNS = (
    Column("opened", "Incident opened", ("incident_opened_at",)),
    Column("incident", "Incident", ("incident__reference",)),
    Column("nsir", "NSIR code", ("incident__nsir_code__code", "incident_opened_at")),
    Column("assigned", "Assigned to", ("assigned_to__last_name", "assigned_to__first_name")),
    Column("action", "Action"),
)
SAMPLE_COLUMNS = (
    Column("test", "Dip-test", ("dip_test__date", "stratum")),
    Column("record", "Record", ("label",)),
    Column("stratum", "Stratum", ("stratum", "dip_test__date")),
    Column("owner", "Owner", ("owner__last_name", "owner__first_name", "dip_test__date")),
    Column("action", "Action"),
)
AMENDMENT_COLUMNS = (
    Column("due", "Due", ("due_on",)),
    Column("record", "Record", ("finding__sample__label",)),
    Column("error", "Error", ("finding__error_type", "due_on")),
    Column("owner", "Owner", ("owner__last_name", "owner__first_name", "due_on")),
    Column("status", "Status", ("status", "due_on")),
    Column("action", "Action"),
)

UNRECORDED = WorkQueue(
    "qa-unrecorded",
    "Unrecorded crime-related incidents",
    lambda user: selectors.flag_list(status=UnrecordedFlag.Status.OPEN),
    oldest="incident_opened_at",
    order=40,
    description="Incidents with no crime number past the grace period",
    url_name="qa:flag-list",
)
ESCALATIONS = WorkQueue(
    "qa-escalations",
    "Flags waiting for the control room",
    lambda user: selectors.flag_escalations_open(),
    oldest="escalated_at",
    order=41,
    description="Escalated to the control room (R-FCR): record its answer to close the escalation",
    url_name="qa:flag-list",
    url_query="escalation=open",
)
DIP_SAMPLES = WorkQueue(
    "qa-dip-test",
    "Dip-test items to audit",
    lambda user: selectors.dip_samples_to_audit(),
    oldest="dip_test__created_at",
    order=42,
    description="Sampled incidents and crimes nobody has audited yet (R-DIP-TEST)",
    columns=SAMPLE_COLUMNS,
    default_sort="test",
    row_template="queues/rows/dip_sample.html",
    ordering_note="The oldest dip-test first.",
    empty="Every sampled item has been audited.",
)
FLAGS_TO_ALLOCATE = WorkQueue(
    "qa-flags-to-allocate",
    "Unrecorded-incident flags to allocate",
    lambda user: selectors.flags_to_allocate(),
    oldest="incident_opened_at",
    order=39,
    description="Open flags nobody has been given. The allocation screen suggests who should take each.",
    url_name="qa:to-allocate",
    columns=FLAG_COLUMNS,
    default_sort="opened",
    row_template="queues/rows/flag.html",
    ordering_note="The oldest incident first.",
    empty="Every open flag is allocated.",
)
SAMPLES_TO_ALLOCATE = WorkQueue(
    "qa-samples-to-allocate",
    "Dip-test audits to allocate",
    lambda user: selectors.samples_to_allocate(),
    oldest="dip_test__created_at",
    order=39,
    description="Sampled items still to audit that no auditor has been given.",
    url_name="qa:to-allocate",
    url_query="kind=samples",
    columns=SAMPLE_COLUMNS,
    default_sort="test",
    row_template="queues/rows/dip_sample.html",
    ordering_note="The oldest dip-test first.",
    empty="Every sample still to audit has an auditor.",
    extra={"allocate": True},
)
AMENDMENTS_TO_ALLOCATE = WorkQueue(
    "qa-amendments-to-allocate",
    "QC amendments to allocate",
    lambda user: selectors.amendments_to_allocate(),
    oldest="finding__found_at",
    order=39,
    description="Amendments not yet confirmed that nobody has been given.",
    url_name="qa:to-allocate",
    url_query="kind=amendments",
    columns=AMENDMENT_COLUMNS,
    default_sort="due",
    row_template="queues/rows/amendment.html",
    ordering_note="The one due soonest first.",
    empty="Every open amendment is allocated.",
)
TO_ALLOCATE = {
    "flags": FLAGS_TO_ALLOCATE,
    "samples": SAMPLES_TO_ALLOCATE,
    "amendments": AMENDMENTS_TO_ALLOCATE,
}
HIDDEN_CRIME_COLUMNS = (
    Column("risk", "Risk", ("risk", "incident_opened_at", "id")),
    Column("opened", "Incident opened", ("incident_opened_at", "id")),
    Column("incident", "Incident", ("incident__reference",)),
    Column("nsir", "Closed as", ("incident__nsir_code__code", "incident_opened_at")),
    Column("offences", "Possible crimes"),
    Column("verdict", "Screen", ("verdict", "risk", "incident_opened_at")),
)
HIDDEN_CRIMES = WorkQueue(
    "qa-hidden-crimes",
    "Possible hidden crimes",
    lambda user: selectors.hidden_crime_flags(),
    oldest="incident_opened_at",
    order=41,
    description="Incidents closed as non-crime whose narrative discloses a crime (the nightly screen)",
    columns=HIDDEN_CRIME_COLUMNS,
    default_sort="risk",
    row_template="queues/rows/hidden_crime.html",
    rows=selectors.hidden_crime_rows,
    ordering_note="Riskiest first: sexual offences, then violence against the person, then domestic abuse, "
    "then other crimes; within the same risk, the oldest incident first. Narratives the screen could not "
    "decide come last, in their own band.",
    empty="No possible hidden crime is waiting.",
)
RAPE_REVIEW = WorkQueue(
    "qa-rape-review",
    "Rape reports to review",
    lambda user: selectors.rape_review_queue(),
    oldest="queued_at",
    order=46,
    description="Restricted: daily review (R-RAPE-RECORD)",
    url_name="qa:rape-review-list",
)
AMENDMENTS = WorkQueue(
    "qa-amendments",
    "QC amendments",
    lambda user: selectors.amendment_list(user=user),
    oldest="finding__found_at",
    order=44,
    description="Errors found by dip-tests to put right",
    url_name="qa:amendment-list",
)


def work_queues(user: Any) -> list[WorkQueue]:
    queues: list[WorkQueue] = []
    if user_has_role(user, Role.SUPERVISORS):
        queues += [UNRECORDED, ESCALATIONS, HIDDEN_CRIMES, DIP_SAMPLES, *TO_ALLOCATE.values(), RAPE_REVIEW]
    if user_has_role(user, (Role.INVESTIGATOR, *Role.SUPERVISORS)):
        queues.append(AMENDMENTS)
    return queues
