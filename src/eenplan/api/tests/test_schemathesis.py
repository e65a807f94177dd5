"""The API against its own OpenAPI schema (``/api/v1/schema/``), fuzzed by schemathesis: whatever
a partner system sends, the API answers without a server error.

Every operation is called with generated query parameters and bodies, on the small world of the
security suite (``common/tests/security_world.py``), and with the uuids of that world's objects in
the path, so the calls get past "not found" into the code behind. A professional's token calls
the professionals' API (in the role that may use the operation, so the checks behind the role
run too); a citizen's token calls ``me/``.
"""

import traceback

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import got_request_exception, request_finished, request_started
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup

from eenplan.common.tests.security_world import CITIZEN, world_build
from eenplan.tenancy.constants import Role

# Generated calls per operation, on top of the coverage phase's for reads: with about a hundred
# operations this keeps the run near a minute in CI.
READ_EXAMPLES = 8
WRITE_EXAMPLES = 15
# The role that may use an operation, by the path's first segment; a coordinator otherwise.
ROLE_FOR = {
    "access-log": Role.PRIVACY_OFFICER,
    "indicators": Role.POLICY_OFFICER,
    "indicator-values": Role.POLICY_OFFICER,
    "policy-signals": Role.POLICY_OFFICER,
    "decisions": Role.MUNICIPAL_OFFICER,
    "budgets": Role.MUNICIPAL_OFFICER,
    "messages": Role.MUNICIPAL_OFFICER,
    "complaints": Role.COMPLAINTS_HANDLER,
    "instruments": Role.FUNCTIONAL_ADMIN,
}


@pytest.fixture(scope="module")
def seeded_once(django_db_setup, django_db_blocker):
    """One world with a token per party for every operation, built once in a transaction that is
    rolled back at the end; each operation runs in its own savepoint (pytest-django's ``db``), so
    what one operation changes is gone for the next."""
    with django_db_blocker.unblock(), transaction.atomic():
        world = world_build()
        tokens = {party: Token.objects.create(user=user) for party, user in world.users.items()}
        yield world, tokens
        transaction.set_rollback(True)


@pytest.fixture
def seeded(seeded_once, db):
    return seeded_once


@pytest.fixture
def server_errors():
    """The tracebacks of the requests that failed, to show with the failing case. The requests
    run in the test's transaction, so Django must not close the connection between them (as its
    test client does)."""
    errors = []

    def record(**kwargs):
        errors.append(traceback.format_exc())

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    got_request_exception.connect(record)
    yield errors
    got_request_exception.disconnect(record)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# Reads get schemathesis' coverage phase too (every boundary and wrong value of each query
# parameter, a few thousand calls); writes are fuzzed with positive and negative bodies only,
# since covering every body field would take minutes.
CONFIG = schemathesis.Config.from_dict(
    {
        "generation": {"max-examples": READ_EXAMPLES},
        "operations": [
            {
                "exclude-method": "GET",
                "phases": {"coverage": {"enabled": False}},
                "generation": {"max-examples": WRITE_EXAMPLES},
            }
        ],
    }
)
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", WSGIHandler(), config=CONFIG)


def _party(path: str, roles: dict) -> str:
    first = path.removeprefix("/api/v1/").split("/")[0]
    if first == "me":
        return CITIZEN
    return roles.get(first, Role.COORDINATOR)


@schema.parametrize()
# The roles as a parameter also give each operation's test its own id: pytest 9 names the tests
# schemathesis 4 makes alike unless they are parametrized, and pytest-xdist (``make test``) would
# then run only one of them.
@pytest.mark.parametrize("roles", [ROLE_FOR], ids=["role-per-path"])
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_answers_every_request_without_a_server_error(case, roles, seeded, server_errors):
    world, tokens = seeded
    for argument in case.path_parameters or {}:
        case.path_parameters[argument] = str(world.value(argument, case.path))
    headers = {"Authorization": f"Token {tokens[_party(case.path, roles)].key}"}
    try:
        case.call_and_validate(headers=headers, checks=[not_a_server_error])
    except FailureGroup as failure:
        pytest.fail("\n".join([str(failure), *server_errors[-1:]]), pytrace=False)


def test_a_page_number_beyond_what_the_database_can_count_is_refused(seeded, client):
    """Found by schemathesis: ``?page=2305840257750269762`` overflowed the OFFSET (a 500)."""
    tokens = seeded[1]
    headers = {"HTTP_AUTHORIZATION": f"Token {tokens[Role.COORDINATOR].key}"}
    response = client.get("/api/v1/signals/?page=2305840257750269762", **headers)
    assert response.status_code == 400
    assert "page" in response.json()
