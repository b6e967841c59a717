"""/readyz reports each dependency on its own; only a required one down makes it 503."""

import json
from datetime import timedelta

from django.core.cache import caches
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from maghub.cache import cache_settings
from search.client import get_client
from search.indexing import ensure_index
from tests.redis_server import closed_port_url
from tests.test_production_settings import SECRETS, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_tasks(settings):
    """The production task backend: tasks wait in the database for the worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def readyz(client):
    response = client.get("/readyz")
    return response.status_code, response.json()


def statuses(report) -> dict[str, str]:
    return {name: check["status"] for name, check in report["checks"].items()}


def test_all_up_on_production_like_dependencies(client, search_engine, redis_cache, database_tasks):
    ensure_index(get_client())
    code, report = readyz(client)
    assert code == 200
    assert report["status"] == "ok"
    assert statuses(report) == {"database": "up", "cache": "up", "search": "up", "task_queue": "up"}
    assert report["checks"]["task_queue"]["ready"] == 0
    assert client.get("/readyz")["Cache-Control"].startswith("max-age=0")


def test_search_down_is_degraded_not_unavailable(client, settings):
    settings.ELASTICSEARCH_URL = closed_port_url().replace("redis://", "http://").removesuffix("/0")
    code, report = readyz(client)
    assert code == 200
    assert report["status"] == "degraded"
    assert statuses(report)["search"] == "down"
    assert "error" in report["checks"]["search"]


def test_search_on_the_database_is_reported_as_such(client):
    code, report = readyz(client)
    assert code == 200 and report["status"] == "ok"
    assert statuses(report)["search"] == "disabled"


def test_cache_down_is_degraded(client, settings):
    settings.CACHES = {"default": cache_settings(closed_port_url(), directory=None)}
    code, report = readyz(client)
    caches["default"].close()
    assert code == 200
    assert statuses(report)["cache"] == "down" and report["status"] == "degraded"


def test_a_stalled_task_queue_is_degraded(client, database_tasks):
    DBTaskResult.objects.create(
        task_path="community.tasks.send_mail",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        run_after=timezone.now() - timedelta(hours=1),
        enqueued_at=timezone.now(),
    )
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(hours=1))
    code, report = readyz(client)
    assert code == 200 and report["status"] == "degraded"
    assert report["checks"]["task_queue"]["ready"] == 1
    assert report["checks"]["task_queue"]["oldest_wait_seconds"] >= 3600


def test_database_down_is_unavailable(tmp_path):
    """Production settings on a PostgreSQL nobody listens on (a process of its own: the suite's
    database cannot be taken away from under the test)."""
    port = closed_port_url().rsplit(":", 1)[1].removesuffix("/0")
    result = start(
        {
            **SECRETS,
            "DATABASE_URL": f"postgres://maghub:secret@127.0.0.1:{port}/maghub",
            "CACHE_DIR": str(tmp_path),
        },
        [
            "-c",
            "import django, json; django.setup(); "
            "from maghub.health import readiness; print(json.dumps(readiness()))",
        ],
    )
    assert result.returncode == 0, result.stderr
    report, code = json.loads(result.stdout)
    assert code == 503
    assert report["status"] == "unavailable"
    assert statuses(report) == {"database": "down", "cache": "up", "search": "disabled", "task_queue": "down"}
