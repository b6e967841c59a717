"""Wagtail's own search index (the text index the database backend reads) for pages
written in bulk.

Wagtail indexes a page when it is saved; pages written with bulk inserts are never
saved one by one, so they reach this index here, a batch of objects per model through
the search backend's ``add_bulk`` (one INSERT per batch, as ``manage.py update_index`` does).
"""

from collections import defaultdict
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page
from wagtail.search.backends import get_search_backends
from wagtail.search.index import class_is_indexed

from django_tasks import task

from .indexing import chunked

# Large batches: each add_bulk() on SQLite also rereads the whole index (the average title
# length it ranks by), so small ones make a bulk load quadratic.
BATCH_SIZE = 5000


def add_pages(ids: Iterable[int]) -> None:
    """Add (or refresh) these pages' entries in every auto-updated Wagtail search backend."""
    by_model: dict[type, list[int]] = defaultdict(list)
    for pk, content_type_id in Page.objects.filter(pk__in=list(ids)).values_list("pk", "content_type_id"):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None and class_is_indexed(model):
            by_model[model].append(pk)
    backends = list(get_search_backends(with_auto_update=True))
    for model, pks in by_model.items():
        for chunk in chunked(pks, BATCH_SIZE):
            objects = list(model.get_indexed_objects().filter(pk__in=chunk))
            for backend in backends:
                backend.add_bulk(model, objects)


@task()
def add_pages_task(ids: list[int]) -> None:
    """The background job behind :func:`schedule_pages`."""
    add_pages(ids)


def schedule_pages(ids: Iterable[int]) -> None:
    """Bring these pages' Wagtail index entries up to date in the background."""
    for chunk in chunked(sorted(set(ids)), BATCH_SIZE):
        add_pages_task.enqueue(chunk)
