"""Recording's API serializers, one module per stage: common fields, reference data, the incident feed,
crimes, casework on a crime and the recording decision. Callers import from the stage's module; the
incident feed API reads its three from here."""

from __future__ import annotations

from recording.serializers.common import CodeChoiceField
from recording.serializers.incidents import IncidentBulkInputSerializer, IncidentBulkOutputSerializer

__all__ = ["CodeChoiceField", "IncidentBulkInputSerializer", "IncidentBulkOutputSerializer"]
