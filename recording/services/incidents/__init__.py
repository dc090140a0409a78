"""Incidents, by stage: the feed's rows cleaned (rows), written in bulk (feed: the API's feed and the
ORM path; csv_import: the CSV file), staged, checked and moved on PostgreSQL (staging, check_move), and
the casework on one incident (casework: opened in Resolve, crimes linked and unlinked, need-to-know
reads). Views, the API, the import command and qa call these names from the package."""

from recording.services.incidents.casework import (
    incident_get_logged,
    incident_link_crime,
    incident_open,
    incident_reference_next,
    incident_restricted_cached,
    incident_unlink_crime,
)
from recording.services.incidents.csv_import import csv_rows, incidents_import_csv
from recording.services.incidents.feed import CHUNK_SIZE, MAX_API_INCIDENTS, ImportResult, incidents_upsert
from recording.services.incidents.rows import (
    CLEAN_FIELDS,
    FIELDS,
    IncidentFeedErrors,
    IncidentRowError,
    incident_row_clean,
    nsir_map,
)

__all__ = [
    "CHUNK_SIZE",
    "CLEAN_FIELDS",
    "FIELDS",
    "MAX_API_INCIDENTS",
    "ImportResult",
    "IncidentFeedErrors",
    "IncidentRowError",
    "csv_rows",
    "incident_get_logged",
    "incident_link_crime",
    "incident_open",
    "incident_reference_next",
    "incident_restricted_cached",
    "incident_row_clean",
    "incident_unlink_crime",
    "incidents_import_csv",
    "incidents_upsert",
    "nsir_map",
]
