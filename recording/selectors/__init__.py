"""Every non-trivial read for crime recording, by stage, with related data loaded (list pages pin their
query counts). Callers use `from recording import selectors` and `selectors.<name>`, as for services."""

from __future__ import annotations

from recording.selectors.allocation import (
    crimes_to_allocate,
    transfers_to_allocate,
)
from recording.selectors.changes import (
    cancellation_list,
    reclassification_list,
    transfer_list,
    transfer_visible,
)
from recording.selectors.crimes import (
    CrimeQueueRow,
    crime_get,
    crime_history,
    crime_list,
    crime_list_recorded,
    crime_queue_rows,
    crime_victim_updates_overdue,
    crime_visible,
    crimes_rape_last_24h,
)
from recording.selectors.decisions import (
    awaiting_victim_get,
    awaiting_victim_queue,
    awaiting_victim_visible,
)
from recording.selectors.incidents import (
    incident_attachable,
    incident_awaiting_decision,
    incident_get,
    incident_history,
    incident_is_restricted,
    incident_list,
    incident_visible,
)
from recording.selectors.reference import (
    force_list,
    offence_catalogue,
    offence_resolve,
    offence_search,
)

__all__ = [
    "CrimeQueueRow",
    "crime_queue_rows",
    "awaiting_victim_get",
    "awaiting_victim_queue",
    "awaiting_victim_visible",
    "cancellation_list",
    "crime_get",
    "crime_history",
    "crime_list",
    "crime_list_recorded",
    "crime_victim_updates_overdue",
    "crime_visible",
    "crimes_rape_last_24h",
    "crimes_to_allocate",
    "force_list",
    "incident_attachable",
    "incident_awaiting_decision",
    "incident_get",
    "incident_history",
    "incident_is_restricted",
    "incident_list",
    "incident_visible",
    "offence_catalogue",
    "offence_resolve",
    "offence_search",
    "reclassification_list",
    "transfer_list",
    "transfer_visible",
    "transfers_to_allocate",
]
