"""The shared cache: Redis through Django's own backend, where an outage is a miss, never an error.

Every page read asks the cache (content version, fragments, image renditions). When Redis is
down or unreachable, reads answer "not cached", writes are dropped and the failure is logged,
so readers get an uncached page instead of a server error.

A page asks the cache a dozen times or more: against a Redis that accepts and never answers,
each ask would wait its socket timeout. So the first failure is remembered for
OUTAGE_MEMORY_SECONDS, during which this process answers every operation from the fallback
without asking; then one operation tries Redis again. Writes dropped meanwhile may include
invalidations (the content version an editor's publish moves on): the first success after an
outage sends :data:`cache_recovered`, on which listeners drop what may have gone stale.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.dispatch import Signal

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

OUTAGES = (RedisConnectionError, RedisTimeoutError)
OUTAGE_MEMORY_SECONDS = 5.0

#: Sent (sender: the client class) by the first operation that succeeds after an outage.
cache_recovered = Signal()


class _Outage:
    """One server's outage as this process has seen it (its threads share it)."""

    def __init__(self):
        self.retry_at = 0.0  # until then, operations answer from the fallback without asking
        self.seen = False  # an operation failed since the last one that succeeded


_outages: dict[tuple, _Outage] = {}


def _on_outage(fallback):
    """Wrap a client method: on a connection failure, log it and answer `fallback(*args)`, and
    keep answering so without asking for OUTAGE_MEMORY_SECONDS."""

    def decorate(method):
        @functools.wraps(method)
        def guarded(self, *args):
            outage = _outages.setdefault(tuple(self._servers), _Outage())
            if time.monotonic() < outage.retry_at:
                return fallback(*args)
            try:
                result = method(self, *args)
            except OUTAGES as error:
                logger.warning("Cache unavailable (%s): %s; serving uncached.", method.__name__, error)
                outage.seen, outage.retry_at = True, time.monotonic() + OUTAGE_MEMORY_SECONDS
                return fallback(*args)
            if outage.seen:
                outage.seen = False
                logger.warning("Cache available again.")
                cache_recovered.send(sender=type(self))
            return result

        return guarded

    return decorate


class ResilientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        """One redis-py client per connection pool, kept (it is thread-safe). Django's builds a
        new one for every operation, and redis-py's constructor fills a table of some 170 reply
        parsers each time: 0.13 ms, half of what a page served from the cache costs."""
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients.setdefault(pool, self._client(connection_pool=pool))
        return client

    get = _on_outage(lambda key, default: default)(RedisCacheClient.get)
    get_many = _on_outage(lambda keys: {})(RedisCacheClient.get_many)
    has_key = _on_outage(lambda key: False)(RedisCacheClient.has_key)
    add = _on_outage(lambda key, value, timeout: False)(RedisCacheClient.add)
    set = _on_outage(lambda key, value, timeout: None)(RedisCacheClient.set)
    set_many = _on_outage(lambda data, timeout: None)(RedisCacheClient.set_many)
    touch = _on_outage(lambda key, timeout: False)(RedisCacheClient.touch)
    delete = _on_outage(lambda key: False)(RedisCacheClient.delete)
    delete_many = _on_outage(lambda keys: None)(RedisCacheClient.delete_many)
    clear = _on_outage(lambda: False)(RedisCacheClient.clear)
    # A counter that cannot be read starts again: rate limits lapse during an outage.
    incr = _on_outage(lambda key, delta: delta)(RedisCacheClient.incr)


class ResilientRedisCache(RedisCache):
    """Django's RedisCache (LOCATION is a redis:// URL) with outages degraded to misses."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ResilientRedisCacheClient


def cache_settings(redis_url: str, directory) -> dict:
    """CACHES["default"]: Redis when `redis_url` is set, else files under `directory`, which every
    gunicorn worker on the machine shares and which costs one file read on a hit."""
    if redis_url:
        return {
            "BACKEND": "maghub.cache.ResilientRedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "maghub",
            # A reader waits at most this long on an unresponsive Redis before rendering uncached.
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    return {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(directory),
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }
