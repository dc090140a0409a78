"""Running the case at any stage: suspension and resumption, letters, confirming who a subject is.
(`complaints.actions` collects every stage in the page's order.)"""

from __future__ import annotations

from django.urls import reverse

from complaints import forms
from complaints.actions.spec import (
    SUSPENSION,
    ActionSpec,
    int_of,
    letter_kind,
    needs_user,
    version_of,
)
from complaints.models import CaseAction
from complaints.rules import actions as action_rules
from complaints.services.people import subject_confirm
from complaints.services.suspension import case_resume, case_suspend
from staffing.services.letters import letter_draft

SPECS: tuple[ActionSpec, ...] = (
    ActionSpec(
        name="suspend",
        label="Suspend handling",
        button="Suspend handling",
        form=forms.SuspendForm,
        section="suspension",
        precondition=action_rules.schedule_3_running,
        clock=SUSPENSION,
        log=CaseAction.Kind.SUSPENDED,
        handler=lambda case_id, actor, d: case_suspend(
            case_id=case_id,
            actor=actor,
            started_on=d.get("started_on"),
            reason=d.get("reason", ""),
            version=version_of(d),
        ),
        done=lambda s: "Handling suspended: the days until it resumes are left out of the IOPC figure.",
    ),
    ActionSpec(
        name="resume",
        label="Resume handling",
        button="Resume handling",
        form=forms.ResumeForm,
        section="suspension",
        precondition=action_rules.schedule_3_suspended,
        clock=SUSPENSION,
        log=CaseAction.Kind.RESUMED,
        handler=lambda case_id, actor, d: case_resume(
            case_id=case_id, actor=actor, ended_on=d.get("ended_on"), version=version_of(d)
        ),
        done=lambda s: f"Handling resumed after {(s.ended_on - s.started_on).days} days suspended.",
    ),
    ActionSpec(
        name="letter",
        label="Draft a letter",
        button="Draft letter",
        form=forms.LetterForm,
        section="letters",
        precondition=action_rules.complaint_any_status,
        log=CaseAction.Kind.LETTER,  # written when the drafted letter is issued (complaints.letters)
        initial=lambda case: {},
        check=letter_kind,
        # A letter is drafted from the template that fits the case (staffing's letters, issue 22).
        handler=lambda case_id, actor, d: letter_draft(
            record_type="complaint_case", record_id=case_id, actor=actor, purpose=d.get("kind") or ""
        ),
        done=lambda letter: f"{letter.get_purpose_display()} letter drafted: edit it, then issue it.",
        goes_to=lambda letter: reverse("staffing:letter", kwargs={"letter_id": letter.pk}),
    ),
    ActionSpec(
        name="subject_confirm",
        label="Confirm who a subject is",
        button="Confirm",
        form=forms.SubjectConfirmForm,
        section="subjects",
        per_item=True,
        precondition=action_rules.subjects_pending,
        log=CaseAction.Kind.SUBJECT_CONFIRMED,
        initial=lambda case: {},
        check=needs_user("person", "Choose who the subject is.", optional=True),
        handler=lambda case_id, actor, d: subject_confirm(
            case_id=case_id,
            subject_id=int_of(d.get("subject"), "subject"),
            actor=actor,
            person=d.get("person") or None,  # a User, or none of the possible matches
            reason=d.get("reason", ""),
        ),
        done=lambda subject: f"Confirmed who {subject.name} is.",
    ),
)
