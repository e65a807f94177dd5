"""A small HTTP load generator: latency at one client, throughput at several.

Plain ``http.client`` over loopback, one connection per request (gunicorn's sync workers close
every connection), so each figure includes connecting as a browser's first request would. The
clients are threads: they spend their time waiting on the socket, so the GIL costs little next
to the server's work, but they do share the machine's cores with the server — the report says so.
"""

import http.client
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict = field(default_factory=dict)
    body: bytes | None = None


class UnexpectedStatus(RuntimeError):
    """The server answered something else than the scenario expects: the figures would lie."""


@dataclass(frozen=True)
class Latency:
    samples_ms: list[float]

    @property
    def p50(self) -> float:
        return statistics.median(self.samples_ms)

    @property
    def p95(self) -> float:
        return statistics.quantiles(self.samples_ms, n=20, method="inclusive")[-1]


@dataclass(frozen=True)
class Throughput:
    requests: int
    seconds: float
    latency: Latency

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds


def send(host: str, port: int, request: Request, expect: tuple[int, ...] = (200,)) -> bytes:
    connection = http.client.HTTPConnection(host, port, timeout=60)
    try:
        connection.request(request.method, request.path, body=request.body, headers=request.headers)
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    if response.status not in expect:
        raise UnexpectedStatus(f"{request.method} {request.path}: HTTP {response.status}")
    return body


def latency(
    host: str,
    port: int,
    next_request: Callable[[int], Request],
    *,
    repetitions: int,
    warmup: int,
    expect: tuple[int, ...] = (200,),
) -> Latency:
    """One client, one request after the other: ``next_request(i)`` gives the i-th request."""
    for i in range(warmup):
        send(host, port, next_request(i), expect)
    samples = []
    for i in range(repetitions):
        request = next_request(warmup + i)
        started = time.perf_counter()
        send(host, port, request, expect)
        samples.append((time.perf_counter() - started) * 1000)
    return Latency(samples)


def throughput(
    host: str,
    port: int,
    next_request: Callable[[int], Request],
    *,
    clients: int,
    seconds: float,
    expect: tuple[int, ...] = (200,),
) -> Throughput:
    """``clients`` threads send requests back to back for ``seconds``; count what completed."""
    samples: list[float] = []
    failures: list[Exception] = []
    lock = threading.Lock()
    counter = iter(range(10**9))
    deadline = time.perf_counter() + seconds

    def client() -> None:
        while time.perf_counter() < deadline:
            with lock:
                request = next_request(next(counter))
            started = time.perf_counter()
            try:
                send(host, port, request, expect)
            except Exception as error:  # raised after the run, when every client stopped
                with lock:
                    failures.append(error)
                return
            with lock:
                samples.append((time.perf_counter() - started) * 1000)

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if failures:
        raise failures[0]
    return Throughput(len(samples), elapsed, Latency(samples))
