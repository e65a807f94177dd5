"""``demo_accounts`` output and the access rule as seen through the demo accounts."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from eenplan.demo.data import NO_CASES_ACCOUNT, START_ACCOUNT
from eenplan.people.models import Household
from eenplan.tenancy.constants import Role
from eenplan.tenancy.models import User

pytestmark = pytest.mark.django_db


def _demo_accounts(*args: str) -> str:
    out = StringIO()
    call_command("demo_accounts", *args, stdout=out)
    return out.getvalue()


def test_json_lists_every_role_and_membership(seeded, settings):
    output = _demo_accounts("--json")
    rows = json.loads(output)

    assert all(set(row) == {"username", "role", "organisation"} for row in rows)
    assert {row["role"] for row in rows} == set(Role.values)
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


def test_coordinator_sees_the_household_they_coordinate(seeded):
    coordinator = User.objects.get(username=START_ACCOUNT)
    visible = Household.objects.visible_to(coordinator)

    assert visible.filter(name="Familie Bakker", cases__coordinator=coordinator).exists()
    assert not visible.filter(municipality__cbs_code="GM0024").exists()  # Loppersum: not theirs


def test_account_without_cases_sees_no_household(seeded):
    outsider = User.objects.get(username=NO_CASES_ACCOUNT)
    assert not Household.objects.visible_to(outsider).exists()
