"""gunicorn settings for production: ``gunicorn -c python:eenplan.conf.gunicorn eenplan.wsgi``.

Everything comes from the environment (docs/configuration.md, docs/deployment.md), like the Django
settings. Logs go to stderr as structured lines (JSON in production) through the formatter of
``eenplan.common.logging``; the request log leaves out query strings and client addresses
(``eenplan.common.request_log``).
"""

import multiprocessing
import os
import shutil
import tempfile
from pathlib import Path

from decouple import config as env  # "config" would be read as a gunicorn setting

_production = env("EENPLAN_ENVIRONMENT", default="development") == "production"

bind = env("EENPLAN_WEB_BIND", default="127.0.0.1:8000").split(",")
# Sync workers, one request each: the pages are short database-bound requests, and a process per
# request keeps a slow export from holding up others in the same worker.
workers = env("EENPLAN_WEB_WORKERS", default=2 * multiprocessing.cpu_count() + 1, cast=int)
# A request still running after this many seconds is killed with its worker (and logged).
timeout = env("EENPLAN_WEB_TIMEOUT", default=30, cast=int)
graceful_timeout = timeout
# Recycle a worker after this many requests (plus up to 10% so they do not all restart at once):
# whatever a long-running process accumulates in memory is given back. 0: never.
max_requests = env("EENPLAN_WEB_MAX_REQUESTS", default=10000, cast=int)
max_requests_jitter = max_requests // 10
# No runtime control socket: nothing here uses gunicornc, and it would need a writable home.
control_socket_disable = True

logger_class = "eenplan.common.request_log.RequestLogger"
accesslog = "-" if env("EENPLAN_WEB_REQUEST_LOG", default=True, cast=bool) else None
errorlog = "-"
_structured = {
    "class": "logging.StreamHandler",
    "formatter": "structured",
    "stream": "ext://sys.stderr",
}
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "structured": {
            "()": "eenplan.common.logging.build_formatter",
            "json": env("LOG_JSON", default=_production, cast=bool),
        }
    },
    # gunicorn's defaults name both handlers; both write structured lines here.
    "handlers": {"console": _structured, "error_console": _structured},
    "root": {"level": env("LOG_LEVEL", default="INFO"), "handlers": ["console"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["console"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["console"], "propagate": False},
    },
}

# Prometheus (eenplan.common.metrics): with several workers each counts its own requests, so
# they write their counts to files in one directory and /metrics adds them up. It must be set
# before a worker imports prometheus_client, hence here in the master.
_own_metrics_dir = None
if env("EENPLAN_METRICS_TOKEN", default="") and "PROMETHEUS_MULTIPROC_DIR" not in os.environ:
    _own_metrics_dir = tempfile.mkdtemp(prefix="eenplan-metrics-")
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = _own_metrics_dir


def on_starting(server) -> None:
    """Start counting from zero: files of a previous run would be added to this one's."""
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if directory:
        Path(directory).mkdir(parents=True, exist_ok=True)
        for counts in Path(directory).glob("*.db"):
            counts.unlink()


def on_exit(server) -> None:
    if _own_metrics_dir:
        shutil.rmtree(_own_metrics_dir, ignore_errors=True)


def child_exit(server, worker) -> None:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # Imported here, after PROMETHEUS_MULTIPROC_DIR is set: it is read on import.
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)


def post_worker_init(worker) -> None:
    """Import every view now, not during the first request: a new worker (also one replacing a
    recycled worker) would otherwise keep its first visitor waiting over a second."""
    from django.urls import get_resolver

    get_resolver().resolve("/")  # resolving imports the URLconf, and with it every view
