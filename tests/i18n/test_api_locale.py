"""/api/v2/pages/ in both languages: every page says its locale, and ?locale= lists one language."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.i18n.translations import translate
from tests.news.factories import ArticlePageFactory, IndustryFactory

pytestmark = pytest.mark.django_db

PAGES = "/api/v2/pages/"


@pytest.fixture
def article(home_page, news_index):
    logistics = IndustryFactory(name="Logistics", name_zh="物流", slug="logistics")
    article = ArticlePageFactory(parent=news_index, title="Port volumes rise", industries=[logistics])
    translate(home_page, title="MagHub 上海")
    translate(news_index, title="新闻")
    return article


def listing(client, **params) -> list[dict]:
    response = client.get(PAGES, {"type": "news.ArticlePage", **params})
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_the_listing_holds_both_languages_and_says_each_pages_locale(client, article):
    chinese = translate(article, title="港口吞吐量上升")
    items = listing(client)
    assert {(item["title"], item["meta"]["locale"]) for item in items} == {
        ("Port volumes rise", "en-gb"),
        ("港口吞吐量上升", "zh-hans"),
    }
    detail = client.get(f"{PAGES}{chinese.pk}/").json()
    assert detail["meta"]["locale"] == "zh-hans"
    assert detail["meta"]["html_url"] == "http://localhost/zh/news/port-volumes-rise/"
    assert detail["industries"] == [{"name": "Logistics", "name_zh": "物流", "slug": "logistics"}]


def test_locale_lists_one_language_and_combines_with_the_other_filters(client, article):
    translate(article, title="港口吞吐量上升")
    assert [item["title"] for item in listing(client, locale="zh-hans")] == ["港口吞吐量上升"]
    assert [item["title"] for item in listing(client, locale="en-gb")] == ["Port volumes rise"]
    assert [item["title"] for item in listing(client, locale="zh-hans", industry="logistics")] == [
        "港口吞吐量上升"
    ]
    translations = listing(client, translation_of=article.pk)
    assert [item["meta"]["locale"] for item in translations] == ["zh-hans"]
    assert client.get(PAGES, {"locale": "fr"}).status_code == 404


def test_the_listing_costs_the_same_with_a_few_pages_and_with_a_full_page(client, article, news_index):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(PAGES, {"limit": 20}).status_code == 200
        return len(captured)

    queries()  # the first request fills the caches (the site's root paths)
    few = queries()
    for n in range(20):
        translate(ArticlePageFactory(parent=news_index, title=f"Story {n}"), title=f"报道 {n}")
    assert queries() == few
