"""Text is escaped wherever it is shown (issue 10 part 4, for the screens that exist so far): a name
holding markup is shown as text, never run as HTML."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from staffing.tests.factories import TeamFactory

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'

pytestmark = pytest.mark.django_db


def test_a_team_name_with_markup_is_shown_as_text(client: Client, make_user: Callable[..., Any]) -> None:
    TeamFactory(code="RC-X", name=HOSTILE)
    client.force_login(make_user("manager"))
    html = client.get("/staffing/teams/").content.decode()
    assert HOSTILE not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_a_person_s_name_with_markup_is_shown_as_text(client: Client, make_user: Callable[..., Any]) -> None:
    client.force_login(make_user("recorder", first_name=HOSTILE, last_name="Smith"))
    html = client.get("/").content.decode()
    assert HOSTILE not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_a_crime_victim_s_name_with_markup_is_shown_as_text(
    client: Client, make_user: Callable[..., Any], reference_data: None
) -> None:
    from recording.tests.factories import CrimeVictimFactory

    victim = CrimeVictimFactory(name=HOSTILE)
    client.force_login(make_user("sergeant"))
    html = client.get(f"/recording/crimes/{victim.crime_id}/").content.decode()
    assert HOSTILE not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_a_complaint_summary_with_markup_is_shown_as_text(
    client: Client, make_user: Callable[..., Any]
) -> None:
    from complaints.tests.factories import ComplaintCaseFactory

    advisor = make_user("advisor")
    case = ComplaintCaseFactory(actor=advisor, summary=HOSTILE)
    client.force_login(advisor)
    html = client.get(f"/complaints/{case.pk}/").content.decode()
    assert HOSTILE not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
