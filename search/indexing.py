"""Keeping the index in line with the database.

Everything goes through :func:`schedule`: it enqueues :func:`sync_task` (django-tasks),
which re-reads the objects from their source and indexes or removes each one. A write
that fails is recorded as a :class:`~search.models.PendingIndexOperation` and retried by
``manage.py search_index --sync``; nothing here ever raises into the save that asked.
"""

import logging
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from django.db.models import F
from django.utils import timezone

from django_tasks import task
from elasticsearch import ApiError, Elasticsearch, TransportError
from elasticsearch.helpers import BulkIndexError, bulk, streaming_bulk

from .client import alias_name, elasticsearch_enabled, get_client
from .documents import check_audience, index_definition
from .models import PendingIndexOperation
from .sources import all_sources, document_id, get_source

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
WRITTEN_DURING_REBUILD = "written during a rebuild: replayed into the new index after the swap"
INDEX_ERRORS = (ApiError, TransportError, BulkIndexError, OSError)

_known_aliases: set[tuple[str, str]] = set()


def chunked(items: Iterable, size: int) -> Iterator[list]:
    """Lists of at most ``size`` items."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def rebuild_marker() -> str:
    """An alias on the index a rebuild is loading: while it exists, writes are also recorded
    for replay into that index once it goes live (see :func:`sync_objects`)."""
    return f"{alias_name()}-rebuilding"


def rebuild_in_progress(client: Elasticsearch) -> bool:
    """True while ``search_index --rebuild`` loads a new index (one HEAD request)."""
    return bool(client.indices.exists_alias(name=rebuild_marker()))


def new_index_name() -> str:
    """A dated name for a fresh index behind the alias."""
    return f"{alias_name()}-{timezone.now():%Y%m%d%H%M%S%f}"


def create_index(client: Elasticsearch, name: str) -> None:
    """Create an empty index with MagHub's settings and mapping."""
    client.indices.create(index=name, **index_definition(name))


def ensure_index(client: Elasticsearch) -> None:
    """Create the first dated index and its alias if there is none yet."""
    key = (client.transport.node_pool.all()[0].base_url, alias_name())
    if key in _known_aliases:
        return
    if not client.indices.exists_alias(name=alias_name()):
        name = new_index_name()
        create_index(client, name)
        client.indices.update_aliases(actions=[{"add": {"index": name, "alias": alias_name()}}])
    _known_aliases.add(key)


def document_actions(documents, index: str) -> Iterator[dict]:
    """Bulk ``index`` actions for documents, aimed at ``index``."""
    for document in documents:
        action = document.to_dict(include_meta=True)
        check_audience(action["_source"])
        action["_index"] = index
        yield action


def write(source: str, ids: Sequence[int], client: Elasticsearch | None = None) -> None:
    """Index the objects that belong in the index now and delete the others. Raises on failure."""
    client = client or get_client()
    ensure_index(client)
    documents = get_source(source).load(ids)
    present = {document.meta.id for document in documents}
    actions = list(document_actions(documents, alias_name()))
    actions += [
        {"_op_type": "delete", "_index": alias_name(), "_id": doc_id}
        for doc_id in (document_id(source, pk) for pk in ids)
        if doc_id not in present
    ]
    _, errors = bulk(client, actions, raise_on_error=False, stats_only=False)
    errors = [error for error in errors if error.get("delete", {}).get("status") != 404]
    if errors:
        raise BulkIndexError(f"{len(errors)} document(s) failed to index", errors)


def record_failure(source: str, ids: Sequence[int], error: object) -> None:
    """Remember objects whose index entry may be stale, for ``search_index --sync``."""
    message = str(error)[:2000]
    pending = PendingIndexOperation.objects.filter(source=source, object_id__in=ids)
    pending.update(attempts=F("attempts") + 1, last_error=message, updated_at=timezone.now())
    existing = set(pending.values_list("object_id", flat=True))
    PendingIndexOperation.objects.bulk_create(
        [
            PendingIndexOperation(source=source, object_id=pk, last_error=message)
            for pk in ids
            if pk not in existing
        ],
        ignore_conflicts=True,
    )


def sync_objects(source: str, ids: Sequence[int]) -> bool:
    """Write the objects and clear their pending rows; on failure record them. True on success.

    During a rebuild the write goes to the live index, which the rebuild is about to replace,
    and the loader may have read these objects before the change: they are recorded first
    (before writing, so no swap can slip in between) and the rebuild replays them into the
    new index right after the swap.
    """
    ok = True
    for chunk in chunked(ids, BATCH_SIZE):
        try:
            client = get_client()
            rebuilding = rebuild_in_progress(client)
            if rebuilding:
                record_failure(source, chunk, WRITTEN_DURING_REBUILD)
            write(source, chunk, client)
        except INDEX_ERRORS as error:
            logger.warning("search: %s index write failed for %d object(s): %s", source, len(chunk), error)
            record_failure(source, chunk, error)
            ok = False
        else:
            if not rebuilding:
                PendingIndexOperation.objects.filter(source=source, object_id__in=chunk).delete()
    return ok


@task()
def sync_task(source: str, ids: list[int]) -> bool:
    """The background job behind :func:`schedule`."""
    return sync_objects(source, ids)


def schedule(source: str, ids: Iterable[int]) -> None:
    """Bring these objects' index entries up to date in the background; never raises.

    This is what receivers (and the community app, for posts) call after a change.
    """
    if not elasticsearch_enabled():
        return
    for chunk in chunked(sorted(set(ids)), BATCH_SIZE):
        try:
            sync_task.enqueue(source, chunk)
        except Exception as error:
            logger.exception("search: could not enqueue an index write")
            try:
                record_failure(source, chunk, error)
            except Exception:
                logger.exception("search: could not record a failed index write")


def retry_pending(limit: int | None = None) -> tuple[int, int]:
    """Retry recorded failures; returns (objects synced, objects still pending)."""
    rows = PendingIndexOperation.objects.order_by("source", "object_id").values_list("source", "object_id")
    by_source: dict[str, list[int]] = {}
    for source, pk in rows[:limit] if limit else rows:
        by_source.setdefault(source, []).append(pk)
    synced = 0
    for source, ids in by_source.items():
        for chunk in chunked(ids, BATCH_SIZE):
            if sync_objects(source, chunk):
                synced += len(chunk)
    return synced, PendingIndexOperation.objects.count()


def load_documents(client: Elasticsearch, index: str, chunk_size: int = BATCH_SIZE) -> int:
    """Bulk load every source into ``index``; returns the number of documents."""

    def actions() -> Iterator[dict]:
        for source in all_sources():
            for ids in chunked(source.all_ids(), chunk_size):
                yield from document_actions(source.load(ids), index)

    count = 0
    for ok, item in streaming_bulk(client, actions(), chunk_size=chunk_size, max_retries=2):
        if not ok:
            raise BulkIndexError("a document failed to index during the rebuild", [item])
        count += 1
    return count


def rebuild(client: Elasticsearch | None = None) -> tuple[str, int]:
    """Build a new dated index, load it, swap the alias atomically; keep one older index for rollback.

    Writes made while it loads go to the live index and are recorded (the rebuild marker);
    they are replayed into the new index as soon as it is live, so none is lost.
    """
    client = client or get_client(timeout=60)
    alias, marker = alias_name(), rebuild_marker()
    name = new_index_name()
    create_index(client, name)
    client.indices.put_alias(index=name, name=marker)  # from here on, writes are recorded
    try:
        count = load_documents(client, name)
        client.indices.refresh(index=name)
        previous = (
            sorted(client.indices.get_alias(name=alias)) if client.indices.exists_alias(name=alias) else []
        )
        client.indices.update_aliases(
            actions=[{"remove": {"index": old, "alias": alias}} for old in previous]
            + [{"remove": {"index": name, "alias": marker}}, {"add": {"index": name, "alias": alias}}]
        )
    except BaseException:
        client.indices.delete(index=name, ignore_unavailable=True)
        raise
    retry_pending()  # the writes made during the load, now into the live new index
    for stale in sorted(set(client.indices.get(index=f"{alias}-*")) - {name, *previous[-1:]}):
        client.indices.delete(index=stale)
    return name, count


def outdated_fields(client: Elasticsearch, alias: str) -> list[str]:
    """What differs between MagHub's index definition and an index behind ``alias`` (built by
    another release): the fields it lacks or maps otherwise, or ``analysis`` when only the
    analysers changed. Queries need ``search_index --rebuild`` to find what they look for."""
    expected = index_definition(alias)["mappings"]
    outdated: set[str] = set()
    for index in client.indices.get_mapping(index=alias).values():
        live = index["mappings"]
        if live.get("_meta") != expected["_meta"]:
            fields = live.get("properties", {})
            changed = {name for name, spec in expected["properties"].items() if fields.get(name) != spec}
            outdated |= changed or {"analysis"}
    return sorted(outdated)


def index_is_current(client: Elasticsearch | None = None) -> bool:
    """True when the alias exists and every index behind it has this release's mapping."""
    client = client or get_client()
    return bool(client.indices.exists_alias(name=alias_name())) and not outdated_fields(client, alias_name())


def status(client: Elasticsearch | None = None) -> dict:
    """Counts for ``search_index --status``: per kind in the index and in the database."""
    client = client or get_client()
    alias = alias_name()
    indexed: dict[str, int] = {}
    indices: list[str] = []
    outdated: list[str] = []
    if client.indices.exists_alias(name=alias):
        indices = sorted(client.indices.get_alias(name=alias))
        response = client.search(
            index=alias, size=0, aggs={"kinds": {"terms": {"field": "kind", "size": 20}}}
        )
        indexed = {b["key"]: b["doc_count"] for b in response["aggregations"]["kinds"]["buckets"]}
        outdated = outdated_fields(client, alias)
    return {
        "alias": alias,
        "indices": indices,
        "indexed": indexed,
        "outdated_fields": outdated,
        "pending": PendingIndexOperation.objects.count(),
    }
