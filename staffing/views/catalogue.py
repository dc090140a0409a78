"""The rule catalogue (issue 16 part 5)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from config.access import roles_required
from config.permissions import Role
from config.registry import rule_uses_for
from staffing import selectors
from staffing.filters import RuleFilter
from staffing.models import Rule
from staffing.views.common import crumbs


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
            "breadcrumbs": crumbs(("Rules", None)),
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
            "breadcrumbs": crumbs(("Rules", reverse("staffing:rule-list")), (rule.code, None)),
        },
    )
