"""Fixtures shared by the whole suite: the page tree every test stands on."""

import itertools
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.core.cache import caches
from django.test import Client
from django.utils import translation

import pytest

from home.site_tree import ensure_home_page
from maghub.cache import cache_settings
from news.models import CompanyIndexPage, EventIndexPage, NewsIndexPage
from search.client import get_client

from . import search_engine as engine
from .redis_server import RedisServer
from .two_factor.sign_in import sign_in_with_code

PROJECT = Path(__file__).resolve().parent.parent


def pytest_configure(config):
    """The controller compiles stale message catalogues and starts the session's search engine in
    the background (it is ready in about ten seconds, while pytest collects and builds databases);
    xdist workers inherit both."""
    if hasattr(config, "workerinput"):
        return
    # Django's compilemessages (through the build's script) compiles only what is missing or stale.
    subprocess.run([PROJECT / "scripts" / "compile-messages.sh"], check=True)  # noqa: S603 - the project's script
    if os.environ.get(engine.URL_VARIABLE):
        return
    config.maghub_search_engine = engine.SearchEngine.start_in_background()
    os.environ[engine.DIR_VARIABLE] = str(config.maghub_search_engine.directory)


def pytest_unconfigure(config):
    started = getattr(config, "maghub_search_engine", None)
    if started is not None:
        started.stop()


@dataclass(frozen=True)
class SearchEngineIndex:
    """Where one test's search documents live: the session's node, under a prefix of its own."""

    url: str
    prefix: str


_prefixes = itertools.count()


@pytest.fixture
def search_engine(settings, worker_id):
    """``ELASTICSEARCH_URL`` on the session's node with an index prefix of this test's own;
    the test's indices are deleted afterwards."""
    prefix = f"test-{worker_id}-{next(_prefixes)}"
    settings.ELASTICSEARCH_URL = engine.session_url()
    settings.ELASTICSEARCH_INDEX_PREFIX = prefix
    yield SearchEngineIndex(settings.ELASTICSEARCH_URL, prefix)
    get_client().indices.delete(index=f"{prefix}-*", allow_no_indices=True, ignore_unavailable=True)


@pytest.fixture(autouse=True)
def _empty_caches():
    """Every test starts with empty caches: rate-limit counters, remembered search outages, and
    image renditions keyed by primary keys that the next test's rolled-back database hands out again."""
    for cache in caches.all(initialized_only=True):
        cache.clear()
    yield
    for cache in caches.all(initialized_only=True):
        cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the default language: a request to /zh/ leaves Chinese active in
    the thread (Django's middleware activates a language and never deactivates it)."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(scope="session")
def redis_url():
    """The session's Redis: REDIS_URL (scripts/with-redis.sh) or a redis-server of this process's own."""
    if os.environ.get("REDIS_URL"):
        yield os.environ["REDIS_URL"].rstrip("/")
        return
    server = RedisServer.start()
    yield server.url
    server.stop()


@pytest.fixture
def redis_cache(settings, redis_url):
    """The default cache on Redis, as in production: a database of this xdist worker's own
    (workers share the server), emptied before and after the test."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    database = int(worker.removeprefix("gw")) + 1 if worker else 0
    settings.CACHES = {"default": cache_settings(f"{redis_url}/{database}", directory=None)}
    caches["default"].clear()
    yield caches["default"]
    caches["default"].clear()


@pytest.fixture
def home_page(db):
    """A fresh site: the home page at the default site's root, as load_demo builds it."""
    return ensure_home_page()


@pytest.fixture
def news_index(home_page):
    return home_page.add_child(instance=NewsIndexPage(title="News", slug="news"))


@pytest.fixture
def company_index(home_page):
    return home_page.add_child(instance=CompanyIndexPage(title="Companies", slug="companies"))


@pytest.fixture
def event_index(home_page):
    return home_page.add_child(instance=EventIndexPage(title="Events", slug="events"))


def pytest_collection_modifyitems(config, items):
    """Everything under tests/e2e/ is a browser journey: `make test` runs those in a process of their own.

    The PostgreSQL restart needs the cluster of scripts/with-postgres.sh (`make test DB=postgres`):
    elsewhere it is deselected, and the summary says so.
    """
    for item in items:
        if "e2e" in item.path.parts:
            item.add_marker(pytest.mark.e2e)
    if not os.environ.get("MAGHUB_PG_DATA"):
        restarts = [item for item in items if item.get_closest_marker("postgres_restart")]
        if restarts:
            config.hook.pytest_deselected(items=restarts)
            items[:] = [item for item in items if item not in restarts]
            config.maghub_postgres_only = len(restarts)


def pytest_terminal_summary(terminalreporter, config):
    if getattr(config, "maghub_postgres_only", 0):
        terminalreporter.write_line(
            f"{config.maghub_postgres_only} PostgreSQL restart test(s) deselected: "
            "they run under `make test DB=postgres` (CI)."
        )


@pytest.fixture
def page_cache(settings, redis_cache):
    """The full-page cache on, on Redis, as in production (the suite runs with it off)."""
    settings.PAGE_CACHE_SECONDS = 600
    return redis_cache


@pytest.fixture
def admin_client(admin_user):
    """pytest-django's admin client, past the second factor superusers must give (maghub/two_factor)."""
    return sign_in_with_code(Client(), admin_user)
