"""The HOCR/NCRS recording decision: which crimes a report must become, by when and where.

PURE package: standard library only, no Django, no database, no I/O. Callers hand in the report and the
offence catalogue: the Home Office classes of recording/reference/ho_offences.csv and the Home Office
offence codes of ho_offence_codes.csv under them, as `OffenceInfo` (`classification.catalogue_with_codes`
builds it). `decide()` hands back a `Decision` whose `rules` cite the rule IDs of DOMAIN-crime.md, whose
`explanation` says why in plain words a sergeant can check, and whose `citations` put each rule beside the
lines that rest on it.

How the decision is made (each step names the rule it rests on and the module that takes it):
1. Validate the report (`ReportError` names the field in the API's dotted shape, e.g. "alleged.1.victim")
   and read how each allegation counts: an offence code by its marker (V per victim, S per offender,
   S/V per person exploited where one is named); a class code alone by the class's `victim_based`,
   except that a class holding both V and S offences counts per victim when a person is named as victim
   (decision.py, counting.py).
2. Screen each allegation: not notifiable (R-CLASSIFY), additional verifiable information that no crime
   happened (R-CANCEL-AVI), an NFIB fraud that Action Fraud records (R-FRAUD-AF), a third-party report
   that waits for the victim (R-NCRS-THIRD-PARTY), not believed on the balance of probability
   (R-NCRS-BOP, R-NCRS-VICTIM-BELIEF) or, counted per offender, points to prove not made out
   (R-NCRS-STATE) (decision.py, third_party.py).
3. Count what is left: one crime per victim (R-ONE-PER-VICTIM; a household or business counts once,
   R-VICTIM-HOUSEHOLD) per finished incident (R-FINISHED-INCIDENT); offences with no victim per
   offender or offender group (R-VICTIMLESS-COUNT). Within one count the principal (most serious,
   lowest `seriousness_rank`) offence is recorded and the others are part of it (R-PRINCIPAL,
   R-CLASS-VEHICLE). A course of conduct (stalking, harassment, coercive control) is one crime per
   victim across incidents; since 15 May 2023 it takes part in the principal offence approach, before
   that date it was recorded in addition (R-PRINCIPAL-CONDUCT, R-RULE-VERSION). Every crime cites the
   recording test it passed (R-NCRS-BOP; R-NCRS-STATE too when counted per offender) (counting.py).
4. Mark need-to-know crimes (R-RESTRICTED) and rape for the daily review (R-RAPE-RECORD), set the
   transfer force (R-LOCATION, R-TRANSFER-PROTOCOL) and the 24-hour deadline (R-NCRS-24H) (decision.py,
   timeliness.py).

The decision's inputs and outputs are report.py's; `decide` and those types are re-exported here, as
every caller uses them. The report-time and deadline rules (timeliness.py) and the catalogue
(classification.py) are imported from their own modules.

Choices where DOMAIN-crime.md leaves room (each is pinned by a test in recording/tests/test_rules.py):
- `record_by` is always returned; R-NCRS-24H is cited when a crime is to be recorded or an allegation
  waits for the victim (its clock runs too); a report that ends in no crime and nothing waiting has no
  recording deadline to meet (worked example EX-R4 cites only R-CANCEL-AVI).
- `incident` is the caller's statement of which allegations form one sequence of events. A course of
  conduct joins the incidents it runs through (since May 2023 the principal offence is chosen over all
  of them); an incident with no course-of-conduct allegation stays a separate finished incident.
- AVI (R-CANCEL-AVI) wins over disbelief: verifiable information is the stronger reason to give.
- An offence against a victim must name one. An allegation counted per offender may name none and is
  counted per offender group: its `offenders` as a set (none named = counts as one); a victim named on
  it (society, a business) is kept on the crime but never joins a victim's count or the principal
  comparison. Public order (9A, 9B, s5 included) against a named, identified person counts per victim
  and joins that victim's principal comparison, whatever the class flag or S marker says; with no such
  person it counts per offender (R-NCRS-STATE, PUBLIC_ORDER_VICTIM_CODES).
- The same offence (class and code) alleged twice against one victim in one incident is one crime
  reported twice: cited R-CANCEL-C3-DUPLICATE, not R-PRINCIPAL (nothing lesser was merged). A household
  or business count and a course of conduct keep their own rule for why several allegations are one.
- A victim who does not want police action (`supports_action` false) changes nothing in the count: the
  crime is recorded and R-NCRS-VICTIM-BELIEF is cited beside it.
- A person named as victim of drug or weapon possession (NO_PERSONAL_VICTIM_CATEGORIES) is an error on
  the allegation's `victim`.
- A code that is both a class and an offence code (39) means the class; an offence code printed twice
  alike (1/1) is one entry. Where ho_offence_codes.csv does not reach a class the class's flag
  decides: no marker is guessed (9B is decided by the public-order rule above, not by its flag).
- R-NCRS-THIRD-PARTY, for an allegation naming a victim when the reporter is not the victim: record now
  when the victim has been spoken to, when the reporter is a professional in a care or safeguarding
  role, or when the victim is a child (under 18), a vulnerable adult or cannot be reached; otherwise the
  allegation waits (`awaiting_confirmation`), even when the third party's account is doubted: only the
  victim can settle it. Police reporting what they saw are third parties like any witness. The victim's
  own report ignores `victim_contacted`. The rule is cited whenever the reporter is not the victim.
- R-FRAUD-AF: the NFIB classes (ACTION_FRAUD_CODES) are referred to Action Fraud after the AVI check
  and before the third-party and belief tests (Action Fraud applies the recording test); they never
  lead a principal-crime count, so another offence in the same report stays the force's to record.
- R-CLASS-VEHICLE is applied as an offence-specific rule (R-CLASS-RULES-WIN): 58C never leads a count
  that holds 45, whatever the ranks say.
- A crime is restricted when any allegation in it is of a restricted class, and listed for the daily
  review when any is rape or another serious sexual offence (SERIOUS_SEXUAL_CODES), so need-to-know
  detail is not lost when a more serious offence leads; an allegation awaiting the victim carries the
  same two flags, so a rape report reaches the daily review at once.
- R-PRINCIPAL, R-CLASSIFY, R-FINISHED-INCIDENT are cited only when they changed the count or the class:
  several classes folded into one, several crimes for one victim from separate incidents.
"""

from __future__ import annotations

from recording.rules.decision import decide
from recording.rules.report import (
    Allegation,
    AwaitingConfirmation,
    Citation,
    Counting,
    CrimeToRecord,
    Decision,
    NotRecorded,
    OffenceInfo,
    Report,
    Reporter,
    ReportError,
    RuleVersion,
    Victim,
    VictimKind,
)

__all__ = [
    "Allegation",
    "AwaitingConfirmation",
    "Citation",
    "Counting",
    "CrimeToRecord",
    "Decision",
    "NotRecorded",
    "OffenceInfo",
    "Report",
    "ReportError",
    "Reporter",
    "RuleVersion",
    "Victim",
    "VictimKind",
    "decide",
]
