"""Backup and restore of the whole database, for the embedded SQLite and for PostgreSQL.

SQLite is copied page by page with SQLite's online backup API, so a running EenPlan can be backed
up without stopping it. PostgreSQL goes through ``pg_dump --format=custom`` and ``pg_restore``
(the PostgreSQL client tools must be installed where the command runs). A backup is restored only
into an empty database: a new SQLite file, or a new PostgreSQL database, before ``migrate``, so
that nothing present is ever overwritten. The access log is sealed before a backup, so the
restored chain can be verified completely (``eenplan verify-access-log``).
"""

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from django.db import connections

from eenplan.privacy.chain import seal

SQLITE, POSTGRESQL = "sqlite", "postgresql"


class BackupError(Exception):
    """A backup or restore that cannot be done, with the reason in plain Dutch."""


def engine_of(database: dict) -> str:
    engine = database["ENGINE"]
    if engine.endswith("sqlite3"):
        return SQLITE
    if "postgresql" in engine:
        return POSTGRESQL
    raise BackupError(f"Backup kan alleen van SQLite of PostgreSQL, niet van {engine}.")


def default_name(database: dict, moment: str) -> str:
    extension = "sqlite3" if engine_of(database) == SQLITE else "dump"
    return f"eenplan-{moment}.{extension}"


def _pg_command(tool: str, database: dict) -> tuple[list[str], dict]:
    if shutil.which(tool) is None:
        raise BackupError(f"{tool} is niet gevonden; installeer de PostgreSQL-clienttools.")
    arguments = [tool, "--no-owner", "--dbname", database["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            arguments += [option, str(database[key])]
    environment = {**os.environ}
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = database["PASSWORD"]
    return arguments, environment


def _run(arguments: list[str], environment: dict) -> None:
    result = subprocess.run(arguments, env=environment, capture_output=True, text=True)
    if result.returncode:
        raise BackupError(f"{arguments[0]} mislukte: {result.stderr.strip()}")


def backup(target: Path, using: str = "default") -> Path:
    """Write a backup of database ``using`` to ``target``; returns the file."""
    seal()
    connection = connections[using]
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        raise BackupError(f"{target} bestaat al; kies een nieuwe naam.")
    if engine_of(connection.settings_dict) == SQLITE:
        connection.ensure_connection()
        with closing(sqlite3.connect(target)) as copy:
            connection.connection.backup(copy)
    else:
        arguments, environment = _pg_command("pg_dump", connection.settings_dict)
        _run([*arguments, "--format", "custom", "--file", str(target)], environment)
    return target


def is_empty(using: str) -> bool:
    with connections[using].cursor() as cursor:
        return not connections[using].introspection.table_names(cursor)


def restore(source: Path, using: str = "default") -> None:
    """Restore the backup ``source`` into the empty database ``using``."""
    if not source.is_file():
        raise BackupError(f"{source} bestaat niet.")
    if not is_empty(using):
        raise BackupError(
            "De database is niet leeg. Zet een backup alleen terug in een nieuwe, lege database "
            "(voor eenplan migrate), zodat er niets wordt overschreven."
        )
    connection = connections[using]
    if engine_of(connection.settings_dict) == SQLITE:
        connection.ensure_connection()
        with closing(sqlite3.connect(source)) as original:
            original.backup(connection.connection)
    else:
        arguments, environment = _pg_command("pg_restore", connection.settings_dict)
        _run([*arguments, "--exit-on-error", str(source)], environment)
    connection.close()
