"""Reads of dashboards and reports from a read replica (docs/deployment.md#read-replica).

With ``EENPLAN_REPLICA_DATABASE_URL`` set, the settings add the database alias ``replica``, a
streaming replica of the primary. A view decorated with ``replica_reads`` marks its request's
reads as safe to serve slightly behind the primary: aggregates and reports, never a page someone
edits. Everything else — every write, every read outside a marked view, every read inside a
transaction (it may decide a write), and the tables that must never lag (sessions, the access log
and its chain) — goes to the primary. Without a replica everything is the primary.

Replicas lag a little behind. So that someone who just saved something (a budget, a legal hold)
sees it on the report they are sent to, ``RecentWriteMiddleware`` marks their browser for a few
seconds after any change, and a marked view then reads from the primary.
"""

import functools
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"
# Models whose reads always go to the primary: the session and the access log are read to
# decide writes (the chain's next link) and must never be behind.
PRIMARY_ONLY = frozenset(
    {"sessions.session", "privacy.accesslogentry", "privacy.accesslogchain", "authtoken.token"}
)
RECENT_WRITE_COOKIE = "eenplan_recent_write"
# Seconds after a change during which this browser reads from the primary. A healthy streaming
# replica is well under a second behind; the rest is margin.
RECENT_WRITE_SECONDS = 10
SAFE_METHODS = ("GET", "HEAD")

_replica_reads: ContextVar[bool] = ContextVar("eenplan_replica_reads", default=False)


def has_replica() -> bool:
    return REPLICA in connections.settings


@contextmanager
def replica_reads_allowed():
    """Within the block, reads of this thread or task may go to the replica."""
    token = _replica_reads.set(True)
    try:
        yield
    finally:
        _replica_reads.reset(token)


def replica_reads(view):
    """Marks a report view's GET as safe to read from the replica. Place it closest to the view
    function, so the login check before it reads the user from the primary."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in SAFE_METHODS or RECENT_WRITE_COOKIE in request.COOKIES:
            return view(request, *args, **kwargs)
        with replica_reads_allowed():
            return view(request, *args, **kwargs)

    return wrapper


class ReplicaRouter:
    def db_for_read(self, model, **hints) -> str:
        if (
            _replica_reads.get()
            and has_replica()
            and model._meta.label_lower not in PRIMARY_ONLY
            and not connections[DEFAULT_DB_ALIAS].in_atomic_block
        ):
            return REPLICA
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, **hints) -> bool:
        return db != REPLICA  # the replica follows the primary's schema by replication


class RecentWriteMiddleware:
    """After a request that may have changed something, the browser reads from the primary for
    ``RECENT_WRITE_SECONDS`` (read your own writes). Only with a replica configured."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in SAFE_METHODS and has_replica():
            response.set_cookie(
                RECENT_WRITE_COOKIE,
                "1",
                max_age=RECENT_WRITE_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
