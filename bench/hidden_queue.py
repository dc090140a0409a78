"""The sergeant's possible-hidden-crime queue page enters the bench (issue 21 part 2): its cost grows with
the open flags, so the bench gives it a backlog far larger than a real force's (every open flag is a
narrative a sergeant has not yet read) before measuring the page. The flags are written in one
INSERT ... SELECT over incidents closed under non-crime codes (risk bands spread evenly), not by the
screen: the page's cost is what is measured, the screen's own figures are bench/screen.py's."""

from __future__ import annotations

import json

from django.db import connection

from qa.models import HiddenCrimeFlag
from recording.models import Incident

PATH = "/queues/qa-hidden-crimes/"
READING = json.dumps(
    {
        "verdict": "crime",
        "score": 0.9,
        "patterns_version": 1,
        "crimes": [
            {
                "offence": "8N",
                "title": "Assault with injury",
                "principal": True,
                "refer_to": None,
                "evidence": [],
                "patterns": ["BENCH"],
                "rules": [],
            }
        ],
        "discounted": [],
    }
)


def seed_open_flags(count: int) -> int:
    """Open possible-hidden-crime flags on `count` incidents closed as non-crime (kept if already there)."""
    have = HiddenCrimeFlag.objects.filter(status=HiddenCrimeFlag.Status.OPEN).count()
    if have >= count:
        return have
    flags, incidents = HiddenCrimeFlag._meta.db_table, Incident._meta.db_table
    sql = f"""
        INSERT INTO {flags} (
            incident_id, patterns_version, verdict, score, narrative, reading, offences, risk,
            incident_opened_at, flagged_at, status, referral_reference, dismiss_reason, detail
        )
        SELECT i.id, 1, 'crime', 0.9, i.summary, %(reading)s::jsonb, '["8N"]'::jsonb, i.id %% 4, i.opened_at,
               now(), 'open', '', '', ''
        FROM {incidents} i
        WHERE NOT i.crime_related AND i.closed_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM {flags} f WHERE f.incident_id = i.id)
        ORDER BY i.id
        LIMIT %(n)s
    """  # noqa: S608 - table names come from model metadata; values are bound parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, {"reading": READING, "n": count - have})
        cursor.execute(f"ANALYZE {flags}")
    return HiddenCrimeFlag.objects.filter(status=HiddenCrimeFlag.Status.OPEN).count()
