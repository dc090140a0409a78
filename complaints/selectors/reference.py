"""The data complaints.rules is given: reference/complaint_rules.json (the bank-holiday calendar is
config.working_days.bank_holidays, shared with crimes).

complaints.rules stays pure: callers pass `time_limits()` and `bank_holidays(...)` into it, so
correcting a time limit is a change to the JSON file, and a new bank holiday an update of the
`holidays` package, never a change to the code."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from complaints.rules import TimeLimits

RULES_FILE = Path(__file__).resolve().parents[1] / "reference" / "complaint_rules.json"


@cache
def complaint_rules() -> dict[str, Any]:
    """The parsed complaint_rules.json (read once per process)."""
    with RULES_FILE.open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


@cache
def time_limits() -> TimeLimits:
    """The `time_limits` block of complaint_rules.json as a TimeLimits value."""
    raw = complaint_rules()["time_limits"]
    contact = raw.get("initial_contact_working_days")
    return TimeLimits(
        update_interval_days=int(raw["update_interval_days"]),
        outcome_notification_working_days=int(raw["outcome_notification_working_days"]),
        review_application_days=int(raw["review_application_days"]),
        time_since_incident_limit_months=int(raw["time_since_incident_limit_months"]),
        initial_contact_working_days=None if contact is None else int(contact),
        report_to_body_after_months=int(raw["report_to_body_after_months"]),
        report_to_body_repeat_months=int(raw["report_to_body_repeat_months"]),
    )


@cache
def criterion_descriptions() -> dict[str, str]:
    """Rule id -> description for the MR-, REC-, RRB-, ELIG- and RR- entries of complaint_rules.json."""
    data = complaint_rules()
    out: dict[str, str] = {}
    for key in (
        "mandatory_referral_criteria",
        "must_record_under_schedule_3_when",
        "review_body_rules",
        "complainant_eligibility",
        "recording_reasons",
    ):
        for entry in data.get(key, []):
            out[entry["id"]] = entry["description"]
    return out
