"""Letter templates managers keep (issue 22 part 1): creating one, saving a new version (the old ones
kept), previewing against a real record, and putting back the templates Resolve ships."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from config.exceptions import DomainError
from staffing.letter_sources import LetterSource
from staffing.models import LetterTemplate, LetterTemplateVersion, User
from staffing.rules import letters as rules
from staffing.services.letters.common import (
    TEMPLATE_MANAGERS,
    _require_role,
    _values,
    letter_kind,
    letter_record_open,
)


# ---------------------------------------------------------------- templates
def _check_text(*, source: LetterSource, subject: str, body: str) -> None:
    if not subject.strip():
        raise DomainError("Give the template a subject (the letter's heading).", field="subject")
    if not body.strip():
        raise DomainError("The template has no text.", field="body")
    names = source.names()
    for field, text in (("subject", subject), ("body", body)):
        problems = rules.template_problems(text, names)
        if problems:
            raise DomainError(" ".join(p.message for p in problems), field=field)


def _check_conditions(*, source: LetterSource, conditions: list[str]) -> list[str]:
    cleaned = [c.strip() for c in conditions if c and c.strip()]
    unknown = rules.conditions_problems(cleaned, [key for key, _ in source.states])
    if unknown:
        raise DomainError(f"Unknown record state {', '.join(unknown)}.", field="conditions")
    return cleaned


@transaction.atomic
def letter_template_create(
    *,
    actor: User,
    key: str,
    name: str,
    record_type: str,
    purpose: str,
    subject: str,
    body: str,
    variant: str = LetterTemplate.Variant.STANDARD,
    channel: str = LetterTemplate.Channel.LETTER,
    conditions: list[str] | None = None,
    needs_approval: bool = False,
    note: str = "",
) -> LetterTemplate:
    """A new template and its first version. An unknown placeholder is refused naming it (field body)."""
    _require_role(actor, TEMPLATE_MANAGERS, "create letter templates")
    _, source = letter_kind(record_type)
    if purpose not in LetterTemplate.Purpose.values:
        raise DomainError(f"Unknown purpose {purpose!r}.", field="purpose")
    if variant not in LetterTemplate.Variant.values:
        raise DomainError(f"Unknown variant {variant!r}.", field="variant")
    if channel not in LetterTemplate.Channel.values:
        raise DomainError(f"Unknown channel {channel!r}.", field="channel")
    if not name.strip():
        raise DomainError("Name the template.", field="name")
    if not key.strip():
        raise DomainError("Give the template a key.", field="key")
    if LetterTemplate.objects.filter(key=key).exists():
        raise DomainError(f"A template with the key {key!r} already exists.", field="key")
    cleaned = _check_conditions(source=source, conditions=conditions or [])
    _check_text(source=source, subject=subject, body=body)
    template = LetterTemplate(
        key=key,
        name=name.strip(),
        record_type=record_type,
        purpose=purpose,
        variant=variant,
        channel=channel,
        conditions=cleaned,
        needs_approval=needs_approval,
        version=1,
    )
    template._change_reason = note or "Template created"  # type: ignore[attr-defined]
    template.full_clean()
    template.save()
    LetterTemplateVersion.objects.create(
        template=template,
        number=1,
        subject=subject,
        body=body,
        note=note or "First version",
        created_by=actor,
    )
    return template


@transaction.atomic
def letter_template_update(
    *,
    template_id: int,
    actor: User,
    subject: str,
    body: str,
    note: str,
    name: str | None = None,
    needs_approval: bool | None = None,
    conditions: list[str] | None = None,
    active: bool | None = None,
    version: int | None = None,
) -> LetterTemplate:
    """A new version of a template (the old ones kept: letters drafted from them keep their text).
    `version`: the version the editor saw; a later one saved meanwhile is a conflict."""
    _require_role(actor, TEMPLATE_MANAGERS, "edit letter templates")
    template = LetterTemplate.objects.select_for_update().filter(pk=template_id).first()
    if template is None:
        raise DomainError("No such template.", field="template")
    if version is not None and version != template.version:
        raise DomainError(
            f"Someone saved version {template.version} of this template while you were editing it: "
            "reload it and make your change again.",
            field="version",
        )
    _, source = letter_kind(template.record_type)
    if not note.strip():
        raise DomainError("Say what you changed and why.", field="note")
    _check_text(source=source, subject=subject, body=body)
    if conditions is not None:
        template.conditions = _check_conditions(source=source, conditions=conditions)
    if name is not None and name.strip():
        template.name = name.strip()
    if needs_approval is not None:
        template.needs_approval = needs_approval
    if active is not None:
        template.active = active
    current = template.versions.order_by("-number").first()
    changed_text = current is None or (current.subject, current.body) != (subject, body)
    if changed_text:
        template.version += 1
        LetterTemplateVersion.objects.create(
            template=template,
            number=template.version,
            subject=subject,
            body=body,
            note=note.strip(),
            created_by=actor,
        )
    template._change_reason = note.strip()  # type: ignore[attr-defined]
    template.save()
    return template


def letter_template_preview(
    *,
    record_type: str,
    record_id: int,
    subject: str,
    body: str,
    user: User,
    path: str = "",
) -> dict[str, Any]:
    """The template text rendered against a real record (nothing stored; the view of the record is
    logged by its kind). Problems are returned, not raised, so the preview shows them as one types."""
    _, kind, source, facts = letter_record_open(
        record_type=record_type, record_id=record_id, user=user, purpose="Letter template preview", path=path
    )
    names = source.names()
    problems = [
        p.message for p in rules.template_problems(subject, names) + rules.template_problems(body, names)
    ]
    values = _values(facts, handler=user, recipient_name=facts.recipient_name, today=timezone.localdate())
    return {
        "record": facts.label,
        "subject": rules.render(subject, values),
        "body": rules.render(body, values),
        "blocks": rules.blocks(rules.render(body, values)),
        "problems": problems,
    }


def letter_templates_ship() -> int:
    """Add any shipped template (staffing/reference/letter_templates.yaml) the force does not have,
    as version 1; a template a force has (same key), edited or not, is left alone. The migration
    loads them once; this puts them back after a database was emptied (a flushed test database)."""
    from staffing.reference import letter_templates_shipped

    added = 0
    for item in letter_templates_shipped():
        if LetterTemplate.objects.filter(key=item["key"]).exists():
            continue
        subject, body = item.pop("subject"), item.pop("body")
        with transaction.atomic():
            template = LetterTemplate(version=1, **item)
            template._change_reason = "Shipped with Resolve"  # type: ignore[attr-defined]
            template.save()
            LetterTemplateVersion.objects.create(
                template=template, number=1, subject=subject, body=body, note="Shipped with Resolve"
            )
        added += 1
    return added
