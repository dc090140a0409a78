"""A sergeant's staffing lines on the home page. Training expiring is a work queue (config.queues: one
selector for the count and its list); the coverage gaps are computed from the rota, not stored, so they
are plain home lines whose list is the coverage page's table (the same selectors.coverage)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from config.listing import Column
from config.permissions import Role
from config.queues import WorkQueue
from config.registry import Queue
from staffing import selectors

TRAINING_COLUMNS = (
    Column("expires", "Expires", ("expires_on", "user__username")),
    Column("person", "Person", ("user__last_name", "user__first_name", "expires_on")),
    Column("skill", "Skill", ("skill", "expires_on")),
    Column("trained", "Trained", ("trained_on",)),
)


def _sergeant_with_team(user: Any) -> bool:
    return getattr(user, "role", None) == Role.SERGEANT and bool(getattr(user, "team_id", None))


TRAINING_EXPIRING = WorkQueue(
    "staffing-training-expiring",
    "Training expiring in 30 days",
    lambda user: selectors.training_expiring(user.team),
    order=60,
    description="Book refreshers before people lose the skill.",
    columns=TRAINING_COLUMNS,
    default_sort="expires",
    row_template="queues/rows/training.html",
    ordering_note="The one expiring first at the top.",
    empty="Nobody's training in your team expires in the next 30 days.",
)


def _letters_to_approve(user: Any) -> Any:
    from staffing.selectors.letters import letter_approval_queue

    return letter_approval_queue(user=user)


# Letters whose template needs a manager's approval (issue 22 part 2): the approvals page lists exactly
# this selector's rows.
LETTERS_TO_APPROVE = WorkQueue(
    "staffing-letters-to-approve",
    "Letters to approve",
    _letters_to_approve,
    oldest="updated_at",
    order=55,
    description="Outcome and other letters waiting for a manager before they are issued.",
    columns=(
        Column("waiting", "Waiting since", ("updated_at", "id")),
        Column("letter", "Letter", ("purpose", "updated_at")),
        Column("about", "About", ("record_label", "updated_at")),
        Column("handler", "Handler", ("handler__last_name", "handler__first_name", "updated_at")),
    ),
    default_sort="waiting",
    row_template="queues/rows/letter_approval.html",
    ordering_note="The one waiting longest at the top.",
    empty="No letters are waiting for your approval.",
)


def work_queues(user: Any) -> list[WorkQueue]:
    queues = [TRAINING_EXPIRING] if _sergeant_with_team(user) else []
    if getattr(user, "role", None) in (Role.MANAGER, Role.ADMIN):
        queues.append(LETTERS_TO_APPROVE)
    return queues


def home_lines(user: Any) -> list[Queue]:
    """Coverage gaps now and on the next shift, each opening the coverage page at its own table."""
    if not _sergeant_with_team(user):
        return []
    team = user.team
    now, nxt = selectors.coverage(team)
    url = reverse("staffing:coverage") + f"?team={team.code}"
    return [
        Queue(
            key=f"staffing-coverage-{name}",
            label=label,
            url=f"{url}#cov-{n}",
            count=len(view.gaps),
            description=", ".join(g.requirement.get_area_display() for g in view.gaps),
            order=60 + n,
        )
        for n, (name, label, view) in enumerate(
            (("now", "Coverage gaps now", now), ("next", "Coverage gaps next shift", nxt)), start=1
        )
    ]
