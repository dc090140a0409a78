"""The case page's part on who each allegation is about (issue 23 part 3): `{% allegation_subjects %}` reads
complaints.selectors.alerts.case_allegation_subjects once for the page, with the viewer's need-to-know."""

from __future__ import annotations

from typing import Any

from django import template

from complaints.selectors.alerts import case_allegation_subjects

register = template.Library()


@register.inclusion_tag("complaints/alerts/_case_allegations.html", takes_context=True)
def allegation_subjects(context: template.Context, case: Any) -> dict[str, Any]:
    user = context["request"].user
    # The case page's actions taken on their own page (complaints.actions), open to this user now.
    offered = context.get("offered")
    pages = [spec for spec in getattr(offered, "pages", ()) if spec.section == "subjects"]
    return {"case": case, "rows": case_allegation_subjects(user=user, case=case), "pages": pages}
