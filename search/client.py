"""The one Elasticsearch client MagHub uses, with bounded timeouts.

``ELASTICSEARCH_NODE_CLASS`` (unset in production) lets the test and dev settings talk to
OpenSearch: see :mod:`search.opensearch`.
"""

from functools import lru_cache

from django.conf import settings
from django.utils.module_loading import import_string

from elasticsearch import Elasticsearch


def elasticsearch_enabled() -> bool:
    """True when the public search runs on Elasticsearch rather than the database."""
    return bool(settings.ELASTICSEARCH_URL)


@lru_cache(maxsize=8)
def _client_for(url: str, timeout: float, node_class: str | None) -> Elasticsearch:
    return Elasticsearch(
        url,
        node_class=import_string(node_class) if node_class else "urllib3",
        request_timeout=timeout,
        max_retries=0,
        retry_on_timeout=False,
    )


def get_client(timeout: float | None = None) -> Elasticsearch:
    """The shared client for ``ELASTICSEARCH_URL``; every request is bounded by ``ELASTICSEARCH_TIMEOUT``."""
    return _client_for(
        settings.ELASTICSEARCH_URL,
        timeout or settings.ELASTICSEARCH_TIMEOUT,
        settings.ELASTICSEARCH_NODE_CLASS,
    )


def alias_name() -> str:
    """The alias every read and write goes through; dated indices hide behind it."""
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-content"
