"""Demo commands on a database without the demo region (apart from the seeded modules)."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from eenplan.people.models import Household
from eenplan.tenancy.models import User

pytestmark = pytest.mark.django_db


def _demo_accounts(*args: str) -> str:
    out = StringIO()
    call_command("demo_accounts", *args, stdout=out)
    return out.getvalue()


def test_before_seeding(db):
    assert json.loads(_demo_accounts("--json")) == []
    assert "eenplan seed-demo" in _demo_accounts()


def test_rerun_resets_the_password(settings):
    settings.DEMO_PASSWORD = "eerste-wachtwoord"
    call_command("seed_demo", stdout=StringIO())
    settings.DEMO_PASSWORD = "tweede-wachtwoord"
    call_command("seed_demo", stdout=StringIO())

    user = User.objects.get(username="regisseur.delfzijl")
    assert user.check_password("tweede-wachtwoord")


def test_refuses_production_unless_allowed(settings):
    settings.IS_PRODUCTION = True
    with pytest.raises(CommandError):
        call_command("seed_demo", stdout=StringIO())
    assert not Household.objects.exists()
