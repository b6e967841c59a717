"""Lists kept in the cache (related stories, a company's coverage, taxonomy pages, filter choices)
show a newly published page on the next request."""

import pytest

from tests.news.factories import ArticlePageFactory, CompanyProfilePageFactory, IndustryFactory

pytestmark = pytest.mark.django_db


def test_cached_lists_show_what_was_just_published(
    client, redis_cache, news_index, company_index, django_capture_on_commit_callbacks
):
    logistics = IndustryFactory(name="Logistics")
    company = CompanyProfilePageFactory(parent=company_index, title="DSV", industries=[logistics])
    article = ArticlePageFactory(parent=news_index, industries=[logistics], companies=[company])
    pages = [article.url, company.url, logistics.get_absolute_url()]
    for url in pages:  # fill the caches
        assert "Cold chain opens in Lingang" not in client.get(url).content.decode()
    assert "Aviation" not in client.get(news_index.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):  # the content version moves on commit
        ArticlePageFactory(
            parent=news_index,
            title="Cold chain opens in Lingang",
            industries=[logistics],
            companies=[company],
        )
        IndustryFactory(name="Aviation")

    for url in pages:
        assert "Cold chain opens in Lingang" in client.get(url).content.decode(), url
    assert "Aviation" in client.get(news_index.url).content.decode()
