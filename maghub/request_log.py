"""A request id on every response and every log line written while serving it.

The id comes from the proxy's X-Request-ID when that is a sane token (so one request can be
followed from the load balancer through gunicorn's workers), otherwise a new one is made.
Production writes each log record as one JSON object (JsonFormatter); dev keeps plain lines.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime

HEADER = "X-Request-ID"
_SANE_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
_current: ContextVar[str | None] = ContextVar("request_id", default=None)


def current_request_id() -> str | None:
    """The id of the request being served in this thread, None outside a request."""
    return _current.get()


def request_id_for(header_value: str | None) -> str:
    """The proxy's id when it is a plain token; a fresh one otherwise (never a log-injection vector)."""
    if header_value and _SANE_ID.fullmatch(header_value):
        return header_value
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """Sets request.request_id and the X-Request-ID response header; log records carry it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id_for(request.headers.get(HEADER))
        token = _current.set(request.request_id)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response[HEADER] = request.request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record (None outside a request), for both formatters.

    Django logs a response's status ("Not Found: /x/") after the middleware has returned, so
    those records take the id from the request they carry."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id() or getattr(
            getattr(record, "request", None), "request_id", None
        )
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC), level, logger, message, request id, and the
    status code and exception when the record has them."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
        }
        if hasattr(record, "status_code"):
            entry["status_code"] = record.status_code
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
