"""Demo incidents and crimes: a few thousand incidents over six weeks, a few hundred crimes at every stage
of their life, and a force directory. Deterministic for a given rng (times are relative to now)."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import TextIO

from django.utils import timezone

from config.exceptions import DomainError
from recording.models import Force, ImportBatch, Incident, NsirCode
from recording.services import (
    cancellation,
    casework,
    contact,
    crimes,
    incidents,
    outcomes,
    reclassification,
    transfers,
)
from staffing.models import Absence, Skill, User
from staffing.services import allocation_assign, allocation_people_for, training_record_add, user_has_skill

INCIDENTS = 3000
CASELOAD = 6  # open crimes per investigator: a weighted load of 12, leaving room under the ceiling
DAYS = 42

# Forces of the directory (recording/reference/forces.csv, by its codes): the demo adds their transfer
# contacts, so no force is listed twice.
FORCES = [
    ("GREATERMANCH", "Greater Manchester Police"),
    ("WESTMIDLANDS", "West Midlands Police"),
    ("METROPOLITAN", "Metropolitan Police Service"),
    ("WESTYORKSHIR", "West Yorkshire Police"),
    ("SOUTHWALES", "South Wales Police"),
    ("THAMESVALLEY", "Thames Valley Police"),
]

# The offences a crime-related NSIR type usually becomes (codes from ho_offences.csv).
OFFENCES_BY_NSIR = {
    "CRIME": ["46", "58C", "8L"],
    "CRIME-VIOLENCE": ["8N", "105A", "8L", "5D", "8P"],
    "CRIME-SEXUAL": ["20A", "19C", "17A"],
    "CRIME-ROBBERY": ["34B", "34A"],
    "CRIME-BURGLARY": ["28E", "28F", "28G", "28H"],
    "CRIME-VEHICLE": ["45", "48", "126"],
    "CRIME-THEFT": ["46", "49", "39", "44"],
    "CRIME-DAMAGE": ["58A", "58B", "58C", "58D"],
    # The log says cannabis: a cannabis find is 92E, not 92D (drugs other than cannabis).
    "CRIME-DRUGS": ["92E"],
    "CRIME-WEAPONS": ["10A", "10D"],
    "CRIME-PUBLIC-ORDER": ["9A", "9B", "8M"],
    "CRIME-FRAUD": ["53D", "53E"],
    "CRIME-DOMESTIC": ["8N", "105A", "8U"],
}
SUMMARIES = {
    "CRIME-VIOLENCE": "Caller reports a man assaulted outside licensed premises",
    "CRIME-SEXUAL": "Report of a sexual assault on a bus",
    "CRIME-ROBBERY": "Phone snatched with force near the station",
    "CRIME-BURGLARY": "Householder returns to find back door forced",
    "CRIME-VEHICLE": "Car window smashed and bag taken",
    "CRIME-THEFT": "Bicycle stolen from outside a shop",
    "CRIME-DAMAGE": "Garden fence kicked down overnight",
    "CRIME-DRUGS": "Patrol finds a man with suspected cannabis",
    "CRIME-WEAPONS": "Youth seen with a knife in the park",
    "CRIME-PUBLIC-ORDER": "Man shouting threats at staff in a takeaway",
    "CRIME-FRAUD": "Elderly caller tricked into handing over bank card",
    "CRIME-DOMESTIC": "Neighbour hears a woman screaming next door",
    # Non-crime codes whose logs hide a crime (issue 21: the nightly screen puts them before a sergeant),
    # beside ones that do not.
    "PS-DOMESTIC": "Verbal argument between partners. On arrival she says he pushed her against the wall "
    "and punched her in the face; cut lip. He denies any assault.",
    "ASB-ROWDY": "Group of youths shouting in the precinct; they smashed the bus shelter window and ran off.",
    "PS-CONCERN": "Concern for welfare of an elderly man. Found safe and well, no offences disclosed.",
    "ASB-NEIGHBOURS": "Loud music from the flat above. Words only, no threats made.",
}
STREETS = [
    "High Street",
    "Station Road",
    "Church Lane",
    "Park Avenue",
    "Mill Road",
    "Queen Street",
    "Victoria Road",
]
TOWNS = ["Ashford", "Bramley", "Castleton", "Dunmore", "Eastwick"]
NAMES = [
    "Ann Patel",
    "Ben Hughes",
    "Cara Lewis",
    "Dan Okafor",
    "Eve Morgan",
    "Faisal Khan",
    "Gwen Price",
    "Hari Singh",
]


def _grade(rng: random.Random) -> str:
    return rng.choices(
        ["immediate", "priority", "scheduled", "resolved_without_deployment"], weights=[1, 3, 4, 2]
    )[0]


def seed_recording(rng: random.Random, out: TextIO) -> None:
    if not NsirCode.objects.exists():
        from staffing.reference import reference_load

        reference_load()
    sergeant = User.objects.filter(role=User.Role.SERGEANT, is_active=True).order_by("username").first()
    admin = User.objects.filter(role=User.Role.ADMIN).order_by("username").first()
    recorders = list(User.objects.filter(role=User.Role.RECORDER).order_by("username"))
    away: dict[int, list[Absence]] = {r.pk: [] for r in recorders}
    for absence in Absence.objects.filter(user__in=recorders):
        away[absence.user_id].append(absence)
    investigators = list(User.objects.filter(role=User.Role.INVESTIGATOR).order_by("username"))
    if sergeant is None or not recorders or not investigators:
        out.write("Recording: no demo staff yet; skipped.\n")
        return
    # The demo sergeant is the designated decision maker for cancellations (R-CANCEL-DDM): a DDM training
    # record in staffing, the one place that says who holds the skill.
    if not user_has_skill(sergeant, Skill.DDM):
        training_record_add(
            user=sergeant,
            skill=Skill.DDM,
            trained_on=timezone.localdate() - timedelta(days=120),
            expires_on=timezone.localdate() + timedelta(days=610),
            actor=admin or sergeant,
            evidence="Force DDM course (demo)",
        )

    for code, name in FORCES:
        transfers.force_save(
            actor=sergeant,
            # The directory holds every force already (reference data): the demo adds the contacts.
            force=Force.objects.filter(code=code).first(),
            code=code,
            name=name,
            transfer_email=f"crime.transfers@{code.lower()}.police.example",
            transfer_phone=f"0300 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            notes="Annex A transfers by email; phone for urgent cases.",
            last_verified=timezone.localdate() - timedelta(days=rng.randint(5, 200)),
            reason="Demo data",
        )

    now = timezone.now()
    codes = list(NsirCode.objects.values_list("code", "crime_related"))
    crime_codes = [c for c, related in codes if related and c in OFFENCES_BY_NSIR]
    other_codes = [c for c, related in codes if not related]
    rows = []
    for n in range(INCIDENTS):
        crime_related = rng.random() < 0.17
        code = rng.choice(crime_codes if crime_related else other_codes)
        opened = now - timedelta(minutes=rng.randint(30, DAYS * 24 * 60))
        closed = (
            opened + timedelta(minutes=rng.randint(20, 600)) if opened < now - timedelta(hours=12) else None
        )
        rows.append(
            {
                "reference": f"XX-{opened:%Y%m%d}-{n:05d}",
                "opened_at": opened,
                "closed_at": closed,
                "nsir_code": code,
                "grade": _grade(rng),
                "summary": SUMMARIES.get(code, f"Incident: {code.replace('-', ' ').lower()}"),
                "location": f"{rng.randint(1, 200)} {rng.choice(STREETS)}, {rng.choice(TOWNS)}",
            }
        )
    result = incidents.incidents_upsert(rows=enumerate(rows), actor=admin, source=ImportBatch.Source.DEMO)

    # About four in five crime-related incidents older than a day become crimes; the rest are left for the
    # unrecorded-incident sweep to find (R-NSIR-AUDIT-TRAIL).
    candidates = list(
        Incident.objects.filter(crime_related=True, import_batch=result.batch)
        .select_related("nsir_code")
        .order_by("reference")
    )
    made = 0
    caseload: dict[int, int] = {}
    for incident in candidates:
        if rng.random() > 0.8 or made >= 450:
            continue
        offence = rng.choice(OFFENCES_BY_NSIR[incident.nsir_code.code])
        # A recorder away that day (leave, sickness, a course) records nothing.
        on_duty = [
            r
            for r in recorders
            if not any(
                a.starts_on <= timezone.localtime(incident.opened_at).date() <= a.ends_on for a in away[r.pk]
            )
        ]
        if not on_duty:
            continue
        recorder = rng.choice(on_duty)
        delay = timedelta(
            hours=rng.choice([1, 2, 3, 5, 8, 12, 20, 23]) if rng.random() > 0.1 else rng.randint(25, 60)
        )
        recorded_at = min(incident.opened_at + delay, now)
        suspect_known = rng.random() < 0.45
        victimless = offence in {"92D", "92E", "92A", "10A", "10D"}
        try:
            crime = crimes.crime_create(
                actor=recorder,
                offence_code=offence,
                reported_at=incident.opened_at,
                recorded_at=recorded_at,
                victims=[]
                if victimless
                else [
                    crimes.VictimInput(
                        ref="V1",
                        name=rng.choice(NAMES),
                        contact="07700 900" + str(rng.randint(100, 999)),
                        vulnerable=rng.random() < 0.15,
                    )
                ],
                suspects=[crimes.SuspectInput(ref="O1", name=rng.choice(NAMES), identified=True)]
                if suspect_known
                else [],
                incident_references=[incident.reference],
                details=crimes.CrimeDetails(
                    summary=incident.summary,
                    location=incident.location,
                    grade=incident.grade,
                    domestic_abuse=incident.nsir_code.code == "CRIME-DOMESTIC",
                ),
                reason="Demo data",
            )
        except DomainError:
            continue
        made += 1
        _progress(rng, crime, sergeant, investigators, suspect_known, victimless, caseload)
    _pending_work(rng, sergeant, investigators)
    out.write(f"Recording: {Incident.objects.count()} incidents, {made} crimes, {len(FORCES)} forces\n")


def _progress(
    rng: random.Random,
    crime: crimes.Crime,
    sergeant: User,
    investigators: list[User],
    suspect: bool,
    victimless: bool,
    caseload: dict[int, int],
) -> None:
    """Move a demo crime along its life: allocation, victim contact, enquiries, outcome. No investigator
    holds more than CASELOAD open crimes (weight 2 each, under staffing's ceiling of 20), as a sergeant
    would see it: a crime that would stay open with nobody to take it is older work, finalised."""
    roll = rng.random()
    if roll < 0.15 and crime.recorded_at > timezone.now() - timedelta(days=7):
        return  # this week's crimes waiting in the sergeant's queue to allocate
    stays_open = roll < 0.45 or roll >= 0.75
    # Only whom staffing would accept for this crime (a rape: an investigator trained for it).
    allowed = set(allocation_people_for(item=crime, team=None).values_list("pk", flat=True))
    investigators = [i for i in investigators if i.pk in allowed] or investigators
    room = [i for i in investigators if caseload.get(i.pk, 0) < CASELOAD]
    if stays_open and not room:
        stays_open, roll = False, 0.5
    owner = rng.choice(room if stays_open else investigators)
    if stays_open:
        caseload[owner.pk] = caseload.get(owner.pk, 0) + 1
    casework.crime_allocate(crime=crime, actor=sergeant, owner=owner, team=None, reason="Demo allocation")
    if not victimless and rng.random() < 0.6:
        contacted = min(crime.recorded_at + timedelta(days=rng.randint(1, 6)), timezone.now())
        contact.victim_update_record(
            crime=crime,
            actor=owner,
            contacted_at=contacted,
            method=rng.choice(["phone", "email", "visit"]),
            summary="Explained the investigation plan and gave the crime number.",
        )
    if rng.random() < 0.3:
        contact.enquiry_create(
            crime=crime, actor=owner, kind=rng.choice(["cctv", "house_to_house", "forensic"])
        )
    if roll < 0.45:
        casework.crime_set_status(
            crime=crime, actor=owner, status="under_investigation", reason="Enquiries begun"
        )
        return
    if roll < 0.75:
        outcome = "1" if suspect else "18"
        outcomes.crime_finalise(crime=crime, actor=owner, outcome_code=outcome, reason="Demo outcome")


def _pending_work(rng: random.Random, sergeant: User, investigators: list[User]) -> None:
    """Queues with something in them: reclassifications, cancellations and transfers awaiting decisions."""
    open_crimes = list(
        crimes.Crime.objects.filter(status__in=["allocated", "under_investigation"]).order_by("id")[:40]
    )
    rng.shuffle(open_crimes)
    # Each request's reason fits its crime: a more serious injury for an assault, an item found again
    # for a theft, a record made in error for a theft that was a lost item.
    assaults = [c for c in open_crimes if c.offence.code in {"8N", "105A"}]
    thefts = [c for c in open_crimes if c.offence.code in {"39", "44", "46", "49"}]
    open_crimes = [c for c in open_crimes if c not in assaults[:5] and c not in thefts[:5]]
    for crime in assaults[:5]:
        try:
            reclassification.reclassification_propose(
                crime=crime,
                actor=rng.choice(investigators),
                offence_code="5D",
                reason="Medical notes show the injury is more serious than first reported.",
            )
        except DomainError:
            continue
    for crime in thefts[:3]:
        cancellation.cancellation_request(
            crime=crime,
            actor=rng.choice(investigators),
            criterion_code="C2",
            evidence="CCTV reviewed by the OIC.",
            avi="CCTV shows the item was dropped by the owner and picked up by a passer-by who handed it in.",
        )
    for crime in thefts[3:5]:
        cancellation.cancellation_request(
            crime=crime,
            actor=rng.choice(investigators),
            criterion_code="C4",
            evidence="Recorded in error: the caller's own account on the log is of an item lost, not stolen, "
            "so it never met the recording standard.",
        )
    for crime, (code, _name) in zip(open_crimes[:3], FORCES, strict=False):
        transfer = transfers.transfer_out_request(
            crime=crime, actor=sergeant, force_code=code, reason=f"Offence took place in {code}'s area."
        )
        try:  # who arranges it: the allocation service's suggestion across every team
            allocation_assign(
                item=transfer, skill=Skill.CRIME_TRANSFERS, weight=1, assignee=None, actor=sergeant
            )
        except DomainError:
            pass
    for n, (code, _name) in enumerate(FORCES[3:5]):
        transfers.transfer_in_register(
            actor=sergeant,
            force_code=code,
            their_reference=f"{code}/26/{rng.randint(10000, 99999)}",
            offence_code="46",
            reported_at=timezone.now() - timedelta(hours=6 + n),
            summary="Theft at a retail park in our area.",
            victim_name=rng.choice(NAMES),
        )
