"""/readyz: each dependency's health, for load balancers and operators.

/healthz stays the cheap liveness probe. /readyz answers 503 only when a dependency the
site cannot work without is down: the database, and the task queue (which lives in the
database and carries every e-mail, notification and index write). Search and the cache
being down is "degraded", 200: search falls back to the database, and a cache outage is
a miss (maghub/cache.py); taking every web instance out of rotation for either would
turn a slower site into no site.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from search.client import alias_name, elasticsearch_enabled, get_client

logger = logging.getLogger(__name__)

UP, DOWN, DEGRADED, DISABLED = "up", "down", "degraded", "disabled"
# A ready task waiting longer than this means no worker is taking tasks.
TASK_QUEUE_MAX_WAIT_SECONDS = 300


def database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {"status": UP}


def cache_health() -> dict:
    """A round trip through the shared cache; the resilient client turns an outage into a miss."""
    key, value = f"readyz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, 10)
    found = cache.get(key)
    cache.delete(key)
    return {"status": UP} if found == value else {"status": DOWN, "error": "the cache did not keep a value"}


def search() -> dict:
    if not elasticsearch_enabled():
        return {"status": DISABLED, "detail": "search runs on the database"}
    client = get_client()  # bounded by ELASTICSEARCH_TIMEOUT, as every search is
    if not client.indices.exists_alias(name=alias_name()):
        return {"status": DOWN, "error": f"no index behind {alias_name()}"}
    return {"status": UP}


def task_queue() -> dict:
    """The database queue's backlog: tasks ready to run and how long the oldest has waited, tasks
    a dead worker left behind and tasks an outage failed that wait for a retry (maghub/task_recovery.py)."""
    backend = settings.TASKS["default"]["BACKEND"]
    if backend != "django_tasks_db.DatabaseBackend":
        return {"status": UP, "detail": "tasks run in the request"}
    from django_tasks_db.models import DBTaskResult

    from maghub.task_recovery import orphaned_tasks, retryable_failures

    ready = DBTaskResult.objects.ready()
    oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    waited = (timezone.now() - oldest).total_seconds() if oldest else 0
    report = {
        "ready": ready.count(),
        "oldest_wait_seconds": round(waited),
        "orphaned": orphaned_tasks().count(),
        "retrying": len(retryable_failures()),
    }
    stuck = waited > TASK_QUEUE_MAX_WAIT_SECONDS or report["orphaned"] or report["retrying"]
    return {"status": DEGRADED if stuck else UP, **report}


# name: (probe, required). A required dependency down makes the whole answer 503.
CHECKS: dict[str, tuple[Callable[[], dict], bool]] = {
    "database": (database, True),
    "cache": (cache_health, False),
    "search": (search, False),
    "task_queue": (task_queue, True),
}


def run_check(name: str, probe: Callable[[], dict]) -> dict:
    started = time.perf_counter()
    try:
        result = probe()
    except Exception as error:  # any failure of the dependency is its health, not ours
        logger.warning("readyz: %s is down: %s", name, error)
        result = {"status": DOWN, "error": f"{type(error).__name__}: {error}"[:300]}
    return {**result, "ms": round((time.perf_counter() - started) * 1000, 1)}


def readiness() -> tuple[dict, int]:
    """The report and its HTTP status: 503 when a required dependency is down."""
    checks = {name: run_check(name, probe) for name, (probe, _) in CHECKS.items()}
    if any(checks[name]["status"] == DOWN for name, (_, required) in CHECKS.items() if required):
        return {"status": "unavailable", "checks": checks}, 503
    healthy = all(check["status"] in (UP, DISABLED) for check in checks.values())
    return {"status": "ok" if healthy else DEGRADED, "checks": checks}, 200


@never_cache
def readyz(request):
    report, status = readiness()
    return JsonResponse(report, status=status)
