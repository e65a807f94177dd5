"""Health endpoints for the load balancer and the process manager (docs/deployment.md).

``/gezond/`` (liveness) answers as long as the process serves requests: no database, no broker,
so a database outage never makes a supervisor restart every web worker at once. ``/gereed/``
(readiness) answers 200 only when this instance can do its work — the database answers and every
migration of this code is applied — and 503 with the reason otherwise, so the load balancer sends
no traffic to it. The broker and a replica are reported, not required: every instance shares
them, so an outage of either would take all instances out at once, while without them only
queueing a job or a report fails (and says so). Neither reads personal data or
names a host; the full error goes to the application log.
"""

import redis
import structlog
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from eenplan.common.routing import REPLICA

log = structlog.get_logger(__name__)

OK = "ok"
# Seconds a broker may take to answer before the instance counts as not ready.
BROKER_TIMEOUT = 2
# Once this process found every migration applied it stays so: new migrations come with new
# code, which starts new processes. Saves reading the migration files on every probe.
_migrations_applied = False


@never_cache
@require_GET
def live(request):
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


@never_cache
@require_GET
def ready(request):
    checks = {"database": check_database(DEFAULT_DB_ALIAS)}
    if checks["database"] == OK:
        checks["migrations"] = check_migrations(DEFAULT_DB_ALIAS)
    is_ready = all(result == OK for result in checks.values())
    broker_url = getattr(settings, "CELERY_BROKER_URL", "")
    if broker_url.startswith(("redis://", "rediss://")):
        checks["broker"] = check_redis(broker_url)
    if REPLICA in connections.settings:
        checks["replica"] = check_database(REPLICA)
    status = 200 if is_ready else 503
    body = {"status": OK if is_ready else "unavailable", "checks": checks}
    return JsonResponse(body, status=status)


def check_database(alias: str) -> str:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        log.warning("readiness_database_failed", database=alias, error=str(error))
        return f"unreachable ({type(error).__name__})"
    return OK


def check_migrations(alias: str) -> str:
    global _migrations_applied
    if _migrations_applied:
        return OK
    executor = MigrationExecutor(connections[alias])
    unapplied = len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    if unapplied:
        return f"{unapplied} not applied (run eenplan migrate)"
    _migrations_applied = True
    return OK


def check_redis(url: str) -> str:
    client = redis.Redis.from_url(
        url, socket_connect_timeout=BROKER_TIMEOUT, socket_timeout=BROKER_TIMEOUT
    )
    try:
        client.ping()
    except redis.RedisError as error:
        log.warning("readiness_broker_failed", error=str(error))
        return f"unreachable ({type(error).__name__})"
    finally:
        client.close()
    return OK
