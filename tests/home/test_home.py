"""The front page, the health check and error pages."""

from django.urls import reverse

import pytest

from maghub.cache import cache_settings
from tests.news.factories import (
    ArticlePageFactory,
    CompanyProfilePageFactory,
    EventReportPageFactory,
    IndustryFactory,
)
from tests.redis_server import closed_port_url

pytestmark = pytest.mark.django_db


def test_home_page_shows_top_stories_industries_events_and_companies(
    client, home_page, news_index, company_index, event_index
):
    logistics = IndustryFactory(name="Logistics")
    stories = [
        ArticlePageFactory(parent=news_index, title=f"Story {n}", industries=[logistics]) for n in range(7)
    ]
    EventReportPageFactory(parent=event_index, title="Hongqiao forum")
    CompanyProfilePageFactory(parent=company_index, title="MUJI")

    response = client.get("/")
    page = response.context["page"]
    assert [s.title for s in page.top_stories] == [s.title for s in reversed(stories[2:])]
    assert [(i.name, [a.title for a in articles]) for i, articles in page.latest_by_industry] == [
        ("Logistics", ["Story 1", "Story 0"])
    ]
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert 'class="skip-link" href="#main"' in html and '<main id="main"' in html
    for text in ("Hongqiao forum", "MUJI", "Story 6"):
        assert text in html
    assert "cdn" not in html.lower()


def test_healthz(client, db):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_unknown_url_gets_the_404_page(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_404_search_box_holds_the_words_of_the_missing_url(client, home_page):
    response = client.get("/news/dsv-opens-hongqiao_hub/")
    assert response.status_code == 404
    assert 'name="q" value="dsv opens hongqiao hub"' in response.content.decode()
    assert 'value="&lt;script&gt;"' in client.get("/%3Cscript%3E/").content.decode()


def test_home_sections_are_cached_until_published_content_changes(
    client, home_page, news_index, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = ArticlePageFactory(parent=news_index, title="DSV opens a Hongqiao hub")
    with CaptureQueriesContext(connection) as cold:
        assert "DSV opens a Hongqiao hub" in client.get("/").content.decode()
    with CaptureQueriesContext(connection) as warm:
        client.get("/")
    assert len(warm) < len(cold)

    with django_capture_on_commit_callbacks(execute=True):  # the bump waits for the commit
        second = ArticlePageFactory(parent=news_index, title="MUJI opens a flagship in Changning")
    assert "MUJI opens a flagship in Changning" in client.get("/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        second.unpublish()
        first.title = "DSV opens a bigger Hongqiao hub"
        first.save_revision().publish()
    html = client.get("/").content.decode()
    assert "MUJI opens a flagship" not in html
    assert "DSV opens a bigger Hongqiao hub" in html


def test_a_page_save_survives_a_cache_outage(
    news_index, settings, caplog, django_capture_on_commit_callbacks
):
    """The content-version bump never breaks the editor's save, whatever happens to the cache."""
    settings.CACHES = {"default": cache_settings(closed_port_url(), directory=None)}
    with django_capture_on_commit_callbacks(execute=True):
        article = ArticlePageFactory(parent=news_index, title="Saved despite the cache")
        article.save_revision().publish()

    article.refresh_from_db()
    assert article.live and article.title == "Saved despite the cache"
    assert "Cache unavailable (set)" in caplog.text
