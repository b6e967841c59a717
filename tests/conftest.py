"""Fixtures shared by the whole suite: the page tree every test stands on."""

from django.core.cache import caches

import pytest
from osmem_server import OsmemServer

from home.site_tree import ensure_home_page
from news.models import CompanyIndexPage, EventIndexPage, NewsIndexPage


@pytest.fixture(scope="session")
def osmem_server():
    """The search server process, one per test session (overrides osmem-server's plugin
    fixture: Japanese analysis is not needed and slows index creation)."""
    server = OsmemServer.start(japanese=False)
    yield server
    server.close()


@pytest.fixture(autouse=True)
def _empty_caches():
    """Every test starts with empty caches: rate-limit counters, remembered search outages, and
    image renditions keyed by primary keys that the next test's rolled-back database hands out again."""
    for cache in caches.all(initialized_only=True):
        cache.clear()
    yield
    for cache in caches.all(initialized_only=True):
        cache.clear()


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
    """Everything under tests/e2e/ is a browser journey: `make test` runs those in a process of their own."""
    for item in items:
        if "e2e" in item.path.parts:
            item.add_marker(pytest.mark.e2e)
