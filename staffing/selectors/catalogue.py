"""The rule catalogue (issue 16 part 5): rules, and what changed in one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import (
    QuerySet,
)

from staffing.catalogue import RULE_ID
from staffing.models import (
    Rule,
    User,
)


def rule_list() -> QuerySet[Rule]:
    """Every rule in catalogue order (narrowed by staffing.filters.RuleFilter on the page and API)."""
    return Rule.objects.all()


def rule_get(*, code: str) -> Rule:
    """One rule by its ID, any case ('r-ncrs-24h' finds R-NCRS-24H); Rule.DoesNotExist when unknown,
    without a query when the text cannot be a rule ID (a path holding anything, even NUL)."""
    code = code.strip().upper()
    if not RULE_ID.fullmatch(code):
        raise Rule.DoesNotExist(f"{code!r} is not a rule ID")
    return Rule.objects.get(code=code)


@dataclass(frozen=True)
class RuleChange:
    at: datetime
    reason: str
    by: User | None
    before: list[tuple[str, str]]  # (field label, the value it had before this change)


RULE_CHANGE_FIELDS = {
    "words": "Words",
    "sources": "Sources",
    "verified": "Status",
    "note": "Caveat",
    "section": "Section",
    "domain": "Domain",
}


def _shown(name: str, value: Any) -> str:
    if name == "verified":
        return "Verified" if value else "Unverified"
    if name == "domain":
        return str(Rule.Domain(value).label) if value in Rule.Domain.values else str(value)
    return str(value)


def rule_changes(rule: Rule) -> list[RuleChange]:
    """The rule's history, newest first: when it changed, why, by whom, and what each changed field
    held before (one query)."""
    records = list(rule.history.select_related("history_user").order_by("history_date", "history_id"))
    changes: list[RuleChange] = []
    previous = None
    for record in records:
        before = [
            (label, _shown(name, getattr(previous, name)))
            for name, label in RULE_CHANGE_FIELDS.items()
            if previous is not None and getattr(previous, name) != getattr(record, name)
        ]
        reason = record.history_change_reason or str(record.get_history_type_display())
        changes.append(RuleChange(record.history_date, reason, record.history_user, before))
        previous = record
    return changes[::-1]
