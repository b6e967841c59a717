"""Index pages: filters by industry and district, pagination, newest first, constant queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from news.models import NewsIndexPage
from tests.news.factories import (
    ArticlePageFactory,
    AuthorFactory,
    CompanyProfilePageFactory,
    DistrictFactory,
    EventReportPageFactory,
    ImageFactory,
    IndustryFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def logistics():
    return IndustryFactory(name="Logistics")


@pytest.fixture
def retail():
    return IndustryFactory(name="Retail")


@pytest.fixture
def changning():
    return DistrictFactory(name="Changning")


def titles(response):
    return [item.title for item in response.context["listing"].items]


def test_news_index_lists_articles_newest_first(client, news_index):
    older = ArticlePageFactory(parent=news_index, title="Older")
    newer = ArticlePageFactory(parent=news_index, title="Newer")
    draft = ArticlePageFactory(parent=news_index, title="Draft", live=False)
    response = client.get(news_index.url)
    assert titles(response) == [newer.title, older.title]
    assert draft.title not in response.content.decode()


def test_filters_combine_industry_and_district(client, news_index, logistics, retail, changning):
    ArticlePageFactory(parent=news_index, title="Both", industries=[logistics], districts=[changning])
    ArticlePageFactory(parent=news_index, title="Logistics only", industries=[logistics])
    ArticlePageFactory(
        parent=news_index, title="Retail in Changning", industries=[retail], districts=[changning]
    )

    assert titles(client.get(news_index.url, {"industry": "logistics"})) == ["Logistics only", "Both"]
    assert titles(client.get(news_index.url, {"district": "changning"})) == ["Retail in Changning", "Both"]
    response = client.get(news_index.url, {"industry": "logistics", "district": "changning"})
    assert titles(response) == ["Both"]
    assert '<option value="logistics" selected>' in response.content.decode()


def test_unknown_term_is_reported_not_an_error(client, news_index, logistics):
    ArticlePageFactory(parent=news_index, title="A story", industries=[logistics])
    response = client.get(news_index.url, {"industry": "no-such-thing", "district": "<script>"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is no industry called “no-such-thing”" in html
    assert "There is no district called “&lt;script&gt;”" in html
    assert titles(response) == ["A story"]


@pytest.mark.parametrize(
    ("fixture", "factory"),
    [("company_index", CompanyProfilePageFactory), ("event_index", EventReportPageFactory)],
)
def test_company_and_event_indexes_filter_the_same_way(client, request, fixture, factory, logistics):
    index = request.getfixturevalue(fixture)
    factory(parent=index, title="Tagged", industries=[logistics])
    factory(parent=index, title="Untagged")
    assert titles(client.get(index.url)) == ["Untagged", "Tagged"]
    assert titles(client.get(index.url, {"industry": "logistics"})) == ["Tagged"]


def test_pagination_keeps_filters(client, news_index, logistics, monkeypatch):
    monkeypatch.setattr(NewsIndexPage, "per_page", 2)
    for n in range(5):
        ArticlePageFactory(parent=news_index, title=f"Story {n}", industries=[logistics])
    ArticlePageFactory(parent=news_index, title="Untagged")

    first = client.get(news_index.url, {"industry": "logistics"})
    assert titles(first) == ["Story 4", "Story 3"]
    assert 'href="?industry=logistics&amp;page=2&amp;before=' in first.content.decode()
    assert titles(client.get(news_index.url, {"industry": "logistics", "page": 3})) == ["Story 0"]
    # Out-of-range and junk page numbers fall back to a real page.
    assert titles(client.get(news_index.url, {"industry": "logistics", "page": 99})) == ["Story 0"]
    assert titles(client.get(news_index.url, {"page": "abc"}))[0] == "Untagged"


def make_articles(news_index, count, industry, district, author):
    for _ in range(count):
        ArticlePageFactory(
            parent=news_index,
            industries=[industry],
            districts=[district],
            authors=[author],
            lead_image=ImageFactory(),
        )


def queries_for(client, url):
    client.get(url)  # warm-up: renditions are generated on first view
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_news_index_query_count_does_not_grow_with_articles(
    client, news_index, logistics, changning, monkeypatch
):
    monkeypatch.setattr(NewsIndexPage, "per_page", 50)
    author = AuthorFactory()
    make_articles(news_index, 10, logistics, changning, author)
    with_10 = queries_for(client, news_index.url)
    make_articles(news_index, 40, logistics, changning, author)
    with_50 = queries_for(client, news_index.url)
    assert len(client.get(news_index.url).context["listing"].items) == 50
    print(f"/news/ queries: {with_10} with 10 articles, {with_50} with 50")
    assert with_10 == with_50, f"{with_10} queries for 10 articles, {with_50} for 50"
