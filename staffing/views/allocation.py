"""Workload and allocation (supervisors): who should take an item and why, then assign."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from config.exceptions import DomainError
from staffing import selectors, services
from staffing.forms import (
    AllocateForm,
)
from staffing.models import Allocation, Skill, User
from staffing.views.common import crumbs, supervisors_only, team_choices, team_of, user_of


@supervisors_only
def workload(request: HttpRequest) -> HttpResponse:
    team = team_of(request)
    return render(
        request,
        "staffing/workload.html",
        {
            "team": team,
            "teams": team_choices(),
            "rows": selectors.workload_by_person(team),
            "allocations": selectors.allocations_open(team)[:200],
            "breadcrumbs": crumbs(("Workload", None)),
        },
    )


def _item(actor: User, ct_id: int, object_id: int) -> tuple[ContentType, Model]:
    """The work item through staffing's one gate: only a registered kind of work, and only an item the
    actor may see (a missing one and a hidden one are the same 404)."""
    try:
        ct = ContentType.objects.get_for_id(ct_id)
    except ContentType.DoesNotExist as exc:
        raise Http404(selectors.NO_SUCH_WORK) from exc
    try:
        work = selectors.work_item_get(user=actor, item_type=f"{ct.app_label}.{ct.model}", pk=object_id)
    except DomainError as exc:
        raise Http404(selectors.NO_SUCH_WORK) from exc
    return ct, work.item


@supervisors_only
def allocate(request: HttpRequest, ct_id: int, object_id: int) -> HttpResponse:
    """One work item: its allocation now, the suggestion with its reason, and accept / pick someone
    else / reassign / mark done."""
    actor = user_of(request)
    ct, item = _item(actor, ct_id, object_id)
    current = services.allocation_current(item)
    skill = current.skill if current else request.GET.get("skill", "")
    if skill not in Skill.values:
        raise Http404("Say which skill the work needs (?skill=).")
    try:
        weight = current.weight if current else max(1, int(request.GET.get("weight", "1")))
    except ValueError:
        weight = 1
    team = (
        selectors.team_for(actor, request.GET.get("team"))
        if actor.team_id or request.GET.get("team")
        else None
    )
    # Only people whose role may take this kind of work and who are not barred from this item.
    people = services.allocation_people_for(item=item, team=team).order_by("username")
    form = AllocateForm(request.POST or None, people=people)
    # Another team's work: the service refuses to change who holds it, and the page offers no form to.
    refusal = services.allocation_scope_refusal(item=item, actor=actor, what="change who holds it")
    if request.method == "POST":
        action = request.POST.get("action", "assign")
        if action == "complete" and current is not None:
            try:
                services.allocation_complete(item=item, actor=actor)
            except DomainError as exc:
                messages.error(request, exc.message)
            else:
                messages.success(request, "Marked as done.")
            return redirect(request.get_full_path())
        if form.is_valid():
            try:
                if current is None:
                    allocation = services.allocation_assign(
                        item=item,
                        skill=skill,
                        weight=weight,
                        assignee=form.cleaned_data["assignee"],
                        actor=actor,
                        reason=form.cleaned_data["reason"],
                        team=team,
                    )
                else:
                    allocation = services.allocation_reassign(
                        item=item,
                        assignee=form.cleaned_data["assignee"],
                        actor=actor,
                        reason=form.cleaned_data["reason"],
                        team=team,
                    )
            except DomainError as exc:
                form.add_error("assignee" if exc.field in ("assignee", "item") else None, exc.message)
            else:
                messages.success(request, f"Allocated to {allocation.assigned_to}.")
                return redirect(request.get_full_path())
    suggestion = services.allocation_suggest(
        skill=skill, team=team, weight=weight, exclude=current.assigned_to if current else None, item=item
    )
    history = Allocation.objects.filter(content_type=ct, object_id=item.pk).select_related(
        "assigned_to", "assigned_by"
    )
    return render(
        request,
        "staffing/allocate.html",
        {
            "item": item,
            "kind": ct.model_class()._meta.verbose_name,  # type: ignore[union-attr]
            "skill_label": selectors.skill_label(skill),
            "specialist_label": selectors.skill_label(suggestion.specialist.skill)
            if suggestion.specialist
            else "",
            "weight": weight,
            "team": team,
            "current": current,
            "refusal": refusal,
            "suggestion": suggestion,
            "form": form,
            "history": history.order_by("-created_at", "-pk"),
            "breadcrumbs": crumbs(("Workload", reverse("staffing:workload")), ("Allocate", None)),
        },
    )


@supervisors_only
def allocate_kind(request: HttpRequest, app_label: str, model: str, object_id: int) -> HttpResponse:
    """The allocation screen addressed by the item's kind (`qa/unrecordedflag/7/`), so other apps can
    link to it from every row of a list without looking up content types while rendering."""
    try:
        ct = ContentType.objects.get_by_natural_key(app_label, model)
    except ContentType.DoesNotExist as exc:
        raise Http404(selectors.NO_SUCH_WORK) from exc
    return allocate(request, ct.pk, object_id)
