"""A backup restores into an empty database with every record and an intact access-log chain,
on the database the tests run on (SQLite here, PostgreSQL in CI). The restore runs as the
``eenplan restore`` command, in its own process, against a new database."""

import json
import os
import subprocess
import sys

import pytest
from django.apps import apps
from django.db import connection

from eenplan.common.backup import BackupError, backup, default_name, engine_of, restore
from eenplan.privacy.services import access_log_write

CLI = "import sys; from eenplan.cli import main; main(sys.argv[1:])"
COUNTS = (
    "import json; from django.apps import apps; "
    "print(json.dumps({m._meta.label: m.objects.count() for m in apps.get_models()}))"
)


def eenplan(environment: dict, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", CLI, *arguments],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def new_database(transactional_db, tmp_path):
    """The environment of an ``eenplan`` process that uses a new, empty database."""
    settings = connection.settings_dict
    environment = {**os.environ, "EENPLAN_DATA_DIR": str(tmp_path / "nieuw")}
    if engine_of(settings) == "sqlite":
        environment.pop("DATABASE_URL", None)
        yield environment
        return
    name = f"{settings['NAME']}_nieuw"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    user = settings["USER"] + (f":{settings['PASSWORD']}" if settings["PASSWORD"] else "")
    address = f"{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}"
    environment["DATABASE_URL"] = f"postgres://{user}@{address}/{name}"
    yield environment
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_restores_every_record_and_the_chain(tmp_path, case, professional, new_database):
    access_log_write(actor=professional, action="inzien", name="casus", subjects=[(case, None)] * 3)
    file = backup(tmp_path / default_name(connection.settings_dict, "test"))

    restored = eenplan(new_database, "restore", str(file))

    assert restored.returncode == 0, restored.stderr
    assert "3 regels gecontroleerd" in restored.stdout and "intact" in restored.stdout
    counts = json.loads(eenplan(new_database, "shell", "--verbosity", "0", "-c", COUNTS).stdout)
    assert counts == {m._meta.label: m.objects.count() for m in apps.get_models()}
    assert counts["privacy.AccessLogEntry"] == 3 and counts["cases.Case"] == 1
    again = eenplan(new_database, "restore", str(file))
    assert again.returncode != 0 and "niet leeg" in again.stderr


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_never_overwrites_and_needs_an_existing_file(tmp_path):
    file = backup(tmp_path / "backup")
    with pytest.raises(BackupError, match="niet leeg"):
        restore(file)
    with pytest.raises(BackupError, match="bestaat al"):
        backup(file)
    with pytest.raises(BackupError, match="bestaat niet"):
        restore(tmp_path / "nergens")
