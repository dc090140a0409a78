"""The risk order of the crime work queues weighs the offence itself (issue 20 part 2): restricted and
serious sexual offences first, then the victim's vulnerability, domestic abuse and hate crime, then the
offence's seriousness rank (carried from the Home Office class, ho_offences.csv), then the THRIVE grade;
a crime nobody has graded counts as immediate, so it never sinks below one graded as minor. The partial
index keeps a page of the queue a read of the index, not a sort of every open crime."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from config.queues import RISK_NOTE
from recording import rules
from recording.models import CancellationRequest, ClassificationChange, Crime, CrimeTransfer, Grade, Offence
from recording.queues import AWAITING_VICTIM, CRIME_COLUMNS, CRIMES_TO_ALLOCATE
from recording.services import decisions, reclassification
from recording.services.crimes import CrimeDetails
from recording.tests.factories import CrimeFactory
from staffing.tests.factories import TeamFactory

pytestmark = pytest.mark.django_db

RISK = CRIME_COLUMNS[0].order_by or ()
CHANGES = (CancellationRequest, ClassificationChange, CrimeTransfer)


@pytest.fixture
def sergeant(make_user: Any) -> Any:
    return make_user("sergeant", team=TeamFactory(code="RSK"))


def crime(code: str, *, hours_ago: float = 1, grade: str = "", **flags: bool) -> Crime:
    return CrimeFactory.create(
        offence=Offence.objects.get(code=code),
        reported_at=timezone.now() - timedelta(hours=hours_ago + 1),
        recorded_at=timezone.now() - timedelta(hours=hours_ago),
        grade=grade,
        **flags,
    )


def queue(user: Any) -> list[str]:
    """The crimes-to-allocate queue in its default (risk) order, as its page and home count read it."""
    rows = CRIMES_TO_ALLOCATE.select(user).order_by(*RISK, "pk")
    return [c.crime_number for c in rows]


def test_it_puts_an_ungraded_rape_of_a_vulnerable_victim_above_a_graded_vehicle_interference(
    reference_data: None, sergeant: Any
) -> None:
    minor = crime("126", hours_ago=30, grade=Grade.IMMEDIATE, vulnerable_victim=True)
    rape = crime("19C", hours_ago=1, vulnerable_victim=True)
    assert queue(sergeant) == [rape.crime_number, minor.crime_number]


def test_it_puts_an_ungraded_serious_crime_above_a_graded_minor_one(
    reference_data: None, sergeant: Any
) -> None:
    minor = crime("126", hours_ago=30, grade=Grade.IMMEDIATE)  # interfering with a motor vehicle, rank 14
    gbh = crime("5D", hours_ago=1)  # assault with intent to cause serious harm, rank 5, not graded
    assert queue(sergeant) == [gbh.crime_number, minor.crime_number]


def test_an_ungraded_crime_counts_as_immediate_never_below_a_graded_one_of_the_same_offence(
    reference_data: None, sergeant: Any
) -> None:
    scheduled = crime("58C", hours_ago=40, grade=Grade.SCHEDULED)
    immediate = crime("58C", hours_ago=30, grade=Grade.IMMEDIATE)
    ungraded = crime("58C", hours_ago=20)
    # Ungraded ties with immediate (then the oldest first); both come before the scheduled one.
    assert queue(sergeant) == [immediate.crime_number, ungraded.crime_number, scheduled.crime_number]


def test_restricted_offences_come_before_the_victim_flags_and_violence_by_seriousness_rank(
    reference_data: None, sergeant: Any
) -> None:
    theft = crime("45", hours_ago=50, grade=Grade.IMMEDIATE)  # theft from a vehicle, rank 11
    common = crime("8N", hours_ago=40, grade=Grade.IMMEDIATE)
    gbh = crime("5D", hours_ago=10, grade=Grade.PRIORITY)  # rank 5: above the less serious 8N
    vulnerable = crime("45", hours_ago=5, grade=Grade.SCHEDULED, vulnerable_victim=True)
    sexual = crime("17A", hours_ago=1, grade=Grade.SCHEDULED)  # a restricted class
    ranks = {o.code: o.seriousness_rank for o in Offence.objects.filter(code__in=["8N", "5D", "45"])}
    assert ranks["5D"] < ranks["8N"] < ranks["45"]
    assert queue(sergeant) == [
        sexual.crime_number,
        vulnerable.crime_number,
        gbh.crime_number,
        common.crime_number,
        theft.crime_number,
    ]


def test_the_page_lists_the_queue_in_the_same_risk_order(reference_data: None, sergeant: Any) -> None:
    minor = crime("126", hours_ago=30, grade=Grade.IMMEDIATE)
    rape = crime("19C", hours_ago=1)
    client = Client()
    client.force_login(sergeant)
    html = client.get(reverse("recording:to-allocate")).content.decode()
    assert html.index(rape.crime_number) < html.index(minor.crime_number)
    assert "Not graded (counts as immediate)" in html


def test_a_crime_carries_its_offences_rank_and_a_reclassification_carries_the_new_one(
    reference_data: None, sergeant: Any, make_user: Any
) -> None:
    item = crime("8N")
    assert item.seriousness_rank == Offence.objects.get(code="8N").seriousness_rank
    change = reclassification.reclassification_propose(
        crime=item, actor=sergeant, offence_code="5D", reason="Injury more serious than first thought"
    )
    reclassification.reclassification_decide(
        change=change, actor=make_user("manager"), approve=True, note="Ok"
    )
    item.refresh_from_db()
    assert item.seriousness_rank == Offence.objects.get(code="5D").seriousness_rank
    assert item.history.first().seriousness_rank == item.seriousness_rank  # type: ignore[attr-defined]


def test_a_page_of_the_risk_ordered_queue_reads_the_partial_index(
    reference_data: None, sergeant: Any
) -> None:
    """EXPLAIN on a few thousand open crimes: the first page comes from crime_risk_queue_idx (an index
    scan that stops after the page), not a sort of every open crime."""
    offences = list(Offence.objects.order_by("code")[:40])
    now = timezone.now()
    rows = [
        Crime(
            crime_number=f"XX/26/{700000 + n:06d}",
            offence=offences[n % len(offences)],
            seriousness_rank=offences[n % len(offences)].seriousness_rank,
            restricted=offences[n % len(offences)].restricted,
            status=Crime.Status.RECORDED if n % 4 else Crime.Status.FINALISED,
            reported_at=now - timedelta(hours=n % 500 + 2),
            recorded_at=now - timedelta(hours=n % 500 + 1),
            record_by=now + timedelta(hours=20),
            grade=["", "immediate", "priority", "scheduled"][n % 4],
            vulnerable_victim=n % 11 == 0,
            domestic_abuse=n % 7 == 0,
            hate_crime=n % 13 == 0,
        )
        for n in range(4000)
    ]
    Crime.objects.bulk_create(rows, batch_size=1000)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Crime._meta.db_table}")
    page = CRIMES_TO_ALLOCATE.select(sergeant).order_by(*RISK, "pk")[:25]
    plan = page.explain()
    assert "crime_risk_queue_idx" in plan, plan
    assert "Sort" not in plan.split("crime_risk_queue_idx")[0], plan


# ---------------------------------------------------------------- reports awaiting the victim
def waiting(recorder: Any, code: str, *, hours_ago: float, grade: str = "", **flags: bool) -> Any:
    """A witness's report of `code`, the victim not yet spoken to (R-NCRS-THIRD-PARTY): it waits."""
    report = rules.Report(
        reported_at=timezone.now() - timedelta(hours=hours_ago),
        force="XX",
        reporter="witness",
        victims=(rules.Victim(ref="V1", kind="person"),),
        alleged=(
            rules.Allegation(ref="A1", victim="V1", offence=code, incident="I1", victim_contacted=False),
        ),
    )
    saved = decisions.decision_record(
        actor=recorder, report=report, details=CrimeDetails(grade=grade, **flags)
    )
    assert saved.awaiting is not None and not saved.crimes
    return saved.awaiting


def test_the_awaiting_victim_queue_is_in_the_risk_order_not_only_by_deadline(
    reference_data: None, sergeant: Any, make_user: Any, api_as: Any
) -> None:
    """The sergeant rings the riskiest first: the restricted report, then domestic abuse, then the more
    serious offence, then the grade (ungraded as immediate); the nearest deadline only within one risk.
    By deadline alone the interference with a motor vehicle reported 21 hours ago would come first."""
    recorder = make_user("recorder")
    scheduled_vehicle = waiting(recorder, "126", hours_ago=21, grade=Grade.SCHEDULED)
    immediate_vehicle = waiting(recorder, "126", hours_ago=20, grade=Grade.IMMEDIATE)
    ungraded_vehicle = waiting(recorder, "126", hours_ago=1)
    gbh = waiting(recorder, "5D", hours_ago=1)
    domestic_theft = waiting(recorder, "45", hours_ago=3, grade=Grade.SCHEDULED, domestic_abuse=True)
    rape = waiting(recorder, "19C", hours_ago=2, grade=Grade.SCHEDULED)
    expected = [rape, domestic_theft, gbh, immediate_vehicle, ungraded_vehicle, scheduled_vehicle]
    assert (rape.seriousness_rank, gbh.seriousness_rank, immediate_vehicle.seriousness_rank) == (4, 5, 14)

    assert list(AWAITING_VICTIM.select(sergeant)) == expected
    client = Client()
    client.force_login(sergeant)
    html = client.get(reverse("queue", args=[AWAITING_VICTIM.key])).content.decode()
    shown = [html.index(f"/recording/awaiting-victim/{row.pk}/") for row in expected]
    assert shown == sorted(shown)
    assert "Not graded (counts as immediate)" in html and "Domestic abuse" in html
    listed = api_as("sergeant").get("/api/v1/recording/awaiting-victim/").json()["results"]
    assert [row["id"] for row in listed] == [row.pk for row in expected]


# Every role that works a queue of crimes, waiting reports or changes to crimes: a DDM who is not a
# supervisor sees the cancellations awaiting a DDM (R-CANCEL-DDM) and nothing else of the approvals.
CRIME_ROLES = ["recorder", "investigator", "ddm recorder", "ddm investigator", "sergeant", "manager", "admin"]


def crime_role(make_user: Any, role: str) -> Any:
    from recording.tests.factories import grant_skill
    from staffing.models import Skill

    ddm, _, base = role.rpartition(" ")
    user = make_user(base, team=TeamFactory())
    return grant_skill(user, Skill.DDM) if ddm else user


@pytest.mark.parametrize("role", CRIME_ROLES)
def test_every_work_queue_of_crimes_or_waiting_reports_opens_in_the_risk_order(
    reference_data: None, make_user: Any, role: str
) -> None:
    """Whatever queue a crime (or a report awaiting the victim, or a change to a crime awaiting a
    decision) waits in, it opens riskiest first: the list's default column is the risk order, and the
    selector reads in that order too (the API)."""
    from config.registry import work_queues_for
    from recording.models import AwaitingVictim

    user = crime_role(make_user, role)
    of_crimes = [
        q for q in work_queues_for(user) if q.select(user).model in (Crime, AwaitingVictim, *CHANGES)
    ]
    assert of_crimes  # every role here has at least its victim updates
    for queue in of_crimes:
        risk = next((c for c in queue.columns if c.key == queue.default_sort), None)
        assert risk is not None and risk.order_by is not None, queue.key
        assert risk.order_by[:5] == RISK[:5] and "grade_rank" in risk.order_by, queue.key
        assert RISK_NOTE.split(";")[0] in queue.ordering_note, queue.key


# ---------------------------------------------------------------- changes awaiting a decision
def approvals(user: Any, make_user: Any) -> dict[str, list[Any]]:
    """Through the services, a cancellation, a reclassification and a transfer each way of a shoplifting
    (the oldest), a grievous bodily harm, a rape and an interference with a motor vehicle (the newest);
    by queue, what each queue must list, riskiest first: neither the oldest nor the newest first. Every
    crime is recorded by `user`, so a DDM who is not a supervisor may see the rape (R-RESTRICTED)."""
    from recording.services import cancellation, transfers
    from recording.tests.factories import ForceFactory

    recorder, sergeant = make_user("recorder"), make_user("sergeant")
    ForceFactory(code="YY")
    now = timezone.now()

    def of(code: str) -> Crime:
        return CrimeFactory.create(
            offence=Offence.objects.get(code=code), recorded_by=user, grade=Grade.PRIORITY
        )

    made: dict[str, dict[str, Any]] = {"cancel": {}, "reclassify": {}, "in": {}, "out": {}}
    # (offence cancelled or transferred, a reclassification's from and to), the oldest first. A
    # reclassification weighs the more serious of its two offences: toward a rape, restricted; from an
    # assault with injury (rank 10) to one without (14), before the shoplifting (11).
    for name, code, change in (
        ("shoplifting", "46", ("49", "46")),
        ("gbh", "5D", ("45", "5D")),
        ("rape", "19C", ("126", "19C")),
        ("vehicle", "126", ("8N", "105A")),
    ):
        made["cancel"][name] = cancellation.cancellation_request(
            crime=of(code), actor=recorder, criterion_code="C4", evidence="Recorded in error"
        )
        made["reclassify"][name] = reclassification.reclassification_propose(
            crime=of(change[0]), actor=sergeant, offence_code=change[1], reason="On review"
        )
        made["out"][name] = transfers.transfer_out_request(
            crime=of(code), actor=sergeant, force_code="YY", reason="Happened in their area"
        )
        made["in"][name] = transfers.transfer_in_register(
            actor=sergeant,
            force_code="YY",
            their_reference=f"YY/{name}",
            offence_code=code,
            reported_at=now - timedelta(hours=2),
            summary="Happened in our area",
        )
    order = ["rape", "gbh", "shoplifting", "vehicle"]
    ins, outs = made["in"], made["out"]
    return {
        "recording-cancellations": [made["cancel"][n] for n in order],
        "recording-reclassifications": [
            made["reclassify"][n] for n in ("rape", "gbh", "vehicle", "shoplifting")
        ],
        "recording-transfers-in": [ins[n] for n in order],
        "recording-transfers-out": [outs[n] for n in order],
        # An incoming transfer not yet accepted is not graded: it counts as immediate, before the
        # transfer of a crime of the same offence graded priority, though that one was asked for first.
        "recording-transfers-to-allocate": [t for n in order for t in (ins[n], outs[n])],
    }


def marker(item: Any) -> str:
    """What the list page shows of an item: its crime's number, or the sending force's reference."""
    crime = getattr(item, "crime", None)
    return crime.crime_number if crime is not None else item.their_reference


CHANGE_APIS = {
    "recording-cancellations": "/api/v1/recording/cancellations/?status=pending",
    "recording-reclassifications": "/api/v1/recording/reclassifications/?status=proposed",
    "recording-transfers-in": "/api/v1/recording/transfers/?status=pending&direction=in",
    "recording-transfers-out": "/api/v1/recording/transfers/?status=pending&direction=out",
}


@pytest.mark.parametrize("role", ["ddm recorder", "ddm investigator", "sergeant", "manager", "admin"])
def test_every_queue_of_changes_awaiting_a_decision_opens_in_the_risk_of_the_crime_concerned(
    reference_data: None, make_user: Any, role: str
) -> None:
    """The sergeant's and the DDM's approval queues (cancellations, reclassifications, transfers in, out
    and to allocate) weigh the crime each change is about, not only its age: a cancellation of a rape
    never waits under one of a shoplifting requested earlier. The home count's selector, the list page
    it opens and the API list read the same order."""
    from rest_framework.test import APIClient

    from config.registry import work_queues_for
    from staffing.services import user_token

    user = crime_role(make_user, role)
    expected = approvals(user, make_user)
    queues = [q for q in work_queues_for(user) if q.select(user).model in CHANGES]
    keys = {q.key for q in queues}
    assert keys == ({"recording-cancellations"} if role.startswith("ddm") else set(expected)), keys
    client = Client()
    client.force_login(user)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {user_token(user=user)}")
    for queue in queues:
        rows = expected[queue.key]
        assert list(queue.select(user)) == rows, queue.key
        assert queue.summary(user).count == len(rows), queue.key
        html = client.get(queue.url).content.decode()
        shown = [html.index(marker(row)) for row in rows]
        assert shown == sorted(shown), queue.key
        assert queue.ordering_note in html and "Restricted offence" in html, queue.key
        if queue.key in CHANGE_APIS:
            listed = api.get(CHANGE_APIS[queue.key]).json()["results"]
            assert [r["id"] for r in listed] == [row.pk for row in rows], queue.key


def test_reports_saved_before_take_their_risk_from_what_they_kept(
    reference_data: None, make_user: Any
) -> None:
    """The migration that added the risk fields fills them for reports already waiting, from the
    allegations and the report they kept, as the service now sets them."""
    import importlib

    from django.apps import apps

    from recording.models import AwaitingVictim

    recorder = make_user("recorder")
    rows = [
        waiting(
            recorder, "19C", hours_ago=2, grade=Grade.SCHEDULED, domestic_abuse=True, vulnerable_victim=True
        ),
        waiting(recorder, "126", hours_ago=3, hate_crime=True),
    ]
    fields = ["seriousness_rank", "vulnerable_victim", "domestic_abuse", "hate_crime", "grade"]
    saved = [[getattr(row, f) for f in fields] for row in rows]
    AwaitingVictim.objects.update(
        seriousness_rank=99, vulnerable_victim=False, domestic_abuse=False, hate_crime=False, grade=""
    )
    importlib.import_module("recording.migrations.0021_awaiting_victim_risk").carry(apps, None)
    carried = [[getattr(row, f) for f in fields] for row in AwaitingVictim.objects.order_by("pk")]
    assert carried == saved == [[4, True, True, False, Grade.SCHEDULED], [14, False, False, True, ""]]


def test_the_approval_lists_cost_the_same_queries_however_many_rows(
    reference_data: None, make_user: Any
) -> None:
    """The risk comes from the crime joined into the list's one page query (and the incoming transfer's
    offence), never a query per row: each list page and API list costs as many queries for twice the
    rows."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from rest_framework.test import APIClient

    from config.registry import work_queues_for
    from staffing.services import user_token

    sergeant = crime_role(make_user, "sergeant")
    client = Client()
    client.force_login(sergeant)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {user_token(user=sergeant)}")
    queues = [q for q in work_queues_for(sergeant) if q.select(sergeant).model in CHANGES]
    urls = [q.url for q in queues] + list(CHANGE_APIS.values())

    def costs() -> list[int]:
        counted = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert (client if url.startswith("/recording/") else api).get(url).status_code == 200
            counted.append(len(queries))
        return counted

    approvals(sergeant, make_user)
    few = costs()
    approvals(sergeant, make_user)
    assert costs() == few, dict(zip(urls, few, strict=True))


def test_a_list_of_decided_changes_opens_the_oldest_first_and_says_so(
    reference_data: None, make_user: Any
) -> None:
    """Nothing decided waits, so the decided lists keep the order the (status, date) index reads: the page
    the oldest first, saying that the risk order is for those awaiting a decision, the API the newest
    first as before; the Risk column still sorts them on request."""
    from recording import selectors
    from recording.models import CancellationRequest
    from recording.services import cancellation

    sergeant, recorder = crime_role(make_user, "sergeant"), make_user("recorder")
    ddm = crime_role(make_user, "ddm investigator")
    made = [
        cancellation.cancellation_request(
            crime=CrimeFactory.create(offence=Offence.objects.get(code=code)),
            actor=recorder,
            criterion_code="C4",
            evidence="Recorded in error",
        )
        for code in ("46", "5D")
    ]
    for request in made:
        cancellation.cancellation_decide(request=request, actor=ddm, approve=False, note="Stays recorded")
    assert set(CancellationRequest.objects.values_list("status", flat=True)) == {"rejected"}
    client = Client()
    client.force_login(sergeant)
    url = reverse("recording:cancellation-list")
    html = client.get(f"{url}?status=rejected").content.decode()
    assert html.index(made[0].crime.crime_number) < html.index(made[1].crime.crime_number)
    assert "The oldest first. Those awaiting a decision open riskiest first." in html
    resorted = client.get(f"{url}?status=rejected&sort=risk").content.decode()
    assert resorted.index(made[1].crime.crime_number) < resorted.index(made[0].crime.crime_number)
    assert list(selectors.cancellation_list(user=sergeant, status="rejected")) == made[::-1]


def test_the_approval_lists_name_offences_and_criteria_in_words(reference_data: None, make_user: Any) -> None:
    """People read labels, not codes (STYLE.md): the cancellation list named the offence and the Section C
    criterion by bare code ('46', 'C4'), the reclassification list the offence it changes from."""
    sergeant = make_user("sergeant")
    approvals(sergeant, make_user)
    client = Client()
    client.force_login(sergeant)
    cancellations = client.get(reverse("recording:cancellation-list")).content.decode()
    assert "46 Shoplifting" in cancellations
    assert escape(f"C4 {criterion_title('C4')}") in cancellations
    changes = client.get(reverse("recording:reclassification-list")).content.decode()
    assert "49 Other theft" in changes


def criterion_title(code: str) -> str:
    from recording.models import CancellationCriterion

    return CancellationCriterion.objects.get(code=code).title
