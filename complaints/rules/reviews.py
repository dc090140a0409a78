"""Reviews: whether there is a right of review, who reviews, and the time to apply."""

from __future__ import annotations

from datetime import date, timedelta

from complaints.rules.facts import DEFAULT_TIME_LIMITS, Authority, ReviewBody, Route, TimeLimits


def review_deadline(outcome_letter_date: date, limits: TimeLimits = DEFAULT_TIME_LIMITS) -> date:
    """C-REVIEW-28D: 28 days starting the day after the outcome letter (1 April -> 29 April)."""
    return outcome_letter_date + timedelta(days=limits.review_application_days)


def review_application_in_time(
    outcome_letter_date: date, received_on: date, limits: TimeLimits = DEFAULT_TIME_LIMITS
) -> bool:
    """C-REVIEW-28D: did the application reach the review body in time? (Late ones may still be
    accepted in special circumstances: the review body decides.)"""
    return received_on <= review_deadline(outcome_letter_date, limits)


def review_body(
    *,
    route: str | None,
    appropriate_authority: str = Authority.CHIEF_OFFICER,
    about_senior_officer: bool = False,
    serious: bool = False,
    referred: bool = False,
    same_incident: bool = False,
    iopc_investigation: bool = False,
) -> str | None:
    """C-REVIEW-RIGHT / C-REVIEW-BODY: who reviews the outcome, or None when there is no review right.

    No review (RRB-NONE-OUTSIDE-S3): not eligible / no route, outside Schedule 3, or an investigation
    run or directed by the IOPC. The IOPC reviews when the AA is the LPB, the subject is a senior
    officer, crime/discipline or Art 2/3 cannot be ruled out (`serious`), the complaint was or should
    have been referred, or it arises from the same incident as one of these. Otherwise the LPB."""
    return review_body_with_reason(
        route=route,
        appropriate_authority=appropriate_authority,
        about_senior_officer=about_senior_officer,
        serious=serious,
        referred=referred,
        same_incident=same_incident,
        iopc_investigation=iopc_investigation,
    )[0]


def review_body_with_reason(
    *,
    route: str | None,
    appropriate_authority: str = Authority.CHIEF_OFFICER,
    about_senior_officer: bool = False,
    serious: bool = False,
    referred: bool = False,
    same_incident: bool = False,
    iopc_investigation: bool = False,
) -> tuple[str | None, str]:
    """`review_body` and, in plain words, the limb of C-REVIEW-BODY (or C-REVIEW-RIGHT) it rests on."""
    if route is None:
        return None, "there is no right of review for someone who may not complain"
    if route == Route.OUTSIDE_S3:
        return None, "there is no right of review when a complaint is handled outside Schedule 3"
    if iopc_investigation:
        return None, "there is no right of review of an investigation the IOPC runs or directs"
    if appropriate_authority == Authority.LOCAL_POLICING_BODY:
        return ReviewBody.IOPC, "the local policing body is the appropriate authority"
    if about_senior_officer:
        return ReviewBody.IOPC, "the complaint is about a senior officer (above chief superintendent)"
    if referred or route == Route.IOPC:
        return ReviewBody.IOPC, "the complaint was or must be referred to the IOPC"
    if serious:
        return ReviewBody.IOPC, (
            "it cannot be ruled out, from the complaint alone, that the conduct would justify criminal or "
            "disciplinary proceedings or involve an Article 2 or 3 breach"
        )
    if same_incident:
        return ReviewBody.IOPC, "it arises from the same incident as a complaint the IOPC would review"
    return ReviewBody.LOCAL_POLICING_BODY, "no reason for the IOPC to review applies"
