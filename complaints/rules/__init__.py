"""Complaint triage and complaint deadlines: PURE rules (stdlib only, no Django, no DB, no I/O).

Every decision cites rule IDs of the rule catalogue (staffing/reference/rules.csv, from the domain
notes). Time limits come in as a `TimeLimits` value: `complaints.selectors.reference.time_limits()` reads them
from reference/complaint_rules.json (so a correction is a data change); `DEFAULT_TIME_LIMITS` mirrors
that file for callers that pass none (a test keeps the two equal).

Scope notes:
- C-COMPLIMENT: compliments are not complaints and are never triaged. `triage` answers a compliment
  passed in as `not_a_complaint=NotAComplaint.COMPLIMENT` with `eligible=False`, `route=None` and the
  advice to record it separately (C-COMPLIMENT).
- C-CONDUCT-MATTER / C-DSI are not complaints either; when the person may not complain about an
  allegation that would otherwise need recording, the explanation suggests passing it to DSE.
- Eligibility is decided per allegation: the complaint is eligible when the person may complain about
  at least one allegation; the others are listed in `ineligible_allegations` and take no part in the
  route (e.g. a witness's service complaint, C-ELIG-WITNESS / C-ELIG-NONCONDUCT).
- Dates are Europe/London calendar dates; "within N days" counts day 1 as the day after the event.

The package by stage: facts.py (what triage takes in and answers, the time limits), clocks.py (dates
and due dates), eligibility.py, triggers.py (serious injury, referral, must-record), reviews.py, triage.py
(the engine) and assumptions.py (facts taken at their default), re-exported here: callers use
`from complaints import rules` and `rules.<name>`; a module of the package imports its siblings directly.
Beside the engine, imported by module: actions.py (when each case action may be taken), alerts.py (which
repeat-subject thresholds an allegation crosses), roster.py (reading the roster CSV) and subject_match.py
(who a subject named by name only could be).
"""

from __future__ import annotations

from complaints.rules.assumptions import (
    ANSWERS,
    OPTIONAL_ALLEGATION_FACTS,
    OPTIONAL_COMPLAINANT_FACTS,
    Assumption,
    answers,
    assumptions,
    flip,
    optional_fact_paths,
)
from complaints.rules.clocks import (
    LONDON,
    add_months,
    first_update_due,
    initial_contact_due,
    investigation_report_due,
    local_date,
    more_than_months_ago,
    next_update_due,
    outcome_notice_due,
    outcome_notice_in_writing,
)
from complaints.rules.eligibility import allegation_eligibility
from complaints.rules.facts import (
    ADULT_AGE,
    DEFAULT_TIME_LIMITS,
    INJURY_PROMPT_CATEGORIES,
    MAX_AGE,
    NOT_A_COMPLAINT_ADVICE,
    SERIOUS_INJURY_DETAILS,
    AllegationFacts,
    Authority,
    Citation,
    Complainant,
    InjuryDetail,
    NotAComplaint,
    ReviewBody,
    Route,
    TimeLimits,
    TriageError,
    TriageInput,
    TriageResult,
)
from complaints.rules.reviews import (
    review_application_in_time,
    review_body,
    review_body_with_reason,
    review_deadline,
)
from complaints.rules.triage import triage
from complaints.rules.triggers import (
    RECORD_TRIGGER_WORDS,
    REFERRAL_CRITERIA_WORDS,
    criminal_or_disciplinary,
    death_or_serious_injury,
    is_serious_injury,
    needs_investigation,
    record_triggers,
    referral_criteria,
)

__all__ = [
    "ADULT_AGE",
    "ANSWERS",
    "DEFAULT_TIME_LIMITS",
    "INJURY_PROMPT_CATEGORIES",
    "LONDON",
    "MAX_AGE",
    "NOT_A_COMPLAINT_ADVICE",
    "OPTIONAL_ALLEGATION_FACTS",
    "OPTIONAL_COMPLAINANT_FACTS",
    "RECORD_TRIGGER_WORDS",
    "REFERRAL_CRITERIA_WORDS",
    "SERIOUS_INJURY_DETAILS",
    "add_months",
    "allegation_eligibility",
    "AllegationFacts",
    "answers",
    "Assumption",
    "assumptions",
    "Authority",
    "Citation",
    "Complainant",
    "criminal_or_disciplinary",
    "death_or_serious_injury",
    "first_update_due",
    "flip",
    "initial_contact_due",
    "InjuryDetail",
    "investigation_report_due",
    "is_serious_injury",
    "local_date",
    "more_than_months_ago",
    "needs_investigation",
    "next_update_due",
    "NotAComplaint",
    "optional_fact_paths",
    "outcome_notice_due",
    "outcome_notice_in_writing",
    "record_triggers",
    "referral_criteria",
    "review_application_in_time",
    "review_body",
    "review_body_with_reason",
    "review_deadline",
    "ReviewBody",
    "Route",
    "TimeLimits",
    "triage",
    "TriageError",
    "TriageInput",
    "TriageResult",
]
