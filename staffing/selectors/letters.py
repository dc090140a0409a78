"""Every non-trivial read of letters and templates (issue 22)."""

from __future__ import annotations

from typing import Any

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery

from staffing.models import Letter, LetterSend, LetterTemplate, LetterTemplateVersion, User

RECORD_TYPE_LABELS = {"complaint_case": "Complaint case", "crime": "Crime"}


def letter_template_list(*, record_type: str = "") -> QuerySet[LetterTemplate]:
    """Templates with their current version's subject and body, in one query."""
    current = LetterTemplateVersion.objects.filter(template=OuterRef("pk"), number=OuterRef("version"))
    qs = LetterTemplate.objects.annotate(
        current_subject=Subquery(current.values("subject")[:1]),
        current_body=Subquery(current.values("body")[:1]),
        current_at=Subquery(current.values("created_at")[:1]),
    )
    if record_type:
        qs = qs.filter(record_type=record_type)
    return qs.order_by("record_type", "purpose", "variant", "key")


def letter_template_get(*, template_id: int) -> LetterTemplate | None:
    return (
        LetterTemplate.objects.prefetch_related(
            Prefetch("versions", queryset=LetterTemplateVersion.objects.select_related("created_by"))
        )
        .filter(pk=template_id)
        .first()
    )


def _letters() -> QuerySet[Letter]:
    return Letter.objects.select_related(
        "template_version__template", "handler", "issued_by", "decided_by", "created_by"
    ).prefetch_related(Prefetch("sends", queryset=LetterSend.objects.order_by("-created_at", "-id")))


def letters_for_record(*, record_type: str, record_id: int) -> QuerySet[Letter]:
    """The letters about one record, newest first (the record's page lists them)."""
    return _letters().filter(record_type=record_type, record_id=record_id)


def letters_by_record(*, record_type: str, record_ids: list[int]) -> dict[int, list[Letter]]:
    """Letters about many records of one kind, in one query (subject access exports)."""
    out: dict[int, list[Letter]] = {pk: [] for pk in record_ids}
    for letter in Letter.objects.filter(record_type=record_type, record_id__in=record_ids).order_by(
        "created_at"
    ):
        out[letter.record_id].append(letter)
    return out


def letter_approval_queue(*, user: User) -> QuerySet[Letter]:
    """Letters awaiting a manager's approval, oldest first; a manager never approves their own."""
    return (
        _letters()
        .filter(status=Letter.Status.AWAITING_APPROVAL)
        .exclude(created_by=user)
        .exclude(handler=user)
        .order_by("updated_at", "id")
    )


def letter_get(*, letter_id: int) -> Letter | None:
    return _letters().filter(pk=letter_id).first()


def letter_summary(letter: Letter) -> dict[str, Any]:
    """How a letter's sending stands, in words (the record's page and the letter page)."""
    send = next(iter(letter.sends.all()), None)
    return {
        "status": letter.get_status_display(),
        "send": send.get_status_display() if send else "",
        "send_error": send.last_error if send else "",
    }
