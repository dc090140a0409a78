"""A force's versions of the screen's patterns: publish (checked by compiling), history, the selector in
force and the managers' page."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from config.exceptions import DomainError
from qa import selectors
from qa.models import ScreenPatternVersion
from qa.screen import screen
from qa.screen.defaults import default_pattern_set, default_pattern_text
from qa.services.screen_patterns import screen_patterns_publish

URL = "/qa/screen-patterns/"


@pytest.fixture
def manager(make_user: Any) -> Any:
    return make_user("manager")


def test_without_a_force_version_the_shipped_patterns_are_in_force(db: None) -> None:
    assert selectors.screen_patterns_current() is default_pattern_set()


def test_publishing_checks_numbers_and_keeps_history(manager: Any) -> None:
    text = default_pattern_text().replace("thresholds: {crime: 0.6,", "thresholds: {crime: 0.65,")
    row = screen_patterns_publish(actor=manager, text=text, note="Raise the crime threshold")
    assert row.version == default_pattern_set().version + 1
    assert f"version: {row.version}" in row.text
    (history,) = row.history.all()
    assert history.history_change_reason == "Raise the crime threshold"
    current = selectors.screen_patterns_current()
    assert current.version == row.version and current.crime_threshold == 0.65
    assert screen("He punched her.", "PS-DOMESTIC", current).patterns_version == row.version
    second = screen_patterns_publish(actor=manager, text=text, note="Again")
    assert second.version == row.version + 1
    assert selectors.screen_patterns_current().version == second.version


@pytest.mark.parametrize(
    ("text", "field", "words"),
    [
        ("version: 1\noffences: [{id: X, offence: ZZZ, phrases: [x]}]\n", "text", "offences[0].offence"),
        ("version: 1\noffences: [\n", "text", "not valid YAML"),
        ("offences: []\n", "text", "version: N"),
    ],
)
def test_a_version_that_does_not_compile_is_refused_and_nothing_is_stored(
    manager: Any, text: str, field: str, words: str
) -> None:
    with pytest.raises(DomainError) as error:
        screen_patterns_publish(actor=manager, text=text, note="Broken")
    assert error.value.field == field and words in error.value.message
    assert not ScreenPatternVersion.objects.exists()


def test_a_version_needs_a_note(manager: Any) -> None:
    with pytest.raises(DomainError) as error:
        screen_patterns_publish(actor=manager, text=default_pattern_text(), note="  ")
    assert error.value.field == "note"


def test_the_page_is_for_managers_and_admins(client: Client, make_user: Any) -> None:
    assert client.get(URL).status_code == 302
    for role in ("recorder", "investigator", "sergeant", "advisor"):
        client.force_login(make_user(role))
        assert client.get(URL).status_code == 403
    client.force_login(make_user("admin"))
    assert client.get(URL).status_code == 200


def test_a_manager_reads_edits_and_publishes(client: Client, manager: Any) -> None:
    client.force_login(manager)
    page = client.get(URL)
    assert page.status_code == 200
    body = page.content.decode()
    shipped = default_pattern_set().version
    assert f"Version <strong>{shipped}</strong> is in force" in body and "VAP-BATTERY" in body
    text = default_pattern_text().replace("weight: 0.85\n", "weight: 0.8\n", 1)
    response = client.post(URL, {"text": text, "note": "Softer battery weight"}, follow=True)
    assert f"Version {shipped + 1} of the screen" in response.content.decode()
    assert ScreenPatternVersion.objects.get().note == "Softer battery weight"
    assert reverse("qa:screen-patterns") == URL


def test_the_page_names_the_error_and_keeps_the_text(client: Client, manager: Any) -> None:
    client.force_login(manager)
    response = client.post(URL, {"text": "version: 1\nthresholds: {crime: 2}\n", "note": "x"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "thresholds.crime" in body and 'aria-describedby="id_text' in body or "id_text-error" in body
    assert not ScreenPatternVersion.objects.exists()


def test_a_version_sent_with_crlf_line_ends_is_read(manager: Any) -> None:
    row = screen_patterns_publish(
        actor=manager, text=default_pattern_text().replace("\n", "\r\n"), note="From a browser textarea"
    )
    assert "\r" not in row.text and selectors.screen_patterns_current().version == row.version
