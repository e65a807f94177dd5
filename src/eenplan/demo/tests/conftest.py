"""Fixtures for the demo tests: a seeded database, loaded the way an operator loads it."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="module")
def seeded_once(django_db_setup, django_db_blocker):
    """Seed once per test module, inside a transaction rolled back when the module ends.

    Each test still runs in its own savepoint (pytest-django's ``db``), so what one test changes
    is gone for the next, while the load itself (the slowest part of these tests) runs once.
    Tests that need an empty database live in ``test_unseeded.py``.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        call_command("seed_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def seeded(seeded_once, db) -> str:
    """What ``seed_demo`` printed; the demo region is in the database."""
    return seeded_once
