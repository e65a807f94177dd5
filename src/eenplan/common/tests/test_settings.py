import os
import subprocess
import sys

import pytest

from eenplan.common.logging import redact_personal_numbers

GOOD = {
    "EENPLAN_ENVIRONMENT": "production",
    "SECRET_KEY": "s" * 60,
    "EENPLAN_ACCESS_LOG_KEY": "k" * 40,
    "EENPLAN_BSN_KEYS": "b" * 43 + "=,c" + "c" * 42 + "=",  # two Fernet keys: new, old
    "EENPLAN_BSN_HASH_KEYS": "h" * 40,
    "ALLOWED_HOSTS": "eenplan.example.nl",
    "DATABASE_URL": "sqlite:///:memory:",
}


def load_settings(env: dict) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in GOOD and k != "DEBUG"}
    return subprocess.run(
        [sys.executable, "-c", "import eenplan.conf.settings as s; print(s.DEBUG)"],
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_starts_with_real_secrets_and_hosts():
    result = load_settings(GOOD)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_production_passes_the_deploy_checks():
    env = {**GOOD, "SECRET_KEY": "".join(chr(65 + (i * 7) % 58) for i in range(60))}
    clean = {k: v for k, v in os.environ.items() if k not in GOOD and k != "DEBUG"}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from eenplan.cli import main; main(['check', '--deploy', '--fail-level', 'WARNING'])",
        ],
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY"),
        ({"EENPLAN_ACCESS_LOG_KEY": ""}, "EENPLAN_ACCESS_LOG_KEY"),
        ({"EENPLAN_BSN_KEYS": ""}, "EENPLAN_BSN_KEYS"),
        ({"EENPLAN_BSN_KEYS": "not-a-fernet-key"}, "EENPLAN_BSN_KEYS"),
        ({"EENPLAN_BSN_HASH_KEYS": ""}, "EENPLAN_BSN_HASH_KEYS"),
        ({"EENPLAN_BSN_HASH_KEYS": "short"}, "EENPLAN_BSN_HASH_KEYS"),
        ({"EENPLAN_BSN_HASH_KEYS": "k" * 40}, "EENPLAN_BSN_HASH_KEYS"),  # the access-log key
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS"),
        ({"ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS"),
        ({"DEBUG": "true"}, "DEBUG"),
    ],
)
def test_production_refuses_to_start_without(override, message):
    env = {**GOOD, **override}
    env = {k: v for k, v in env.items() if v != ""}
    result = load_settings(env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and message in result.stderr


def test_log_lines_never_carry_a_bsn():
    event = {"event": "zoeken op 999990019 mislukt", "count": 3}
    assert redact_personal_numbers(None, "info", event)["event"] == "zoeken op [redacted] mislukt"


def test_stdlib_log_records_are_redacted_too():
    import logging

    from eenplan.common.logging import build_formatter

    record = logging.LogRecord(
        "django.server",
        logging.INFO,
        __file__,
        1,
        '"GET /zoeken/?bsn=%s" 200',
        ("999990019",),
        None,
    )
    line = build_formatter(json=True).format(record)
    assert "999990019" not in line and "[redacted]" in line
