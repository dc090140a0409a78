"""The recording decision engine (the recording/rules package): pure, no database. Each test names the rule of
shared/DOMAIN-crime.md it checks; the offence catalogue is read from recording/reference/ho_offences.csv."""

from __future__ import annotations

import ast
import csv
import json
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recording import rules
from recording.rules import (
    Allegation,
    CrimeToRecord,
    Decision,
    OffenceInfo,
    Report,
    ReportError,
    RuleVersion,
    Victim,
    decide,
)
from recording.rules.classification import (
    ACTION_FRAUD_CODES,
    COURSE_OF_CONDUCT_CODES,
    NO_PERSONAL_VICTIM_CATEGORIES,
    PUBLIC_ORDER_VICTIM_CODES,
    RAPE_CODES,
    SERIOUS_SEXUAL_CODES,
    VEHICLE_DAMAGE_CODE,
    VEHICLE_THEFT_CODE,
    catalogue_with_codes,
)
from recording.rules.report import RULE_ORDER
from recording.rules.timeliness import is_ncrs_breach, record_by, rule_version_for

HERE = Path(__file__).resolve().parent
CSV = HERE.parent / "reference" / "ho_offences.csv"
CODES_CSV = HERE.parent / "reference" / "ho_offence_codes.csv"
#: The rule IDs this engine may cite: those of DOMAIN-crime.md (the catalogue session keeps the product's
#: copy; the engine's list of them is RULE_ORDER, checked against the document where it is beside us).
DOMAIN_RULE_IDS = frozenset(RULE_ORDER)
EXAMPLES = json.loads((HERE / "data" / "recording_examples.json").read_text())
NOW = datetime(2026, 3, 1, 14, 5, tzinfo=UTC)


@cache
def ho_offences() -> dict[str, OffenceInfo]:
    """The offence catalogue as the API builds it from the Offence and OffenceCode tables, read straight
    from the CSVs (classes, then the Home Office offence codes under them)."""
    with CODES_CSV.open(newline="") as fh:
        codes = [(r["ho_code"], r["class_code"], r["title"], r["counting"]) for r in csv.DictReader(fh)]
    catalogue, ambiguous = catalogue_with_codes(ho_classes(), codes)
    assert not ambiguous
    return catalogue


@cache
def ho_classes() -> dict[str, OffenceInfo]:
    """The Home Office classes alone (ho_offences.csv)."""
    with CSV.open(newline="") as fh:
        return {
            row["code"]: OffenceInfo(
                code=row["code"],
                title=row["title"],
                category=row["category"],
                victim_based=row["victim_based"] == "true",
                seriousness_rank=int(row["seriousness_rank"]),
                restricted=row["restricted"] == "true",
                notifiable=row["notifiable"] == "true",
            )
            for row in csv.DictReader(fh)
        }


def person(*refs: str) -> tuple[Victim, ...]:
    return tuple(Victim(ref, "person") for ref in refs)


def report(*alleged: Allegation, victims: tuple[Victim, ...] = (), **kw: Any) -> Report:
    if not victims:
        victims = person(*dict.fromkeys(a.victim for a in alleged if a.victim is not None))
    return Report(
        reported_at=kw.pop("reported_at", NOW),
        force=kw.pop("force", "XX"),
        victims=victims,
        alleged=alleged,
        **kw,
    )


def a(ref: str, victim: str | None, offence: str, incident: str = "I1", **kw: Any) -> Allegation:
    return Allegation(ref=ref, victim=victim, offence=offence, incident=incident, **kw)


def crimes_of(decision: Decision) -> list[tuple[str | None, str, tuple[str, ...]]]:
    return [(c.victim, c.offence, c.allegations) for c in decision.crimes]


def report_from_json(data: dict[str, Any]) -> Report:
    return Report(
        reported_at=datetime.fromisoformat(data["reported_at"]),
        force=data["force"],
        location_force=data.get("location_force"),
        victims=tuple(Victim(**v) for v in data["victims"]),
        alleged=tuple(
            Allegation(**{**al, "offenders": tuple(al.get("offenders", ()))}) for al in data["alleged"]
        ),
    )


# ---------------------------------------------------------------- the contract's worked examples
@pytest.mark.parametrize("example", EXAMPLES, ids=[e["id"] for e in EXAMPLES])
def test_it_matches_the_worked_example(example: dict[str, Any]) -> None:
    decision = decide(report_from_json(example["input"]), ho_offences())
    expected = example["expected"]
    assert [{"victim": c.victim, "offence": c.offence} for c in decision.crimes] == expected["crimes"]
    assert decision.transfer_to == expected["transfer_to"]
    assert decision.record_by == datetime.fromisoformat(expected["record_by"])
    assert set(expected["rules"]) <= set(decision.rules)


@pytest.mark.parametrize(
    ("example_id", "rules_cited"),
    # The examples list the counting rules; a recorded crime also rests on the recording test
    # (contract: "a recorded crime rests on the recording test (R-NCRS-BOP) as well").
    [("EX-R1", ("R-NCRS-BOP", "R-NCRS-24H", "R-ONE-PER-VICTIM")), ("EX-R4", ("R-CANCEL-AVI",))],
)
def test_it_cites_exactly_the_examples_rules_where_the_example_is_complete(
    example_id: str, rules_cited: tuple[str, ...]
) -> None:
    example = next(e for e in EXAMPLES if e["id"] == example_id)
    assert decide(report_from_json(example["input"]), ho_offences()).rules == rules_cited


# ---------------------------------------------------------------- R-NCRS-24H
@pytest.mark.parametrize(
    ("reported_at", "deadline"),
    [
        (datetime(2026, 2, 7, 1, 20, tzinfo=UTC), datetime(2026, 2, 8, 1, 20, tzinfo=UTC)),
        # Clocks go forward in London on 29 March 2026: still 24 real hours.
        (datetime(2026, 3, 28, 23, 30, tzinfo=UTC), datetime(2026, 3, 29, 23, 30, tzinfo=UTC)),
        (
            datetime(2026, 7, 1, 9, 0, tzinfo=timezone(timedelta(hours=1))),
            datetime(2026, 7, 2, 8, 0, tzinfo=UTC),
        ),
    ],
)
def test_record_by_is_24_hours_after_the_report_in_utc(reported_at: datetime, deadline: datetime) -> None:
    result = record_by(reported_at)
    assert result == deadline
    assert result.utcoffset() == timedelta(0)


def test_record_by_refuses_a_time_without_zone() -> None:
    with pytest.raises(ReportError) as err:
        record_by(datetime(2026, 2, 7, 1, 20))
    assert err.value.field == "reported_at"


@pytest.mark.parametrize(
    ("recorded_at", "now", "breach"),
    [
        (NOW + timedelta(hours=23), NOW + timedelta(days=5), False),
        (NOW + timedelta(hours=24), NOW + timedelta(days=5), False),  # exactly at the deadline: in time
        (NOW + timedelta(hours=24, seconds=1), NOW + timedelta(days=5), True),  # late but correct: breach
        (None, NOW + timedelta(hours=23), False),  # not yet due
        (None, NOW + timedelta(hours=25), True),  # overdue and still unrecorded
    ],
)
def test_ncrs_breach_is_a_record_after_or_no_record_by_the_deadline(
    recorded_at: datetime | None, now: datetime, breach: bool
) -> None:
    assert is_ncrs_breach(reported_at=NOW, recorded_at=recorded_at, now=now) is breach


@pytest.mark.parametrize("naive", ["now", "recorded_at"])
def test_ncrs_breach_refuses_times_without_zone(naive: str) -> None:
    times: dict[str, Any] = {"recorded_at": NOW, "now": NOW}
    times[naive] = datetime(2026, 3, 1, 15, 0)
    with pytest.raises(ReportError) as err:
        is_ncrs_breach(reported_at=NOW, **times)
    assert err.value.field == naive


def test_the_24_hour_deadline_is_cited_whenever_a_crime_is_to_be_recorded() -> None:
    decision = decide(report(a("A1", "V1", "8N")), ho_offences())
    assert "R-NCRS-24H" in decision.rules
    assert any(
        "R-NCRS-24H" in line and "Mon 02 Mar 2026 14:05 London time" in line for line in decision.explanation
    )


def test_the_explanation_speaks_london_time_in_summer_too() -> None:
    decision = decide(
        report(a("A1", "V1", "8N"), reported_at=datetime(2026, 7, 1, 10, 0, tzinfo=UTC)), ho_offences()
    )
    assert decision.record_by == datetime(2026, 7, 2, 10, 0, tzinfo=UTC)  # the API keeps UTC with its offset
    assert any("Thu 02 Jul 2026 11:00 London time" in line for line in decision.explanation)


# ---------------------------------------------------------------- R-NCRS-BOP / R-NCRS-VICTIM-BELIEF
def test_an_account_not_believed_is_not_recorded_and_the_victim_must_be_told() -> None:
    decision = decide(report(a("A1", "V1", "8N"), a("A2", "V1", "49", "I2", believed=False)), ho_offences())
    assert crimes_of(decision) == [("V1", "8N", ("A1",))]
    (refused,) = decision.not_recorded
    assert (refused.allegation, refused.rule) == ("A2", "R-NCRS-BOP")
    assert "victim must be told" in refused.reason
    assert {"R-NCRS-BOP", "R-NCRS-VICTIM-BELIEF"} <= set(decision.rules)


def test_a_believed_account_is_recorded_without_a_suspect_or_the_victims_wish() -> None:
    decision = decide(report(a("A1", "V1", "49", believed=True)), ho_offences())
    assert crimes_of(decision) == [("V1", "49", ("A1",))]
    assert decision.not_recorded == ()


# ---------------------------------------------------------------- R-NCRS-STATE
def test_a_state_based_offence_without_points_to_prove_is_not_recorded() -> None:
    decision = decide(report(a("A1", None, "92D", offenders=("O1",), believed=False)), ho_offences())
    assert decision.crimes == ()
    assert decision.not_recorded[0].rule == "R-NCRS-STATE"
    assert "R-NCRS-STATE" in decision.rules
    assert "R-NCRS-BOP" not in decision.rules


def test_a_state_based_offence_with_points_made_out_is_recorded_with_no_victim() -> None:
    decision = decide(report(a("A1", None, "10D", offenders=("O1",))), ho_offences())
    assert crimes_of(decision) == [(None, "10D", ("A1",))]
    assert decision.crimes[0].offenders == ("O1",)
    assert {"R-NCRS-STATE", "R-VICTIMLESS-COUNT"} <= set(decision.rules)


# ---------------------------------------------------------------- R-CANCEL-AVI
def test_additional_verifiable_information_that_no_crime_happened_means_no_record() -> None:
    decision = decide(report(a("A1", "V1", "44", avi_no_crime=True)), ho_offences())
    assert decision.crimes == ()
    assert [(n.allegation, n.rule) for n in decision.not_recorded] == [("A1", "R-CANCEL-AVI")]
    assert decision.rules == ("R-CANCEL-AVI",)


def test_avi_is_the_reason_even_when_the_account_is_also_doubted() -> None:
    decision = decide(report(a("A1", "V1", "44", avi_no_crime=True, believed=False)), ho_offences())
    assert decision.not_recorded[0].rule == "R-CANCEL-AVI"
    assert "R-NCRS-BOP" not in decision.rules


# ---------------------------------------------------------------- R-ONE-PER-VICTIM
def test_one_crime_per_victim_when_three_people_are_assaulted_in_one_fight() -> None:
    alleged = [a(f"A{i}", f"V{i}", "105A") for i in (1, 2, 3)]
    decision = decide(report(*alleged), ho_offences())
    assert crimes_of(decision) == [("V1", "105A", ("A1",)), ("V2", "105A", ("A2",)), ("V3", "105A", ("A3",))]
    assert "R-ONE-PER-VICTIM" in decision.rules


# ---------------------------------------------------------------- R-VICTIM-HOUSEHOLD
@pytest.mark.parametrize(
    ("kind", "offence"), [("household", "58A"), ("household", "28E"), ("business", "46"), ("business", "30C")]
)
def test_a_household_or_business_counts_once_for_several_allegations_of_one_class(
    kind: str, offence: str
) -> None:
    decision = decide(
        report(a("A1", "H1", offence), a("A2", "H1", offence), victims=(Victim("H1", kind),)), ho_offences()
    )
    assert crimes_of(decision) == [("H1", offence, ("A1", "A2"))]
    assert "R-VICTIM-HOUSEHOLD" in decision.rules
    assert "R-PRINCIPAL" not in decision.rules


def test_two_households_in_one_incident_are_two_victims() -> None:
    households = decide(
        report(
            a("A1", "H1", "58A"),
            a("A2", "H2", "58A"),
            victims=(Victim("H1", "household"), Victim("H2", "household")),
        ),
        ho_offences(),
    )
    assert len(households.crimes) == 2


# ---------------------------------------------------------------- R-VICTIMLESS-COUNT
@pytest.mark.parametrize(
    ("alleged", "expected"),
    [
        # Two people found with drugs: one crime each.
        (
            [a("A1", None, "92D", offenders=("O1",)), a("A2", None, "92D", offenders=("O2",))],
            [(None, "92D", ("A1",)), (None, "92D", ("A2",))],
        ),
        # One person with drugs and a knife in one incident: one crime, the more serious.
        (
            [a("A1", None, "10D", offenders=("O1",)), a("A2", None, "92D", offenders=("O1",))],
            [(None, "92D", ("A1", "A2"))],
        ),
        # No offender named: each allegation counts as one.
        ([a("A1", None, "92E"), a("A2", None, "92E")], [(None, "92E", ("A1",)), (None, "92E", ("A2",))]),
        # A group of offenders keeping one brothel: one crime for the group.
        ([a("A1", None, "24", offenders=("O1", "O2"))], [(None, "24", ("A1",))]),
        # The same offender on two separate occasions: two crimes.
        (
            [a("A1", None, "92E", "I1", offenders=("O1",)), a("A2", None, "92E", "I2", offenders=("O1",))],
            [(None, "92E", ("A1",)), (None, "92E", ("A2",))],
        ),
    ],
)
def test_victimless_offences_are_counted_per_offender(
    alleged: list[Allegation], expected: list[tuple[str | None, str, tuple[str, ...]]]
) -> None:
    decision = decide(report(*alleged), ho_offences())
    assert crimes_of(decision) == expected
    assert "R-VICTIMLESS-COUNT" in decision.rules


def test_a_state_based_offence_naming_a_victim_is_still_counted_per_offender() -> None:
    decision = decide(
        report(
            a("A1", "V1", "8N", offenders=("O1",)),
            a("A2", "S1", "92D", offenders=("O1",)),
            a("A3", "S1", "92D", offenders=("O2",)),
            a("A4", "S1", "10D", offenders=("O2",), believed=False),
            victims=(Victim("V1", "person"), Victim("S1", "society")),
        ),
        ho_offences(),
    )
    assert crimes_of(decision) == [("V1", "8N", ("A1",)), ("S1", "92D", ("A2",)), ("S1", "92D", ("A3",))]
    assert [(n.allegation, n.rule) for n in decision.not_recorded] == [("A4", "R-NCRS-STATE")]
    assert "R-VICTIMLESS-COUNT" in decision.crimes[1].rules
    assert "R-FINISHED-INCIDENT" not in decision.rules


def test_a_victim_based_offence_needs_a_victim() -> None:
    with pytest.raises(ReportError) as err:
        decide(report(a("A1", None, "8N")), ho_offences())
    assert err.value.field == "alleged.0.victim"


# ---------------------------------------------------------------- R-FINISHED-INCIDENT
def test_separate_finished_incidents_against_one_victim_are_separate_crimes() -> None:
    decision = decide(report(a("A1", "V1", "105A", "I1"), a("A2", "V1", "105A", "I2")), ho_offences())
    assert crimes_of(decision) == [("V1", "105A", ("A1",)), ("V1", "105A", ("A2",))]
    assert "R-FINISHED-INCIDENT" in decision.rules
    assert all("R-FINISHED-INCIDENT" in c.rules for c in decision.crimes)


def test_one_incident_is_not_cited_as_finished_incidents() -> None:
    decision = decide(report(a("A1", "V1", "105A")), ho_offences())
    assert "R-FINISHED-INCIDENT" not in decision.rules


# ---------------------------------------------------------------- R-PRINCIPAL / R-CLASSIFY
@pytest.mark.parametrize(
    ("codes", "principal"),
    [
        (("34B", "8N"), "34B"),  # robbery with injury: robbery
        (("8N", "34B"), "34B"),  # order of allegation does not matter
        (("105A", "8N", "58D"), "8N"),
        (("28E", "58A", "40"), "28E"),  # residential burglary with damage and theft
        (("58A", "58D"), "58A"),  # tie (rank 12): the first alleged
        (("58D", "58A"), "58D"),
        (("19C", "8N", "3B"), "19C"),
    ],
)
def test_one_incident_against_one_victim_records_the_principal_offence(
    codes: tuple[str, ...], principal: str
) -> None:
    alleged = [a(f"A{i}", "V1", code) for i, code in enumerate(codes, start=1)]
    decision = decide(report(*alleged), ho_offences())
    assert crimes_of(decision) == [("V1", principal, tuple(x.ref for x in alleged))]
    assert decision.not_recorded == ()  # the others are part of the crime, not refused
    assert {"R-PRINCIPAL", "R-CLASSIFY"} <= set(decision.rules)


def test_each_crime_has_exactly_one_home_office_class_from_the_catalogue() -> None:
    decision = decide(
        report(a("A1", "V1", "34B"), a("A2", "V1", "8N"), a("A3", "V2", "49"), a("A4", None, "92D")),
        ho_offences(),
    )
    assert all(isinstance(c.offence, str) and c.offence in ho_offences() for c in decision.crimes)
    assert [c.offence for c in decision.crimes] == ["34B", "49", "92D"]


def test_a_non_notifiable_offence_is_not_recorded() -> None:
    offences = {
        **ho_offences(),
        "NN1": OffenceInfo("NN1", "Litter", "Other", False, 14, False, notifiable=False),
    }
    decision = decide(report(a("A1", None, "NN1")), offences)
    assert decision.crimes == ()
    assert [(n.allegation, n.rule) for n in decision.not_recorded] == [("A1", "R-CLASSIFY")]


# ---------------------------------------------------------------- R-PRINCIPAL-CONDUCT
def test_stalking_with_damage_is_stalking_only() -> None:
    decision = decide(report(a("A1", "V1", "8Q"), a("A2", "V1", "58A")), ho_offences())
    assert crimes_of(decision) == [("V1", "8Q", ("A1", "A2"))]
    assert "R-PRINCIPAL-CONDUCT" in decision.rules


def test_stalking_followed_by_rape_is_rape_only() -> None:
    # The course of conduct runs through I1 and I2; the rape happens in I2, as part of it.
    decision = decide(
        report(a("A1", "V1", "8Q", "I1"), a("A2", "V1", "8Q", "I2"), a("A3", "V1", "19C", "I2")),
        ho_offences(),
    )
    assert crimes_of(decision) == [("V1", "19C", ("A1", "A2", "A3"))]
    assert decision.crimes[0].incidents == ("I1", "I2")
    assert "R-PRINCIPAL-CONDUCT" in decision.rules


@pytest.mark.parametrize("codes", [("8Q", "8Q", "8Q"), ("8L", "8Q", "8L"), ("8U", "8U", "8M")])
def test_a_course_of_conduct_is_one_crime_per_victim_across_incidents(codes: tuple[str, ...]) -> None:
    alleged = [a(f"A{i}", "V1", code, f"I{i}") for i, code in enumerate(codes, start=1)]
    decision = decide(report(*alleged), ho_offences())
    assert len(decision.crimes) == 1
    crime = decision.crimes[0]
    assert crime.allegations == ("A1", "A2", "A3")
    assert crime.incidents == ("I1", "I2", "I3")
    assert crime.offence == min(codes, key=lambda c: (ho_offences()[c].seriousness_rank, codes.index(c)))


def test_a_course_of_conduct_of_one_class_is_one_crime_without_the_principal_rule() -> None:
    decision = decide(report(a("A1", "V1", "8L", "I1"), a("A2", "V1", "8L", "I2")), ho_offences())
    assert crimes_of(decision) == [("V1", "8L", ("A1", "A2"))]
    assert "R-PRINCIPAL" not in decision.rules
    assert "R-FINISHED-INCIDENT" not in decision.rules


def test_a_course_of_conduct_is_per_victim() -> None:
    decision = decide(report(a("A1", "V1", "8Q"), a("A2", "V2", "8Q")), ho_offences())
    assert crimes_of(decision) == [("V1", "8Q", ("A1",)), ("V2", "8Q", ("A2",))]


def test_an_incident_outside_the_course_of_conduct_stays_a_separate_crime() -> None:
    decision = decide(report(a("A1", "V1", "8L", "I1"), a("A2", "V1", "49", "I2")), ho_offences())
    assert crimes_of(decision) == [("V1", "8L", ("A1",)), ("V1", "49", ("A2",))]
    assert "R-FINISHED-INCIDENT" in decision.rules


def test_course_of_conduct_codes_are_the_stalking_harassment_and_coercion_classes_of_the_csv() -> None:
    titles = {code: ho_offences()[code].title.lower() for code in COURSE_OF_CONDUCT_CODES}
    assert all(("stalking" in t) or ("harassment" in t) or ("coercive" in t) for t in titles.values())
    found = {
        o.code
        for o in ho_classes().values()
        if any(w in o.title.lower() for w in ("stalking", "harassment", "coercive"))
    }
    assert found == COURSE_OF_CONDUCT_CODES


# ---------------------------------------------------------------- R-RULE-VERSION
OLD = datetime(2022, 11, 3, 20, 0, tzinfo=UTC)


def test_before_may_2023_stalking_is_recorded_in_addition_to_other_crimes() -> None:
    decision = decide(report(a("A1", "V1", "8Q"), a("A2", "V1", "58A"), reported_at=OLD), ho_offences())
    assert crimes_of(decision) == [("V1", "8Q", ("A1",)), ("V1", "58A", ("A2",))]
    assert decision.rule_version is RuleVersion.CONDUCT_IN_ADDITION
    assert {"R-RULE-VERSION", "R-PRINCIPAL-CONDUCT"} <= set(decision.rules)
    assert "R-FINISHED-INCIDENT" not in decision.rules  # two crimes, but from one incident


def test_before_may_2023_stalking_with_rape_is_two_crimes() -> None:
    decision = decide(
        report(a("A1", "V1", "8Q", "I1"), a("A2", "V1", "19C", "I2"), reported_at=OLD), ho_offences()
    )
    assert crimes_of(decision) == [("V1", "8Q", ("A1",)), ("V1", "19C", ("A2",))]


@pytest.mark.parametrize(
    ("reported_at", "version"),
    [
        (datetime(2023, 5, 14, 22, 59, tzinfo=UTC), RuleVersion.CONDUCT_IN_ADDITION),  # 23:59 BST on 14 May
        (datetime(2023, 5, 14, 23, 0, tzinfo=UTC), RuleVersion.PRINCIPAL_OFFENCE),  # midnight BST, 15 May
        (datetime(2017, 4, 1, tzinfo=UTC), RuleVersion.CONDUCT_IN_ADDITION),
        (datetime(2026, 1, 1, tzinfo=UTC), RuleVersion.PRINCIPAL_OFFENCE),
    ],
)
def test_the_rule_version_is_the_one_in_force_when_the_report_arrived(
    reported_at: datetime, version: RuleVersion
) -> None:
    assert rule_version_for(reported_at) is version


def test_an_explicit_rule_version_overrides_the_report_date() -> None:
    decision = decide(
        report(a("A1", "V1", "8Q"), a("A2", "V1", "58A")),
        ho_offences(),
        rule_version=RuleVersion.CONDUCT_IN_ADDITION,
    )
    assert len(decision.crimes) == 2
    assert "R-RULE-VERSION" in decision.rules


def test_the_current_rules_are_not_cited_as_an_old_version() -> None:
    assert "R-RULE-VERSION" not in decide(report(a("A1", "V1", "8Q")), ho_offences()).rules


# ---------------------------------------------------------------- R-CLASS-VEHICLE
def test_damage_to_get_into_a_vehicle_is_part_of_the_theft_from_it() -> None:
    decision = decide(report(a("A1", "V1", "58C"), a("A2", "V1", "45")), ho_offences())
    assert crimes_of(decision) == [("V1", "45", ("A1", "A2"))]
    assert "R-CLASS-VEHICLE" in decision.rules


def test_the_vehicle_rule_wins_even_if_a_reviewer_ranks_the_damage_higher() -> None:
    offences = {**ho_offences(), "58C": replace(ho_offences()["58C"], seriousness_rank=1)}
    decision = decide(report(a("A1", "V1", "58C"), a("A2", "V1", "45")), offences)
    assert decision.crimes[0].offence == "45"


def test_vehicle_damage_in_another_incident_is_its_own_crime() -> None:
    decision = decide(report(a("A1", "V1", "58C", "I1"), a("A2", "V1", "45", "I2")), ho_offences())
    assert [c.offence for c in decision.crimes] == ["58C", "45"]
    assert "R-CLASS-VEHICLE" not in decision.rules


# ---------------------------------------------------------------- R-LOCATION / R-TRANSFER-PROTOCOL
@pytest.mark.parametrize(("location_force", "transfer_to"), [("YY", "YY"), ("XX", None), (None, None)])
def test_a_crime_in_another_forces_area_is_transferred_to_it(
    location_force: str | None, transfer_to: str | None
) -> None:
    decision = decide(report(a("A1", "V1", "58C"), location_force=location_force), ho_offences())
    assert decision.transfer_to == transfer_to
    assert len(decision.crimes) == 1  # still listed for the owning force to record
    assert ("R-LOCATION" in decision.rules) is (transfer_to is not None)
    assert ("R-TRANSFER-PROTOCOL" in decision.rules) is (transfer_to is not None)


# ---------------------------------------------------------------- R-RESTRICTED / R-RAPE-RECORD
@pytest.mark.parametrize(
    ("codes", "restricted"), [(("20A",), True), (("8N",), False), (("8U",), True), (("34B", "20A"), True)]
)
def test_a_crime_with_a_need_to_know_class_is_restricted(codes: tuple[str, ...], restricted: bool) -> None:
    alleged = [a(f"A{i}", "V1", code) for i, code in enumerate(codes, start=1)]
    decision = decide(report(*alleged), ho_offences())
    assert decision.crimes[0].restricted is restricted
    assert ("R-RESTRICTED" in decision.rules) is restricted


@pytest.mark.parametrize("code", sorted(RAPE_CODES))
def test_rape_is_recorded_on_the_victims_account_and_listed_for_daily_review(code: str) -> None:
    decision = decide(report(a("A1", "V1", code)), ho_offences())
    assert crimes_of(decision) == [("V1", code, ("A1",))]
    assert decision.crimes[0].daily_review is True
    assert "R-RAPE-RECORD" in decision.rules
    assert any("daily review" in line and "R-RAPE-RECORD" in line for line in decision.explanation)


def test_a_rape_allegation_not_recorded_is_still_flagged_for_the_daily_review() -> None:
    decision = decide(report(a("A1", "V1", "19F", believed=False)), ho_offences())
    assert decision.crimes == ()
    assert "R-RAPE-RECORD" in decision.rules


def test_an_ordinary_assault_is_not_flagged_for_the_rape_review() -> None:
    decision = decide(report(a("A1", "V1", "8N")), ho_offences())
    assert decision.crimes[0].daily_review is False
    assert "R-RAPE-RECORD" not in decision.rules


def test_every_named_code_constant_is_in_the_csv() -> None:
    named = SERIOUS_SEXUAL_CODES | COURSE_OF_CONDUCT_CODES | ACTION_FRAUD_CODES
    named |= {VEHICLE_DAMAGE_CODE, VEHICLE_THEFT_CODE}
    assert named <= set(ho_classes())
    assert all(ho_classes()[c].category == "Fraud" for c in ACTION_FRAUD_CODES)
    assert all(ho_offences()[c].title.startswith("Rape") for c in RAPE_CODES)


# ---------------------------------------------------------------- Home Office offence codes (V/S markers)
def codes_of(decision: Decision) -> list[tuple[str | None, str, str | None, str]]:
    return [(c.victim, c.offence, c.offence_code, c.counted_per) for c in decision.crimes]


def test_a_v_offence_of_a_state_class_counts_one_per_victim() -> None:
    # 9A is flagged victim_based=false, but s4A (125/9) is printed (V).
    decision = decide(report(a("A1", "V1", "125/9"), a("A2", "V2", "125/9")), ho_offences())
    assert codes_of(decision) == [("V1", "9A", "125/9", "victim"), ("V2", "9A", "125/9", "victim")]
    assert {"R-NCRS-BOP", "R-ONE-PER-VICTIM"} <= set(decision.rules)
    assert "R-VICTIMLESS-COUNT" not in decision.rules
    assert any("public order against a named, identified person" in line for line in decision.explanation)


def test_an_s_offence_of_the_same_class_counts_per_offender_group() -> None:
    # s5 (125/12) is printed (S): one crime per offender or group, victim or not.
    decision = decide(
        report(a("A1", None, "125/12", offenders=("O1", "O2")), a("A2", None, "125/12", offenders=("O3",))),
        ho_offences(),
    )
    assert codes_of(decision) == [(None, "9A", "125/12", "offender"), (None, "9A", "125/12", "offender")]
    # The recording test is cited for every recorded crime, with its state-based limb.
    assert {"R-VICTIMLESS-COUNT", "R-NCRS-STATE", "R-NCRS-BOP"} <= set(decision.rules)


def test_an_s_offence_naming_the_person_it_alarmed_counts_per_victim() -> None:
    # s5 is printed (S), but public order against a named, identified person is not state-based
    # (R-NCRS-STATE: public order with no specific victim is): one crime per person alarmed (issue 20).
    decision = decide(
        report(a("A1", "V1", "125/12", offenders=("O1",)), a("A2", "V2", "125/12", offenders=("O1",))),
        ho_offences(),
    )
    assert [(c.victim, c.offence_code, c.counted_per) for c in decision.crimes] == [
        ("V1", "125/12", "victim"),
        ("V2", "125/12", "victim"),
    ]
    assert {"R-ONE-PER-VICTIM", "R-NCRS-STATE"} <= set(decision.rules)


def test_a_v_offence_without_a_victim_is_refused() -> None:
    with pytest.raises(ReportError) as err:
        decide(report(a("A1", None, "125/11")), ho_offences())
    assert err.value.field == "alleged.0.victim"


@pytest.mark.parametrize("threat", ["9A", "125/9", "125/11"])
def test_threats_and_an_assault_on_one_person_in_one_incident_are_the_principal_crime(threat: str) -> None:
    decision = decide(report(a("A1", "V1", threat), a("A2", "V1", "8N")), ho_offences())
    assert [(c.victim, c.offence, c.allegations) for c in decision.crimes] == [("V1", "8N", ("A1", "A2"))]
    assert decision.crimes[0].offence_code is None  # 8N was given as a class
    assert {"R-PRINCIPAL", "R-ONE-PER-VICTIM", "R-NCRS-BOP"} <= set(decision.rules)


def test_the_principal_crime_keeps_the_offence_code_of_the_allegation_that_leads() -> None:
    # s4 and s4A against one person in one sequence: one 9A crime; the first alleged leads on a tie.
    decision = decide(report(a("A1", "V1", "125/11"), a("A2", "V1", "125/9")), ho_offences())
    assert codes_of(decision) == [("V1", "9A", "125/11", "victim")]
    assert "R-PRINCIPAL" in decision.rules and "R-CLASSIFY" not in decision.rules


def test_an_s_public_order_offence_against_the_victim_joins_the_principal_comparison() -> None:
    decision = decide(
        report(a("A1", "V1", "8N", offenders=("O1",)), a("A2", "V1", "125/12", offenders=("O1",))),
        ho_offences(),
    )
    assert codes_of(decision) == [("V1", "8N", None, "victim")]
    assert "R-PRINCIPAL" in decision.rules


@pytest.mark.parametrize(
    ("victim", "counted_per"), [("V1", "victim"), (None, "offender")], ids=["person named", "no victim"]
)
def test_a_class_holding_v_and_s_counts_by_whether_a_person_is_named(
    victim: str | None, counted_per: str
) -> None:
    decision = decide(report(a("A1", victim, "9A", offenders=("O1",))), ho_offences())
    assert codes_of(decision) == [(victim, "9A", None, counted_per)]
    named = "public order against a named, identified person" if victim else "public order with no named"
    assert any(named in line for line in decision.explanation)


def test_a_mixed_class_with_a_business_named_counts_per_offender() -> None:
    decision = decide(
        report(a("A1", "B1", "9A", offenders=("O1",)), victims=(Victim("B1", "business"),)), ho_offences()
    )
    assert codes_of(decision) == [("B1", "9A", None, "offender")]


@pytest.mark.parametrize(
    ("alleged", "expected"),
    [
        # The same report as class codes and as offence codes: the same count.
        ([("V1", "9A"), ("V2", "9A"), ("V1", "8N")], [("V1", "8N"), ("V2", "9A")]),
        ([("V1", "125/9"), ("V2", "125/11"), ("V1", "8N")], [("V1", "8N"), ("V2", "9A")]),
        ([("V1", "24"), ("V2", "24")], [("V1", "24"), ("V2", "24")]),
        ([("V1", "24/17"), ("V2", "24/18")], [("V1", "24"), ("V2", "24")]),
        ([("V1", "34A"), ("V1", "39")], [("V1", "34A")]),
        ([("V1", "34/1(pt)"), ("V1", "39")], [("V1", "34A")]),
    ],
)
def test_offence_code_and_class_code_forms_of_one_case_give_the_same_count(
    alleged: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    decision = decide(report(*(a(f"A{i}", v, code) for i, (v, code) in enumerate(alleged))), ho_offences())
    assert [(c.victim, c.offence) for c in decision.crimes] == expected


def test_exploitation_of_prostitution_counts_per_person_exploited_and_a_brothel_per_group() -> None:
    decision = decide(
        report(
            a("A1", "V1", "24/17", offenders=("O1", "O2")),
            a("A2", "V2", "24/17", offenders=("O1", "O2")),
            a("A3", None, "24/19", offenders=("O1", "O2")),
            a("A4", None, "24/18", offenders=("O3",)),
        ),
        ho_offences(),
    )
    assert codes_of(decision) == [
        ("V1", "24", "24/17", "victim"),
        ("V2", "24", "24/17", "victim"),
        (None, "24", "24/19", "offender"),
        (None, "24", "24/18", "offender"),
    ]


def test_9b_is_not_in_the_offence_code_file_but_against_a_named_person_counts_per_victim() -> None:
    # ho_offence_codes.csv does not reach 9B and its class flag says victim_based=false; public order
    # against a named person counts per victim all the same and joins the principal comparison.
    assert not any(o.class_code == "9B" for o in ho_offences().values())
    decision = decide(report(a("A1", "V1", "9B", offenders=("O1",)), a("A2", "V1", "8N")), ho_offences())
    assert codes_of(decision) == [("V1", "8N", None, "victim")]


@pytest.mark.parametrize("code", ["92D", "92E", "10D", "77/53"])
def test_a_person_named_as_victim_of_an_offence_with_no_victim_is_refused(code: str) -> None:
    with pytest.raises(ReportError) as err:
        decide(report(a("A1", "V1", "8N"), a("A2", "V1", code, offenders=("O1",))), ho_offences())
    assert err.value.field == "alleged.1.victim"
    assert "no personal victim" in err.value.message


def test_no_personal_victim_categories_are_categories_of_the_csv() -> None:
    categories = {o.category for o in ho_classes().values()}
    assert NO_PERSONAL_VICTIM_CATEGORIES <= categories
    assert all(
        not o.victim_based for o in ho_classes().values() if o.category in NO_PERSONAL_VICTIM_CATEGORIES
    )


def test_the_catalogue_reads_a_repeated_code_once_and_leaves_out_a_clashing_one() -> None:
    classes = ho_classes()
    catalogue, ambiguous = catalogue_with_codes(
        classes,
        [
            ("1/1", "1", "Murder", "V"),
            ("1/1", "1", "Genocide", "V"),
            ("X/1", "9A", "One", "V"),
            ("X/1", "9A", "Two", "S"),
            ("39", "39", "Theft from the person of another", "V"),
        ],
    )
    assert catalogue["1/1"].title == "Murder / Genocide"
    assert catalogue["1/1"].class_of == "1"
    assert "X/1" not in catalogue and ambiguous == {"X/1"}
    assert catalogue["39"] == classes["39"]  # a class code means the class


def test_a_new_offence_code_row_is_counted_by_its_marker_with_no_code_change() -> None:
    catalogue, _ = catalogue_with_codes(
        ho_classes(), [("8/1", "8N", "Wounding or inflicting grievous bodily harm", "V")]
    )
    decision = decide(report(a("A1", "V1", "8/1"), a("A2", "V1", "105A")), catalogue)
    assert codes_of(decision) == [("V1", "8N", "8/1", "victim")]


# ---------------------------------------------------------------- R-NCRS-THIRD-PARTY
def third(
    reporter: str, *, contacted: bool = False, believed: bool = True, offence: str = "8N", **victim: Any
) -> Decision:
    return decide(
        report(
            a("A1", "V1", offence, victim_contacted=contacted, believed=believed),
            victims=(Victim("V1", "person", **victim),),
            reporter=reporter,
        ),
        ho_offences(),
    )


def test_the_victims_own_report_does_not_cite_the_third_party_rule() -> None:
    decision = third("victim", contacted=False)
    assert len(decision.crimes) == 1
    assert "R-NCRS-THIRD-PARTY" not in decision.rules


def test_third_party_report_is_recorded_once_the_victim_confirms() -> None:
    decision = third("witness", contacted=True)
    assert [c.allegations for c in decision.crimes] == [("A1",)]
    assert "R-NCRS-THIRD-PARTY" in decision.crimes[0].rules
    assert any("V1 has been spoken to" in line for line in decision.explanation)


@pytest.mark.parametrize(
    ("victim", "words"),
    [
        ({"age": 15}, "is a child (aged 15)"),
        ({"vulnerable": True}, "vulnerable adult"),
        ({"unreachable": True}, "cannot be identified or traced"),
    ],
    ids=["child", "vulnerable adult", "unreachable"],
)
def test_third_party_report_is_recorded_on_its_account_when_the_victim_cannot_confirm(
    victim: dict[str, Any], words: str
) -> None:
    decision = third("relative", **victim)
    assert [c.allegations for c in decision.crimes] == [("A1",)]
    assert decision.awaiting_confirmation == ()
    assert {"R-NCRS-THIRD-PARTY", "R-NCRS-BOP"} <= set(decision.rules)
    assert any(words in line and "R-NCRS-THIRD-PARTY" in line for line in decision.explanation)


def test_an_eighteen_year_old_is_not_a_child() -> None:
    assert third("relative", age=18).awaiting_confirmation[0].allegation == "A1"


def test_third_party_report_by_a_safeguarding_professional_is_recorded() -> None:
    decision = third("professional")
    assert [c.allegations for c in decision.crimes] == [("A1",)]
    assert any("professional in a care or safeguarding role" in line for line in decision.explanation)


@pytest.mark.parametrize("reporter", ["witness", "relative", "police"])
def test_third_party_report_of_an_adult_not_yet_spoken_to_awaits_confirmation(reporter: str) -> None:
    decision = third(reporter)
    assert decision.crimes == () and decision.not_recorded == ()
    (waiting,) = decision.awaiting_confirmation
    assert (waiting.allegation, waiting.rule, waiting.victim, waiting.offence) == (
        "A1",
        "R-NCRS-THIRD-PARTY",
        "V1",
        "8N",
    )
    assert {"R-NCRS-THIRD-PARTY", "R-NCRS-24H"} <= set(decision.rules)
    assert "R-NCRS-BOP" not in decision.rules
    assert any("Mon 02 Mar 2026 14:05 London time" in line for line in decision.explanation)


def test_awaiting_the_victim_is_not_disbelief() -> None:
    # "believed" judges the account; not having spoken to the victim is victim_contacted.
    decision = third("relative", believed=True)
    assert not decision.not_recorded and decision.awaiting_confirmation


def test_a_third_party_account_that_fails_the_ncrs_test_is_not_recorded_even_for_a_child() -> None:
    decision = third("relative", believed=False, age=10)
    assert [n.rule for n in decision.not_recorded] == ["R-NCRS-BOP"]
    assert "R-NCRS-THIRD-PARTY" in decision.rules


def test_a_third_party_rape_report_awaiting_the_victim_goes_to_the_daily_review_now() -> None:
    decision = third("relative", offence="19C")
    (waiting,) = decision.awaiting_confirmation
    assert waiting.daily_review and waiting.restricted
    assert {"R-RAPE-RECORD", "R-RESTRICTED", "R-NCRS-THIRD-PARTY"} <= set(decision.rules)


def test_a_third_party_report_of_a_state_offence_is_decided_on_the_points_to_prove() -> None:
    decision = decide(
        report(a("A1", None, "92D", offenders=("O1",), victim_contacted=False), reporter="witness"),
        ho_offences(),
    )
    assert [c.offence for c in decision.crimes] == ["92D"]
    assert "R-NCRS-THIRD-PARTY" in decision.rules
    assert "R-NCRS-THIRD-PARTY" not in decision.crimes[0].rules


def test_each_allegation_of_a_third_party_report_takes_its_own_branch() -> None:
    decision = decide(
        report(
            a("A1", "V1", "8N", victim_contacted=True),
            a("A2", "V2", "8N", victim_contacted=False),
            a("A3", "C1", "8N", victim_contacted=False),
            victims=(Victim("V1", "person"), Victim("V2", "person"), Victim("C1", "person", age=9)),
            reporter="witness",
        ),
        ho_offences(),
    )
    assert [c.allegations for c in decision.crimes] == [("A1",), ("A3",)]
    assert [w.allegation for w in decision.awaiting_confirmation] == ["A2"]


@pytest.mark.parametrize(
    ("victim", "field"),
    [
        (Victim("V1", "person", age=-1), "victims.0.age"),
        (Victim("V1", "business", age=40), "victims.0.age"),
        (Victim("V1", "household", vulnerable=True), "victims.0.vulnerable"),
    ],
)
def test_an_impossible_victim_detail_is_refused_naming_the_field(victim: Victim, field: str) -> None:
    with pytest.raises(ReportError) as err:
        decide(report(a("A1", "V1", "58A"), victims=(victim,)), ho_offences())
    assert err.value.field == field


def test_an_unknown_reporter_is_refused() -> None:
    with pytest.raises(ReportError) as err:
        decide(report(a("A1", "V1", "8N"), reporter="alien"), ho_offences())
    assert err.value.field == "reporter"


# ---------------------------------------------------------------- R-FRAUD-AF
@pytest.mark.parametrize("code", sorted(ACTION_FRAUD_CODES))
def test_an_nfib_fraud_is_referred_to_action_fraud_not_recorded(code: str) -> None:
    decision = decide(report(a("A1", "V1", code)), ho_offences())
    assert decision.crimes == ()
    (referred,) = decision.not_recorded
    assert (referred.allegation, referred.rule, referred.refer_to) == ("A1", "R-FRAUD-AF", "action_fraud")
    assert "may still respond and investigate" in referred.reason
    assert decision.rules == ("R-FRAUD-AF",)


@pytest.mark.parametrize("code", ["33A", "35", "61", "814"])
def test_frauds_outside_the_nfib_codes_stay_the_forces_to_record(code: str) -> None:
    victim = "V1" if ho_offences()[code].victim_based else None
    decision = decide(report(a("A1", victim, code, offenders=("O1",))), ho_offences())
    assert [c.offence for c in decision.crimes] == [code]
    assert "R-FRAUD-AF" not in decision.rules


def test_other_offences_in_a_fraud_report_stay_the_forces_and_are_not_folded_into_the_fraud() -> None:
    # The fraud (rank 8) would lead an assault (rank 10) under R-PRINCIPAL; referred away, it does not.
    decision = decide(report(a("A1", "V1", "53C"), a("A2", "V1", "8N")), ho_offences())
    assert crimes_of(decision) == [("V1", "8N", ("A2",))]
    assert [n.rule for n in decision.not_recorded] == ["R-FRAUD-AF"]
    assert any("stay the force's to record (R-FRAUD-AF)" in line for line in decision.explanation)


# ---------------------------------------------------------------- citations
def test_a_recorded_crime_cites_the_recording_test_beside_its_explanation() -> None:
    decision = decide(report(a("A1", "V1", "8N")), ho_offences())
    citation = next(c for c in decision.citations if c.rule == "R-NCRS-BOP")
    assert any("balance of probability" in line for line in citation.explanation)


def test_a_citation_never_matches_a_longer_rule_id() -> None:
    # R-PRINCIPAL must not take the lines that cite only R-PRINCIPAL-CONDUCT.
    decision = decide(report(a("A1", "V1", "8Q"), a("A2", "V1", "8Q", "I2")), ho_offences())
    assert "R-PRINCIPAL" not in decision.rules
    assert all(c.explanation for c in decision.citations)


def test_every_rule_the_engine_can_cite_is_a_rule_of_the_domain_document() -> None:
    domain = HERE.parents[2].parent / "shared" / "DOMAIN-crime.md"
    if not domain.exists():
        pytest.skip("shared/DOMAIN-crime.md is not beside this checkout")
    text = domain.read_text()
    assert all(f"**{rule}**" in text for rule in RULE_ORDER)


# ---------------------------------------------------------------- shape of the output
def test_crimes_are_in_order_of_their_first_allegation_and_carry_offenders() -> None:
    decision = decide(
        report(
            a("A1", "V2", "49", "I9", offenders=("O2",)),
            a("A2", "V1", "8N", offenders=("O1",)),
            a("A3", "V2", "105A", "I9", offenders=("O1", "O2")),
        ),
        ho_offences(),
    )
    assert crimes_of(decision) == [("V2", "49", ("A1", "A3")), ("V1", "8N", ("A2",))]
    assert decision.crimes[0].offenders == ("O2", "O1")


def test_rules_are_deduplicated_in_a_stable_order() -> None:
    decision = decide(report(a("A1", "V1", "8N"), a("A2", "V2", "8N"), a("A3", "V3", "8N")), ho_offences())
    assert len(decision.rules) == len(set(decision.rules))
    assert list(decision.rules) == sorted(decision.rules, key=RULE_ORDER.index)


def test_every_explanation_line_about_a_crime_cites_a_rule() -> None:
    decision = decide(report(a("A1", "V1", "34B"), a("A2", "V1", "8N"), location_force="YY"), ho_offences())
    assert all("(R-" in line for line in decision.explanation)
    assert all(rule in " ".join(decision.explanation) for rule in decision.rules)


# ---------------------------------------------------------------- bad reports
GOOD = report(a("A1", "V1", "8N"))


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        (replace(GOOD, reported_at=datetime(2026, 3, 1, 14, 5)), "reported_at"),
        (replace(GOOD, force=""), "force"),
        (replace(GOOD, location_force=" "), "location_force"),
        (replace(GOOD, victims=(Victim("V1", "alien"),)), "victims.0.kind"),
        (replace(GOOD, victims=(Victim("V1", "person"), Victim("V1", "person"))), "victims.1.ref"),
        (replace(GOOD, alleged=()), "alleged"),
        (replace(GOOD, alleged=(a("A1", "V1", "8N"), a("A2", "V9", "8N"))), "alleged.1.victim"),
        (replace(GOOD, alleged=(a("A1", "V1", "ZZ9"),)), "alleged.0.offence"),
        (replace(GOOD, alleged=(a("A1", "V1", "8N"), a("A1", "V1", "49"))), "alleged.1.ref"),
        (replace(GOOD, alleged=(a("A1", "V1", "8N", ""),)), "alleged.0.incident"),
        (replace(GOOD, alleged=(a("A1", "V1", "8N", offenders=("O1", "")),)), "alleged.0.offenders.1"),
    ],
)
def test_a_bad_report_is_refused_naming_the_field(bad: Report, field: str) -> None:
    with pytest.raises(ReportError) as err:
        decide(bad, ho_offences())
    assert err.value.field == field
    assert err.value.message


# ---------------------------------------------------------------- properties
VICTIM_CODES = sorted(c for c, o in ho_offences().items() if o.victim_based)
STATE_CODES = sorted(c for c, o in ho_offences().items() if not o.victim_based)


@st.composite
def reports(draw: st.DrawFn) -> Report:
    n_victims = draw(st.integers(0, 3))
    victims = []
    for i in range(n_victims):
        kind = draw(st.sampled_from(["person", "business", "household", "society"]))
        person = kind == "person"
        victims.append(
            Victim(
                f"V{i}",
                kind,
                age=draw(st.one_of(st.none(), st.integers(0, 95))) if person else None,
                vulnerable=draw(st.booleans()) if person else False,
                unreachable=draw(st.booleans()),
            )
        )
    alleged = []
    for i in range(draw(st.integers(1, 7))):
        victim = draw(st.sampled_from([None, *(v.ref for v in victims)]))
        code = draw(
            st.sampled_from(STATE_CODES if victim is None else [*VICTIM_CODES, "8Q", "8L", "45", "58C"])
        )
        alleged.append(
            Allegation(
                ref=f"A{i}",
                victim=victim,
                offence=code,
                incident=draw(st.sampled_from(["I1", "I2", "I3"])),
                believed=draw(st.booleans()),
                avi_no_crime=draw(st.booleans()),
                offenders=tuple(draw(st.lists(st.sampled_from(["O1", "O2", "O3"]), max_size=2, unique=True))),
                victim_contacted=draw(st.booleans()),
            )
        )
    reported_at = draw(
        st.datetimes(
            min_value=datetime(2016, 1, 1),
            max_value=datetime(2030, 12, 31),
            timezones=st.sampled_from([UTC, timezone(timedelta(hours=1)), timezone(timedelta(hours=-5))]),
        )
    )
    return Report(
        reported_at=reported_at,
        force="XX",
        location_force=draw(st.sampled_from([None, "XX", "YY"])),
        victims=tuple(victims),
        alleged=tuple(alleged),
        reporter=draw(st.sampled_from(list(rules.Reporter))),
    )


@settings(max_examples=150, deadline=None)
@given(reports())
def test_every_allegation_is_in_exactly_one_crime_or_not_recorded_or_awaiting(rep: Report) -> None:
    decision = decide(rep, ho_offences())
    in_crimes = [ref for c in decision.crimes for ref in c.allegations]
    refused = [n.allegation for n in decision.not_recorded]
    waiting = [w.allegation for w in decision.awaiting_confirmation]
    assert len(in_crimes) == len(set(in_crimes))  # no allegation in two crimes
    assert sorted(in_crimes + refused + waiting) == sorted(x.ref for x in rep.alleged)
    assert ("R-NCRS-THIRD-PARTY" in decision.rules) is (rep.reporter != rules.Reporter.VICTIM)
    if rep.reporter == rules.Reporter.VICTIM:
        assert not waiting


@settings(max_examples=150, deadline=None)
@given(reports())
def test_record_by_is_always_24_hours_after_the_report(rep: Report) -> None:
    decision = decide(rep, ho_offences())
    assert decision.record_by == rep.reported_at + timedelta(hours=24)
    assert decision.record_by.utcoffset() == timedelta(0)
    assert ("R-NCRS-24H" in decision.rules) is bool(decision.crimes or decision.awaiting_confirmation)


@settings(max_examples=150, deadline=None)
@given(reports())
def test_the_decision_is_deterministic_and_well_formed(rep: Report) -> None:
    first = decide(rep, ho_offences())
    assert first == decide(rep, ho_offences())
    assert len(first.rules) == len(set(first.rules))
    firsts = [min(i for i, x in enumerate(rep.alleged) if x.ref in c.allegations) for c in first.crimes]
    assert firsts == sorted(firsts)
    for crime in first.crimes:
        assert isinstance(crime, CrimeToRecord)
        given = [ho_offences()[x.offence] for x in rep.alleged if x.ref in crime.allegations]
        assert crime.offence in {g.class_of for g in given}
        assert ho_offences()[crime.offence].class_code is None  # recorded under a class
        assert set(crime.rules) <= set(first.rules)
        # The recording test for every crime; R-NCRS-STATE for one counted per offender (its points to
        # prove) and for public order counted per victim (state-based only with no specific victim).
        assert "R-NCRS-BOP" in crime.rules
        public_order = any(g.class_of in PUBLIC_ORDER_VICTIM_CODES for g in given)
        assert ("R-NCRS-STATE" in crime.rules) is (crime.counted_per == "offender" or public_order)
    assert [c.rule for c in first.citations] == list(first.rules)
    assert all(c.explanation for c in first.citations)
    assert set(first.rules) <= DOMAIN_RULE_IDS


def test_every_module_of_the_rules_package_imports_only_the_standard_library_and_its_siblings() -> None:
    """STYLE.md: rules are pure. Split by stage, each module may import the standard library and its own
    siblings, never Django, a model or a service."""
    modules = sorted(Path(rules.__file__).parent.glob("*.py"))
    assert len(modules) > 1
    for path in modules:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                assert name.split(".")[0] in sys.stdlib_module_names or name.startswith("recording.rules."), (
                    path.name,
                    name,
                )
