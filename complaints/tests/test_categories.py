"""The IOPC's 2024/25 category list (issue 23 part 6): discreditable conduct its own group, out-of-court
disposals, the information and corruption sub-categories; versioned by the date each row takes effect;
stored allegations keep their meaning under the category that replaced a retired one, with a history row
saying so; a new allegation cannot take a retired category."""

from __future__ import annotations

import csv
import datetime as dt
import importlib
from collections.abc import Callable
from typing import Any

import pytest
from django.apps import apps

from complaints.models import Allegation, ComplaintCategory
from complaints.tests.factories import ComplaintCaseFactory
from config.exceptions import DomainError
from staffing.reference import reference_load

CSV = "complaints/reference/complaint_categories.csv"


def _rows() -> dict[str, dict[str, str]]:
    with open(CSV, encoding="utf-8", newline="") as handle:
        return {row["code"]: row for row in csv.DictReader(handle)}


def test_the_list_follows_the_iopc_s_2024_25_names() -> None:
    rows = _rows()
    in_force = {code: row for code, row in rows.items() if not row["retired_on"]}
    assert in_force["L1"]["group"] == "L - Discreditable conduct"
    assert in_force["B10"]["title"] == "Out of court disposals"
    information = {r["title"] for r in in_force.values() if r["group"].startswith("D -")}
    assert information == {
        "Use of police systems",
        "Disclosure of information",
        "Handling of information",
        "Accessing and handling of information from other sources",
    }
    assert {
        "Abuse of position for financial purpose",
        "Obstruction of justice",
        "Organisational corruption",
    } <= {r["title"] for r in in_force.values()}
    assert "Other search" not in {r["title"] for r in in_force.values()}


def test_every_retired_category_names_one_in_force_that_replaced_it() -> None:
    rows = _rows()
    retired = {code: row for code, row in rows.items() if row["retired_on"]}
    assert set(retired) == {"B4", "D1", "H5"}
    for code, row in retired.items():
        replacement = rows[row["replaced_by"]]
        assert not replacement["retired_on"], code
        assert dt.date.fromisoformat(row["retired_on"]) <= dt.date.fromisoformat(
            replacement["valid_from"] or row["retired_on"]
        )


@pytest.mark.django_db
def test_stored_allegations_keep_their_meaning_with_a_history_row(make_user: Callable[..., Any]) -> None:
    """The migration's data step, run against a force whose allegations use the old list."""
    reference_load()
    ComplaintCategory.objects.filter(code__in=["B4", "D1", "H5"]).update(retired_on=None, replaced_by="")
    ComplaintCategory.objects.filter(code__in=["B10", "D3", "D4", "D5", "G5", "G6", "G7", "L1"]).delete()
    case = ComplaintCaseFactory(actor=make_user("advisor"), category="H5")
    other = ComplaintCaseFactory(actor=make_user("advisor"), category="B4")
    migration = importlib.import_module("complaints.migrations.0010_category_list_2024_25")
    migration.forwards(apps, None)

    moved = Allegation.objects.get(case=case)
    assert (moved.category.code, moved.category.group) == ("L1", "L - Discreditable conduct")
    last = moved.history.order_by("-history_id").first()
    assert last is not None and "H5 Discreditable conduct retired" in last.history_change_reason
    assert "now L1 Discreditable conduct" in last.history_change_reason
    assert Allegation.objects.get(case=other).category.code == "B3"
    assert ComplaintCategory.objects.get(code="H5").replaced_by == "L1"
    assert ComplaintCategory.objects.get(code="B10").history.exists()


@pytest.mark.django_db
def test_a_new_allegation_cannot_take_a_retired_category(make_user: Callable[..., Any]) -> None:
    reference_load()
    with pytest.raises(DomainError) as refused:
        ComplaintCaseFactory(actor=make_user("advisor"), category="H5")
    assert refused.value.field == "category"
    assert "use L1 Discreditable conduct" in refused.value.message
    in_force = set(ComplaintCategory.objects.in_force(dt.date(2026, 12, 7)).values_list("code", flat=True))
    assert {"L1", "B10", "D3"} <= in_force and not {"B4", "D1", "H5"} & in_force
    before = set(ComplaintCategory.objects.in_force(dt.date(2024, 3, 31)).values_list("code", flat=True))
    assert {"B4", "D1", "H5"} <= before and not {"L1", "B10"} & before
