"""QA work through staffing's one allocation service: unrecorded-incident flags (Skill.UNRECORDED_FLAGS),
dip-test samples to audit (Skill.DIP_TEST_AUDITOR, R-DIP-TEST) and QC amendments (Skill.AMENDMENTS).

Each is registered with staffing as a work kind (`work_kinds`, through QaConfig): who may take it, who is
barred from one item (a record's owner and recorder never audit it), and the callback staffing calls when
it gives the item to someone, so the flag's `assigned_to` / the amendment's `owner` follow the allocation
however it was made, written here in plain sight: the flag's assignee and the amendment's owner have this
one writer each (flags.flag_assign gives the flag through staffing.services.allocation_give_to and lets
this callback write it)."""

from __future__ import annotations

from django.db.models import Model

from config.permissions import Role
from config.registry import WorkKind
from qa.models import Amendment, DipSample, UnrecordedFlag
from qa.permissions import can_view_amendment, can_view_flag, can_view_sample
from recording.models import Crime
from staffing.models import Allocation, Skill

# The dip-test audit page is a supervisor's (R-DIP-TEST, R-FCR): of the roles that take work, sergeants.
AUDITOR_ROLES = frozenset({Role.SERGEANT})
# Unrecorded-incident flags go to an investigator to record or explain (qa.services.flags.flag_assign).
FLAG_ROLES = frozenset({Role.INVESTIGATOR})
# An amendment is put right by whoever may own the record: an investigator or a sergeant.
AMENDMENT_ROLES = frozenset({Role.INVESTIGATOR, Role.SERGEANT})


def dip_sample_barred(sample: DipSample) -> set[int]:
    """Who may not audit this sample: the record's owner (now, and when it was sampled) and whoever
    recorded it; for an incident, the owners and recorders of every crime linked to it."""
    people = {sample.owner_id}
    crimes = Crime.objects.none()
    if sample.kind == DipSample.Kind.CRIME:
        crimes = Crime.objects.filter(pk=sample.object_id)
    else:
        crimes = Crime.objects.filter(incidents__pk=sample.object_id)
    for owner_id, recorder_id in crimes.values_list("owner_id", "recorded_by_id"):
        people.update((owner_id, recorder_id))
    return {pk for pk in people if pk is not None}


def _flag_allocated(item: Model, allocation: Allocation) -> None:
    """Staffing gave the flag to someone: they are its assignee while it is open."""
    flag = UnrecordedFlag.objects.select_for_update().get(pk=item.pk)
    if flag.status != UnrecordedFlag.Status.OPEN or flag.assigned_to_id == allocation.assigned_to_id:
        return
    flag.assigned_to_id = allocation.assigned_to_id
    flag._change_reason = f"Allocated to {allocation.assigned_to} by {allocation.assigned_by}"  # type: ignore[attr-defined]
    flag.save(update_fields=["assigned_to"])


def _amendment_allocated(item: Model, allocation: Allocation) -> None:
    """Staffing gave the amendment to someone: they own putting it right until it is confirmed."""
    amendment = Amendment.objects.select_for_update().get(pk=item.pk)
    if amendment.status == Amendment.Status.CONFIRMED or amendment.owner_id == allocation.assigned_to_id:
        return
    amendment.owner_id = allocation.assigned_to_id
    amendment._change_reason = f"Allocated to {allocation.assigned_to} by {allocation.assigned_by}"  # type: ignore[attr-defined]
    amendment.save(update_fields=["owner"])


def _sample_barred(item: Model) -> set[int]:
    assert isinstance(item, DipSample)  # noqa: S101 - registered for DipSample only
    return dip_sample_barred(item)


def work_kinds() -> list[WorkKind]:
    """QA's work items, as staffing's allocation service knows them (config.registry.WorkKind)."""
    return [
        WorkKind(
            model=UnrecordedFlag,
            visible=can_view_flag,
            skill=Skill.UNRECORDED_FLAGS,
            weight=1,
            roles=FLAG_ROLES,
            roles_label="investigators",
            on_allocated=_flag_allocated,
        ),
        WorkKind(
            model=DipSample,
            visible=can_view_sample,
            skill=Skill.DIP_TEST_AUDITOR,
            weight=1,
            roles=AUDITOR_ROLES,
            roles_label="sergeants",
            barred=_sample_barred,
        ),
        WorkKind(
            model=Amendment,
            visible=can_view_amendment,
            skill=Skill.AMENDMENTS,
            weight=1,
            roles=AMENDMENT_ROLES,
            roles_label="investigators and sergeants",
            on_allocated=_amendment_allocated,
        ),
    ]
