"""The registry of record kinds: the records other features (files, letters, review bundles) hang on.

A record is named by its kind's `key` ("crime", "complaint_case") and its id. The app that owns the
record registers its kind through an AppConfig hook (config.registry documents it):

    def record_kinds(self) -> list[RecordKind]

so `staffing`, the floor both recording and complaints stand on, can hold generic things about a record
(its files, its letters) without importing the apps above it (STYLE 1, "Imports run one way").

Opening a record goes through the kind's `open`: the owning app's one need-to-know rule (a record the
user may not see is an Http404, as for no record at all) and the access log entry for the view, in one
call, so no caller can check without logging or log without checking (STYLE 13, "Every path that
changes a record asks the same question")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from django.apps import apps
from django.db.models import Model
from django.http import Http404

from staffing.letter_sources import LetterSource


class RecordOpener(Protocol):
    def __call__(self, *, user: Any, pk: int | str, purpose: str, path: str, action: str = "view") -> Any:
        """The record `pk` if `user` may see it (else Http404), its access written to the access log
        with `action` ("view", "download", "export", ...) and the `purpose` the person gave."""
        ...


@dataclass(frozen=True)
class RecordKind:
    """One kind of record, as its owning app describes it.

    `key`: the stable name stored beside generic rows (a file's `record_type`), e.g. "crime".
    `label`: what a person reads ("Crime", "Complaint case").
    `model`: the record's model.
    `open`: see RecordOpener: the app's need-to-know rule and the access log, in one call.
    `reference(record)`: the record's reference as people know it (crime number, case reference).
    `url(record)`: the record's page.
    `review_on(record)`: the record's retention (MoPI) review date, None while it is still open (the date
        is set when the record is finalised or closed). What it means for the files on the record is the
        retention schedule (staffing/reference/retention_schedule.csv).
    `letters`: what letters may say about the record and what a sent letter does to it
        (staffing.letter_sources.LetterSource: placeholders, states, facts, on_sent); None: no letters."""

    key: str
    label: str
    model: type[Model]
    open: RecordOpener
    reference: Callable[[Any], str]
    url: Callable[[Any], str]
    review_on: Callable[[Any], date | None]
    letters: LetterSource | None = None

    def record_id(self, record: Any) -> int:
        return int(record.pk)


def record_kinds() -> dict[str, RecordKind]:
    """Every registered record kind, keyed by `key`, in app order."""
    kinds: dict[str, RecordKind] = {}
    for config in apps.get_app_configs():
        provider = getattr(config, "record_kinds", None)
        if provider is not None:
            for kind in provider():
                if kind.key in kinds:
                    raise ValueError(f"Record kind {kind.key!r} is registered twice.")
                kinds[kind.key] = kind
    return kinds


def record_kind(key: str) -> RecordKind:
    """The kind `key`; an unknown key is a 404 (a URL or an API path named it)."""
    kind = record_kinds().get(key)
    if kind is None:
        raise Http404(f"No record kind {key!r}.")
    return kind


def record_open(*, key: str, pk: int | str, user: Any, purpose: str, path: str, action: str = "view") -> Any:
    """The record `pk` of kind `key` for `user`: need-to-know checked and the access logged (Http404 when
    the user may not see it)."""
    return record_kind(key).open(user=user, pk=pk, purpose=purpose, path=path, action=action)


def record_kind_for(record: Any) -> RecordKind:
    """The registered kind of a record instance (LookupError: its model is no registered kind)."""
    for kind in record_kinds().values():
        if isinstance(record, kind.model):
            return kind
    raise LookupError(f"{type(record).__name__} is not a registered record kind.")
