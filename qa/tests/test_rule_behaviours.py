"""QA rules of the catalogue that had no test of their own (issue 16 part 5: every rule is cited by a
test of the behaviour it governs)."""

from __future__ import annotations

from typing import Any

import pytest

from qa.models import AuditFinding
from qa.services import dip_test
from qa.tests.test_dip_test import DAY, audit, day_of_work, small_sizes  # noqa: F401 - fixtures

pytestmark = pytest.mark.usefixtures("reference_data")


def test_r_cdi_audit_the_dip_test_checks_what_an_inspection_checks(
    day_of_work: dict[str, Any],  # noqa: F811 - the fixture imported above
    make_user: Any,
) -> None:
    """R-CDI-AUDIT: like a crime data integrity inspection, the audit takes every cancellation of the
    day, and asks of each record whether the crime was recorded, on time and correctly classified; each
    "no" is a finding of that kind."""
    test = dip_test.dip_test_draw(day=DAY)
    cancelled = {s.object_id for s in test.samples.filter(stratum="cancellation")}
    assert cancelled == {c.pk for c in day_of_work["cancelled"]}
    sample = test.samples.filter(stratum="crime:Violence against the person").first()
    assert sample is not None
    audit(sample, make_user("sergeant"), recording_right=False, classification_right=False, within_24h=False)
    found = set(AuditFinding.objects.filter(sample=sample).values_list("error_type", flat=True))
    assert found == {
        AuditFinding.ErrorType.UNRECORDED,
        AuditFinding.ErrorType.CLASSIFICATION,
        AuditFinding.ErrorType.LATE,
    }
