"""Every non-trivial read of complaint cases, with need-to-know applied (C-DP-SHARING), by stage: the
caseload (cases.py), finding and exporting cases (search.py), triage of a stored case (triage.py), the
outcomes a route allows (outcomes.py), reporting (reporting.py) and subject access (access.py), re-exported
here: callers use `from complaints import selectors` and `selectors.<name>`; a module of the package
imports its siblings directly. Imported by module: alerts.py (repeat-subject alerts and the roster) and
reference.py (the time limits of reference/complaint_rules.json the pure rules are given)."""

from __future__ import annotations

from complaints.selectors.access import subject_access_data
from complaints.selectors.cases import (
    case_get_for_user,
    case_list_base,
    case_list_mine,
    case_list_overdue,
    case_list_rows,
    case_visible,
)
from complaints.selectors.outcomes import outcomes_for_route, review_results
from complaints.selectors.reporting import (
    REVIEW_LABELS,
    complaint_caseloads,
    daily_figures,
    learning_period,
    learning_report,
    learning_report_rows,
    period_bounds,
)
from complaints.selectors.search import EXPORT_HEADERS, case_export, case_search
from complaints.selectors.triage import (
    allegation_facts,
    case_assumptions,
    case_triage,
    case_triage_and_assumptions,
    case_triage_input,
    complaint_category_codes,
    fact_question,
    would_change_words,
)

__all__ = [
    "EXPORT_HEADERS",
    "REVIEW_LABELS",
    "allegation_facts",
    "case_assumptions",
    "case_export",
    "case_get_for_user",
    "case_list_base",
    "case_list_mine",
    "case_list_overdue",
    "case_list_rows",
    "case_search",
    "case_triage",
    "case_triage_and_assumptions",
    "case_triage_input",
    "case_visible",
    "complaint_caseloads",
    "complaint_category_codes",
    "daily_figures",
    "fact_question",
    "learning_period",
    "learning_report",
    "learning_report_rows",
    "outcomes_for_route",
    "period_bounds",
    "review_results",
    "subject_access_data",
    "would_change_words",
]
