"""The one Elasticsearch client MagHub uses: plain JSON on the wire, bounded timeouts."""

from functools import lru_cache

from django.conf import settings

from elastic_transport import Urllib3HttpNode
from elasticsearch import Elasticsearch

_VENDOR_JSON = "application/vnd.elasticsearch+"


class PlainJsonNode(Urllib3HttpNode):
    """Send ``application/json`` (and ``x-ndjson``) instead of the versioned vendor types.

    Elasticsearch 8 accepts both; OpenSearch-compatible servers such as osmem-server
    only the plain ones, so the same transport serves production and the tests.
    """

    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        if headers:
            headers = headers.copy()
            for name in ("accept", "content-type"):
                value = headers.get(name)
                if value and _VENDOR_JSON in value:
                    headers[name] = "application/" + value.split("+", 1)[1].split(";", 1)[0].strip()
        return super().perform_request(method, target, body=body, headers=headers, **kwargs)


def elasticsearch_enabled() -> bool:
    """True when the public search runs on Elasticsearch rather than the database."""
    return bool(settings.ELASTICSEARCH_URL)


@lru_cache(maxsize=8)
def _client_for(url: str, timeout: float) -> Elasticsearch:
    return Elasticsearch(
        url,
        node_class=PlainJsonNode,
        request_timeout=timeout,
        max_retries=0,
        retry_on_timeout=False,
    )


def get_client(timeout: float | None = None) -> Elasticsearch:
    """The shared client for ``ELASTICSEARCH_URL``; every request is bounded by ``ELASTICSEARCH_TIMEOUT``."""
    return _client_for(settings.ELASTICSEARCH_URL, timeout or settings.ELASTICSEARCH_TIMEOUT)


def alias_name() -> str:
    """The alias every read and write goes through; dated indices hide behind it."""
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-content"
