"""W3C Trace Context for the access log (Logboek Dataverwerkingen).

Each request runs in one span. An incoming ``traceparent`` header continues the caller's trace, so
a partner system can link our access-log records to its own; otherwise a new trace starts. Work
outside a request (the CLI, the demo seed) gets a fresh trace per call of ``current_span``.
"""

import re
import secrets
from contextvars import ContextVar
from dataclasses import dataclass

import structlog

_TRACEPARENT = re.compile(r"^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$")


@dataclass(frozen=True)
class Span:
    trace_id: str
    span_id: str
    parent_span_id: str = ""


_current: ContextVar[Span | None] = ContextVar("eenplan_span", default=None)


def new_span(traceparent: str = "") -> Span:
    match = _TRACEPARENT.match(traceparent.strip().lower())
    if match and set(match.group(1)) != {"0"} and set(match.group(2)) != {"0"}:
        return Span(match.group(1), secrets.token_hex(8), match.group(2))
    return Span(secrets.token_hex(16), secrets.token_hex(8))


def current_span() -> Span:
    return _current.get() or new_span()


class TraceContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        span = new_span(request.headers.get("traceparent", ""))
        token = _current.set(span)
        structlog.contextvars.bind_contextvars(trace_id=span.trace_id, span_id=span.span_id)
        try:
            response = self.get_response(request)
        finally:
            structlog.contextvars.clear_contextvars()
            _current.reset(token)
        response["traceparent"] = f"00-{span.trace_id}-{span.span_id}-01"
        return response
