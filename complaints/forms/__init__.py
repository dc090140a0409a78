"""HTML forms by stage. They check shapes only; every rule lives in services/rules. Callers use
`from complaints import forms` and `forms.<Name>`."""

from __future__ import annotations

from complaints.forms.alerts import AlertAnswerForm, RosterUploadForm, SubjectAttachForm
from complaints.forms.common import (
    ALLEGATION_QUESTIONS,
    COMPLAINANT_QUESTIONS,
    DATE,
    DATETIME,
    INJURY_CHOICES,
    NO_INJURY,
    NOT_ASKED,
    YES_NO,
    VersionForm,
    fact_field,
    injury_field,
    injury_value,
)
from complaints.forms.handling import (
    ContactForm,
    ForwardForm,
    InitialContactForm,
    LetterForm,
    PccForm,
    ReassignForm,
    RecordForm,
    ReferForm,
    ResumeForm,
    ServiceRecoveryForm,
    SubjectConfirmForm,
    SuspendForm,
)
from complaints.forms.intake import (
    AllegationForm,
    IntakeForm,
)
from complaints.forms.outcomes import (
    CloseForm,
    LessonForm,
    ReasonForm,
    SignpostForm,
)
from complaints.forms.public import (
    AuthorityForm,
    PublicComplaintForm,
    UnmaskForm,
    public_categories,
)
from complaints.forms.review import (
    REVIEW_RESULTS,
    RecommendationForm,
    ReviewForm,
    ReviewResultForm,
)
from complaints.forms.triage import (
    FactsForm,
    TriageForm,
)

__all__ = [
    "AlertAnswerForm",
    "RosterUploadForm",
    "SubjectAttachForm",
    "ALLEGATION_QUESTIONS",
    "AllegationForm",
    "AuthorityForm",
    "COMPLAINANT_QUESTIONS",
    "CloseForm",
    "ContactForm",
    "DATE",
    "DATETIME",
    "FactsForm",
    "ForwardForm",
    "INJURY_CHOICES",
    "InitialContactForm",
    "IntakeForm",
    "LessonForm",
    "LetterForm",
    "NOT_ASKED",
    "NO_INJURY",
    "PccForm",
    "PublicComplaintForm",
    "REVIEW_RESULTS",
    "ReasonForm",
    "SignpostForm",
    "ReassignForm",
    "RecommendationForm",
    "RecordForm",
    "ReferForm",
    "ResumeForm",
    "ReviewForm",
    "ReviewResultForm",
    "ServiceRecoveryForm",
    "SubjectConfirmForm",
    "SuspendForm",
    "TriageForm",
    "UnmaskForm",
    "VersionForm",
    "YES_NO",
    "fact_field",
    "injury_field",
    "injury_value",
    "public_categories",
]
