"""Staffing pages: teams and moves, rota, coverage, training, allocation, workload, personnel notes.
Thin: permission check, form/selector, service call, redirect or render."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Model
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from config import fields as bounded
from config.access import roles_required
from config.exceptions import DomainError
from config.listing import safe_next
from config.permissions import Role
from config.registry import mopi_review_items_for, rule_uses_for, subject_access_for
from staffing import rules as staffing_rules
from staffing import selectors, services
from staffing.access_audit import (
    AccessLogFilter,
    access_log_csv_rows,
    access_log_record_types,
    access_log_search,
    purpose_from,
)
from staffing.api.files import record_file_response
from staffing.authentication import api_key_works
from staffing.filters import RuleFilter
from staffing.forms import (
    AbsenceForm,
    AccessLogFilterForm,
    AllocateForm,
    CoverageForm,
    PersonnelNoteForm,
    RecordFileForm,
    RecordFileWithdrawForm,
    ShiftAssignForm,
    SubjectAccessForm,
    TeamMoveForm,
    TrainingForm,
)
from staffing.models import Allocation, ApiKey, PersonnelNote, Rule, Skill, Team, User
from staffing.permissions import can_view_personnel_notes
from staffing.records import RecordKind, record_kind
from staffing.services import files
from staffing.services.rota import LONDON

View = Callable[..., HttpResponse]


# Every staffing page but personnel notes is for supervisors (sergeant, manager, admin).
supervisors_only = roles_required(*Role.SUPERVISORS)


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _team(request: HttpRequest) -> Team:
    team = selectors.team_for(_user(request), request.GET.get("team") or request.POST.get("team"))
    if team is None:
        raise Http404("No team")
    return team


def _form_error(form: Form, exc: DomainError) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)


def _crumbs(*items: tuple[str, str | None]) -> list[dict[str, str | None]]:
    return [
        {"label": "Home", "url": reverse("home")},
        *({"label": label, "url": url} for label, url in items),
    ]


def _team_choices() -> list[Team]:
    return list(Team.objects.order_by("code").only("code", "name"))


# ---------------------------------------------------------------- teams and moves
@supervisors_only
def team_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "staffing/team_list.html",
        {"teams": selectors.team_list(), "breadcrumbs": _crumbs(("Teams", None))},
    )


@supervisors_only
def team_detail(request: HttpRequest, code: str) -> HttpResponse:
    team = get_object_or_404(Team.objects.select_related("sergeant"), code=code)
    actor = _user(request)
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
                _form_error(form, exc)
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
            "breadcrumbs": _crumbs(("Teams", reverse("staffing:team-list")), (team.code, None)),
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
    team = _team(request)
    actor = _user(request)
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
            _form_error(assign_form if action == "assign" else absence_form, exc)
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
            "teams": _team_choices(),
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
            "breadcrumbs": _crumbs(("Rota", None)),
        },
    )


# ---------------------------------------------------------------- coverage
@supervisors_only
def coverage(request: HttpRequest) -> HttpResponse:
    team = _team(request)
    form = CoverageForm(request.POST or None)
    coverage_refusal = services.rota_refusal(actor=_user(request), team_id=team.pk)
    if request.method == "POST" and coverage_refusal:
        raise PermissionDenied(coverage_refusal)
    if request.method == "POST" and form.is_valid():
        try:
            services.coverage_requirement_set(team=team, actor=_user(request), **form.cleaned_data)
        except DomainError as exc:
            _form_error(form, exc)
        else:
            messages.success(request, "Coverage requirement saved.")
            return redirect(f"{reverse('staffing:coverage')}?team={team.code}")
    now, nxt = selectors.coverage(team)
    return render(
        request,
        "staffing/coverage.html",
        {
            "team": team,
            "teams": _team_choices(),
            "views": [now, nxt],
            "form": form,
            "rota_refusal": coverage_refusal,
            "breadcrumbs": _crumbs(("Coverage", None)),
        },
    )


# ---------------------------------------------------------------- training
@supervisors_only
def training(request: HttpRequest) -> HttpResponse:
    team = _team(request)
    actor = _user(request)
    form = TrainingForm(request.POST or None, team=team, actor=actor)
    if request.method == "POST" and form.is_valid():
        try:
            services.training_record_add(actor=actor, **form.cleaned_data)
        except DomainError as exc:
            _form_error(form, exc)
        else:
            messages.success(request, "Training recorded.")
            return redirect(f"{reverse('staffing:training')}?team={team.code}")
    today = timezone.localdate()
    return render(
        request,
        "staffing/training.html",
        {
            "team": team,
            "teams": _team_choices(),
            "today": today,
            "expiring": selectors.training_expiring(team, today=today),
            "records": selectors.training_for_team(team),
            "form": form,
            # The form only where this person may record training: their own team, or any as a manager.
            "may_record": staffing_rules.team_scope_refusal(
                actor_role=actor.role, actor_team_id=actor.team_id, work_team_id=team.pk, what=""
            )
            is None,
            "breadcrumbs": _crumbs(("Training", None)),
        },
    )


# ---------------------------------------------------------------- workload and allocation
@supervisors_only
def workload(request: HttpRequest) -> HttpResponse:
    team = _team(request)
    return render(
        request,
        "staffing/workload.html",
        {
            "team": team,
            "teams": _team_choices(),
            "rows": selectors.workload_by_person(team),
            "allocations": selectors.allocations_open(team)[:200],
            "breadcrumbs": _crumbs(("Workload", None)),
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
    actor = _user(request)
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
            "suggestion": suggestion,
            "form": form,
            "history": history.order_by("-created_at", "-pk"),
            "breadcrumbs": _crumbs(("Workload", reverse("staffing:workload")), ("Allocate", None)),
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


# ---------------------------------------------------------------- personnel notes
@roles_required(*Role.ALL)  # who may see whose notes is decided per record (404 otherwise)
def personnel_notes(request: HttpRequest, user_id: int) -> HttpResponse:
    """A person's appraisal and welfare notes: their own sergeant and managers/admins only (anyone else
    gets 404, as for a record they may not know exists). Every view is logged."""
    actor = _user(request)

    def find() -> User:
        subject = get_object_or_404(User.objects.select_related("team"), pk=user_id)
        if not can_view_personnel_notes(actor, subject):
            raise Http404("No such person")
        return subject

    # Opened (and logged) before anything is read or added, whether the page is shown or posted to.
    subject = services.open_logged(
        user=actor,
        find=find,
        record_type="personnel_notes",
        label=str,
        purpose="Supervision",
        path=request.path,
    )
    form = PersonnelNoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.personnel_note_add(subject=subject, actor=actor, **form.cleaned_data)
        except DomainError as exc:
            _form_error(form, exc)
        else:
            messages.success(request, "Note added.")
            return redirect("staffing:personnel-notes", user_id=subject.pk)
    notes = PersonnelNote.objects.filter(subject=subject).select_related("written_by")
    crumbs: list[tuple[str, str | None]] = []
    if subject.team is not None:
        crumbs.append((subject.team.code, reverse("staffing:team-detail", args=[subject.team.code])))
    return render(
        request,
        "staffing/personnel_notes.html",
        {
            "subject": subject,
            "notes": notes,
            "form": form,
            "breadcrumbs": _crumbs(*crumbs, (str(subject), None)),
        },
    )


ACCESS_LOG_PAGE_SIZE = 50


@roles_required(Role.MANAGER, Role.ADMIN)
def access_log(request: HttpRequest) -> HttpResponseBase:
    """The auditor's report: views of restricted records per record and per user, filterable, paged,
    exportable as CSV (`?format=csv`, same filters)."""
    form = AccessLogFilterForm(request.GET or None, record_types=access_log_record_types())
    criteria = AccessLogFilter()
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        criteria = AccessLogFilter(
            record_type=d["record_type"],
            record_id=d["record_id"].strip(),
            username=d["username"].strip(),
            date_from=d["date_from"],
            date_to=d["date_to"],
        )
    rows = access_log_search(criteria)
    if form.is_bound and not form.is_valid():
        rows = rows.none()
    if request.GET.get("format") == "csv" and not form.errors:
        response = StreamingHttpResponse(access_log_csv_rows(rows.iterator()), content_type="text/csv")
        response["Content-Disposition"] = 'attachment; filename="access-log.csv"'
        return response
    page = Paginator(rows, ACCESS_LOG_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    return render(
        request,
        "staffing/access_log.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "breadcrumbs": _crumbs(("Access log", None)),
        },
        status=400 if form.errors else 200,
    )


# ---------------------------------------------------------------- data protection
@roles_required(Role.MANAGER, Role.ADMIN)
def mopi_review(request: HttpRequest) -> HttpResponse:
    """MoPI: records across Resolve (crimes, complaint cases) whose retention review date has come."""
    items = mopi_review_items_for(_user(request), timezone.localdate())
    return render(
        request,
        "staffing/mopi_review.html",
        {"items": items, "today": timezone.localdate(), "breadcrumbs": _crumbs(("MoPI review", None))},
    )


@roles_required(Role.MANAGER, Role.ADMIN)
def subject_access(request: HttpRequest) -> HttpResponse:
    """A subject access export for a named person across crimes and complaint cases (every app's
    `subject_access` hook); each export is logged in the access log with the purpose given."""
    form = SubjectAccessForm(request.GET or None)
    data = None
    if form.is_bound and form.is_valid():
        name = form.cleaned_data["name"].strip()
        data = subject_access_for(name, _user(request))
        services.access_log_record(
            user=_user(request),
            record_type="subject_access",
            record_id=name[:60],
            label=name,
            action="export",
            purpose=form.cleaned_data["purpose"] or "Subject access request",
            path=request.path,
        )
        if request.GET.get("format") == "json":
            body = json.dumps({"name": name, "records": data}, indent=2, default=str)
            response = HttpResponse(body, content_type="application/json")
            response["Content-Disposition"] = 'attachment; filename="subject-access.json"'
            return response
    sections = [
        {"app": app, "lists": [(key, rows) for key, rows in found.items() if isinstance(rows, list)]}
        for app, found in (data or {}).items()
    ]
    return render(
        request,
        "staffing/subject_access.html",
        {
            "form": form,
            "sections": sections,
            "found": any(rows for section in sections for _key, rows in section["lists"]),
            "searched": data is not None,
            "query": request.GET.urlencode(),
            "breadcrumbs": _crumbs(("Subject access", None)),
        },
        status=400 if form.errors else 200,
    )


# ---------------------------------------------------------------- the rule catalogue (issue 16 part 5)


@roles_required(*Role.ALL)
def rule_list(request: HttpRequest) -> HttpResponse:
    """Every rule Resolve cites, searchable and filterable by domain and verification (one query)."""
    filterset = RuleFilter(request.GET, queryset=selectors.rule_list())
    rules = list(filterset.qs) if filterset.is_valid() else []
    narrowed = any(request.GET.get(name) for name in filterset.filters)
    return render(
        request,
        "staffing/rule_list.html",
        {
            "form": filterset.form,
            "rules": rules,
            "total": len(rules),
            "narrowed": narrowed,
            "breadcrumbs": _crumbs(("Rules", None)),
        },
    )


@roles_required(*Role.ALL)
def rule_detail(request: HttpRequest, code: str) -> HttpResponse:
    """What a rule says, where it comes from, whether it is verified, what in Resolve rests on it and
    how it changed."""
    try:
        rule = selectors.rule_get(code=code)
    except Rule.DoesNotExist as exc:
        raise Http404(f"No rule {code} in the catalogue.") from exc
    if rule.code != code:
        return redirect("staffing:rule-detail", code=rule.code)
    uses = [
        {"use": use, "url": use.url() if use.open_to(request.user) else ""}
        for use in rule_uses_for(rule.code)
    ]
    return render(
        request,
        "staffing/rule_detail.html",
        {
            "rule": rule,
            "uses": uses,
            "changes": selectors.rule_changes(rule),
            "breadcrumbs": _crumbs(("Rules", reverse("staffing:rule-list")), (rule.code, None)),
        },
    )


# ---------------------------------------------------------------- profile and API key
@roles_required(*Role.ALL)
def profile(request: HttpRequest) -> HttpResponse:
    """Who you are, and your API key: make or rotate it here (shown once, never stored), or revoke it.
    Nobody else can make a key for you, so nobody else can act as you through the API."""
    actor = _user(request)
    new_key = ""
    if request.method == "POST":
        action = request.POST.get("action")
        api_key = ApiKey.objects.filter(user=actor).first()
        if action == "issue":
            new_key = services.api_key_issue(user=actor, actor=actor)
        elif action == "revoke" and api_key is not None:
            services.api_key_revoke(api_key=api_key, actor=actor, reason="Revoked by its owner")
            messages.success(request, "Your API key is revoked. It no longer works.")
            return redirect("staffing:profile")
        else:
            return redirect("staffing:profile")
    api_key = ApiKey.objects.filter(user=actor).select_related("revoked_by").first()
    response = render(
        request,
        "staffing/profile.html",
        {
            "person": actor,
            "api_key": api_key,
            "key_works": api_key is not None and api_key_works(api_key),
            "new_key": new_key,
            "breadcrumbs": _crumbs(("Your profile", None)),
        },
    )
    if new_key:  # the key is on this page only: never cached anywhere
        response["Cache-Control"] = "no-store"
    return response


# ---------------------------------------------------------------- files on records (issue 22 part 6)
# Any signed-in role may ask; the record kind's own need-to-know (its `open`) answers 404 to anyone who
# may not see the record, and logs the access (a download always).
any_role = roles_required(*Role.ALL)


def _record_open(request: HttpRequest, key: str, pk: int, action: str) -> tuple[RecordKind, Any]:
    kind = record_kind(key)
    record = kind.open(
        user=_user(request),
        pk=pk,
        purpose=purpose_from(request, f"{kind.label} files"),
        path=request.path,
        action=action,
    )
    return kind, record


def _files_page(
    request: HttpRequest,
    kind: RecordKind,
    record: Any,
    *,
    form: RecordFileForm | None = None,
    withdraw: tuple[int, RecordFileWithdrawForm] | None = None,
) -> HttpResponse:
    bound = bool((form is not None and form.errors) or withdraw is not None)
    context = {
        "kind": kind,
        "record": record,
        "reference": kind.reference(record),
        "record_url": kind.url(record),
        "upload_form": form,
        "withdraw": withdraw,
        "title": f"Files on {kind.label.lower()} {kind.reference(record)}",
    }
    return render(request, "staffing/record_files.html", context, status=400 if bound else 200)


@any_role
def record_files(request: HttpRequest, key: str, pk: int) -> HttpResponse:
    """The files on a record (GET), or a new one uploaded to it (POST): the same service as the API."""
    if request.method != "POST":
        kind, record = _record_open(request, key, pk, "view")
        return _files_page(request, kind, record)
    kind, record = _record_open(request, key, pk, "upload")
    form = RecordFileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            row = files.record_file_upload(
                kind=kind,
                record=record,
                actor=_user(request),
                upload=form.cleaned_data["file"],
                description=form.cleaned_data["description"],
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(
                request, f"{row.name} is attached to {kind.label.lower()} {kind.reference(record)}."
            )
            return redirect(safe_next(request, kind.url(record)) + "#files")
    return _files_page(request, kind, record, form=form)


@any_role
def record_file_download(request: HttpRequest, key: str, pk: int, file_id: int) -> StreamingHttpResponse:
    kind, record = _record_open(request, key, pk, "download")
    row = selectors.record_file_get(key=kind.key, record_id=kind.record_id(record), file_id=file_id)
    return record_file_response(row)


@any_role
def record_file_withdraw(request: HttpRequest, key: str, pk: int, file_id: int) -> HttpResponse:
    if request.method != "POST":
        return redirect("staffing:record-files", key=key, pk=pk)
    kind, record = _record_open(request, key, pk, "withdraw")
    form = RecordFileWithdrawForm(request.POST, prefix=f"withdraw-{file_id}")
    if form.is_valid():
        try:
            row = files.record_file_withdraw(
                kind=kind,
                record=record,
                file_id=file_id,
                actor=_user(request),
                reason=form.cleaned_data["reason"],
            )
        except DomainError as error:
            form.add_error("reason" if error.field == "reason" else None, error.message)
        else:
            messages.success(
                request, f"{row.name} is withdrawn. It is kept, with the reason, in the file's history."
            )
            return redirect(safe_next(request, kind.url(record)) + "#files")
    return _files_page(request, kind, record, withdraw=(file_id, form))
