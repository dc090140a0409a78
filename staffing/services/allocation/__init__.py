"""One allocation service for every kind of work item in every app.

Other apps call it with their own model instance; staffing never imports them (the item is held
through a generic relation):

    from staffing.services import allocation_assign, allocation_suggest
    allocation = allocation_assign(item=crime, skill=Skill.RECORDING_DECISIONS, weight=2,
                                   assignee=None, actor=request.user)

Race safety: the item's own row is locked (SELECT ... FOR UPDATE) before its open allocation is looked
up, so two sergeants allocating the same item at once are served one after the other and the second
is told who already has it; the partial unique constraint (one open allocation per item) backs this
up, and an IntegrityError from it becomes the same DomainError. The assignee's row is locked too, so
two items cannot both take someone's last room under the workload ceiling.

Who may take an item, and what follows from giving it, belong to the item's own app: each app registers
its models as work kinds (`config.registry.WorkKind`, from its AppConfig's `work_kinds`). The kind says
which roles may take the work (nobody else is suggested or accepted, whatever reason a sergeant gives),
who is barred from one item (the owner or recorder of a record never audits it), and the callback this
service calls once the item is given, so the app writes its own field (a crime's owner) in plain sight
rather than from a signal."""

from __future__ import annotations

from staffing.selectors import workload_by_person
from staffing.services.allocation.assignment import (
    allocation_assign,
    allocation_complete,
    allocation_finish,
    allocation_finish_many,
    allocation_give,
    allocation_give_to,
    allocation_reassign,
    allocation_scope_refusal,
)
from staffing.services.allocation.suggestion import (
    Suggestion,
    allocation_current,
    allocation_left_out_for,
    allocation_people_for,
    allocation_suggest,
)

__all__ = [
    "Suggestion",
    "allocation_assign",
    "allocation_complete",
    "allocation_current",
    "allocation_finish",
    "allocation_finish_many",
    "allocation_give",
    "allocation_give_to",
    "allocation_left_out_for",
    "allocation_people_for",
    "allocation_reassign",
    "allocation_scope_refusal",
    "allocation_suggest",
    "workload_by_person",
]
