"""seed_demo builds a usable staffing picture: logins work, someone is on now and next, training
expires soon for some, coverage minimums exist and personnel notes are there."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command
from django.test import Client

from staffing import selectors
from staffing.demo import DEMO_PASSWORD, SERGEANT_LOGIN
from staffing.models import Allocation, CoverageRequirement, PersonnelNote, Skill, Team, User
from staffing.services import user_has_skill


def test_seed_demo_builds_rota_training_coverage_and_notes(client: Client, seeded_force: str) -> None:
    assert "demo.sergeant" in seeded_force  # the seed's own output
    team = Team.objects.get(code="RC-A")
    now, nxt = selectors.now_and_next(team)
    assert now is not None and now.people
    assert nxt is not None and nxt.people
    assert selectors.training_expiring(None).exists()
    assert CoverageRequirement.objects.filter(team=team).count() == 7
    assert PersonnelNote.objects.filter(subject__team=team).exists()
    sergeant = User.objects.get(username=SERGEANT_LOGIN)
    assert team.sergeant == sergeant
    assert sergeant.check_password(DEMO_PASSWORD)
    # The other apps seed allocations through the one service, and the demo sergeant is a DDM by
    # training (R-CANCEL-DDM), not by a Django permission.
    assert user_has_skill(sergeant, Skill.DDM)
    for app in ("recording", "qa"):
        assert Allocation.objects.filter(content_type__app_label=app, status="open").exists(), app
    client.force_login(sergeant)  # django-axes refuses client.login() without a request
    html = client.get("/").content.decode()
    assert "Coverage gaps now" in html
    for url in ("/staffing/rota/", "/staffing/coverage/", "/staffing/training/", "/staffing/workload/"):
        assert client.get(url).status_code == 200
    again = StringIO()
    call_command("seed_demo", stdout=again)
    assert "already there" in again.getvalue()
