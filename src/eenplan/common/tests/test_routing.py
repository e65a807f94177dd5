"""The read replica: reads marked replica-safe go to ``replica``; writes, unmarked reads, reads in
a transaction, and the session and access-log tables go to the primary; without a replica
everything is the primary.

The replica here is a second connection to the test database (what ``TEST: MIRROR`` does when
``EENPLAN_REPLICA_DATABASE_URL`` is set), so the tests see which connection each query took. They
commit: a connection cannot see another's uncommitted rows.
"""

import json
import os
import subprocess
import sys
from contextlib import contextmanager

import pytest
from django.db import connections, router, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from eenplan.common.routing import (
    RECENT_WRITE_COOKIE,
    REPLICA,
    ReplicaRouter,
    replica_reads_allowed,
)
from eenplan.privacy.constants import Action
from eenplan.privacy.models import AccessLogEntry
from eenplan.privacy.services import access_log_write
from eenplan.tenancy.constants import Role
from eenplan.tenancy.models import Municipality
from eenplan.tenancy.tests.factories import MunicipalityFactory, OrganisationFactory, user_in


@pytest.fixture(scope="module", autouse=True)
def replica(django_db_setup, django_db_blocker):
    """The alias ``replica`` on the test database, for this module's tests. Django's test cases
    check a test's databases against the aliases before any function fixture runs, so it is
    added once, here."""
    connections.settings[REPLICA] = {
        **connections["default"].settings_dict,
        "TEST": {"MIRROR": "default"},
    }
    yield
    with django_db_blocker.unblock():
        connections[REPLICA].close()
    del connections[REPLICA]
    del connections.settings[REPLICA]


# Commits, so the replica's connection sees what the primary's wrote; the data migrations
# come back afterwards (serialized_rollback) for the tests that follow on this worker.
with_replica = pytest.mark.django_db(
    transaction=True, serialized_rollback=True, databases=["default", REPLICA]
)


@contextmanager
def no_replica():
    """As if no replica were configured."""
    replica_settings = connections.settings.pop(REPLICA)
    try:
        yield
    finally:
        connections.settings[REPLICA] = replica_settings


class Queries:
    """The statements each connection ran within the block."""

    def __enter__(self):
        self.default = CaptureQueriesContext(connections["default"]).__enter__()
        self.replica = CaptureQueriesContext(connections[REPLICA]).__enter__()
        return self

    def __exit__(self, *exc):
        self.replica.__exit__(*exc)
        self.default.__exit__(*exc)

    @staticmethod
    def statements(captured) -> list[str]:
        return [query["sql"].split()[0].upper() for query in captured.captured_queries]


@with_replica
def test_a_marked_read_goes_to_the_replica():
    MunicipalityFactory(name="Eemsdelta")
    with Queries() as queries, replica_reads_allowed():
        names = list(Municipality.objects.values_list("name", flat=True))
    assert names == ["Eemsdelta"]
    assert Queries.statements(queries.replica) == ["SELECT"]
    assert queries.default.captured_queries == []


@with_replica
def test_writes_and_unmarked_reads_go_to_the_primary():
    with Queries() as queries:
        municipality = MunicipalityFactory(name="Eemsdelta")
        Municipality.objects.get(pk=municipality.pk)
    with Queries() as marked, replica_reads_allowed():
        Municipality.objects.filter(pk=municipality.pk).update(name="Groningen")
    assert queries.replica.captured_queries == marked.replica.captured_queries == []
    assert "SELECT" in Queries.statements(queries.default)
    assert Queries.statements(marked.default) == ["UPDATE"]


@with_replica
def test_reads_inside_a_transaction_stay_on_the_primary():
    """They may decide a write, so they must not be behind."""
    MunicipalityFactory()
    with Queries() as queries, replica_reads_allowed(), transaction.atomic():
        Municipality.objects.count()
    assert queries.replica.captured_queries == []


@with_replica
def test_the_access_log_is_written_and_read_on_the_primary():
    officer = user_in(OrganisationFactory(), Role.PRIVACY_OFFICER)
    table = AccessLogEntry._meta.db_table
    with Queries() as queries, replica_reads_allowed():
        access_log_write(
            actor=officer, action=Action.READ, name="overzicht", subjects=[(None, None)]
        )
        assert AccessLogEntry.objects.filter(chain_hash="").count() == 0  # sealed on commit
    assert table not in " ".join(q["sql"] for q in queries.replica.captured_queries)
    default_sql = " ".join(q["sql"] for q in queries.default.captured_queries)
    assert f'INSERT INTO "{table}"' in default_sql  # the entry
    assert f'UPDATE "{table}"' in default_sql  # its seal
    assert f'FROM "{table}"' in default_sql  # the count


def test_without_a_replica_everything_is_the_primary():
    with no_replica(), replica_reads_allowed():
        assert router.db_for_read(Municipality) == "default"
    with replica_reads_allowed():
        assert router.db_for_read(Municipality) == REPLICA
    assert router.db_for_write(Municipality) == "default"


def test_the_replica_is_never_migrated():
    assert ReplicaRouter().allow_migrate("default", "tenancy") is True
    assert ReplicaRouter().allow_migrate(REPLICA, "tenancy") is False


@with_replica
def test_a_report_page_reads_from_the_replica_until_the_user_changes_something(client):
    officer = user_in(OrganisationFactory(name="Gemeente"), Role.PRIVACY_OFFICER)
    client.force_login(officer)
    page = reverse("privacy:retention")

    with Queries() as queries:
        assert client.get(page).status_code == 200
    # The session and the user are read on the primary before the view; the report's reads
    # come from the replica, which writes nothing.
    assert Queries.statements(queries.replica).count("SELECT") >= 3
    assert not {"INSERT", "UPDATE", "DELETE"} & set(Queries.statements(queries.replica))

    # Any change (here a refused form) makes this browser read from the primary for a while,
    # so the report it is sent to shows what it just did.
    response = client.post(reverse("privacy:retention-hold"), {})
    assert response.cookies[RECENT_WRITE_COOKIE]["max-age"] == 10
    with Queries() as queries:
        assert client.get(page).status_code == 200
    assert queries.replica.captured_queries == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # a file of commits only
def test_no_cookie_is_set_without_a_replica(client):
    client.force_login(user_in(OrganisationFactory(), Role.PRIVACY_OFFICER))
    with no_replica():
        response = client.post(reverse("privacy:retention-hold"), {})
    assert RECENT_WRITE_COOKIE not in response.cookies


def _databases(env: dict) -> dict:
    script = (
        "import json, eenplan.conf.settings as s; print(json.dumps({alias: [d['HOST'], "
        "d.get('TEST', {}).get('MIRROR'), d.get('DISABLE_SERVER_SIDE_CURSORS', False)] "
        "for alias, d in s.DATABASES.items()}))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("EENPLAN_", "DATABASE_"))}
    result = subprocess.run(
        [sys.executable, "-c", script], env={**clean, **env}, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_replica_and_the_pooler_come_from_the_environment(tmp_path):
    primary = {"DATABASE_URL": "postgres://eenplan@db1/eenplan", "EENPLAN_DATA_DIR": str(tmp_path)}
    assert _databases(primary) == {"default": ["db1", None, False]}
    assert _databases(
        {
            **primary,
            "EENPLAN_REPLICA_DATABASE_URL": "postgres://eenplan@db2/eenplan",
            "DATABASE_TRANSACTION_POOLING": "true",
        }
    ) == {"default": ["db1", None, True], REPLICA: ["db2", "default", True]}
