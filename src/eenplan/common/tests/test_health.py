"""The load balancer's endpoints: /gezond/ answers without the database, /gereed/ answers 200 only
when the database and its migrations are there, and 503 with the reason otherwise; the broker is
reported but shared by every instance, so its outage must not take them all out.

The failures are real: a database port nothing listens on, a database without tables, a broker
port nothing listens on. The first two need their own settings, so they run in a fresh process.
"""

import json
import os
import subprocess
import sys

import pytest
from django.test import override_settings

# Nothing listens on port 1 of this machine: connecting fails at once.
DEAD_POSTGRES = "postgres://postgres@127.0.0.1:1/eenplan?connect_timeout=2"
DEAD_REDIS = "redis://127.0.0.1:1/0"
LIVE_REDIS = "redis://127.0.0.1:6379/15"


def test_liveness_answers_without_touching_the_database(client):
    # No django_db mark: pytest-django fails the test on any database access.
    response = client.get("/gezond/")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
@override_settings(CELERY_BROKER_URL="memory://")  # the embedded default: jobs in-process
def test_readiness_answers_200_when_the_database_is_there_and_migrated(client):
    response = client.get("/gereed/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "migrations": "ok"}}


@pytest.mark.django_db
def test_readiness_checks_the_broker_when_one_is_configured(client):
    with override_settings(CELERY_BROKER_URL=LIVE_REDIS):
        response = client.get("/gereed/")
    assert response.status_code == 200
    assert response.json()["checks"]["broker"] == "ok"


@pytest.mark.django_db
def test_readiness_reports_an_unreachable_broker_but_stays_ready(client):
    with override_settings(CELERY_BROKER_URL=DEAD_REDIS):
        response = client.get("/gereed/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["broker"] == "unreachable (ConnectionError)"


def _ask(database_url: str, tmp_path) -> dict:
    """GET /gezond/ and /gereed/ in a fresh process whose database is ``database_url``."""
    script = (
        "import json, django; django.setup(); from django.test import Client; c = Client(); "
        "answers = {p: c.get(p) for p in ('/gezond/', '/gereed/')}; "
        "print(json.dumps({p: [r.status_code, r.content.decode()] for p, r in answers.items()}))"
    )
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("EENPLAN_", "CELERY"))},
        "DJANGO_SETTINGS_MODULE": "eenplan.conf.settings",
        "DATABASE_URL": database_url,
        "EENPLAN_DATA_DIR": str(tmp_path),
        "LOG_LEVEL": "CRITICAL",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_readiness_answers_503_when_the_database_is_unreachable(tmp_path):
    answers = _ask(DEAD_POSTGRES, tmp_path)
    assert answers["/gezond/"] == [200, "ok\n"]  # alive: restarting would not bring it back
    status, body = answers["/gereed/"]
    assert status == 503
    assert json.loads(body) == {
        "status": "unavailable",
        "checks": {"database": "unreachable (OperationalError)"},
    }


def test_readiness_answers_503_until_the_migrations_are_applied(tmp_path):
    status, body = _ask(f"sqlite:///{tmp_path / 'empty.sqlite3'}", tmp_path)["/gereed/"]
    assert status == 503
    checks = json.loads(body)["checks"]
    assert checks["database"] == "ok"
    assert checks["migrations"].endswith("not applied (run eenplan migrate)")
