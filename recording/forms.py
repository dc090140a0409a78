from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.forms import formset_factory
from django.urls import reverse_lazy
from django.utils import timezone

from config import fields as bounded
from config.inputs import MAX_ITEMS
from recording import rules, selectors
from recording.models import (
    AwaitingVictim,
    CancellationCriterion,
    ContactMethod,
    Crime,
    CrimeVictim,
    Enquiry,
    Force,
    Grade,
    HomeOfficeOutcome,
    NsirCode,
    VictimNotice,
    VictimUpdate,
)
from staffing.models import ReasonableAdjustment, User

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


def offence_code_for(typed: str) -> str:
    """The offence a recorder means by what they typed: a class or Home Office offence code as it is,
    else the one offence whose title (or legislation, or category) holds the words; several or none is
    a field error that lists what matched, so the form works without JavaScript too."""
    typed = typed.strip()
    choices = selectors.offence_search(typed)
    for choice in choices:
        if choice.code.casefold() == typed.casefold():
            return choice.code
    # An offence's exact title always wins over the others that merely hold its words.
    titled = [c for c in choices if c.title.casefold() == typed.casefold()]
    if len(titled) == 1:
        return titled[0].code
    if len(choices) == 1:
        return choices[0].code
    if not choices:
        raise forms.ValidationError(f'No offence matches "{typed}": type part of its title, or its code.')
    shown = "; ".join(f"{c.code} {c.title}" for c in choices[:8])
    more = f" and {len(choices) - 8} more" if len(choices) > 8 else ""
    raise forms.ValidationError(
        f'{len(choices)} offences match "{typed}": {shown}{more}. Type the code you mean.'
    )


def force_code_for(typed: str) -> str:
    """A force's code from its code or its name in the force directory ("Kent Police", "kent", "KT");
    our own force by its code. A code the directory does not hold is kept as typed (upper case): the
    decision then names the force to add before a transfer."""
    typed = typed.strip()
    if typed.upper() == settings.RESOLVE_FORCE_CODE:
        return typed.upper()
    by_code = Force.objects.filter(code__iexact=typed).values_list("code", flat=True).first()
    if by_code:
        return by_code
    named = list(Force.objects.filter(name__icontains=typed).values_list("code", "name")[:6])
    exact = [code for code, name in named if name.casefold() == typed.casefold()]
    if exact or len(named) == 1:
        return exact[0] if exact else named[0][0]
    if len(named) > 1:
        listed = "; ".join(f"{code} {name}" for code, name in named)
        raise forms.ValidationError(f'Several forces match "{typed}": {listed}. Type the code you mean.')
    if " " in typed or len(typed) > 12:
        raise forms.ValidationError(f'No force in the directory matches "{typed}".')
    return typed.upper()


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format=DATETIME_FORMAT, **kwargs)


def when_field(label: str, *, required: bool = True, help_text: str = "") -> forms.DateTimeField:
    return bounded.DateTimeField(
        label=label,
        required=required,
        widget=LocalDateTimeInput(),
        input_formats=[DATETIME_FORMAT, "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
        help_text=help_text or "Europe/London time.",
    )


GRADE_CHOICES = [("", "Not graded"), *Grade.choices]


# ---------------------------------------------------------------- the recording decision screen


class ReportForm(forms.Form):
    reported_at = when_field(
        "Reported at",
        required=False,
        help_text="When the report first reached the force (the NCRS 24-hour clock starts here). From an "
        "incident: its opening, filled in; left blank, the incident's opening is used.",
    )
    reported_at_reason = forms.CharField(
        label="Why the report time differs from the incident's opening",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        required=False,
        help_text="Only when you change the time from the incident's opening: the clock then runs from "
        "your time, and both times and this reason are kept on the crime (R-NCRS-24H).",
    )
    force = forms.CharField(
        label="Our force",
        max_length=120,
        initial=settings.RESOLVE_FORCE_CODE,
        widget=forms.TextInput(attrs={"list": "force-options", "autocomplete": "off"}),
        help_text="Its name or code.",
    )
    location_force = forms.CharField(
        label="Force area where it happened",
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"list": "force-options", "autocomplete": "off"}),
        help_text="Its name or code (e.g. Kent Police or KT). Leave blank if it happened in our area.",
    )
    reporter = forms.ChoiceField(
        label="Who made the report",
        choices=AwaitingVictim.Reporter.choices,
        initial=AwaitingVictim.Reporter.VICTIM,
        required=False,
        help_text="Someone other than the victim: the crime may wait until the victim is spoken to.",
    )
    incident_reference = forms.CharField(
        label="Incident reference",
        max_length=40,
        required=False,
        help_text="The command-and-control log entry.",
    )
    summary = forms.CharField(label="Summary", widget=forms.Textarea, required=False)
    location = forms.CharField(label="Location", max_length=300, required=False)
    grade = forms.ChoiceField(label="THRIVE grade", choices=GRADE_CHOICES, required=False)
    domestic_abuse = forms.BooleanField(label="Domestic abuse", required=False)
    hate_crime = forms.BooleanField(label="Hate crime", required=False)
    safeguarding_referral = forms.BooleanField(label="Safeguarding referral made", required=False)
    separate_crime = forms.BooleanField(
        label="This is a separate crime",
        required=False,
        help_text="Only when the incident already has a live crime for the same victim and offence.",
    )
    separate_crime_reason = forms.CharField(
        label="Why it is a separate crime", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    # One key per decision form (made when the page is first shown): a second Record of the same form
    # (Back and resubmit, a double click) records nothing new and shows the crimes already recorded.
    idempotency_key = forms.CharField(widget=forms.HiddenInput, max_length=200, required=False)

    def clean_force(self) -> str:
        return force_code_for(self.cleaned_data["force"])

    def clean_location_force(self) -> str:
        return (
            force_code_for(self.cleaned_data["location_force"]) if self.cleaned_data["location_force"] else ""
        )

    def clean_reporter(self) -> str:
        # Not given (a form from before the field existed): the victim reported it, as the API's default.
        return self.cleaned_data.get("reporter") or AwaitingVictim.Reporter.VICTIM


class VictimRowForm(forms.Form):
    ref = forms.CharField(label="Victim ref", max_length=20, help_text="e.g. V1")
    kind = forms.ChoiceField(label="Kind", choices=[(k.value, k.value.title()) for k in rules.VictimKind])
    name = forms.CharField(label="Name", max_length=200, required=False)
    date_of_birth = bounded.DateField(
        label="Date of birth", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    age = forms.IntegerField(label="Age (years)", min_value=0, max_value=130, required=False)
    contact = forms.CharField(label="Contact", max_length=300, required=False)
    vulnerable = forms.BooleanField(label="Vulnerable", required=False)
    unreachable = forms.BooleanField(label="Cannot be identified or traced", required=False)
    # Unticked (the usual case, and a form from before the field) the victim supports police action.
    no_police_action = forms.BooleanField(
        label="Does not want police action",
        required=False,
        help_text="The crime is still recorded (R-NCRS-VICTIM-BELIEF); their view is kept on it.",
    )


class AllegationRowForm(forms.Form):
    ref = forms.CharField(label="Allegation ref", max_length=20, help_text="e.g. A1")
    victim = forms.CharField(
        label="Victim ref", max_length=20, required=False, help_text="Blank: no specific victim."
    )
    offence = forms.CharField(
        label="Offence",
        max_length=120,
        help_text="Type part of its title or its code (assault, burglary, 8N) and choose from the list.",
        widget=forms.TextInput(
            attrs={
                "list": "offence-options",
                "autocomplete": "off",
                # With JavaScript, the list narrows to what was typed (titles, codes, legislation).
                "hx-get": reverse_lazy("recording:offence-options"),
                "hx-trigger": "input changed delay:250ms",
                "hx-target": "#offence-options",
                "hx-swap": "innerHTML",
            }
        ),
    )
    incident = forms.CharField(label="Incident label", max_length=40, initial="I1")
    victim_contacted = forms.BooleanField(label="Victim spoken to", required=False, initial=True)
    believed = forms.BooleanField(
        label="Believed",
        required=False,
        initial=True,
        help_text="On the balance of probability; untick only for credible evidence it did not happen.",
    )
    avi_no_crime = forms.BooleanField(label="AVI shows no crime", required=False)
    offenders = forms.CharField(
        label="Offender refs", max_length=200, required=False, help_text="Comma-separated, e.g. O1"
    )

    def clean_offence(self) -> str:
        return offence_code_for(self.cleaned_data["offence"])

    def clean_offenders(self) -> list[str]:
        raw = self.cleaned_data.get("offenders") or ""
        return [p.strip() for p in raw.split(",") if p.strip()]


class OffenderRowForm(forms.Form):
    ref = forms.CharField(label="Offender ref", max_length=20)
    name = forms.CharField(label="Name", max_length=200, required=False)
    identified = forms.BooleanField(label="Identified", required=False)
    description = forms.CharField(label="Description", max_length=300, required=False)


class AwaitingRecordForm(forms.Form):
    note = forms.CharField(
        label="What the victim said",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The victim confirms the account: the crimes are decided again and recorded.",
    )


class AwaitingCloseForm(forms.Form):
    reason = forms.CharField(
        label="Why no crime is to be recorded",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: the victim, spoken to, says nothing happened (their account decides).",
    )


# At most MAX_ITEMS rows, as the API allows (config.inputs): a posted count cannot make the page build
# thousands of forms.
VictimFormSet = formset_factory(VictimRowForm, extra=0, min_num=0, max_num=MAX_ITEMS, validate_max=True)
AllegationFormSet = formset_factory(
    AllegationRowForm, extra=0, min_num=1, validate_min=True, max_num=MAX_ITEMS, validate_max=True
)
OffenderFormSet = formset_factory(OffenderRowForm, extra=0, min_num=0, max_num=MAX_ITEMS, validate_max=True)


# ---------------------------------------------------------------- crime list


class CrimeFilterForm(forms.Form):
    q = forms.CharField(label="Crime number, incident or words", required=False)
    status = forms.ChoiceField(label="Status", choices=[("", "Any"), *Crime.Status.choices], required=False)
    offence = forms.CharField(label="Offence code", required=False, max_length=12)
    mine = forms.BooleanField(label="Only mine", required=False)
    breach = forms.BooleanField(label="Only NCRS breaches", required=False)
    recorded_from = bounded.DateField(
        label="Recorded from",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    recorded_to = bounded.DateField(
        label="Recorded to", required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )


# ---------------------------------------------------------------- actions on a crime


class ReclassifyForm(forms.Form):
    offence = forms.CharField(label="New offence code", max_length=12)
    reason = forms.CharField(label="Why the facts now point to this class", widget=forms.Textarea)


class DecideForm(forms.Form):
    approve = forms.TypedChoiceField(
        label="Decision",
        choices=[("yes", "Approve"), ("no", "Reject")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label="Reason for the decision", widget=forms.Textarea, required=False)


class CancellationDecideForm(DecideForm):
    victim_informed = forms.BooleanField(label="The victim has been told of the decision", required=False)


class CancellationForm(forms.Form):
    criterion = forms.ModelChoiceField(
        label="HOCR Section C criterion",
        queryset=CancellationCriterion.objects.exclude(code="C1"),
        to_field_name="code",
        help_text="C1 (transfer) follows an accepted transfer: use Transfer instead.",
    )
    evidence = forms.CharField(label="Evidence the criterion needs", widget=forms.Textarea)
    avi = forms.CharField(
        label="Additional verifiable information (C2)",
        widget=forms.Textarea,
        required=False,
        help_text="The checkable fact itself (e.g. what the CCTV shows). Withdrawal of support is not AVI.",
    )
    duplicate_of = forms.CharField(label="Surviving crime number (C3)", max_length=40, required=False)


FORCE_INPUT = forms.TextInput(attrs={"list": "force-options", "autocomplete": "off"})


class TransferOutForm(forms.Form):
    force = forms.CharField(
        label="Force",
        max_length=120,
        widget=FORCE_INPUT,
        help_text="Its name (e.g. Kent Police) or its code in the force directory.",
    )
    reason = forms.CharField(label="Why it belongs to that force", widget=forms.Textarea)

    def clean_force(self) -> str:
        return force_code_for(self.cleaned_data["force"])


class TransferInForm(forms.Form):
    force = forms.CharField(
        label="Sending force",
        max_length=120,
        widget=FORCE_INPUT,
        help_text="Its name (e.g. Kent Police) or its code in the force directory.",
    )
    their_reference = forms.CharField(label="Sending force's reference", max_length=60)
    offence = forms.CharField(label="Offence code", max_length=12)
    reported_at = when_field("Reported at (to the sending force)")
    summary = forms.CharField(label="Summary", widget=forms.Textarea, required=False)
    victim_name = forms.CharField(label="Victim's name", max_length=200, required=False)

    def clean_force(self) -> str:
        return force_code_for(self.cleaned_data["force"])


class TransferDecideForm(forms.Form):
    accept = forms.TypedChoiceField(
        label="Decision",
        choices=[("yes", "Accepted"), ("no", "Rejected")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    their_reference = forms.CharField(
        label="Receiving force's reference",
        max_length=60,
        required=False,
        help_text="Needed when an outgoing transfer is accepted.",
    )
    note = forms.CharField(label="Note", widget=forms.Textarea, required=False)


class OutcomeForm(forms.Form):
    outcome = forms.ModelChoiceField(
        label="Home Office outcome", queryset=HomeOfficeOutcome.objects.all(), to_field_name="code"
    )
    reason = forms.CharField(label="Reason", widget=forms.Textarea)


class AssessmentForm(forms.Form):
    grade = forms.ChoiceField(label="THRIVE grade", choices=GRADE_CHOICES, required=False)
    thrive_notes = forms.CharField(label="THRIVE notes", widget=forms.Textarea, required=False)
    vulnerable_victim = forms.BooleanField(label="Vulnerable victim", required=False)
    domestic_abuse = forms.BooleanField(label="Domestic abuse", required=False)
    hate_crime = forms.BooleanField(label="Hate crime", required=False)
    safeguarding_referral = forms.BooleanField(label="Safeguarding referral made", required=False)
    safeguarding_notes = forms.CharField(label="Safeguarding notes", widget=forms.Textarea, required=False)
    solvability = forms.ChoiceField(label="Solvability screening", choices=Crime.Solvability.choices)
    solvability_factors = forms.CharField(
        label="Solvability factors",
        required=False,
        help_text="Comma-separated, e.g. CCTV, named suspect, forensics",
    )
    solvability_reason = forms.CharField(label="Screening reason", widget=forms.Textarea, required=False)
    victim_view = forms.ChoiceField(label="Victim's view", choices=Crime.VictimView.choices, required=False)
    victim_view_evidence = forms.CharField(
        label="How the view was obtained", widget=forms.Textarea, required=False
    )
    reason = forms.CharField(label="Reason for the change", max_length=300)
    # The version the person loaded: a save after someone else's is refused (config.concurrency).
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def clean_solvability_factors(self) -> list[str]:
        raw = self.cleaned_data.get("solvability_factors") or ""
        return [p.strip() for p in raw.split(",") if p.strip()]


def adjustments_field() -> forms.MultipleChoiceField:
    """The victim's reasonable adjustments: the one list complainants' are chosen from."""
    return forms.MultipleChoiceField(
        label="Reasonable adjustments (the format letters to the victim need)",
        choices=ReasonableAdjustment.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


def adjustment_notes_field() -> forms.CharField:
    return forms.CharField(
        label="Notes on the adjustments (e.g. the language)",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )


class SuspectForm(forms.Form):
    name = forms.CharField(label="Name", max_length=200, required=False)
    identified = forms.BooleanField(label="Identified", required=False)
    description = forms.CharField(label="Description", widget=forms.Textarea, required=False)
    reason = forms.CharField(label="Reason", max_length=300, initial="Suspect added")


class VictimForm(forms.Form):
    kind = forms.ChoiceField(label="Kind", choices=CrimeVictim.Kind.choices)
    name = forms.CharField(label="Name", max_length=200)
    date_of_birth = bounded.DateField(
        label="Date of birth", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    contact = forms.CharField(label="Contact", max_length=300, required=False)
    vulnerable = forms.BooleanField(label="Vulnerable", required=False)
    adjustments = adjustments_field()
    adjustment_notes = adjustment_notes_field()
    reason = forms.CharField(label="Reason", max_length=300, initial="Victim added")


class VictimUpdateForm(forms.Form):
    victim = forms.ModelChoiceField(label="Victim", queryset=CrimeVictim.objects.none(), required=False)
    contacted_at = when_field("Contacted at", help_text="Europe/London time; now unless you say otherwise.")
    method = forms.ChoiceField(label="Method", choices=VictimUpdate.Method.choices)
    summary = forms.CharField(label="What the victim was told", widget=forms.Textarea)

    def __init__(self, *args: Any, crime: Crime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["victim"].queryset = crime.victims.all()  # type: ignore[attr-defined]
        # Most updates are logged as they are made: the contact time starts at now.
        self.fields["contacted_at"].initial = timezone.localtime().replace(second=0, microsecond=0)


class EnquiryForm(forms.Form):
    kind = forms.ChoiceField(label="Enquiry", choices=Enquiry.Kind.choices)
    details = forms.CharField(label="Details", widget=forms.Textarea, required=False)
    assigned_to = forms.ModelChoiceField(
        label="Assigned to",
        queryset=User.objects.filter(is_active=True, role__in=["investigator", "sergeant", "recorder"]),
        required=False,
    )
    due_at = when_field("Due by", required=False)


class EnquiryUpdateForm(forms.Form):
    status = forms.ChoiceField(label="Status", choices=Enquiry.Status.choices)
    result = forms.CharField(label="Result", widget=forms.Textarea, required=False)


class AppointmentForm(forms.Form):
    officer = forms.ModelChoiceField(
        label="Officer or investigator",
        queryset=User.objects.filter(is_active=True, role__in=["investigator", "sergeant", "recorder"]),
    )
    victim = forms.ModelChoiceField(label="Victim", queryset=CrimeVictim.objects.none(), required=False)
    starts_at = when_field("Starts at")
    ends_at = when_field("Ends at")
    location = forms.CharField(label="Where", max_length=300, required=False)
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)

    def __init__(self, *args: Any, crime: Crime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["victim"].queryset = crime.victims.all()  # type: ignore[attr-defined]


class ForceForm(forms.Form):
    code = forms.CharField(label="Force code", max_length=12)
    name = forms.CharField(label="Name", max_length=120)
    transfer_email = forms.EmailField(label="Crime-transfer email", required=False)
    transfer_phone = forms.CharField(label="Crime-transfer phone", max_length=40, required=False)
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)
    last_verified = bounded.DateField(
        label="Contact details last verified", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(label="Reason for the change", max_length=300)


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label="New status",
        choices=[
            (Crime.Status.ALLOCATED, Crime.Status.ALLOCATED.label),
            (Crime.Status.UNDER_INVESTIGATION, Crime.Status.UNDER_INVESTIGATION.label),
        ],
        help_text="Finalise, cancel and transfer have their own actions and checks.",
    )
    owner = forms.ModelChoiceField(
        label="Owner",
        queryset=User.objects.filter(is_active=True, role="investigator"),
        required=False,
        help_text="Sergeants allocate: choose the investigator who owns the crime.",
    )
    reason = forms.CharField(label="Reason", max_length=300)


# ---------------------------------------------------------------- incidents opened in Resolve, links
def nsir_choices() -> list[tuple[str, Any]]:
    """NSIR codes by name, grouped by incident category (a plain select: works without JavaScript)."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for code in NsirCode.objects.order_by("incident_category", "title"):
        groups.setdefault(code.incident_category, []).append((code.code, code.title))
    return [("", "Choose what was reported"), *groups.items()]


class IncidentOpenForm(forms.Form):
    nsir_code = forms.ChoiceField(label="What was reported (NSIR code)", choices=())
    summary = forms.CharField(
        label="What the caller said", widget=forms.Textarea, help_text="The log narrative, in their words."
    )
    location = forms.CharField(label="Location", max_length=300, required=False)
    grade = forms.ChoiceField(label="THRIVE grade", choices=GRADE_CHOICES, required=False)
    opened_at = when_field(
        "Reported at",
        required=False,
        help_text="Europe/London time. Leave blank for now (a report taken as it is made).",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["nsir_code"].choices = nsir_choices()  # type: ignore[attr-defined]


class IncidentCrimeForm(forms.Form):
    """Link or unlink a crime on the incident page."""

    crime_number = forms.CharField(label="Crime number", max_length=40)
    reason = forms.CharField(label="Reason", widget=forms.Textarea(attrs={"rows": 2}))


class CrimeIncidentForm(forms.Form):
    """Link or unlink an incident on the crime page."""

    incident = forms.CharField(label="Incident reference", max_length=40)
    reason = forms.CharField(label="Reason", widget=forms.Textarea(attrs={"rows": 2}))


class VictimAgreementForm(forms.Form):
    """R-VCOP-RIGHT6: what was agreed with the victim (they may change it at any time)."""

    update_every_days = forms.IntegerField(
        label="Update the victim every (days)", min_value=1, max_value=90, initial=28
    )
    contact_method = forms.ChoiceField(
        label="How the victim wants to be contacted", choices=ContactMethod.choices
    )
    enhanced_rights = forms.ChoiceField(
        label="Enhanced rights (beside being recorded as vulnerable)",
        choices=CrimeVictim.EnhancedRights.choices,
        required=False,
        help_text=(
            "A victim with enhanced rights is told of key decisions within 1 working day, not 5 "
            "(R-VCOP-RIGHT6)."
        ),
    )
    adjustments = adjustments_field()
    adjustment_notes = adjustment_notes_field()


class VictimNoticeForm(forms.Form):
    kind = forms.ChoiceField(label="Decision", choices=VictimNotice.Kind.choices)
    decided_at = when_field("Decided at")
    reason = forms.CharField(
        label="What was decided and why, as the victim will be told", widget=forms.Textarea
    )


class VictimNoticeToldForm(forms.Form):
    told_at = when_field("Told at")
    method = forms.ChoiceField(label="How", choices=ContactMethod.choices)
    summary = forms.CharField(
        label="What the victim was told (optional: the decision and its reasons otherwise)",
        widget=forms.Textarea,
        required=False,
    )
