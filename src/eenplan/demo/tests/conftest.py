"""Fixtures for the demo tests: a seeded database, loaded the way an operator loads it."""

from io import StringIO

import pytest
from django.core.management import call_command


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # The seed hashes the demo password once; MD5 keeps that (and check_password) instant here.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def seeded() -> str:
    """Run ``seed_demo`` once and return what it printed."""
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()
