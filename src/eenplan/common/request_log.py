"""gunicorn's request log as structured lines, one per request, without personal data.

gunicorn's own format writes the client's address, the full URL with its query string (a search
by BSN or postcode puts those there), the referrer and the user agent. This logger writes the
method, the path without the query string, the status, the duration, the size and the trace id
(the same as in the application log and the access log), through the formatter of
``eenplan.common.logging`` — JSON in production, nine-digit numbers masked.
"""

import structlog
from gunicorn import glogging

from eenplan.common.logging import SHARED_PROCESSORS


class RequestLogger(glogging.Logger):
    def setup(self, cfg) -> None:
        super().setup(cfg)
        self._requests = structlog.wrap_logger(
            self.access_log,
            processors=[*SHARED_PROCESSORS, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
            wrapper_class=structlog.stdlib.BoundLogger,
        )

    def _compute_access_log_enabled(self) -> bool:
        return self.cfg.accesslog is not None  # conf/gunicorn.py: EENPLAN_WEB_REQUEST_LOG

    def access(self, resp, req, environ, request_time) -> None:
        if not self.access_log_enabled:
            return
        status = resp.status.split(None, 1)[0] if isinstance(resp.status, str) else resp.status
        self._requests.info(
            "request",
            method=environ.get("REQUEST_METHOD"),
            path=environ.get("PATH_INFO"),
            status=int(status),
            duration_ms=round(request_time.total_seconds() * 1000, 1),
            bytes=getattr(resp, "sent", None),
            trace_id=_trace_id(resp.headers),
        )


def _trace_id(headers) -> str:
    """The trace id of the response's ``traceparent`` (``common.tracing``), or ""."""
    for name, value in headers:
        if name.lower() == "traceparent":
            parts = value.split("-")
            return parts[1] if len(parts) == 4 else ""
    return ""
