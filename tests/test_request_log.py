"""Every response and every log line written while serving it carry the request's id."""

import io
import json
import logging

import pytest

from maghub.request_log import JsonFormatter, RequestIdFilter
from tests.test_production_settings import SECRETS, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def json_log():
    """The root logger's records as production writes them, one JSON object a line."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    logging.getLogger().addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logging.getLogger().removeHandler(handler)


def test_the_proxy_request_id_is_kept_and_logged(client, json_log):
    response = client.get("/no-such-page/", headers={"X-Request-ID": "lb-7f3a.42"})
    assert response.status_code == 404
    assert response["X-Request-ID"] == "lb-7f3a.42"
    not_found = next(entry for entry in json_log() if entry["logger"] == "django.request")
    assert not_found["request_id"] == "lb-7f3a.42"
    assert not_found["level"] == "WARNING" and not_found["status_code"] == 404
    assert "/no-such-page/" in not_found["message"]


@pytest.mark.parametrize("header", [None, "", "x" * 200, "evil\nINFO forged line", "a b"])
def test_a_missing_or_unsafe_request_id_is_replaced(client, header):
    headers = {"X-Request-ID": header} if header is not None else {}
    first = client.get("/healthz", headers=headers)["X-Request-ID"]
    second = client.get("/healthz", headers=headers)["X-Request-ID"]
    assert len(first) == 32 and first.isalnum()
    assert first != second


def test_log_lines_outside_a_request_have_no_id(json_log):
    logging.getLogger("maghub.test").info("started")
    assert json_log()[-1]["request_id"] is None


def test_production_logs_json():
    result = start(
        SECRETS,
        [
            "-c",
            "import django, logging; django.setup(); logging.getLogger('maghub').warning('hello \"world\"')",
        ],
    )
    assert result.returncode == 0, result.stderr
    entry = json.loads(result.stderr.strip().splitlines()[-1])
    assert entry["message"] == 'hello "world"'
    assert entry["level"] == "WARNING" and entry["logger"] == "maghub" and entry["request_id"] is None
