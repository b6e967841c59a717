"""RSS per language, and one sitemap listing both languages with hreflang alternates."""

import re
import xml.etree.ElementTree as ET

import pytest

from news.models import ArticleAuthor
from tests.i18n.translations import translate
from tests.news.factories import ArticlePageFactory, AuthorFactory, IndustryFactory

pytestmark = pytest.mark.django_db

SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def stories(home_page, news_index):
    logistics = IndustryFactory(name="Logistics", name_zh="物流", slug="logistics")
    reporter, translator = AuthorFactory(name="Li Wei"), AuthorFactory(name="Wang Fang")
    article = ArticlePageFactory(
        parent=news_index, title="Port volumes rise", slug="port", industries=[logistics], authors=[reporter]
    )
    ArticlePageFactory(parent=news_index, title="Only in English", slug="only", industries=[logistics])
    translate(home_page, title="MagHub 上海")
    translate(news_index, title="新闻")
    chinese = translate(article, title="港口吞吐量上升")
    ArticleAuthor.objects.create(page=chinese, author=translator, sort_order=1)
    return article, chinese


def feed(client, url) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200, url
    return ET.fromstring(response.content).find("channel")  # noqa: S314 - our own feed


def item_titles(channel) -> list[str]:
    return [item.findtext("title") for item in channel.findall("item")]


def test_each_language_has_its_own_news_feed(client, stories):
    english = feed(client, "/feeds/news/")
    assert english.findtext("language") == "en-gb"
    assert item_titles(english) == ["Only in English", "Port volumes rise"]
    assert english.findtext("title") == "MagHub Shanghai: latest news"

    chinese = feed(client, "/zh/feeds/news/")
    assert chinese.findtext("language") == "zh-hans"
    assert item_titles(chinese) == ["港口吞吐量上升"]
    assert chinese.find("item").findtext("link") == "http://localhost/zh/news/port/"
    assert chinese.find("item").findtext("category") == "物流"
    assert chinese.find("{http://www.w3.org/2005/Atom}link").get("href") == "http://localhost/zh/feeds/news/"


def test_term_feeds_are_per_language_and_name_the_term_in_it(client, stories):
    chinese = feed(client, "/zh/feeds/industries/logistics/")
    assert item_titles(chinese) == ["港口吞吐量上升"]
    assert "物流" in chinese.findtext("title") and "物流" in chinese.findtext("description")
    assert chinese.findtext("link") == "http://localhost/zh/industries/logistics/"
    english = feed(client, "/feeds/industries/logistics/")
    assert item_titles(english) == ["Only in English", "Port volumes rise"]
    assert "Logistics" in english.findtext("title")


def test_every_page_points_to_the_feed_of_its_language(client, stories):
    rss = re.compile(r'<link rel="alternate" type="application/rss\+xml" title="[^"]*" href="([^"]+)">')
    assert rss.findall(client.get("/zh/news/port/").content.decode()) == ["/zh/feeds/news/"]
    assert rss.findall(client.get("/news/port/").content.decode()) == ["/feeds/news/"]
    assert rss.findall(client.get("/zh/industries/logistics/").content.decode()) == [
        "/zh/feeds/news/",
        "/zh/feeds/industries/logistics/",
    ]


def sitemap(client) -> dict[str, dict[str, str]]:
    """{location: {hreflang: alternate location}}."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own sitemap
    return {
        url.findtext("s:loc", namespaces=SITEMAP): {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", SITEMAP)
        }
        for url in root.findall("s:url", SITEMAP)
    }


def test_the_sitemap_lists_both_languages_with_their_alternates(client, stories):
    urls = sitemap(client)
    both = {
        "en-GB": "http://localhost/news/port/",
        "zh-Hans": "http://localhost/zh/news/port/",
        "x-default": "http://localhost/news/port/",
    }
    assert urls["http://localhost/news/port/"] == both
    assert urls["http://localhost/zh/news/port/"] == both
    assert urls["http://localhost/zh/"]["zh-Hans"] == "http://localhost/zh/"
    assert urls["http://localhost/news/only/"] == {}  # no translation: no alternates
    assert "http://localhost/zh/news/only/" not in urls


def test_the_sitemap_lists_author_pages_in_the_languages_they_have_articles_in(client, stories):
    urls = sitemap(client)
    # Li Wei wrote the English article and, by the copied byline, its translation.
    assert urls["http://localhost/authors/li-wei/"] == {
        "en-GB": "http://localhost/authors/li-wei/",
        "zh-Hans": "http://localhost/zh/authors/li-wei/",
        "x-default": "http://localhost/authors/li-wei/",
    }
    assert "http://localhost/zh/authors/li-wei/" in urls
    # Wang Fang is on the Chinese byline only.
    assert urls["http://localhost/zh/authors/wang-fang/"] == {
        "zh-Hans": "http://localhost/zh/authors/wang-fang/"
    }
    assert "http://localhost/authors/wang-fang/" not in urls
