"""What crawlers and social apps read of a page's language: og:locale, og:locale:alternate for
its translations, and schema.org inLanguage on articles, events, companies and the site."""

import json
import re

import pytest

from tests.i18n.translations import translate
from tests.news.factories import (
    ArticlePageFactory,
    AuthorFactory,
    CompanyProfilePageFactory,
    EventReportPageFactory,
)

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
OPEN_GRAPH = re.compile(r'<meta property="(og:locale[^"]*)" content="([^"]+)">')


def head(client, url) -> tuple[list[tuple[str, str]], dict]:
    """The page's Open Graph locale tags and its schema.org objects by type."""
    html = client.get(url).content.decode()
    data = {item["@type"]: item for item in map(json.loads, JSON_LD.findall(html))}
    return OPEN_GRAPH.findall(html), data


@pytest.fixture
def chinese_site(home_page, news_index, company_index, event_index):
    translate(home_page, title="MagHub 上海")
    for index, title in ((news_index, "新闻"), (company_index, "公司"), (event_index, "活动")):
        translate(index, title=title)


def test_a_translated_article_names_its_locale_and_the_other(client, news_index, chinese_site):
    article = ArticlePageFactory(parent=news_index, title="Port volumes rise", slug="port")
    translate(article, title="港口吞吐量上升")

    locales, data = head(client, "/zh/news/port/")
    assert locales == [("og:locale", "zh_CN"), ("og:locale:alternate", "en_GB")]
    assert data["NewsArticle"]["inLanguage"] == "zh-Hans"
    locales, data = head(client, "/news/port/")
    assert locales == [("og:locale", "en_GB"), ("og:locale:alternate", "zh_CN")]
    assert data["NewsArticle"]["inLanguage"] == "en-GB"


def test_an_untranslated_page_has_no_alternate_locale(client, news_index, chinese_site):
    ArticlePageFactory(parent=news_index, title="Only in English", slug="only")
    locales, data = head(client, "/news/only/")
    assert locales == [("og:locale", "en_GB")]
    assert data["NewsArticle"]["inLanguage"] == "en-GB"


def test_events_companies_and_the_home_page_say_their_language(
    client, company_index, event_index, chinese_site
):
    company = translate(CompanyProfilePageFactory(parent=company_index, title="Maersk"), title="马士基")
    event = translate(EventReportPageFactory(parent=event_index, title="Logistics forum"), title="物流论坛")

    _, data = head(client, event.url)
    assert data["Event"]["inLanguage"] == "zh-Hans"
    _, data = head(client, company.url)
    assert data["Organization"]["mainEntityOfPage"] == {
        "@type": "ProfilePage",
        "url": f"http://localhost{company.url}",
        "inLanguage": "zh-Hans",
    }
    locales, data = head(client, "/zh/")
    assert data["WebSite"]["inLanguage"] == "zh-Hans"
    assert locales == [("og:locale", "zh_CN"), ("og:locale:alternate", "en_GB")]


def test_views_outside_the_page_tree_exist_in_both_languages(client, chinese_site):
    AuthorFactory(name="Li Wei")
    locales, _ = head(client, "/zh/authors/li-wei/")
    assert locales == [("og:locale", "zh_CN"), ("og:locale:alternate", "en_GB")]
