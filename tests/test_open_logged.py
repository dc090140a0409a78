"""Open a record and log the access: one function (staffing.services.open_logged) behind every page,
API view and admin view of a need-to-know record (issue 20, House)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.http import Http404

from staffing.models import AccessLog
from staffing.services import open_logged

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db


class Record:
    pk = 7
    label = "Record 7"


def test_it_returns_the_record_and_logs_one_view(make_user: Callable[..., Any]) -> None:
    user = make_user("manager")
    record = open_logged(
        user=user, find=Record, record_type="t", label=lambda r: r.label, purpose="Why", path="/p/"
    )
    assert isinstance(record, Record)
    row = AccessLog.objects.get()
    assert (row.user, row.record_type, row.record_id, row.record_label, row.purpose, row.action) == (
        user,
        "t",
        "7",
        "Record 7",
        "Why",
        "view",
    )


def test_it_logs_nothing_for_a_record_the_app_does_not_log(make_user: Callable[..., Any]) -> None:
    open_logged(
        user=make_user(),
        find=Record,
        record_type="t",
        label=str,
        purpose="",
        path="",
        logged=lambda r: False,
    )
    assert not AccessLog.objects.exists()


def test_a_refusal_is_a_404_and_logs_the_attempt_on_a_record_that_exists(
    make_user: Callable[..., Any],
) -> None:
    def refuse() -> Record:
        raise Http404

    user = make_user()
    with pytest.raises(Http404):
        open_logged(user=user, find=refuse, record_type="t", label=str, purpose="", path="")
    assert not AccessLog.objects.exists()  # nothing exists: nothing to log
    with pytest.raises(Http404):
        open_logged(
            user=user, find=refuse, record_type="t", label=str, purpose="", path="", hidden=lambda: (9, "R9")
        )
    assert list(AccessLog.objects.values_list("record_id", "action")) == [("9", "refused")]


# Accesses that open no single record (queues, exports, a list of crimes) write the log through
# access_log_record(s); every opening of one record goes through open_logged. Nothing else makes an
# AccessLog row. A new direct write must be one of these, or use open_logged.
DIRECT_WRITES = {
    "recording/services/crimes.py": "crime_views_log: a list page's restricted crimes",
    "recording/services/awaiting.py": "awaiting_views_log: the reports a queue or API page names victims of",
    "complaints/services/common.py": "case_export_log: the cases of a case export",
    "complaints/views/access.py": "subject access export",
    "complaints/selectors/alerts.py": "alerts_list_log: the repeat-subject alerts a list shows",
    "qa/views/rape_review.py": "the rape review queue page",
    "staffing/api/data_protection.py": "subject access export (API)",
    "staffing/views/data_protection.py": "subject access export",
}


# No second writer: no AccessLog row made, created or bulk-created outside staffing/services/access.py.
SECOND_WRITER = re.compile(r"(?<!class )\bAccessLog(\(|\.objects\.(create|bulk_create|get_or_create))")


def test_every_opening_of_a_record_goes_through_the_one_function() -> None:
    found = set()
    for app in ("config", "staffing", "recording", "complaints", "qa"):
        for path in (ROOT / app).rglob("*.py"):
            rel = path.relative_to(ROOT).as_posix()
            if "/tests/" in rel or "/migrations/" in rel or rel == "staffing/services/access.py":
                continue
            text = path.read_text()
            assert not SECOND_WRITER.search(text), rel
            if re.search(r"\baccess_log_records?\(", text):
                found.add(rel)
    assert found == set(DIRECT_WRITES)
