"""After the load: is every acknowledged write in PostgreSQL exactly once, and in the search index?

The index is written in the background (django-tasks, `manage.py db_worker`): the check waits
for the worker to empty the queue, then retries what the design records as failed index writes
(`search_index --sync`, reported when there were any), refreshes the index and reads each
expected document by its id. Not a benchmark itself.
"""

from __future__ import annotations

import time
from collections import Counter
from datetime import datetime

from bench.load.clients import Write

QUEUE_TIMEOUT = 300


def drain_task_queue(since: datetime) -> dict:
    """Wait for the task worker to finish what the load queued; the outcome of the tasks
    enqueued from ``since`` on."""
    from django_tasks_db.models import DBTaskResult

    started = time.monotonic()
    while DBTaskResult.objects.ready().exists() or DBTaskResult.objects.running().exists():
        if time.monotonic() - started > QUEUE_TIMEOUT:
            break
        time.sleep(0.5)
    tasks = DBTaskResult.objects.filter(enqueued_at__gte=since)
    return {
        "waited_s": round(time.monotonic() - started, 1),
        "enqueued": tasks.count(),
        "still_queued": tasks.ready().count() + tasks.running().count(),
        "successful": tasks.successful().count(),
        "failed": dict(Counter(tasks.failed().values_list("task_path", flat=True))),
    }


def sync_recorded_failures() -> dict:
    """`search_index --sync`: the failed index writes the design records, retried once."""
    from search.indexing import retry_pending
    from search.models import PendingIndexOperation

    recorded = PendingIndexOperation.objects.count()
    synced, still_pending = retry_pending() if recorded else (0, 0)
    return {"recorded": recorded, "synced": synced, "still_pending": still_pending}


def _stored(write: Write) -> list[tuple[int, str | None]]:
    """The rows holding this write's token: (pk, its search document id or None when not live)."""
    from wagtail.models import Page

    from community.models import Post, Thread
    from search.sources import document_id

    if write.kind == "reply":
        return [
            (pk, document_id("post", pk))
            for pk in Post.objects.filter(body__contains=write.token).values_list("pk", flat=True)
        ]
    if write.kind == "thread":
        threads = Thread.objects.filter(title__contains=write.token)
        return [(thread.pk, document_id("post", thread.visible_posts().first().pk)) for thread in threads]
    pages = Page.objects.filter(title__contains=write.token)
    return [(page.pk, document_id("page", page.pk) if page.live else None) for page in pages]


def _indexed(ids: list[str]) -> set[str]:
    from search.client import alias_name, get_client

    client = get_client(timeout=60)
    client.indices.refresh(index=alias_name())
    found = set()
    for start in range(0, len(ids), 500):
        answer = client.mget(index=alias_name(), ids=ids[start : start + 500], source=False)
        found |= {doc["_id"] for doc in answer["docs"] if doc.get("found")}
    return found


def check_writes(writes: list[Write]) -> dict[str, dict]:
    """Per kind: attempted, acknowledged, stored exactly once (under the acknowledged id), missing,
    duplicated, indexed; and unacknowledged writes that were stored all the same."""
    rows = {id(write): _stored(write) for write in writes}
    expected = [rows[id(w)][0][1] for w in writes if w.pk and len(rows[id(w)]) == 1 and rows[id(w)][0][1]]
    indexed = _indexed(expected)
    report: dict[str, dict] = {}
    for write in writes:
        tally = report.setdefault(
            write.kind,
            dict.fromkeys(
                (
                    "attempted",
                    "acknowledged",
                    "stored_once",
                    "missing",
                    "duplicated",
                    "indexed",
                    "stored_unacknowledged",
                ),
                0,
            ),
        )
        stored = rows[id(write)]
        tally["attempted"] += 1
        if write.pk is None:
            tally["stored_unacknowledged"] += bool(stored)
            continue
        tally["acknowledged"] += 1
        once = len(stored) == 1 and stored[0][0] == write.pk
        tally["stored_once"] += once
        tally["missing"] += not stored
        tally["duplicated"] += len(stored) > 1
        tally["indexed"] += once and stored[0][1] in indexed
    return report
