"""A long unbroken word wraps on every page instead of pushing the page sideways (issue 20 part 6):
static/css/resolve.css sets overflow-wrap. Each page shows the word (so the check can fail) and is no
wider than the window."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from conftest import screenshot, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"
LONG = "Z" * 250  # no space, no hyphen: nothing a browser would break at by itself


def _page_fits(page: Any) -> tuple[int, int]:
    return page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")


def test_long_unbroken_words_wrap_on_every_page(
    page: Any, make_user: Callable[..., Any], reference_data: None
) -> None:
    from complaints.tests.factories import ComplaintCaseFactory
    from recording.models import Offence
    from recording.tests.factories import CrimeFactory, IncidentFactory

    page.set_viewport_size({"width": 1024, "height": 900})
    make_user("manager", username="meg", password=PASSWORD, first_name=LONG[:150])
    crime = CrimeFactory(offence=Offence.objects.get(code="8N"), summary=LONG, location=LONG)
    incident = IncidentFactory(summary=LONG, location=LONG)
    case = ComplaintCaseFactory(summary=LONG)
    sign_in(page, "meg")
    pages = [
        f"/recording/crimes/{crime.pk}/",
        "/recording/crimes/",
        f"/recording/incidents/{incident.pk}/",
        f"/complaints/{case.pk}/",
        "/staffing/profile/",
    ]
    for number, path in enumerate(pages):
        response = page.goto(path)
        assert response.status == 200, path
        assert LONG[:150] in page.content(), path
        screenshot(page, f"{number:02d}-{path.strip('/').replace('/', '-')}")
        width, window = _page_fits(page)
        assert width <= window, f"{path} is {width}px wide in a {window}px window"
