"""English at today's URLs, Chinese under /zh/: `lang`, hreflang alternates and the switcher."""

import re

import pytest

from tests.i18n.translations import translate
from tests.news.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def switcher(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<a class="[^"]*language-switch" href="([^"]+)" lang="([^"]+)"', html)


def test_english_stays_at_its_urls_and_chinese_is_under_zh(client, news_index):
    article = ArticlePageFactory(parent=news_index, title="Port volumes rise", slug="port")
    translate(news_index.get_parent(), title="MagHub 上海")
    chinese = translate(article, title="港口吞吐量上升")

    english = client.get("/news/port/")
    assert english.status_code == 200
    assert '<html lang="en-GB">' in english.content.decode()
    assert chinese.url == "/zh/news/port/"
    response = client.get("/zh/news/port/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="zh-Hans">' in html
    assert "港口吞吐量上升" in html
    assert alternates(html) == {
        "en-GB": "http://localhost/news/port/",
        "zh-Hans": "http://localhost/zh/news/port/",
        "x-default": "http://localhost/news/port/",
    }
    assert switcher(html) == [("/news/port/", "en-GB")]
    assert switcher(english.content.decode()) == [("/zh/news/port/", "zh-Hans")]


def test_an_untranslated_page_switches_to_the_nearest_translated_section(client, news_index):
    article = ArticlePageFactory(parent=news_index, title="Only in English", slug="only")
    translate(news_index, title="新闻")

    html = client.get("/news/only/").content.decode()
    assert switcher(html) == [("/zh/news/", "zh-Hans")]
    assert alternates(html) == {}
    note = re.search(r'<p class="language-note" lang="zh-Hans"><a href="/zh/news/"[^>]*>([^<]+)</a>', html)
    assert note is not None and "新闻" in note.group(1)
    assert article.url == "/news/only/"


def test_views_outside_the_page_tree_switch_to_the_same_view(client, home_page):
    html = client.get("/zh/search/?q=port").content.decode()
    assert '<html lang="zh-Hans">' in html
    assert switcher(html) == [("/search/?q=port", "en-GB")]
    english = client.get("/industries/").content.decode()
    assert switcher(english) == [("/zh/industries/", "zh-Hans")]
    assert client.get("/zh/community/").status_code in (200, 302)
