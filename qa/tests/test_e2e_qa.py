"""Key journey in headless Chromium: a sergeant opens the unrecorded-incident queue from the navigation
and dismisses a flag with a reason and an NSIR closing code (R-NSIR-AUDIT-TRAIL)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from conftest import screenshot, sign_in
from qa.models import UnrecordedFlag
from qa.services import sweep
from qa.tests.factories import make_incident
from staffing.reference import reference_load

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_sergeant_dismisses_a_flag_from_the_queue(page: Any, make_user: Callable[..., Any]) -> None:
    reference_load()
    make_incident(reference="XX-E2E-0001")
    sweep.sweep_unrecorded()
    make_user("sergeant", username="sgt.qa", password="correct-horse-battery")
    sign_in(page, "sgt.qa")
    page.click("nav[aria-label=Main] >> text=Unrecorded incidents")
    assert page.locator("h1").inner_text() == "Unrecorded crime-related incidents"
    screenshot(page, "01-queue")
    page.click("text=XX-E2E-0001")
    page.click("section:has(#dismiss-h) button[type=submit]")
    assert page.locator(".error-summary").is_visible()
    page.fill("#id_reason", "Caller confirmed the item was lent, not stolen")
    page.select_option("#id_closing_nsir_code", "PS-CIVIL")
    page.click("section:has(#dismiss-h) button[type=submit]")
    page.wait_for_selector("text=dismissed")
    screenshot(page, "02-dismissed")
    assert UnrecordedFlag.objects.get().status == UnrecordedFlag.Status.DISMISSED
