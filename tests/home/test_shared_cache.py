"""The shared cache: pages are served from Redis, and a Redis outage only means uncached pages."""

from django.core.cache import caches

import pytest

from maghub.cache import cache_settings
from tests.news.factories import ArticlePageFactory, ImageFactory, IndustryFactory
from tests.redis_server import closed_port_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(news_index):
    return ArticlePageFactory(parent=news_index, lead_image=ImageFactory(), industries=[IndustryFactory()])


def test_pages_keep_what_they_cached_in_redis(client, redis_cache, article):
    assert client.get(article.url).status_code == 200
    assert redis_cache._cache.get_client().dbsize() > 0


def test_a_cache_outage_serves_pages_uncached(client, settings, article):
    settings.CACHES = {"default": cache_settings(closed_port_url(), directory=None)}
    assert caches["default"].get("anything") is None
    for url in ("/", article.url, "/news/", article.industry_list[0].get_absolute_url(), "/feeds/news/"):
        response = client.get(url)
        assert response.status_code == 200, url
    assert article.title in client.get(article.url).content.decode()
