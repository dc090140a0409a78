"""The nightly hidden-crime screen, its flags and the sergeant's actions (issue 21 parts 2 and 3)."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from config.exceptions import DomainError
from conftest import as_never_analysed
from qa import selectors
from qa.models import HiddenCrimeFlag, HiddenCrimeFlagPattern, ScreenedIncident
from qa.services import hidden_crimes
from qa.tests.factories import make_crime, make_incident
from recording.services.incidents import incident_link_crime

pytestmark = pytest.mark.usefixtures("reference_data")

PUSHED = (
    "Caller states her partner pushed her against the wall and punched her in the face. She has a cut lip."
)
SHELTER = "Youths smashed the bus shelter window and ran off towards the park."
QUIET = "Neighbour dispute over parking. Words only, no offences disclosed. Advice given."
CARD = "Caller says someone used her bank card online to buy goods worth 300 pounds without her permission."


def closed(nsir: str, summary: str, *, hours_ago: int = 5, **kw: Any) -> Any:
    opened = timezone.now() - timedelta(hours=hours_ago + 1)
    return make_incident(
        nsir=nsir, summary=summary, opened_at=opened, closed_at=opened + timedelta(hours=1), **kw
    )


def test_the_screen_flags_crimes_in_non_crime_incidents_once_risk_first(make_user: Any) -> None:
    shelter = closed("ASB-ROWDY", SHELTER, hours_ago=50)  # older, but criminal damage ranks below violence
    pushed = closed("PS-DOMESTIC", PUSHED)
    closed("ASB-NEIGHBOURS", QUIET)
    make_incident(
        nsir="CRIME-VIOLENCE", summary=PUSHED
    )  # a crime code: the sweep's business, not the screen's
    first = hidden_crimes.hidden_crime_screen()
    assert (first.screened, first.flagged, first.open, first.complete) == (3, 2, 2, True)
    assert [f.incident for f in selectors.hidden_crime_flags()] == [pushed, shelter]
    flag = HiddenCrimeFlag.objects.get(incident=pushed)
    assert flag.risk == HiddenCrimeFlag.Risk.VIOLENCE and flag.offences[0] == "8N"
    assert flag.narrative == PUSHED and flag.reading["verdict"] == "crime"
    assert flag.history.first().history_change_reason == hidden_crimes.FLAG_REASON  # type: ignore[attr-defined]
    assert set(HiddenCrimeFlagPattern.objects.filter(flag=flag).values_list("pattern", flat=True)) >= {
        "VAP-BATTERY"
    }
    again = hidden_crimes.hidden_crime_screen()  # the same version reads nothing twice
    assert (again.screened, again.flagged) == (0, 0)
    assert HiddenCrimeFlag.objects.count() == 2 and ScreenedIncident.objects.count() == 3


def test_a_new_version_of_the_patterns_reads_again_and_refreshes_only_open_flags(make_user: Any) -> None:
    pushed, shelter = closed("PS-DOMESTIC", PUSHED), closed("ASB-ROWDY", SHELTER)
    hidden_crimes.hidden_crime_screen()
    sergeant = make_user("sergeant")
    done = HiddenCrimeFlag.objects.get(incident=shelter)
    hidden_crimes.hidden_crime_dismiss(
        flag_id=done.pk, reason="no_offence", detail="Shelter was already broken", actor=sergeant
    )
    newer = dataclasses.replace(selectors.screen_patterns_current(), version=99)
    result = hidden_crimes.hidden_crime_screen(patterns=newer)
    assert (result.screened, result.flagged) == (2, 0)
    assert HiddenCrimeFlag.objects.get(incident=pushed).patterns_version == 99  # open: refreshed
    assert HiddenCrimeFlag.objects.get(incident=shelter).patterns_version != 99  # decided: stays decided
    assert set(ScreenedIncident.objects.values_list("patterns_version", flat=True)) == {99}


def test_an_interrupted_screen_keeps_its_chunks_and_the_next_run_finishes_without_duplicates() -> None:
    for _ in range(3):
        closed("PS-DOMESTIC", PUSHED)
    closed("ASB-ROWDY", SHELTER)
    part = hidden_crimes.hidden_crime_screen(chunk_size=1, max_chunks=2)
    assert (part.screened, part.complete) == (2, False)
    rest = hidden_crimes.hidden_crime_screen(chunk_size=1)
    assert (rest.screened, rest.complete) == (2, True)
    assert HiddenCrimeFlag.objects.count() == 4
    assert HiddenCrimeFlag.objects.values("incident").distinct().count() == 4


def test_linking_a_crime_to_the_incident_closes_its_flag_as_recorded(make_user: Any) -> None:
    incident = closed("PS-DOMESTIC", PUSHED, location="4 Elm Road")
    hidden_crimes.hidden_crime_screen()
    recorder = make_user("recorder")
    crime = make_crime(
        offence="8N",
        reported_at=incident.opened_at,
        recorded_at=incident.opened_at + timedelta(hours=1),
        location="4 Elm Road",
        recorded_by=recorder,
    )
    incident_link_crime(
        incident_id=incident.pk, crime_number=crime.crime_number, actor=recorder, reason="Same event"
    )
    flag = HiddenCrimeFlag.objects.get()
    assert (flag.status, flag.crime, flag.closed_by) == ("recorded", crime, recorder)
    assert "recorded for the incident" in flag.history.first().history_change_reason  # type: ignore[attr-defined]


def test_the_run_closes_flags_whose_incident_already_has_a_crime(make_user: Any) -> None:
    incident = closed("PS-DOMESTIC", PUSHED)
    hidden_crimes.hidden_crime_screen()
    crime = make_crime(offence="8N")
    crime.incidents.add(incident)  # a link no announcement reached
    result = hidden_crimes.hidden_crime_screen()
    assert (result.closed, result.open) == (1, 0)
    assert HiddenCrimeFlag.objects.get().crime == crime


def test_recording_with_a_crime_of_another_kind_or_place_needs_a_reason(make_user: Any) -> None:
    incident = closed("PS-DOMESTIC", PUSHED, location="4 Elm Road")
    hidden_crimes.hidden_crime_screen()
    flag = HiddenCrimeFlag.objects.get()
    sergeant = make_user("sergeant")
    crime = make_crime(
        offence="8N",
        reported_at=incident.opened_at,
        recorded_at=incident.opened_at + timedelta(hours=1),
        location="19 Oak Avenue",
    )
    with pytest.raises(DomainError) as err:
        hidden_crimes.hidden_crime_record(flag_id=flag.pk, crime_number=crime.crime_number, actor=sergeant)
    assert err.value.field == "reason" and "it happened at '19 Oak Avenue'" in err.value.message
    hidden_crimes.hidden_crime_record(
        flag_id=flag.pk, crime_number=crime.crime_number, actor=sergeant, reason="Victim gave her new address"
    )
    flag.refresh_from_db()
    assert (flag.status, flag.crime) == ("recorded", crime)
    assert crime.incidents.filter(pk=incident.pk).exists()


def test_dismissing_needs_a_listed_reason_and_words_and_referring_keeps_the_reference(make_user: Any) -> None:
    closed("ASB-COMMS", CARD)
    closed("ASB-ROWDY", SHELTER)
    hidden_crimes.hidden_crime_screen()
    sergeant = make_user("sergeant")
    card = HiddenCrimeFlag.objects.get(incident__summary=CARD)
    assert card.reading["crimes"][0]["refer_to"] == "action_fraud"
    hidden_crimes.hidden_crime_refer(
        flag_id=card.pk, actor=sergeant, reference="NFRC26010001", detail="Reported"
    )
    card.refresh_from_db()
    assert (card.status, card.referral_reference) == ("referred", "NFRC26010001")
    shelter = HiddenCrimeFlag.objects.get(incident__summary=SHELTER)
    for reason, detail, field in (("bored", "x", "reason"), ("no_offence", " ", "detail")):
        with pytest.raises(DomainError) as err:
            hidden_crimes.hidden_crime_dismiss(
                flag_id=shelter.pk, reason=reason, detail=detail, actor=sergeant
            )
        assert err.value.field == field
    assert HiddenCrimeFlag.objects.get(pk=shelter.pk).status == "open"
    with pytest.raises(DomainError):
        hidden_crimes.hidden_crime_refer(flag_id=card.pk, actor=sergeant)  # already closed


def test_dismissal_reasons_and_outcomes_are_counted_per_pattern(make_user: Any) -> None:
    for _ in range(3):
        closed("ASB-ROWDY", SHELTER)
    closed("PS-DOMESTIC", PUSHED)
    hidden_crimes.hidden_crime_screen()
    sergeant = make_user("sergeant")
    shelters = list(HiddenCrimeFlag.objects.filter(incident__summary=SHELTER).order_by("pk"))
    hidden_crimes.hidden_crime_dismiss(
        flag_id=shelters[0].pk, reason="no_offence", detail="Old damage", actor=sergeant
    )
    hidden_crimes.hidden_crime_dismiss(
        flag_id=shelters[1].pk, reason="already_recorded", detail="XX/1", actor=sergeant
    )
    crime = make_crime(offence="58D")
    crime.incidents.add(shelters[2].incident)
    hidden_crimes.hidden_crime_close_recorded()
    stats = {s.pattern: s for s in selectors.hidden_crime_pattern_stats()}
    damage = stats["CD-DAMAGE"]
    assert (damage.flags, damage.recorded, damage.dismissed, damage.open) == (3, 1, 2, 0)
    assert damage.dismissed_by_reason == {
        "No offence disclosed when the whole log is read": 1,
        "Already recorded under another crime number": 1,
    }
    assert damage.precision == pytest.approx(1 / 3)
    assert damage.interval is not None and damage.interval.low < 1 / 3 < damage.interval.high
    assert [(w.recorded, w.decided) for w in damage.weeks] == [(1, 3)]
    assert stats["VAP-BATTERY"].open == 1 and stats["VAP-BATTERY"].precision is None
    assert not damage.for_review  # under 20 uses: too few to judge


def test_a_pattern_below_half_over_twenty_uses_is_listed_for_review(make_user: Any) -> None:
    for _ in range(20):
        closed("ASB-ROWDY", SHELTER)
    hidden_crimes.hidden_crime_screen()
    sergeant = make_user("sergeant")
    for flag in HiddenCrimeFlag.objects.all()[:11]:
        hidden_crimes.hidden_crime_dismiss(
            flag_id=flag.pk, reason="no_offence", detail="Old damage", actor=sergeant
        )
    for flag in HiddenCrimeFlag.objects.filter(status="open"):
        hidden_crimes.hidden_crime_refer(flag_id=flag.pk, actor=sergeant)
    damage = next(s for s in selectors.hidden_crime_pattern_stats() if s.pattern == "CD-DAMAGE")
    assert (damage.decided, damage.precision, damage.for_review) == (20, 9 / 20, True)


def test_the_command_screens_since_a_date_and_prints_the_open_count_last(capsys: Any) -> None:
    closed("PS-DOMESTIC", PUSHED, hours_ago=24 * 10)
    closed("ASB-ROWDY", SHELTER)
    since = (timezone.localdate() - timedelta(days=2)).isoformat()
    call_command("screen_incidents", "--since", since)
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-1] == "1" and "read 1 narrative" in out[0]
    assert HiddenCrimeFlag.objects.get().incident.summary == SHELTER


def test_the_dashboard_shows_hidden_crimes_found_and_recorded_per_week(make_user: Any) -> None:
    from qa.dashboard import dashboard_build, dashboard_charts

    closed("PS-DOMESTIC", PUSHED)
    shelter = closed("ASB-ROWDY", SHELTER)
    hidden_crimes.hidden_crime_screen()
    crime = make_crime(offence="58D")
    crime.incidents.add(shelter)
    hidden_crimes.hidden_crime_close_recorded()
    data = dashboard_build(day=timezone.localdate(), weeks=2, with_caseloads=False)
    assert [(w.hidden_found, w.hidden_recorded) for w in data.trend] == [(0, 0), (2, 1)]
    assert dashboard_charts(data)["hidden_crimes"].title == "Hidden crimes found and recorded by week"


UNSURE = (
    "RP states her husband smashed his own phone in anger during an argument. Phone was his. "
    "No threats, no violence. Both calm."
)


def test_an_unsure_reading_waits_in_its_own_band_after_the_crimes_and_is_not_counted_as_found() -> None:
    from qa.dashboard import dashboard_build

    unsure = closed("PS-DOMESTIC", UNSURE, hours_ago=200)  # the oldest, yet last
    shelter = closed("ASB-ROWDY", SHELTER)
    hidden_crimes.hidden_crime_screen()
    flag = HiddenCrimeFlag.objects.get(incident=unsure)
    assert (flag.verdict, flag.risk) == ("unsure", HiddenCrimeFlag.Risk.UNSURE)
    assert [f.incident for f in selectors.hidden_crime_flags()] == [shelter, unsure]
    data = dashboard_build(day=timezone.localdate(), weeks=2, with_caseloads=False)
    assert sum(w.hidden_found for w in data.trend) == 1


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_raise_each_flag_once() -> None:
    import threading

    from django.db import connection

    for _ in range(6):
        closed("PS-DOMESTIC", PUSHED)
        closed("ASB-ROWDY", SHELTER)
    errors: list[BaseException] = []

    def run() -> None:
        try:
            hidden_crimes.hidden_crime_screen(chunk_size=2)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert HiddenCrimeFlag.objects.count() == 12
    assert ScreenedIncident.objects.count() == 12


def _statistics(table: str) -> tuple[object, float]:
    """last_analyze and reltuples of `table`, read afresh (stats snapshots are cached per transaction)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT s.last_analyze, c.reltuples FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid"
            " WHERE s.relname = %s",
            [table],
        )
        last_analyze, reltuples = cursor.fetchone()
    return last_analyze, float(reltuples)


@pytest.mark.django_db(transaction=True)
def test_a_first_full_screen_leaves_its_tables_analysed() -> None:
    """Issue 24 part 3: thousands of readings and flags in one run; the planner must not think them empty."""
    from config.statistics import ANALYZE_MIN_ROWS

    as_never_analysed(HiddenCrimeFlag, ScreenedIncident)
    many = ANALYZE_MIN_ROWS + 10
    for _ in range(many):
        closed("PS-DOMESTIC", PUSHED)
    flags, readings = HiddenCrimeFlag._meta.db_table, ScreenedIncident._meta.db_table
    before = _statistics(flags)[0], _statistics(readings)[0]
    first = hidden_crimes.hidden_crime_screen()
    assert (first.screened, first.flagged) == (many, many)
    after = _statistics(flags), _statistics(readings)
    assert after[0][0] not in (None, before[0]) and after[1][0] not in (None, before[1])
    assert after[0][1] == after[1][1] == many
    assert hidden_crimes.hidden_crime_screen().screened == 0  # nothing new: no second ANALYZE
    assert (_statistics(flags), _statistics(readings)) == after
