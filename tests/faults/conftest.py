"""Fixtures for the fault tests: people at work, and real dependencies behind a fault proxy."""

import pytest

from maghub.cache import cache_settings
from tests.community.factories import CategoryFactory, every_role
from tests.editorial.factories import StaffFactory

from .proxy import FaultProxy
from .smtp_server import SMTPServer


@pytest.fixture
def people(db):
    """One user per community role, and an editor who publishes in the Wagtail admin."""
    people = every_role()
    people.editor = StaffFactory(username="editor", role="Editors")
    return people


@pytest.fixture
def category(db):
    return CategoryFactory(name="Customs & trade", slug="customs-trade")


@pytest.fixture
def search_proxy(settings, search_engine):
    """The session's OpenSearch node behind a fault proxy."""
    proxy = FaultProxy.in_front_of(search_engine.url)
    settings.ELASTICSEARCH_URL = proxy.url("http")
    settings.ELASTICSEARCH_TIMEOUT = 3  # generous on a busy machine; a stall costs one timeout a write
    yield proxy
    proxy.close()
    settings.ELASTICSEARCH_URL = search_engine.url  # the engine fixture deletes this test's indices


@pytest.fixture
def database_tasks(settings):
    """Tasks wait in the database for a worker, as in production; recovery retries at once."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASK_RETRY_SECONDS = 0


@pytest.fixture
def smtp(settings):
    """A real SMTP server; mail goes to it through Django's SMTP backend (a stall costs one timeout)."""
    server = SMTPServer().start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", server.port, 3
    yield server
    server.stop()


@pytest.fixture
def cache_proxy(settings, page_cache, redis_url):
    """The page cache on, on the suite's Redis behind a fault proxy (the resilient client's
    production timeouts bound every wait)."""
    direct = settings.CACHES
    proxy = FaultProxy.in_front_of(redis_url)
    database = direct["default"]["LOCATION"].rsplit("/", 1)[1]
    settings.CACHES = {"default": cache_settings(f"{proxy.url('redis')}/{database}", directory=None)}
    yield proxy
    proxy.close()
    settings.CACHES = direct


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a committing fault test's flush, the migrations' data (content types, roles, the root
    page) goes back at once: a test of another file that the same xdist worker runs next finds the
    database as migrations left it, as the test-transaction tests expect."""
    result = yield
    marker = item.get_closest_marker("django_db")
    if nextitem is not None and marker and marker.kwargs.get("transaction"):  # last: the database is gone
        from django.db import connection

        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
    return result
