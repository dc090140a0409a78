"""Running the case at any stage: suspension and resumption, letters, confirming who a subject is, naming
who an allegation is about from the roster.
(`complaints.actions` collects every stage in the page's order.)"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from complaints import forms, permissions
from complaints.actions.spec import (
    SUSPENSION,
    ActionSpec,
    int_of,
    letter_kind,
    needs_user,
    version_of,
)
from complaints.models import CaseAction, RosterPerson, Subject, SubjectAlert
from complaints.rules import actions as action_rules
from complaints.services.people import subject_confirm
from complaints.services.subjects import allegation_subject_attach
from complaints.services.suspension import case_resume, case_suspend
from config.exceptions import DomainError
from staffing.models import User
from staffing.services.letters import letter_draft


@dataclass(frozen=True)
class SubjectNamed:
    """A person on the roster named on some of a case's allegations: the subject they are on the case, the
    allegations chosen, and how many repeat-subject alerts about them those allegations are in."""

    subject: Subject
    person: RosterPerson
    allegations: tuple[int, ...]
    alerts: int


def _roster_person(data: dict[str, Any]) -> None:
    # The page finds the person by collar number or name, the API by collar number: both pass them in.
    if not isinstance(data.get("person"), RosterPerson):
        raise DomainError("Choose who it is, from the roster.", field="person")


def _subject_attach(case_id: int, actor: User, d: dict[str, Any]) -> SubjectNamed:
    person, allegations = d["person"], tuple(d.get("allegations") or ())
    subject = allegation_subject_attach(
        case_id=case_id,
        actor=actor,
        person=person,
        allegation_ids=allegations,
        kind=d.get("kind") or Subject.Kind.OFFICER,
        subject_id=d.get("subject"),
    )
    alerts = SubjectAlert.objects.filter(allegations__in=allegations, person=person).distinct().count()
    return SubjectNamed(subject=subject, person=person, allegations=allegations, alerts=alerts)


def _named(n: SubjectNamed) -> str:
    plural = "s" if len(n.allegations) > 1 else ""
    return f"{n.person} named on the allegation{plural}." + (
        f" Repeat-subject alerts about them: {n.alerts}." if n.alerts else ""
    )


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
    ActionSpec(
        name="subject_attach",
        label="Name who an allegation is about, from the roster",
        button="Name them on the allegations",
        form=forms.SubjectAttachForm,
        section="subjects",
        page="complaints:subject-attach",
        precondition=action_rules.allegations_any_status,
        who=permissions.can_list,
        who_refusal="Only complaints staff can name an allegation's subject.",
        # The case log's "Case details edited", with who was named on which allegations.
        log=CaseAction.Kind.EDITED,
        api="complaint-case-allegation-subjects",
        initial=lambda case: {},
        check=_roster_person,
        handler=_subject_attach,
        done=_named,
    ),
)
