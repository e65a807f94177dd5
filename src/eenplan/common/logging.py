"""Structured application logging with structlog.

Application logs are for operating the service: request ids, timings, error codes. They never hold
personal data; who looked at whose data belongs in the access log (``eenplan.privacy``). As a
safety net the ``redact_personal_numbers`` processor masks any nine-digit number (a possible BSN)
before a line is written.
"""

import logging
import re

import structlog

# Nine digits standing alone, not inside a hexadecimal word: trace ids and UUIDs (in paths) often
# hold a run of nine digits, and masking those would break finding a request's lines.
_NINE_DIGITS = re.compile(r"(?<![0-9a-fA-F])\d{9}(?![0-9a-fA-F])")


def redact_personal_numbers(_logger, _method, event_dict: dict) -> dict:
    for key, value in event_dict.items():
        if isinstance(value, str) and _NINE_DIGITS.search(value):
            event_dict[key] = _NINE_DIGITS.sub("[redacted]", value)
    return event_dict


SHARED_PROCESSORS = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
    redact_personal_numbers,
]


def build_formatter(*, json: bool) -> logging.Formatter:
    renderer = (
        structlog.processors.JSONRenderer() if json else structlog.dev.ConsoleRenderer(colors=False)
    )
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=SHARED_PROCESSORS,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            renderer,
        ],
    )


def configure_structlog() -> None:
    structlog.configure(
        processors=[*SHARED_PROCESSORS, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
