"""When each complaint case action may be taken (issue 22 House): pure functions of a snapshot of the
case, each giving the reason in words when the action is not open. No ORM, no I/O: the snapshot is
built by `complaints.actions.case_state`, and the specification in `complaints.actions` names one of
these per action; the dispatch (services.case_action) and the case page both ask it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# The routes under Schedule 3, and those that are investigations (complaints.models.Route values).
SCHEDULE_3 = frozenset(
    {"schedule_3_reasonable_and_proportionate", "schedule_3_investigation", "referred_to_iopc"}
)
INVESTIGATION = frozenset({"schedule_3_investigation", "referred_to_iopc"})


@dataclass(frozen=True)
class CaseState:
    """What the preconditions read about a case, as plain values."""

    reference: str = ""
    kind: str = "complaint"  # ComplaintCase.Kind value
    status: str = "open"  # ComplaintCase.Status value
    status_label: str = "Open"
    route: str = ""
    eligible: bool | None = None  # the recorded triage decision (None: not triaged yet)
    not_a_complaint: str = ""  # C-NOT-A-COMPLAINT reason code, or ""
    proposal_eligible: bool | None = None  # the engine's proposal, where the page worked it out
    contact_made: bool = False
    recorded: bool = False
    referred: bool = False
    about_chief_officer: bool = False
    suspended: bool = False
    review_right: bool = False
    has_review: bool = False
    awaiting_review_result: bool = False
    open_recommendations: bool = False
    pending_subjects: bool = False
    has_questions: bool | None = None  # triage facts left to ask; None where not worked out

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @property
    def is_compliment(self) -> bool:
        return self.kind == "compliment"

    @property
    def found_not_a_complaint(self) -> bool:
        """Triage says the matter is not a complaint, or the person may not complain (C-NOT-A-COMPLAINT,
        C-ELIG-NO): the recorded decision, or the proposal while none is recorded."""
        if self.not_a_complaint:
            return True
        return self.eligible is False or (self.eligible is None and self.proposal_eligible is False)


Precondition = Callable[[CaseState], str]


class Why(str):
    """A refusal in words that also names the field to blame (the API's 400 and the form's error)."""

    field: str

    def __new__(cls, message: str, field: str) -> Why:
        why = super().__new__(cls, message)
        why.field = field
        return why


def _open(s: CaseState) -> str:
    if not s.is_open:
        return f"Case {s.reference} is {s.status_label.lower()} and can no longer be edited."
    return ""


def open_case(s: CaseState) -> str:
    """Any open case."""
    return _open(s)


def open_complaint(s: CaseState) -> str:
    """An open complaint or expression of dissatisfaction (not a compliment)."""
    if s.is_compliment:
        return "A compliment has no complaint handling."
    return _open(s)


def open_compliment(s: CaseState) -> str:
    if not s.is_compliment:
        return "Only a compliment is forwarded to the officer's line manager."
    return _open(s)


def facts_to_ask(s: CaseState) -> str:
    return open_complaint(s) or (
        "Every triage fact that could change the proposal has been asked." if s.has_questions is False else ""
    )


def contact_not_made(s: CaseState) -> str:
    return open_complaint(s) or ("The initial contact has been made." if s.contact_made else "")


def not_recorded(s: CaseState) -> str:
    return open_complaint(s) or ("It is recorded under Schedule 3." if s.recorded else "")


def not_referred(s: CaseState) -> str:
    return open_complaint(s) or ("It has been referred to the IOPC." if s.referred else "")


def about_chief_officer(s: CaseState) -> str:
    return open_complaint(s) or (
        "" if s.about_chief_officer else "Only a complaint about the chief officer is handled by the PCC."
    )


def investigation(s: CaseState) -> str:
    return open_complaint(s) or (
        "" if s.route in INVESTIGATION else Why("Only an investigation can be discontinued.", "route")
    )


def review_application(s: CaseState) -> str:
    if s.is_open:
        return "A review application follows the outcome: the case is still open."
    if not s.review_right:
        return "The outcome carries no right of review."
    if s.has_review:
        return "A review application is already logged."
    return ""


def review_awaiting_result(s: CaseState) -> str:
    return "" if s.awaiting_review_result else "No review application awaits its result."


def recommendation_open(s: CaseState) -> str:
    return "" if s.open_recommendations else "No recommendation of an upheld review is open."


def schedule_3_running(s: CaseState) -> str:
    if problem := open_complaint(s):
        return problem
    if s.route not in SCHEDULE_3:
        return Why("Only a case handled under Schedule 3 can be suspended.", "route")
    return Why("Handling is already suspended; resume it first.", "started_on") if s.suspended else ""


def schedule_3_suspended(s: CaseState) -> str:
    return open_complaint(s) or ("" if s.suspended else Why("Handling is not suspended.", "ended_on"))


def complaint_any_status(s: CaseState) -> str:
    return "A compliment has no letters." if s.is_compliment else ""


def subjects_pending(s: CaseState) -> str:
    return "" if s.pending_subjects else "Every subject named by name only has been confirmed."


def signpostable(s: CaseState) -> str:
    """C-NOT-A-COMPLAINT, C-ELIG-NO: a matter for another organisation is signposted there; a complaint
    recorded under Schedule 3 must be handled, so it is not signposted away."""
    return open_complaint(s) or (
        "It is handled under Schedule 3, so it cannot be signposted away."
        if s.recorded or s.route in SCHEDULE_3
        else ""
    )


def signpost_suggested(s: CaseState) -> str:
    """Where triage says not a complaint or not eligible, signposting is the next step (in words)."""
    if signpostable(s) or not s.found_not_a_complaint:
        return ""
    if s.not_a_complaint:
        return "Triage found this is not a complaint: signpost the person to the organisation that can help."
    return (
        "Triage found the person may not complain about this: signpost them to the organisation that "
        "can help."
    )


def allegations_any_status(s: CaseState) -> str:
    """Who an allegation is about is worth knowing whenever it is learnt: open or closed, any case but a
    compliment, which has no allegations."""
    return Why("A compliment has no allegations.", "allegations") if s.is_compliment else ""
