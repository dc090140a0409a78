"""The rule catalogue (issue 16 part 5): the data file, its loader and history, the docs page, the
Rules pages and API, the link filter, and the two completeness checks: every rule ID the product cites
is in the catalogue, and every catalogue rule is cited by at least one test."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from config.registry import rule_uses
from staffing import catalogue
from staffing.models import Rule
from staffing.reference import ReferenceTable, reference_load, registered_tables

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
PRODUCT = ["config", "staffing", "recording", "complaints", "qa", "templates"]
SUFFIXES = {".py", ".html", ".json", ".csv"}
THIS_FILE = Path(__file__).resolve()

CRIME_NOTES = """# Crime rules

Intro. Offence rules win (**R-WIN**) [S1]. The rules change every April: keep versions (**R-VERSION**).

## 1. Counting

- **R-ONE** One crime per victim [S1][S2].
- **R-TWO** Damage to get in is part of the theft **[unverified wording]**.

## 2. Removing

A crime stays recorded unless a criterion applies [S2] (see the table):
- **R-C1** Happened elsewhere: transfer.

## 3. Other

- **R-LATER** No source here.

## Sources
- [S1] HOCR General Rules – example.org/hocr ; [S2] Home Office statistics – example.org/stats
"""

COMPLAINT_NOTES = """# Complaints

## 2. Who may complain

- **C-AFFECTED** — Someone adversely affected (s12(3)-(4), s29(5)).
- **C-BEHALF** — A representative with written consent. *(Details: verify against SG2020 ch.5.)*
- **C-WANTED** — The complainant wants it recorded (para 2(6A)(a)).
- **C-NFA** — No further action, e.g. after 12 months (**C-DELAY**). Age alone never bars it.
"""


def _ids_in(paths: list[Path]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in paths:
        for code in catalogue.RULE_ID.findall(path.read_text(encoding="utf-8", errors="replace")):
            found.setdefault(code, set()).add(str(path.relative_to(ROOT)))
    return found


def _files(under: list[str], *, tests: bool) -> list[Path]:
    out: list[Path] = []
    for top in under:
        for path in (ROOT / top).rglob("*"):
            if path.suffix not in SUFFIXES or not path.is_file():
                continue
            in_tests = "tests" in path.relative_to(ROOT).parts or path.name == "conftest.py"
            if in_tests == tests:
                out.append(path)
    return out


# ---------------------------------------------------------------- generating the data from the notes


def test_it_reads_bullet_rules_and_rules_named_inside_a_sentence() -> None:
    rows = {r.code: r for r in catalogue.parse_crime(CRIME_NOTES)}
    assert list(rows) == ["R-WIN", "R-VERSION", "R-ONE", "R-TWO", "R-C1", "R-LATER"]
    assert rows["R-WIN"].words == "Offence rules win."
    assert rows["R-VERSION"].words == "The rules change every April: keep versions."
    assert rows["R-WIN"].section == "General rules"
    assert rows["R-ONE"].section == "Counting"
    assert rows["R-ONE"].words == "One crime per victim."


def test_it_expands_source_markers_and_inherits_a_list_s_sources_within_its_section() -> None:
    rows = {r.code: r for r in catalogue.parse_crime(CRIME_NOTES)}
    assert rows["R-ONE"].sources.splitlines() == [
        "[S1] HOCR General Rules – example.org/hocr",
        "[S2] Home Office statistics – example.org/stats",
    ]
    assert rows["R-C1"].sources == "[S2] Home Office statistics – example.org/stats"
    assert rows["R-LATER"].sources == catalogue.NO_SOURCE


def test_a_rule_marked_unverified_keeps_its_caveat_apart_from_its_words() -> None:
    rows = {r.code: r for r in catalogue.parse_crime(CRIME_NOTES)}
    assert not rows["R-TWO"].verified
    assert rows["R-TWO"].note == "unverified wording"
    assert rows["R-TWO"].words == "Damage to get in is part of the theft."
    assert rows["R-ONE"].verified and rows["R-ONE"].note == ""


def test_a_rule_is_verified_only_where_its_source_is_named() -> None:
    crime = {r.code: r for r in catalogue.parse_crime(CRIME_NOTES)}
    complaints = {r.code: r for r in catalogue.parse_complaints(COMPLAINT_NOTES)}
    assert crime["R-LATER"].sources == catalogue.NO_SOURCE and not crime["R-LATER"].verified
    assert not complaints["C-NFA"].verified  # no provision in brackets, nothing else named
    assert crime["R-ONE"].verified and complaints["C-WANTED"].verified


def test_the_shipped_catalogue_marks_no_rule_verified_without_a_source() -> None:
    rows = catalogue.read_rows()
    assert not [r.code for r in rows if r.verified and r.sources == catalogue.NO_SOURCE]


def test_complaint_rules_take_their_provisions_as_sources_written_in_full() -> None:
    rows = {r.code: r for r in catalogue.parse_complaints(COMPLAINT_NOTES)}
    assert rows["C-AFFECTED"].sources == "PRA s12(3)-(4), s29(5)"
    assert rows["C-WANTED"].sources == "Sch3 para 2(6A)(a)"
    assert not rows["C-BEHALF"].verified
    assert rows["C-BEHALF"].note == "Details: verify against SG2020 ch.5."
    assert rows["C-BEHALF"].words == "A representative with written consent."
    assert rows["C-DELAY"].words == "No further action, e.g. after 12 months."
    assert rows["C-NFA"].words == "No further action, e.g. after 12 months. Age alone never bars it."


def test_a_source_marker_the_sources_list_lacks_is_an_error() -> None:
    with pytest.raises(ValueError, match="R-X cites S9"):
        catalogue.parse_crime("## 1. A\n\n- **R-X** Words [S9].\n\n## Sources\n- [S1] One\n")


def test_an_id_defined_twice_is_an_error() -> None:
    with pytest.raises(ValueError, match="C-AFFECTED is defined twice"):
        catalogue.catalogue_from_notes(crime_text="", complaints_text=COMPLAINT_NOTES + COMPLAINT_NOTES)


def test_the_import_command_writes_the_csv(tmp_path: Path) -> None:
    from django.core.management import call_command

    (tmp_path / "crime.md").write_text(CRIME_NOTES)
    (tmp_path / "complaints.md").write_text(COMPLAINT_NOTES)
    out = tmp_path / "rules.csv"
    call_command(
        "rules_import",
        "--crime",
        str(tmp_path / "crime.md"),
        "--complaints",
        str(tmp_path / "complaints.md"),
        "--out",
        str(out),
    )
    rows = catalogue.read_rows(out)
    assert [r.code for r in rows][:2] == ["R-WIN", "R-VERSION"]
    assert [r.position for r in rows] == list(range(1, len(rows) + 1))


@pytest.mark.skipif(not SHARED.exists(), reason="shared/ domain notes not beside the checkout")
def test_the_catalogue_matches_the_domain_notes() -> None:
    """Regenerating from ../shared gives the committed file: a rule changed in the notes must be changed
    in the data too (the product itself never reads the notes)."""
    rows = catalogue.catalogue_from_notes(
        crime_text=(SHARED / "DOMAIN-crime.md").read_text(encoding="utf-8"),
        complaints_text=(SHARED / "DOMAIN-complaints.md").read_text(encoding="utf-8"),
    )
    assert catalogue.csv_text(rows) == catalogue.RULES_CSV.read_text(encoding="utf-8")


def test_the_docs_page_is_up_to_date() -> None:
    """docs/rules.md is generated: run `python manage.py rules_docs` after changing rules.csv."""
    assert catalogue.DOCS_PAGE.read_text(encoding="utf-8") == catalogue.docs_text(catalogue.read_rows())


# ---------------------------------------------------------------- loading, history


@pytest.mark.django_db
def test_loading_gives_every_rule_with_its_words_source_and_status() -> None:
    reference_load()
    rows = catalogue.read_rows()
    assert Rule.objects.count() == len(rows) >= 96
    rule = Rule.objects.get(code="R-NCRS-24H")
    assert rule.words.startswith("Record at the latest 24 hours after the report first reaches the force")
    assert rule.sources.startswith("[S3] HMICFRS glossary")
    assert rule.verified and rule.get_domain_display() == "Crime recording"
    unverified = Rule.objects.get(code="C-ELIG-ON-BEHALF")
    assert not unverified.verified and "verify against SG2020" in unverified.note


@pytest.mark.django_db
def test_changed_words_are_a_data_change_with_history_and_a_reason(tmp_path: Path) -> None:
    table = next(t for t in registered_tables() if t.model == "staffing.Rule")
    reference_load(tables=[table])
    text = table.path.read_text(encoding="utf-8").replace(
        "One crime per victim: two people", "One crime per victim (corrected): two people", 1
    )
    changed = tmp_path / "rules.csv"
    changed.write_text(text, encoding="utf-8")
    (result,) = reference_load(tables=[ReferenceTable(table.model, changed, converters=table.converters)])
    assert (result.updated, result.created) == (1, 0)
    rule = Rule.objects.get(code="R-ONE-PER-VICTIM")
    assert "(corrected)" in rule.words
    latest, first = rule.history.all()[:2]
    assert latest.history_change_reason == "Updated from rules.csv: words"
    assert "(corrected)" not in first.words


# ---------------------------------------------------------------- completeness


def test_every_rule_id_cited_in_the_product_is_in_the_catalogue() -> None:
    known = {r.code for r in catalogue.read_rows()}
    cited = _ids_in(_files(PRODUCT, tests=False))
    missing = {code: sorted(where) for code, where in cited.items() if code not in known}
    assert not missing, f"cited but not in staffing/reference/rules.csv: {missing}"


# Rules Resolve does not apply, so no behaviour of Resolve can be tested against them. Each stays in the
# catalogue (a reader still finds it, and its page says nothing in Resolve rests on it); the test below
# fails as soon as product code cites one, which is when it needs a test of its own.
NOT_APPLIED = {
    "C-SEVERITY": "the force's DSE runs investigations after the handover; Resolve assesses no severity",
}


def test_every_catalogue_rule_is_cited_by_a_test() -> None:
    """Each rule is named by a test of the behaviour it governs (this file, which names rules to test
    the catalogue itself, does not count), unless Resolve does not apply it (NOT_APPLIED)."""
    test_files = [p for p in _files([*PRODUCT, "tests"], tests=True) if p.resolve() != THIS_FILE]
    test_files.append(ROOT / "conftest.py")
    cited = _ids_in(test_files)
    uncited = [r.code for r in catalogue.read_rows() if r.code not in cited and r.code not in NOT_APPLIED]
    assert not uncited, f"no test cites: {uncited}"


def test_a_rule_resolve_does_not_apply_is_cited_nowhere_in_the_product() -> None:
    product = [p for p in _files(PRODUCT, tests=False) if p.resolve() != catalogue.RULES_CSV]
    cited = _ids_in(product)
    applied = {code: sorted(cited[code]) for code in NOT_APPLIED if code in cited}
    assert not applied, f"now cited, so applied: give each a test and drop it from NOT_APPLIED: {applied}"
    assert set(NOT_APPLIED) <= {r.code for r in catalogue.read_rows()}


def test_every_declared_use_names_catalogue_rules_and_a_page() -> None:
    known = {r.code for r in catalogue.read_rows()}
    for use in rule_uses():
        assert use.kind in {"Decision", "Queue", "Screen"}, use
        assert set(use.rules) <= known, (use.label, set(use.rules) - known)
        assert use.url().startswith("/"), use


@pytest.mark.parametrize("app_label", ["recording", "complaints", "qa"])
def test_each_rules_module_s_citations_are_declared_by_its_app_s_decisions(app_label: str) -> None:
    """What an engine cites is listed as used by that app's decisions, so a rule page never hides a
    decision resting on it."""
    config = apps.get_app_config(app_label)
    declared = {code for use in config.rule_uses if use.kind == "Decision" for code in use.rules}  # type: ignore[attr-defined]
    module = ROOT / app_label / "rules.py"
    # An engine split into a package by stage cites its rules across its modules.
    engine = [module] if module.exists() else sorted((ROOT / app_label / "rules").glob("*.py"))
    assert engine, app_label
    cited = set(_ids_in(engine))
    assert cited <= declared, sorted(cited - declared)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["recorder", "investigator", "sergeant", "advisor", "manager", "admin"])
def test_the_rules_a_home_queue_cites_are_declared_by_its_app(
    make_user: Callable[..., Any], reference_data: None, role: str
) -> None:
    """A queue's description cites the rules it rests on; its app declares them (AppConfig.rule_uses),
    so the rule's page lists the queue."""
    from staffing.tests.factories import TeamFactory

    user = make_user(role, team=TeamFactory())
    for config in apps.get_app_configs():
        provider = getattr(config, "home_queues", None)
        if provider is None:
            continue
        declared = {code for use in getattr(config, "rule_uses", ()) for code in use.rules}
        for queue in provider(user):
            cited = set(catalogue.RULE_ID.findall(f"{queue.label} {queue.description}"))
            assert cited <= declared, (config.label, queue.key, sorted(cited - declared))


# ---------------------------------------------------------------- the link filter


def test_rule_ids_become_links_and_the_text_stays_escaped() -> None:
    html = Template("{% load rule_links %}{{ text|rule_links }}").render(
        Context({"text": "<b>x</b> recorded (R-NCRS-24H, C-REVIEW-28D); C-RECORD-* stays as written"})
    )
    assert "&lt;b&gt;x&lt;/b&gt;" in html
    assert f'<a class="rule-link" href="{reverse("staffing:rule-detail", args=["R-NCRS-24H"])}"' in html
    assert ">C-REVIEW-28D</a>" in html
    assert "C-RECORD-* stays" in html and "C-RECORD</a>" not in html


def test_no_rule_id_written_in_a_template_is_left_unlinked() -> None:
    """Rule IDs a page states in its own words go through the filter too ({{ "R-…"|rule_links }})."""
    linked = re.compile(r"\{\{\s*\"[^\"]*\"\|rule_links\s*\}\}")
    comments = re.compile(r"\{%\s*comment\s*%\}.*?\{%\s*endcomment\s*%\}|\{#.*?#\}", re.S)
    unlinked: dict[str, list[str]] = {}
    for path in (ROOT / "templates").rglob("*.html"):
        if "letters" in path.parts:
            continue  # letters go out on paper and by email: no links to Resolve in them
        text = linked.sub("", comments.sub("", path.read_text(encoding="utf-8")))
        found = catalogue.RULE_ID.findall(text)
        if found:
            unlinked[str(path.relative_to(ROOT))] = found
    assert not unlinked, unlinked


def test_a_form_hint_citing_a_rule_links_it(db: None) -> None:
    from django.template.loader import render_to_string

    from qa.forms import FlagDismissForm

    html = render_to_string("qa/partials/_field.html", {"field": FlagDismissForm()["reason"]})
    assert '<a class="rule-link" href="/staffing/rules/R-NSIR-AUDIT-TRAIL/"' in html


# ---------------------------------------------------------------- pages


@pytest.fixture
def rules_loaded(db: None) -> None:
    reference_load(tables=[t for t in registered_tables() if t.model == "staffing.Rule"])


@pytest.mark.parametrize("role", ["recorder", "investigator", "sergeant", "advisor", "manager", "admin"])
def test_every_role_sees_rules_in_the_navigation(
    client: Client, make_user: Callable[..., Any], rules_loaded: None, role: str
) -> None:
    client.force_login(make_user(role))
    assert 'href="/staffing/rules/"' in client.get("/").content.decode()


def test_the_rules_page_lists_every_rule_in_one_query(
    client: Client, make_user: Callable[..., Any], rules_loaded: None, django_assert_num_queries: Any
) -> None:
    client.force_login(make_user("advisor"))
    # session, user, the rules
    with django_assert_num_queries(3):
        response = client.get("/staffing/rules/")
    html = response.content.decode()
    assert f"{Rule.objects.count()} rules" in html
    assert 'href="/staffing/rules/C-REVIEW-28D/"' in html and 'href="/staffing/rules/R-PRINCIPAL/"' in html


def test_the_rules_page_filters_by_domain_verification_and_words(
    client: Client, make_user: Callable[..., Any], rules_loaded: None
) -> None:
    client.force_login(make_user("recorder"))
    html = client.get("/staffing/rules/?domain=complaints&verified=false").content.decode()
    assert "C-ELIG-ON-BEHALF" in html and "R-CLASS-VEHICLE" not in html and "C-DEFINITION" not in html
    html = client.get("/staffing/rules/?q=balance+of+probability").content.decode()
    assert "R-NCRS-BOP" in html and "R-NCRS-24H" not in html
    response = client.get("/staffing/rules/?domain=traffic")
    assert "error-summary" in response.content.decode() and "R-NCRS-BOP" not in response.content.decode()


def test_a_rule_page_shows_its_words_source_status_uses_and_history(
    client: Client, make_user: Callable[..., Any], rules_loaded: None, django_assert_num_queries: Any
) -> None:
    client.force_login(make_user("recorder"))
    # session, user, the rule, its history
    with django_assert_num_queries(4):
        html = client.get("/staffing/rules/R-NCRS-24H/").content.decode()
    assert "<h1>R-NCRS-24H</h1>" in html
    assert "Record at the latest 24 hours after the report first reaches the force" in html
    assert "HMICFRS glossary: National crime recording standard" in html
    assert "Verified" in html
    assert 'href="/recording/decide/">Recording decision' in html
    assert "Loaded from rules.csv" in html


def test_a_rule_page_links_uses_only_for_roles_that_may_open_them(
    client: Client, make_user: Callable[..., Any], rules_loaded: None
) -> None:
    client.force_login(make_user("advisor"))
    html = client.get("/staffing/rules/R-NCRS-24H/").content.decode()
    assert "Recording decision" in html and 'href="/recording/decide/"' not in html
    html = client.get("/staffing/rules/C-UPDATE-28D/").content.decode()
    assert 'href="/complaints/overdue/">Complaint updates overdue' in html


def test_a_rule_page_shows_what_a_reload_changed_and_what_it_said_before(
    client: Client, make_user: Callable[..., Any], rules_loaded: None, tmp_path: Path
) -> None:
    table = next(t for t in registered_tables() if t.model == "staffing.Rule")
    changed = tmp_path / "rules.csv"
    changed.write_text(
        table.path.read_text(encoding="utf-8").replace(
            "One crime per victim: two people assaulted", "One crime per victim: two people hurt", 1
        ),
        encoding="utf-8",
    )
    reference_load(tables=[ReferenceTable(table.model, changed, converters=table.converters)])
    client.force_login(make_user("investigator"))
    html = client.get("/staffing/rules/R-ONE-PER-VICTIM/").content.decode()
    assert "One crime per victim: two people hurt" in html
    assert "Updated from rules.csv: words" in html
    assert "<strong>Words:</strong> One crime per victim: two people assaulted in one fight" in html


def test_an_unverified_rule_says_so_with_its_caveat(
    client: Client, make_user: Callable[..., Any], rules_loaded: None
) -> None:
    client.force_login(make_user("manager"))
    html = client.get("/staffing/rules/R-CLASS-VEHICLE/").content.decode()
    assert (
        "Unverified" in html and "Still to be checked against its source:</strong> unverified wording" in html
    )


def test_an_unknown_rule_is_404_and_lower_case_finds_the_rule(
    client: Client, make_user: Callable[..., Any], rules_loaded: None
) -> None:
    client.force_login(make_user("recorder"))
    assert client.get("/staffing/rules/R-NO-SUCH/").status_code == 404
    response = client.get("/staffing/rules/r-ncrs-24h/")
    assert response.status_code == 302 and response["Location"] == "/staffing/rules/R-NCRS-24H/"


def test_the_rules_pages_need_a_sign_in(client: Client, rules_loaded: None) -> None:
    assert client.get("/staffing/rules/").status_code == 302
    assert client.get("/staffing/rules/R-NCRS-24H/").status_code == 302


# ---------------------------------------------------------------- API


def test_the_rules_api_lists_every_rule_paginated_for_any_role(
    api_as: Callable[..., APIClient], rules_loaded: None, django_assert_num_queries: Any
) -> None:
    client = api_as("advisor")
    # token user, count, page of rules
    with django_assert_num_queries(3):
        body = client.get("/api/v1/rules/").json()
    assert body["count"] == Rule.objects.count()
    first = body["results"][0]
    assert first["code"] == "R-CLASS-RULES-WIN"
    assert set(first) >= {
        "code",
        "domain",
        "section",
        "words",
        "sources",
        "verified",
        "note",
        "url",
        "used_by",
    }
    page2 = client.get(body["next"]).json()
    assert len(body["results"]) + len(page2["results"]) == body["count"]


def test_the_rules_api_filters_and_refuses_a_bad_filter(
    api_as: Callable[..., APIClient], rules_loaded: None
) -> None:
    client = api_as("recorder")
    body = client.get("/api/v1/rules/?domain=crime&verified=false").json()
    codes = {r["code"] for r in body["results"]}
    assert "R-CLASS-VEHICLE" in codes and all(c.startswith("R-") for c in codes)
    assert all(not r["verified"] for r in body["results"])
    assert {r["code"] for r in client.get("/api/v1/rules/?q=NCRS-24H").json()["results"]} == {"R-NCRS-24H"}
    response = client.get("/api/v1/rules/?verified=maybe")
    assert response.status_code == 400 and "verified" in response.json()


def test_the_rule_api_returns_one_rule_or_404(api_as: Callable[..., APIClient], rules_loaded: None) -> None:
    client = api_as("sergeant")
    body = client.get("/api/v1/rules/C-REVIEW-28D/").json()
    assert body["words"].startswith("The application must reach the review body within 28 days")
    assert body["url"] == "/staffing/rules/C-REVIEW-28D/"
    assert body["domain"] == "complaints" and body["domain_label"] == "Complaints"
    assert {"kind": "Queue", "label": "Initial contacts to make and reviews to log (my cases)"} in body[
        "used_by"
    ]
    assert client.get("/api/v1/rules/C-NO-SUCH/").status_code == 404
    assert client.get("/api/v1/rules/R-%00/").status_code == 404
    assert client.get("/api/v1/rules/not a rule/").status_code == 404


def test_the_rules_api_needs_credentials(api_client: APIClient, rules_loaded: None) -> None:
    assert api_client.get("/api/v1/rules/").status_code == 401
    assert api_client.get("/api/v1/rules/R-PRINCIPAL/").status_code == 401


def test_the_schema_describes_the_rules_endpoints(api_as: Callable[..., APIClient]) -> None:
    text = api_as("admin").get("/api/v1/schema/", HTTP_ACCEPT="application/json").content.decode()
    assert re.search(r"/api/v1/rules/\{code\}/", text) and "/api/v1/rules/" in text
    assert "used_by" in text
