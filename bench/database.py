"""A throwaway database for one benchmark run: a temporary SQLite file or a new PostgreSQL database.

This module does not touch Django: it only hands out a ``DATABASE_URL`` before ``django.setup()``
and removes the database afterwards. A PostgreSQL database is created and dropped through psycopg
on the server's ``postgres`` database; an existing database is never reused or dropped.
"""

import contextlib
from collections.abc import Iterator
from pathlib import Path

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

POSTGRES_SCHEMES = ("postgres://", "postgresql://")


class DatabaseExistsError(RuntimeError):
    """The benchmark database named in the URL exists already; the run refuses to touch it."""


@contextlib.contextmanager
def throwaway_database(url: str, workdir: Path) -> Iterator[str]:
    """Yield the ``DATABASE_URL`` of an empty database that is removed on exit.

    ``url`` empty: a SQLite file in ``workdir`` (which the caller removes). A PostgreSQL URL: that
    database is created first and dropped on exit, even when the run fails.
    """
    if not url:
        yield f"sqlite:///{workdir / 'bench.sqlite3'}"
        return
    if not url.startswith(POSTGRES_SCHEMES):
        raise ValueError("--database-url must be a postgres:// URL (leave it out for SQLite).")
    name = _create_postgres_database(url)
    try:
        yield url
    finally:
        _drop_postgres_database(url, name)


def _admin_connection(url: str):
    return psycopg.connect(make_conninfo(url, dbname="postgres"), autocommit=True)


def _database_name(url: str) -> str:
    name = conninfo_to_dict(url).get("dbname")
    if not name or name in {"postgres", "template0", "template1"}:
        raise ValueError("--database-url must name a new database, e.g. .../eenplan_bench.")
    return str(name)


def _create_postgres_database(url: str) -> str:
    name = _database_name(url)
    with _admin_connection(url) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists:
            raise DatabaseExistsError(
                f"Database {name!r} exists already; drop it or choose another name."
            )
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return name


def _drop_postgres_database(url: str, name: str) -> None:
    with _admin_connection(url) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
