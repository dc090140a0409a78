"""The demo's public-form submissions (issue 23 part 1): made through the service /complain/ uses, so
`make demo` shows an anonymous complaint and an agent's complaint waiting for written authority in the
advisors' public-form queue."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest

from complaints import queues, services
from complaints.demo import seed_public_form
from complaints.models import MaskedDetails
from config.exceptions import DomainError

pytestmark = pytest.mark.django_db


def test_the_demo_seeds_an_anonymous_and_an_agents_submission_as_the_form_does(
    make_user: Callable[..., Any], reference_data: None
) -> None:
    out = io.StringIO()
    anonymous, agent = seed_public_form(out)
    advisor = make_user("advisor")

    for case in (anonymous, agent):
        assert (case.channel, case.assigned_to, case.created_by.username) == ("web", None, "public-form")
        assert case in queues.public_intake(advisor)
        assert case.reference in out.getvalue()
    person = anonymous.complainants.get()
    assert (person.anonymous, person.name, person.email) == (True, "Anonymous complainant", "")
    assert MaskedDetails.objects.get(complainant=person).name == "Morgan Ellis"
    assert anonymous.subjects.get().collar_number == "4521"
    waiting = agent.complainants.get()
    assert (waiting.authority_awaited, waiting.consent_of_affected, waiting.on_behalf_of) == (
        True,
        False,
        "Raj Nair (her father)",
    )
    with pytest.raises(DomainError, match="written authority"):
        services.complaint_triage_decide(case_id=agent.pk, actor=advisor, accept=False, reason="x", route="")
