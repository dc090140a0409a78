"""Hostile input, root by root (issue 17 part 6): each input that once gave a 500 now gets a 4xx that
names the field (or a one-line command error), and nothing is stored."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from recording.models import Crime
from recording.tests.factories import CrimeFactory

pytestmark = pytest.mark.django_db


def test_a_reason_of_any_length_is_kept_whole_in_the_history(api_as: Callable[..., Any]) -> None:
    """The audit history's reason column held 100 characters: a longer reason was a database error."""
    api = api_as("sergeant")
    crime = CrimeFactory(status=Crime.Status.RECORDED)
    reason = " ".join(["The victim rang back with more detail."] * 60)
    response = api.post(
        f"/api/v1/recording/crimes/{crime.pk}/status/",
        {"status": "under_investigation", "reason": reason},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert crime.history.latest().history_change_reason == reason
