"""English at today's URLs, Chinese under /zh/: `lang`, hreflang alternates and the switcher."""

import re

import pytest

from home.info_pages import ensure_info_pages
from home.models import InfoPage
from tests.i18n.translations import translate
from tests.news.factories import (
    ArticlePageFactory,
    CompanyProfilePageFactory,
    EventReportPageFactory,
)

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


@pytest.fixture
def public_pages(home_page, news_index, company_index, event_index):
    """One page of each public page type, with the section pages above them."""
    ensure_info_pages(home_page)
    return {
        "home": home_page,
        "news index": news_index,
        "article": ArticlePageFactory(parent=news_index, slug="port"),
        "company index": company_index,
        "company": CompanyProfilePageFactory(parent=company_index, slug="acme"),
        "event index": event_index,
        "event": EventReportPageFactory(parent=event_index, slug="forum"),
        "information page": InfoPage.objects.get(slug="about"),
    }


@pytest.mark.parametrize(
    "kind",
    ["home", "news index", "article", "company index", "company", "event index", "event", "information page"],
)
def test_every_page_type_switches_to_its_translation(client, public_pages, kind):
    page = public_pages[kind]
    chinese = translate(page)
    english_html = client.get(page.url).content.decode()
    chinese_html = client.get(chinese.url).content.decode()

    assert chinese.url.startswith("/zh/")
    assert switcher(english_html) == [(chinese.url, "zh-Hans")]
    assert switcher(chinese_html) == [(page.url, "en-GB")]
    assert '<html lang="zh-Hans">' in chinese_html
    for html in (english_html, chinese_html):
        assert set(alternates(html)) == {"en-GB", "zh-Hans", "x-default"}
        assert 'class="language-note"' not in html


@pytest.mark.parametrize("kind", ["article", "company", "event", "information page"])
def test_every_untranslated_page_type_switches_to_its_translated_section(client, public_pages, kind):
    page = public_pages[kind]
    section = translate(page.get_parent())
    html = client.get(page.url).content.decode()

    assert switcher(html) == [(section.url, "zh-Hans")]
    assert alternates(html) == {}
    assert f'<p class="language-note" lang="zh-Hans"><a href="{section.url}"' in html


@pytest.mark.parametrize(
    "path", ["/search/?q=port", "/industries/", "/districts/", "/accounts/login/", "/accounts/signup/"]
)
def test_views_outside_the_tree_switch_both_ways(client, home_page, path):
    english = client.get(path)
    chinese = client.get(f"/zh{path}")
    assert english.status_code == chinese.status_code
    assert switcher(english.content.decode()) == [(f"/zh{path}", "zh-Hans")]
    assert switcher(chinese.content.decode()) == [(path, "en-GB")]
    assert chinese["Content-Language"] == "zh-hans"
    assert "Accept-Language" not in english.get("Vary", "")
