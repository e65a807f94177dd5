"""``demo_accounts`` output and the access rule as seen through the demo accounts."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import escape

from eenplan.demo.data import NO_CASES_ACCOUNT, START_ACCOUNT
from eenplan.demo.data.portal import CITIZENS, START_CITIZEN
from eenplan.demo.data.portal import USERNAMES as CITIZEN_USERNAMES
from eenplan.people.models import Household
from eenplan.plans.models import Goal
from eenplan.tenancy.constants import AccountKind, Role
from eenplan.tenancy.models import User

pytestmark = pytest.mark.django_db


def _demo_accounts(*args: str) -> str:
    out = StringIO()
    call_command("demo_accounts", *args, stdout=out)
    return out.getvalue()


def test_json_lists_every_role_and_membership(seeded, settings):
    output = _demo_accounts("--json")
    all_rows = json.loads(output)
    rows = [row for row in all_rows if row["role"] != AccountKind.CITIZEN]
    citizens = [row for row in all_rows if row["role"] == AccountKind.CITIZEN]

    assert all(set(row) == {"username", "role", "organisation"} for row in rows)
    assert {row["role"] for row in rows} == set(Role.values)
    assert [row["username"] for row in citizens] == list(CITIZEN_USERNAMES)
    assert all(row["household"] and row["organisation"] is None for row in citizens)
    privacy_rows = [row for row in rows if row["username"] == "privacy.officer"]
    assert len(privacy_rows) == 3  # one row per membership
    assert rows[0]["username"] == START_ACCOUNT
    assert "EENPLAN_DEMO_PASSWORD" not in output  # the password hint is for people, not scripts
    assert settings.DEMO_PASSWORD not in output


def test_table_mentions_password_and_start_account(seeded, settings):
    table = _demo_accounts()

    assert "EENPLAN_DEMO_PASSWORD" in table
    assert settings.DEMO_PASSWORD in table
    assert f"Begin met {START_ACCOUNT}" in table
    assert "Privacy officer" in table and "Gemeente Loppersum" in table


def test_table_lists_the_citizen_accounts_with_household_and_what_to_try(seeded):
    table = _demo_accounts()

    assert "Mijn EenPlan: gezinsleden met een account" in table
    assert "/mijn/inloggen/" in table and f"Begin in Mijn EenPlan met {START_CITIZEN}" in table
    for spec in CITIZENS:
        assert spec.username in table and spec.household in table
        assert spec.try_this.split()[0] in table


@pytest.mark.parametrize("spec", CITIZENS, ids=lambda spec: spec.username)
def test_each_citizen_logs_in_on_the_portal_and_sees_the_plan(seeded, client, settings, spec):
    user = User.objects.get(username=spec.username)
    assert user.is_citizen and user.citizen.person.households.filter(name=spec.household)

    login = {"username": spec.username, "password": settings.DEMO_PASSWORD}
    response = client.post(reverse("portal:login"), login, follow=True)

    assert response.redirect_chain[-1][0] == reverse("portal:home")
    goals = Goal.objects.filter(plan__case__household__name=spec.household)
    html = response.content.decode()
    assert goals and all(escape(goal.title) in html for goal in goals)


def test_a_citizen_cannot_use_the_professional_login(seeded, client, settings):
    login = {"username": START_CITIZEN, "password": settings.DEMO_PASSWORD}
    assert client.post(reverse("login"), login).status_code == 200  # the form again
    assert "_auth_user_id" not in client.session


def test_coordinator_sees_the_household_they_coordinate(seeded):
    coordinator = User.objects.get(username=START_ACCOUNT)
    visible = Household.objects.visible_to(coordinator)

    assert visible.filter(name="Familie Bakker", cases__coordinator=coordinator).exists()
    assert not visible.filter(municipality__cbs_code="GM0024").exists()  # Loppersum: not theirs


def test_account_without_cases_sees_no_household(seeded):
    outsider = User.objects.get(username=NO_CASES_ACCOUNT)
    assert not Household.objects.visible_to(outsider).exists()
