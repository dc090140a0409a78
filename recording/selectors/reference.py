"""Reads of reference data: the force directory, the offence catalogue the recording decision judges
against, resolving an offence code, and the offence search behind the decision form's picker."""

from __future__ import annotations

import csv
import functools
import itertools
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from django.db.models import Q, QuerySet

from config.exceptions import DomainError
from config.reference_cache import ReferenceCache
from recording.models import (
    Force,
    Offence,
    OffenceCode,
)
from recording.rules import Counting, OffenceInfo, classification

logger = logging.getLogger(__name__)


def force_list() -> QuerySet[Force]:
    return Force.objects.order_by("name")


def offence_catalogue() -> dict[str, OffenceInfo]:
    """What `recording.rules.decide` judges against, by the code a report may give: every Home Office
    class (ho_offences.csv) and every Home Office offence code (ho_offence_codes.csv) under its class
    (recording.rules.classification.catalogue_with_codes says how repeated and clashing codes are read).

    Built again whenever either table has changed, so a corrected reference table (`manage.py
    load_reference`, the admin) is used at once; otherwise one small query for the tables' version
    (config.reference_cache). Reading and merging both tables on every decision cost the decision API
    2-3 ms a request (issue 24 part 4). Each caller gets its own dict."""
    return dict(_catalogue.get(_catalogue_read))


# The catalogue as last built, with the version of the two tables it was read from.
_catalogue: ReferenceCache[dict[str, OffenceInfo]] = ReferenceCache(Offence, OffenceCode)


def _catalogue_read() -> dict[str, OffenceInfo]:
    classes = {
        code: OffenceInfo(
            code=code,
            title=title,
            category=category,
            victim_based=victim_based,
            seriousness_rank=rank,
            restricted=restricted,
            notifiable=notifiable,
        )
        for code, title, category, victim_based, rank, restricted, notifiable in Offence.objects.order_by(
            "code"
        ).values_list(
            "code", "title", "category", "victim_based", "seriousness_rank", "restricted", "notifiable"
        )
    }
    codes = OffenceCode.objects.order_by("id").values_list("code", "offence_class__code", "title", "counting")
    catalogue, ambiguous = classification.catalogue_with_codes(classes, codes)
    for code in sorted(ambiguous):
        logger.warning("Offence code %s is printed under different classes or markers: give the class", code)
    return catalogue


def offence_resolve(code: str, *, field: str = "offence") -> tuple[Offence, OffenceCode | None]:
    """The class and, where given, the Home Office offence a code names (a class code wins, as in
    offence_catalogue), in any letter case. A code printed under different classes or markers is
    refused: give the class.
    A code printed twice alike (1/1) names its first row."""
    code = code.strip()
    klass = Offence.objects.filter(code__iexact=code).first()
    if klass is not None:
        return klass, None
    rows = list(OffenceCode.objects.select_related("offence_class").filter(code__iexact=code).order_by("id"))
    if not rows:
        raise DomainError(f"Unknown offence code {code!r}.", field=field)
    if len({(r.offence_class_id, r.counting) for r in rows}) > 1:
        raise DomainError(
            f"Offence code {code!r} is printed under more than one class or marker: give the class.",
            field=field,
        )
    return rows[0].offence_class, rows[0]


@dataclass(frozen=True)
class OffenceChoice:
    """One line of an offence search: a Home Office class, or an offence code under its class. `code`
    is what a report gives as `alleged[].offence`."""

    code: str
    title: str
    is_class: bool
    class_code: str
    class_title: str
    category: str
    seriousness_rank: int
    restricted: bool
    victim_based: bool
    #: The offence's marker (V, S, S/V) and its words; blank for a class.
    counting: str = ""
    counting_label: str = ""
    legislation: str = ""
    source: str = ""


OFFENCE_SYNONYMS_CSV = Path(__file__).resolve().parents[1] / "reference" / "offence_synonyms.csv"


@functools.cache
def offence_synonyms() -> dict[str, tuple[str, ...]]:
    """Everyday words and the offences they may mean ("bike": 44 theft of a pedal cycle; "phone": theft
    from the person, robbery ...): recording/reference/offence_synonyms.csv, data read once."""
    with OFFENCE_SYNONYMS_CSV.open(newline="", encoding="utf-8") as handle:
        return {row["word"].casefold(): tuple(row["codes"].split()) for row in csv.DictReader(handle)}


def _synonym_codes(q: str) -> set[str]:
    """The offence codes the everyday words in `q` stand for (each word, or the whole of q)."""
    table = offence_synonyms()
    words = {q.casefold(), *re.findall(r"[\w-]+", q.casefold())}
    return {code for word in words for code in table.get(word, ())}


def offence_search(q: str = "", *, limit: int | None = None) -> list[OffenceChoice]:
    """Classes and Home Office offence codes whose code, title, legislation or category match `q`
    ("assault", "burglary", "8N", "125/9", "s4A"); all of them when `q` is blank. A code typed exactly
    comes first; then classes in code order, each offence under the class it belongs to. Searching a
    class code also lists the offences under it. Three queries (classes, their markers, offences)."""
    q = q.strip()
    class_qs = Offence.objects.order_by("code")
    codes = OffenceCode.objects.select_related("offence_class").order_by("offence_class__code", "id")
    if q:
        # Everyday words find their offences through the synonyms file ("bike", "phone").
        synonyms = _synonym_codes(q)
        class_qs = class_qs.filter(
            Q(code__iexact=q) | Q(title__icontains=q) | Q(category__icontains=q) | Q(code__in=synonyms)
        )
        codes = codes.filter(
            Q(code__iexact=q)
            | Q(code__istartswith=f"{q}/")
            | Q(title__icontains=q)
            | Q(legislation__icontains=q)
            | Q(offence_class__code__iexact=q)
            | Q(offence_class__title__icontains=q)
        )
    classes = list(class_qs)
    markers: dict[str, set[str]] = {}
    for class_code, counting in (
        OffenceCode.objects.filter(offence_class__in=classes)
        .values_list("offence_class__code", "counting")
        .distinct()
    ):
        markers.setdefault(class_code, set()).add(counting)
    choices = [
        OffenceChoice(
            code=o.code,
            title=o.title,
            is_class=True,
            class_code=o.code,
            class_title=o.title,
            category=o.category,
            seriousness_rank=o.seriousness_rank,
            restricted=o.restricted,
            victim_based=o.victim_based,
            counting_label=_class_counting_label(o.victim_based, markers.get(o.code, set())),
        )
        for o in classes
    ]
    choices += [
        OffenceChoice(
            code=c.code,
            title=c.title,
            is_class=False,
            class_code=c.offence_class.code,
            class_title=c.offence_class.title,
            category=c.offence_class.category,
            seriousness_rank=c.offence_class.seriousness_rank,
            restricted=c.offence_class.restricted,
            victim_based=c.counting == OffenceCode.Counting.VICTIM,
            counting=c.counting,
            counting_label=c.get_counting_display(),
            legislation=c.legislation,
            source=c.source,
        )
        for c in codes
    ]
    exact = q.casefold()
    # A code or an exact title typed comes first ("Other theft" is 49, not every theft holding the words).
    choices.sort(
        key=lambda c: (
            c.code.casefold() != exact and c.title.casefold() != exact,
            _code_order(c.class_code),
            not c.is_class,
        )
    )
    return choices[:limit] if limit is not None else choices


def _class_counting_label(victim_based: bool, markers: set[str]) -> str:
    """How a class code given alone is counted (recording.rules.counting.counts_per_victim)."""
    if classification.class_is_mixed({Counting(m) for m in markers}):
        return "Per victim when a person is named as victim, otherwise per offender (holds both)"
    return "Per victim" if victim_based else "Per offender or group"


def _code_order(code: str) -> tuple[int, str]:
    """Home Office class codes in their natural order: 1, 2, 3A, ..., 8N, 9A, 10A, ..., 105A, 802."""
    digits = "".join(itertools.takewhile(str.isdigit, code))
    return (int(digits) if digits else 0, code[len(digits) :])
