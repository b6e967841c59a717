"""Fixtures shared by the whole suite: the page tree every test stands on."""

from django.core.cache import cache

from wagtail.models import Page, Site

import pytest

from home.models import HomePage
from news.models import CompanyIndexPage, EventIndexPage, NewsIndexPage


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate-limit counters and remembered search outages live in the cache: every test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    """A fresh site: the home page at the default site's root, as load_demo builds it."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="MagHub Shanghai", slug="maghub-home"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home, "site_name": "MagHub"}
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home


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
