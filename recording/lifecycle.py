"""Pure rules for the life of a recorded crime (no ORM, no I/O): the status transition table, the
Victims' Code update cadence, the crime-number format and who may decide a cancellation."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime, timedelta

from config.working_days import add_working_days

# Crime status lifecycle. Finalised, cancelled and transferred are end states; a finalised crime may
# still be cancelled (a Section C criterion can come to light after an outcome) but an outcome never
# removes a crime from the count (R-OUTCOME-NOT-CANCEL).
RECORDED = "recorded"
ALLOCATED = "allocated"
UNDER_INVESTIGATION = "under_investigation"
FINALISED = "finalised"
CANCELLED = "cancelled"
TRANSFERRED = "transferred"

TRANSITIONS: dict[str, frozenset[str]] = {
    RECORDED: frozenset({ALLOCATED, UNDER_INVESTIGATION, FINALISED, CANCELLED, TRANSFERRED}),
    ALLOCATED: frozenset({UNDER_INVESTIGATION, FINALISED, CANCELLED, TRANSFERRED}),
    UNDER_INVESTIGATION: frozenset({ALLOCATED, FINALISED, CANCELLED, TRANSFERRED}),
    FINALISED: frozenset({CANCELLED}),
    CANCELLED: frozenset(),
    TRANSFERRED: frozenset(),
}
OPEN_STATUSES: frozenset[str] = frozenset({RECORDED, ALLOCATED, UNDER_INVESTIGATION})


def can_transition(current: str, new: str) -> bool:
    """Whether a crime in status `current` may move to `new`."""
    return new in TRANSITIONS.get(current, frozenset())


def transition_error(current: str, new: str) -> str | None:
    """None when allowed, else a plain-words reason."""
    if can_transition(current, new):
        return None
    allowed = sorted(TRANSITIONS.get(current, frozenset()))
    if not allowed:
        return f"A {current.replace('_', ' ')} crime cannot change status."
    return (
        f"A {current.replace('_', ' ')} crime cannot become {new.replace('_', ' ')}; "
        f"allowed: {', '.join(a.replace('_', ' ') for a in allowed)}."
    )


# Victims' Code cadence chosen for Resolve: the first update within 5 days of recording, then at least
# every 28 days while the crime is open (the Code lets the victim agree a frequency; 28 days is the
# default this force uses).
FIRST_UPDATE_WITHIN = timedelta(days=5)
UPDATE_EVERY = timedelta(days=28)


def first_victim_update_due(recorded_at: datetime) -> datetime:
    return recorded_at + FIRST_UPDATE_WITHIN


def next_victim_update_due(contacted_at: datetime) -> datetime:
    return contacted_at + UPDATE_EVERY


def crime_number_format(force: str, year: int, sequence: int) -> str:
    """`{FORCE}/{YY}/{000000}`, e.g. XX/26/000042."""
    return f"{force}/{year % 100:02d}/{sequence:06d}"


# R-RAPE-RECORD / R-CANCEL-DDM: rape and other serious sexual offences need a sergeant-or-above DDM.
# "Serious" = a sexual-offence class ranked 6 or higher on the principal crime table (rape at 4,
# penetrative and serious child sexual offences at 6) in ho_offences.csv.
SERIOUS_SEXUAL_MAX_RANK = 6


def is_serious_sexual(*, category: str, seriousness_rank: int) -> bool:
    return "sexual" in category.lower() and seriousness_rank <= SERIOUS_SEXUAL_MAX_RANK


SENIOR_DDM_ROLES: frozenset[str] = frozenset({"sergeant", "manager", "admin"})


def ddm_may_decide(*, role: str, holds_ddm: bool, serious_sexual: bool, is_requester: bool) -> str | None:
    """None when this user may approve/reject the cancellation, else why not (R-CANCEL-DDM)."""
    if not holds_ddm:
        return "Only a designated decision maker (DDM) may decide a cancellation."
    if is_requester:
        return "The DDM must be someone other than the person who asked for the cancellation."
    if serious_sexual and role not in SENIOR_DDM_ROLES:
        return "Rape and serious sexual offences need a DDM of sergeant rank or above (R-RAPE-RECORD)."
    return None


# ---------------------------------------------------------------- R-VCOP-RIGHT6: the Victims' Code clocks
# A key decision (a suspect arrested, interviewed under caution, released without charge, on bail or
# under investigation, bail conditions changed or cancelled) and a decision not to investigate are
# explained to the victim within 5 working days, or 1 working day for a victim entitled to enhanced
# rights (victims of the most serious crime, persistently targeted, vulnerable or intimidated).
NOTICE_WORKING_DAYS = 5
NOTICE_WORKING_DAYS_ENHANCED = 1
# The update frequency when none is agreed with the victim (this force's default, as UPDATE_EVERY).
DEFAULT_UPDATE_DAYS = UPDATE_EVERY.days
MIN_AGREED_UPDATE_DAYS = 1
MAX_AGREED_UPDATE_DAYS = 90


def enhanced_rights(*, vulnerable: bool, enhanced_reason: str) -> bool:
    """Whether a victim is entitled to enhanced rights: recorded as vulnerable, or with a recorded
    reason (most serious crime, persistently targeted, intimidated)."""
    return vulnerable or bool(enhanced_reason)


def victim_notice_due(*, decided_on: date, enhanced: bool, bank_holidays: Collection[date]) -> date:
    """R-VCOP-RIGHT6: the day by which the victim must be told of a key decision (or of a decision not
    to investigate) made on `decided_on`: 1 working day later under enhanced rights, else 5."""
    days = NOTICE_WORKING_DAYS_ENHANCED if enhanced else NOTICE_WORKING_DAYS
    return add_working_days(decided_on, days, bank_holidays)


def agreed_update_due(*, last_contact: datetime, every_days: int | None) -> datetime:
    """The next update under the frequency agreed with the victim (R-VCOP-RIGHT6: agreed and recorded;
    the victim may change it at any time); the force's default without an agreement."""
    return last_contact + timedelta(days=every_days or DEFAULT_UPDATE_DAYS)


def agreed_update_days_error(every_days: int) -> str | None:
    if not MIN_AGREED_UPDATE_DAYS <= every_days <= MAX_AGREED_UPDATE_DAYS:
        return f"Agree an update every {MIN_AGREED_UPDATE_DAYS} to {MAX_AGREED_UPDATE_DAYS} days."
    return None
