"""Fixtures for the demo tests: a seeded database, loaded the way an operator loads it."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

MD5 = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # The seed hashes the demo password once; MD5 keeps that (and check_password) instant here.
    settings.PASSWORD_HASHERS = MD5


@pytest.fixture(scope="module")
def seeded_once(django_db_setup, django_db_blocker):
    """Seed once per test module, inside a transaction rolled back when the module ends.

    Each test still runs in its own savepoint (pytest-django's ``db``), so what one test changes
    is gone for the next, while the load itself (the slowest part of these tests) runs once.
    Tests that need an empty database live in ``test_unseeded.py``.
    """
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=MD5), transaction.atomic():
        out = StringIO()
        call_command("seed_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def seeded(seeded_once, db) -> str:
    """What ``seed_demo`` printed; the demo region is in the database."""
    return seeded_once
