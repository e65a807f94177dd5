"""gunicorn with ``eenplan.conf.gunicorn`` in production: two workers behind one port, the health
endpoint over plain HTTP (everything else is sent to HTTPS), /metrics adding up the requests of
all workers, and every log line — gunicorn's own, the request log, Django's — one JSON object
without the query string (where a search puts a BSN)."""

import concurrent.futures
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from eenplan.common.logging import redact_personal_numbers
from eenplan.common.tests.test_metrics import TOKEN, _count
from eenplan.common.tests.test_settings import GOOD

BSN = "999990019"
REQUESTS = 40


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(NoRedirect)


def _get(url: str, headers: dict | None = None) -> tuple[int, dict, str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with _opener.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """gunicorn in production mode on a free port; yields its URL and its log file."""
    tmp = tmp_path_factory.mktemp("gunicorn")
    port = _free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("EENPLAN_", "LOG_"))},
        **GOOD,
        "SECRET_KEY": "".join(chr(65 + (i * 7) % 58) for i in range(60)),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "EENPLAN_DATA_DIR": str(tmp),
        "STATIC_ROOT": str(tmp),
        "EENPLAN_WEB_BIND": f"127.0.0.1:{port}",
        "EENPLAN_WEB_WORKERS": "2",
        "EENPLAN_METRICS_TOKEN": TOKEN,
        "PROMETHEUS_MULTIPROC_DIR": str(tmp / "metrics"),
    }
    log = tmp / "gunicorn.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                "python:eenplan.conf.gunicorn",
                "eenplan.wsgi",
            ],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                _get(url + "/gezond/")
                break
            except OSError:
                assert process.poll() is None, log.read_text()
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
        yield url, log
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def test_health_is_served_over_plain_http_and_everything_else_goes_to_https(server):
    url, _log = server
    status, _headers, body = _get(url + "/gezond/")
    assert (status, body) == (200, "ok\n")
    status, headers, _body = _get(url + "/inloggen/")
    assert status == 301 and headers["Location"].startswith("https://")


def test_metrics_add_up_the_requests_of_all_workers(server):
    url, _log = server
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    before = _count(_get(url + "/metrics", bearer)[2], "health-live")
    # Concurrent, so both workers answer some: a worker counting only its own would fall short.
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(lambda _: _get(url + "/gezond/")[0], range(REQUESTS)))
    assert statuses == [200] * REQUESTS
    assert _count(_get(url + "/metrics", bearer)[2], "health-live") == before + REQUESTS
    assert _get(url + "/metrics")[0] == 401


def test_every_log_line_is_json_without_the_query_string(server):
    url, log = server
    _status, headers, _body = _get(f"{url}/gezond/?bsn={BSN}")
    _get(f"{url}/metrics")  # Django logs the refusal
    time.sleep(0.5)  # the request log is written after the response
    lines = [json.loads(line) for line in log.read_text().splitlines()]  # fails on any non-JSON
    assert BSN not in log.read_text()
    trace_id = headers["traceparent"].split("-")[1]
    [request] = [line for line in lines if line.get("trace_id") == trace_id]
    assert request["event"] == "request" and request["logger"] == "gunicorn.access"
    assert request["path"] == "/gezond/" and request["status"] == 200
    assert {"method", "duration_ms", "bytes", "timestamp"} <= set(request)
    loggers = {line["logger"] for line in lines}
    assert {"gunicorn.error", "gunicorn.access", "django.request"} <= loggers


@pytest.mark.parametrize(
    ("value", "logged"),
    [
        (f"zoeken op {BSN}", "zoeken op [redacted]"),
        (f"/huishoudens/zoeken/?bsn={BSN}", "/huishoudens/zoeken/?bsn=[redacted]"),
        # Nine digits inside a trace id or a UUID are part of it: masking would lose the request.
        ("4505f37e639b08d933d936372858b76c", "4505f37e639b08d933d936372858b76c"),
        (
            "/casussen/0c7e1f2a-5b3d-4e8f-9a1b-a123456789bc/",
            "/casussen/0c7e1f2a-5b3d-4e8f-9a1b-a123456789bc/",
        ),
    ],
)
def test_nine_digits_are_masked_unless_part_of_an_id(value, logged):
    assert redact_personal_numbers(None, "info", {"event": value})["event"] == logged


@pytest.mark.parametrize(("setting", "enabled"), [("true", True), ("false", False)])
def test_the_request_log_can_be_switched_off(monkeypatch, setting, enabled):
    import importlib

    from gunicorn.config import Config

    from eenplan.common.request_log import RequestLogger

    monkeypatch.setenv("EENPLAN_WEB_REQUEST_LOG", setting)
    monkeypatch.delenv("EENPLAN_METRICS_TOKEN", raising=False)  # no metrics directory here
    settings = importlib.reload(importlib.import_module("eenplan.conf.gunicorn"))
    config = Config()
    config.set("accesslog", settings.accesslog)
    # gunicorn's own logger logs every request once a logging config is given; ours not then.
    config.set("logconfig_dict", settings.logconfig_dict)
    logger = RequestLogger.__new__(RequestLogger)  # without setup(), which configures logging
    logger.cfg = config
    assert logger.access_log_enabled is enabled
