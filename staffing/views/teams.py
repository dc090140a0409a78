"""Teams and moves, the rota, coverage and training (supervisors)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from config import fields as bounded
from config.exceptions import DomainError
from config.permissions import Role
from staffing import rules as staffing_rules
from staffing import selectors, services
from staffing.forms import (
    AbsenceForm,
    CoverageForm,
    ShiftAssignForm,
    TeamMoveForm,
    TrainingForm,
)
from staffing.models import Team, User
from staffing.permissions import can_view_personnel_notes
from staffing.services.rota import LONDON
from staffing.views.common import crumbs, form_error, supervisors_only, team_choices, team_of, user_of


@supervisors_only
def team_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "staffing/team_list.html",
        {"teams": selectors.team_list(), "breadcrumbs": crumbs(("Teams", None))},
    )


@supervisors_only
def team_detail(request: HttpRequest, code: str) -> HttpResponse:
    team = get_object_or_404(Team.objects.select_related("sergeant"), code=code)
    actor = user_of(request)
    may_move = actor.role in (Role.MANAGER, Role.ADMIN)
    form = TeamMoveForm(request.POST or None, team=team)
    if request.method == "POST":
        if not may_move:
            raise PermissionDenied
        if form.is_valid():
            try:
                move = services.user_move_team(
                    user=form.cleaned_data["user"],
                    to_team=form.cleaned_data["to_team"],
                    actor=actor,
                    reason=form.cleaned_data["reason"],
                )
            except DomainError as exc:
                form_error(form, exc)
            else:
                messages.success(
                    request, f"{move.user} moved to {move.to_team.code if move.to_team else 'no team'}."
                )
                return redirect("staffing:team-detail", code=team.code)
    members = list(selectors.team_members(team))
    return render(
        request,
        "staffing/team_detail.html",
        {
            "team": team,
            "members": [(m, can_view_personnel_notes(actor, m)) for m in members],
            "investigators": sum(1 for m in members if m.role == User.Role.INVESTIGATOR),
            "moves": selectors.team_moves(team)[:50],
            "form": form,
            "may_move": may_move,
            "breadcrumbs": crumbs(("Teams", reverse("staffing:team-list")), (team.code, None)),
        },
    )


# ---------------------------------------------------------------- rota
def _week_start(raw: str | None, today: date) -> date:
    try:
        day = date.fromisoformat(raw) if raw else today
    except ValueError:
        day = today
    if not bounded.within_bounds(day):  # a week near year 9999 cannot be shown (day + 7 overflows)
        day = today
    return day - timedelta(days=day.weekday())


@supervisors_only
def rota(request: HttpRequest) -> HttpResponse:
    team = team_of(request)
    actor = user_of(request)
    # One reading of the clock per request: "this week" and "on now" must not straddle midnight.
    moment = timezone.now()
    monday = _week_start(request.GET.get("week") or request.POST.get("week"), timezone.localdate(moment))
    start = datetime.combine(monday, datetime.min.time(), tzinfo=LONDON)
    shifts = selectors.rota_range(team, start, start + timedelta(days=7))
    assign_form = ShiftAssignForm(
        request.POST if request.POST.get("action") == "assign" else None, team=team, shifts=shifts
    )
    absence_form = AbsenceForm(request.POST if request.POST.get("action") == "absence" else None, team=team)
    rota_refusal = services.rota_refusal(actor=actor, team_id=team.pk)
    if request.method == "POST" and rota_refusal:
        raise PermissionDenied(rota_refusal)
    if request.method == "POST":
        action = request.POST.get("action")
        here = f"{reverse('staffing:rota')}?team={team.code}&week={monday.isoformat()}"
        try:
            if action == "build":
                services.rota_generate(team=team, start=monday, days=7, actor=actor)
                messages.success(request, f"Shifts built for the week of {monday:%d %B %Y}.")
                return redirect(here)
            if action == "assign" and assign_form.is_valid():
                services.shift_assign(
                    shift=assign_form.cleaned_data["shift"],
                    user=assign_form.cleaned_data["user"],
                    actor=actor,
                )
                messages.success(request, "Added to the shift.")
                return redirect(here)
            if action == "absence" and absence_form.is_valid():
                services.absence_record(actor=actor, **absence_form.cleaned_data)
                messages.success(request, "Absence recorded.")
                return redirect(here)
        except DomainError as exc:
            form_error(assign_form if action == "assign" else absence_form, exc)
    days: list[dict[str, Any]] = []
    for offset in range(7):
        day = monday + timedelta(days=offset)
        days.append({"day": day, "shifts": [s for s in shifts if timezone.localdate(s.starts_at) == day]})
    now, nxt = selectors.now_and_next(team, at=moment)
    return render(
        request,
        "staffing/rota.html",
        {
            "team": team,
            "teams": team_choices(),
            "monday": monday,
            "previous": monday - timedelta(days=7),
            "following": monday + timedelta(days=7),
            "days": days,
            "has_shifts": bool(shifts),
            "now": now,
            "next": nxt,
            "absences": selectors.absences_between(team, monday, monday + timedelta(days=6)),
            "assign_form": assign_form,
            "absence_form": absence_form,
            "rota_refusal": rota_refusal,
            "breadcrumbs": crumbs(("Rota", None)),
        },
    )


# ---------------------------------------------------------------- coverage
@supervisors_only
def coverage(request: HttpRequest) -> HttpResponse:
    team = team_of(request)
    form = CoverageForm(request.POST or None)
    coverage_refusal = services.rota_refusal(actor=user_of(request), team_id=team.pk)
    if request.method == "POST" and coverage_refusal:
        raise PermissionDenied(coverage_refusal)
    if request.method == "POST" and form.is_valid():
        try:
            services.coverage_requirement_set(team=team, actor=user_of(request), **form.cleaned_data)
        except DomainError as exc:
            form_error(form, exc)
        else:
            messages.success(request, "Coverage requirement saved.")
            return redirect(f"{reverse('staffing:coverage')}?team={team.code}")
    now, nxt = selectors.coverage(team)
    return render(
        request,
        "staffing/coverage.html",
        {
            "team": team,
            "teams": team_choices(),
            "views": [now, nxt],
            "form": form,
            "rota_refusal": coverage_refusal,
            "breadcrumbs": crumbs(("Coverage", None)),
        },
    )


# ---------------------------------------------------------------- training
@supervisors_only
def training(request: HttpRequest) -> HttpResponse:
    team = team_of(request)
    actor = user_of(request)
    form = TrainingForm(request.POST or None, team=team, actor=actor)
    if request.method == "POST" and form.is_valid():
        try:
            services.training_record_add(actor=actor, **form.cleaned_data)
        except DomainError as exc:
            form_error(form, exc)
        else:
            messages.success(request, "Training recorded.")
            return redirect(f"{reverse('staffing:training')}?team={team.code}")
    today = timezone.localdate()
    return render(
        request,
        "staffing/training.html",
        {
            "team": team,
            "teams": team_choices(),
            "today": today,
            "expiring": selectors.training_expiring(team, today=today),
            "records": selectors.training_for_team(team),
            "form": form,
            # The form only where this person may record training: their own team, or any as a manager.
            "may_record": staffing_rules.team_scope_refusal(
                actor_role=actor.role, actor_team_id=actor.team_id, work_team_id=team.pk, what=""
            )
            is None,
            "breadcrumbs": crumbs(("Training", None)),
        },
    )
