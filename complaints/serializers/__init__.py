"""Input/Output serializers of the complaints API by stage (no business logic here). Callers use
`from complaints import serializers` and `serializers.<Name>`."""

from __future__ import annotations

from complaints.serializers.common import (
    Out,
    PlainChoiceField,
    choice_field,
)
from complaints.serializers.handling import (
    ActionIn,
    ContactIn,
)
from complaints.serializers.intake import (
    AllegationIn,
    CaseIn,
    ComplainantIn,
    SubjectIn,
)
from complaints.serializers.outcomes import (
    OutcomeIn,
)
from complaints.serializers.output import (
    ActionOut,
    AllegationOut,
    CaseDetailOut,
    CaseLetterOut,
    CaseListOut,
    ComplainantOut,
    ContactOut,
    RecommendationOut,
    ReviewOut,
    SignpostingOut,
    SubjectOut,
    SuspensionOut,
)
from complaints.serializers.review import (
    ReviewIn,
    ReviewResultIn,
)

__all__ = [
    "ActionIn",
    "ActionOut",
    "AllegationIn",
    "AllegationOut",
    "CaseDetailOut",
    "CaseIn",
    "CaseLetterOut",
    "CaseListOut",
    "ComplainantIn",
    "ComplainantOut",
    "ContactIn",
    "ContactOut",
    "Out",
    "OutcomeIn",
    "PlainChoiceField",
    "RecommendationOut",
    "ReviewIn",
    "ReviewOut",
    "ReviewResultIn",
    "SubjectIn",
    "SubjectOut",
    "SignpostingOut",
    "SuspensionOut",
    "choice_field",
]
