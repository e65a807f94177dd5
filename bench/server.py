"""Serve a WSGI app with gunicorn for the length of a benchmark, as production would.

The same server, worker count and worker class serve EenPlan and the raw-SQL baseline, so the
ratio between them is the cost of the framework and the app's own work, not of the server.
"""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    process: subprocess.Popen

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def worker_rss_mb(self) -> list[float]:
        """Resident memory of each worker, from /proc (Linux)."""
        sizes = []
        for pid in self.worker_pids():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
        return sizes


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(app: str, *, workers: int, env: dict, ready_path: str = "/") -> Iterator[Server]:
    """Run ``gunicorn app`` on a free loopback port until the block ends."""
    port = free_port()
    # A file, not a pipe: nobody reads the log while the benchmark runs, and a full pipe would
    # block the workers on their next warning.
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            [
                GUNICORN,
                app,
                f"--workers={workers}",
                f"--bind=127.0.0.1:{port}",
                "--worker-class=sync",
                "--log-level=warning",
                "--timeout=120",
            ],
            env={**os.environ, **env},
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        try:
            _wait_until_up(f"http://127.0.0.1:{port}{ready_path}", process, errors)
            yield Server("127.0.0.1", port, process)
        finally:
            _stop(process)


@contextlib.contextmanager
def celery_worker(*, env: dict) -> Iterator[subprocess.Popen]:
    """One Celery worker process, as on the deployment guide's small server: it seals the access
    log after the requests' commits, as in production."""
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            [
                *(sys.executable, "-m", "celery", "-A", "eenplan.conf.celery", "-q", "worker"),
                *("--concurrency=1", "--loglevel=WARNING"),
            ],
            env={**os.environ, **env},
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        try:
            time.sleep(3)
            if process.poll() is not None:
                errors.seek(0)
                raise RuntimeError(f"celery stopped: {errors.read().decode()[-2000:]}")
            yield process
        finally:
            _stop(process)


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM for a graceful stop; killed when it has not stopped after 30 s."""
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def _wait_until_up(url: str, process: subprocess.Popen, errors, seconds: int = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            errors.seek(0)
            raise RuntimeError(f"gunicorn stopped: {errors.read().decode()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers; a 4xx for an anonymous request is fine
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds} s")
