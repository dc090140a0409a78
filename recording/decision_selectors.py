"""Reads for the recording decision: the offence catalogue that `recording.rules.decide` judges against."""

from __future__ import annotations

from recording.models import Offence
from recording.rules import OffenceInfo


def offence_catalogue() -> dict[str, OffenceInfo]:
    """Every Home Office offence class of the Offence table (loaded from ho_offences.csv), by code.

    One query over ~130 narrow rows per call; read fresh each time so a corrected reference table
    (`manage.py load_reference`) is used at once, with no cache to invalidate."""
    rows = Offence.objects.order_by("code").values_list(
        "code", "title", "category", "victim_based", "seriousness_rank", "restricted", "notifiable"
    )
    return {
        code: OffenceInfo(
            code=code,
            title=title,
            category=category,
            victim_based=victim_based,
            seriousness_rank=rank,
            restricted=restricted,
            notifiable=notifiable,
        )
        for code, title, category, victim_based, rank, restricted, notifiable in rows
    }
