"""Tasks the database queue would otherwise lose, put back in it.

django_tasks_db runs a task once: a task whose dependency was down (the mail server refused,
the database restarted under it) ends FAILED, and a task whose worker died mid-task (killed,
out of memory, its host restarted) stays RUNNING for ever. :func:`recover` requeues both:

- FAILED on a passing outage (``OSError``, which covers refused and reset connections,
  timeouts and every SMTP error, or a database ``OperationalError``), once its back-off has
  passed: ``TASK_RETRY_SECONDS`` doubled with each attempt, ``TASK_MAX_ATTEMPTS`` attempts in all;
- RUNNING for longer than ``TASK_LEASE_SECONDS``: every task is bounded by its dependency's
  timeout (``EMAIL_TIMEOUT``, ``ELASTICSEARCH_TIMEOUT``), far below the lease, so its worker is gone.

A task may therefore run more than once; MagHub's tasks are idempotent (an index write
re-reads the object) or at worst repeat an e-mail whose first sending the server never
confirmed. ``manage.py recover_tasks`` runs this from the scheduler.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import OperationalError
from django.utils import timezone
from django.utils.module_loading import import_string

from django_tasks_db.models import DBTaskResult, get_date_max

logger = logging.getLogger(__name__)

TRANSIENT_ERRORS = (OSError, OperationalError)


@dataclass(frozen=True)
class Recovered:
    orphaned: int  # RUNNING past the lease, requeued
    retried: int  # FAILED on an outage, requeued
    waiting: int  # FAILED on an outage, to be retried after their back-off


def is_transient(exception_class_path: str) -> bool:
    """True when the recorded exception is an outage that may pass, not a bug."""
    try:
        error = import_string(exception_class_path)
    except ImportError:
        return False
    return isinstance(error, type) and issubclass(error, TRANSIENT_ERRORS)


def retry_delay(attempts: int) -> timedelta:
    """How long after its last attempt a failed task is tried again."""
    return timedelta(seconds=settings.TASK_RETRY_SECONDS * 2 ** max(attempts - 1, 0))


def orphaned_tasks():
    """Tasks marked RUNNING for longer than any task runs: their worker died."""
    lease = timedelta(seconds=settings.TASK_LEASE_SECONDS)
    return DBTaskResult.objects.running().filter(started_at__lt=timezone.now() - lease)


RETRY_WINDOW = timedelta(days=1)  # far beyond the last back-off; older failures stay as they are


def retryable_failures() -> list[DBTaskResult]:
    """Failed tasks that an outage failed and that have attempts left (oldest first)."""
    recent = timezone.now() - RETRY_WINDOW
    failed = DBTaskResult.objects.failed().filter(finished_at__gte=recent).order_by("finished_at")
    return [
        task
        for task in failed.only("id", "exception_class_path", "worker_ids", "finished_at")
        if len(task.worker_ids) < settings.TASK_MAX_ATTEMPTS and is_transient(task.exception_class_path)
    ]


def _requeue(tasks) -> int:
    """One UPDATE guarded by the tasks' status, so a task a worker took meanwhile stays its own.
    ``run_after`` gets the model's "no delay" value back: the task reads as when it was enqueued."""
    return tasks.update(status="READY", started_at=None, finished_at=None, run_after=get_date_max())


def recover() -> Recovered:
    """Requeue the orphaned tasks and the outage failures whose back-off has passed."""
    now = timezone.now()
    orphaned = _requeue(orphaned_tasks())
    due = [
        task.pk
        for task in retryable_failures()
        if task.finished_at + retry_delay(len(task.worker_ids)) <= now
    ]
    retried = _requeue(DBTaskResult.objects.failed().filter(pk__in=due))
    waiting = len(retryable_failures())
    if orphaned or retried:
        logger.warning("tasks: requeued %d orphaned and %d failed on an outage", orphaned, retried)
    return Recovered(orphaned, retried, waiting)
