"""The recording decision engine (recording/rules.py): pure, no database. Each test names the rule of
shared/DOMAIN-crime.md it checks; the offence catalogue is read from recording/reference/ho_offences.csv."""

from __future__ import annotations

import csv
import json
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
    is_ncrs_breach,
    record_by,
)

HERE = Path(__file__).resolve().parent
CSV = HERE.parent / "reference" / "ho_offences.csv"
EXAMPLES = json.loads((HERE / "data" / "recording_examples.json").read_text())
NOW = datetime(2026, 3, 1, 14, 5, tzinfo=UTC)


@cache
def ho_offences() -> dict[str, OffenceInfo]:
    """The offence catalogue as the API builds it from the Offence table, read straight from the CSV."""
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
    [("EX-R1", ("R-NCRS-24H", "R-ONE-PER-VICTIM")), ("EX-R4", ("R-CANCEL-AVI",))],
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
    assert any("R-NCRS-24H" in line and "2026-03-02 14:05 UTC" in line for line in decision.explanation)


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
    titles = {code: ho_offences()[code].title.lower() for code in rules.COURSE_OF_CONDUCT_CODES}
    assert all(("stalking" in t) or ("harassment" in t) or ("coercive" in t) for t in titles.values())
    found = {
        o.code
        for o in ho_offences().values()
        if any(w in o.title.lower() for w in ("stalking", "harassment", "coercive"))
    }
    assert found == rules.COURSE_OF_CONDUCT_CODES


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
    assert rules.rule_version_for(reported_at) is version


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


@pytest.mark.parametrize("code", sorted(rules.RAPE_CODES))
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
    named = rules.SERIOUS_SEXUAL_CODES | rules.COURSE_OF_CONDUCT_CODES
    named |= {rules.VEHICLE_DAMAGE_CODE, rules.VEHICLE_THEFT_CODE}
    assert named <= set(ho_offences())
    assert all(ho_offences()[c].title.startswith("Rape") for c in rules.RAPE_CODES)


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
    assert list(decision.rules) == sorted(decision.rules, key=rules.RULE_ORDER.index)


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
    victims = tuple(
        Victim(f"V{i}", draw(st.sampled_from(["person", "business", "household", "society"])))
        for i in range(n_victims)
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
        victims=victims,
        alleged=tuple(alleged),
    )


@settings(max_examples=150, deadline=None)
@given(reports())
def test_every_allegation_is_in_exactly_one_crime_or_not_recorded(rep: Report) -> None:
    decision = decide(rep, ho_offences())
    in_crimes = [ref for c in decision.crimes for ref in c.allegations]
    refused = [n.allegation for n in decision.not_recorded]
    assert len(in_crimes) == len(set(in_crimes))  # no allegation in two crimes
    assert not set(in_crimes) & set(refused)
    assert sorted(in_crimes + refused) == sorted(x.ref for x in rep.alleged)


@settings(max_examples=150, deadline=None)
@given(reports())
def test_record_by_is_always_24_hours_after_the_report(rep: Report) -> None:
    decision = decide(rep, ho_offences())
    assert decision.record_by == rep.reported_at + timedelta(hours=24)
    assert decision.record_by.utcoffset() == timedelta(0)
    assert ("R-NCRS-24H" in decision.rules) is bool(decision.crimes)


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
        assert crime.offence in {x.offence for x in rep.alleged if x.ref in crime.allegations}
        assert crime.offence in ho_offences()
        assert set(crime.rules) <= set(first.rules)
