"""Every write to letters and letter templates (issue 22 parts 1-4), by stage: templates (managers keep
them), drafting (draft, edit, approve, issue), sending (e-mail, GOV.UK Notify, post; never twice);
a letter's HTML and accessible PDF are made in documents.py, and transport.py hands one send to its
channel.

The record a letter is about belongs to an app above staffing: it is reached through its registered
record kind (staffing.records), whose `open` checks need-to-know and logs the access, and whose
`letters` (staffing.letter_sources.LetterSource) gives the placeholders, the facts and what a sent
letter does to the record (a contact in its log, the clock it answers)."""

from __future__ import annotations

from config.exceptions import DomainError
from staffing.rules import letters as rules
from staffing.services.letters.common import (
    APPROVERS,
    STALE_CLAIM,
    TEMPLATE_MANAGERS,
    letter_kind,
    letter_record_open,
)
from staffing.services.letters.drafting import (
    letter_decide,
    letter_draft,
    letter_edit,
    letter_issue,
    letter_problems,
    letter_submit,
    letter_template_for,
    user_letter_details_update,
)
from staffing.services.letters.sending import (
    NOTIFY_DELIVERED,
    NOTIFY_PERMANENT,
    SendOutcome,
    letter_send,
    letter_send_deliver,
    letter_send_reclaim_stale,
    letter_send_retry,
    letter_send_status_poll,
    letter_send_status_record,
    notify_configured,
)
from staffing.services.letters.templates import (
    letter_template_create,
    letter_template_preview,
    letter_template_update,
    letter_templates_ship,
)

__all__ = [
    "APPROVERS",
    "NOTIFY_DELIVERED",
    "NOTIFY_PERMANENT",
    "STALE_CLAIM",
    "TEMPLATE_MANAGERS",
    "DomainError",
    "SendOutcome",
    "letter_decide",
    "letter_draft",
    "letter_edit",
    "letter_issue",
    "letter_kind",
    "letter_problems",
    "letter_record_open",
    "letter_send",
    "letter_send_deliver",
    "letter_send_reclaim_stale",
    "letter_send_retry",
    "letter_send_status_poll",
    "letter_send_status_record",
    "letter_submit",
    "letter_template_create",
    "letter_template_for",
    "letter_template_preview",
    "letter_template_update",
    "letter_templates_ship",
    "notify_configured",
    "rules",
    "user_letter_details_update",
]
