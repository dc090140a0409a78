"""Every write to complaint cases, by stage. Each service is atomic, keyword-only, takes the acting
user and writes a CaseAction row (who, when, what, why: C-LOG-ALL). Dates come from the pure rules
module. Callers use `from complaints import services` and `services.<name>`."""

from __future__ import annotations

from complaints.services.actions import case_action
from complaints.services.common import (
    EQUALITY_FIELDS,
    INVESTIGATION_ROUTES,
    SCHEDULE_3_ROUTES,
    case_open,
    initial_contact_working_days,
    retention_years,
)
from complaints.services.handling import (
    case_letter_sent,
    case_letter_undelivered,
    complaint_initial_contact,
    complaint_pcc_handle,
    complaint_record,
    complaint_refer_iopc,
    complaint_service_recovery,
    contact_log,
)
from complaints.services.intake import (
    COMPLAINANT_INPUT,
    allegation_add,
    complaint_create,
)
from complaints.services.outcomes import (
    complaint_close,
    complaint_discontinue,
    complaint_withdraw,
)
from complaints.services.people import (
    case_reassign,
    compliment_forward,
    compliment_recipient,
    lesson_create,
)
from complaints.services.public import (
    PublicSubmission,
    complainant_unmask,
    complaint_authority_record,
    public_complaint_submit,
)
from complaints.services.review import (
    recommendation_follow_up,
    review_decide,
    review_log,
)
from complaints.services.signposting import complaint_signpost
from complaints.services.triage import (
    complaint_facts_answer,
    complaint_triage_decide,
)

__all__ = [
    "COMPLAINANT_INPUT",
    "EQUALITY_FIELDS",
    "INVESTIGATION_ROUTES",
    "PublicSubmission",
    "SCHEDULE_3_ROUTES",
    "allegation_add",
    "case_action",
    "case_open",
    "case_reassign",
    "complainant_unmask",
    "complaint_authority_record",
    "complaint_close",
    "complaint_create",
    "complaint_discontinue",
    "complaint_facts_answer",
    "complaint_initial_contact",
    "complaint_pcc_handle",
    "complaint_record",
    "complaint_refer_iopc",
    "complaint_service_recovery",
    "complaint_signpost",
    "complaint_triage_decide",
    "complaint_withdraw",
    "compliment_forward",
    "compliment_recipient",
    "contact_log",
    "initial_contact_working_days",
    "lesson_create",
    "case_letter_sent",
    "case_letter_undelivered",
    "public_complaint_submit",
    "retention_years",
    "recommendation_follow_up",
    "review_decide",
    "review_log",
]
