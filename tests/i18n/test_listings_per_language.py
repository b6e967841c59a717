"""Every listing shows the reader's language only: the home page's sections, the index, term,
author and company pages, the story rails, and the listing filters, with terms named in it."""

from dataclasses import dataclass

import pytest

from home.models import HomeFeaturedArticle, HomeFeaturedCompany
from news.models import ArticlePage
from tests.i18n.translations import translate
from tests.news.factories import (
    ArticlePageFactory,
    AuthorFactory,
    AwardFactory,
    CompanyAwardFactory,
    CompanyProfilePageFactory,
    DistrictFactory,
    EventOrganiserFactory,
    EventReportPageFactory,
    IndustryFactory,
)

pytestmark = pytest.mark.django_db


@dataclass
class Bilingual:
    """Pages in English, some of them translated into Chinese."""

    article: ArticlePage
    chinese_article: ArticlePage
    english_only: ArticlePage
    company: object
    chinese_company: object
    event: object
    chinese_event: object
    author: object
    logistics: object
    retail: object


@pytest.fixture
def bilingual(home_page, news_index, company_index, event_index) -> Bilingual:
    logistics = IndustryFactory(name="Logistics", name_zh="物流", slug="logistics")
    retail = IndustryFactory(name="Retail", name_zh="零售", slug="retail")
    pudong = DistrictFactory(name="Pudong", name_zh="浦东", slug="pudong")
    author = AuthorFactory(name="Li Wei")
    company = CompanyProfilePageFactory(parent=company_index, title="Maersk", industries=[logistics])
    article = ArticlePageFactory(
        parent=news_index,
        title="Port volumes rise",
        industries=[logistics],
        districts=[pudong],
        authors=[author],
        companies=[company],
    )
    english_only = ArticlePageFactory(
        parent=news_index,
        title="Only in English",
        industries=[logistics, retail],
        districts=[pudong],
        authors=[author],
        companies=[company],
    )
    event = EventReportPageFactory(
        parent=event_index, title="Logistics forum", industries=[logistics], companies=[company]
    )
    CompanyAwardFactory(company=company, event=event, award=AwardFactory(name="CSR Excellence Award"))
    EventOrganiserFactory(event=event, company=company, name="Maersk China")
    HomeFeaturedArticle.objects.create(page=home_page, article=article, sort_order=0)
    HomeFeaturedCompany.objects.create(page=home_page, company=company, sort_order=0)
    # The translations an editor makes, sections first (so their pages have a live parent).
    translate(home_page, title="MagHub 上海")
    for index, title in ((news_index, "新闻"), (company_index, "公司"), (event_index, "活动")):
        translate(index, title=title)
    chinese_company = translate(company, title="马士基")
    return Bilingual(
        article=article,
        chinese_article=translate(article, title="港口吞吐量上升"),
        english_only=english_only,
        company=company,
        chinese_company=chinese_company,
        event=event,
        chinese_event=translate(event, title="物流论坛"),
        author=author,
        logistics=logistics,
        retail=retail,
    )


def html(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


ENGLISH_TITLES = ("Port volumes rise", "Only in English", "Maersk", "Logistics forum")
CHINESE_TITLES = ("港口吞吐量上升", "马士基", "物流论坛")


def test_the_home_page_lists_its_languages_pages_and_the_picks_translations(client, bilingual):
    chinese = html(client, "/zh/")
    assert all(title in chinese for title in CHINESE_TITLES)
    assert not any(title in chinese for title in ENGLISH_TITLES)
    # The translated home page kept the English picks: it shows their translations, the lead first.
    lead = chinese.index('class="lead-story"')
    assert chinese.index("港口吞吐量上升", lead) < chinese.index("</article>", lead)
    english = html(client, "/")
    assert all(title in english for title in ENGLISH_TITLES)
    assert not any(title in english for title in CHINESE_TITLES)


def test_index_pages_list_their_languages_pages(client, bilingual):
    chinese = html(client, "/zh/news/")
    assert "港口吞吐量上升" in chinese
    assert "Only in English" not in chinese and "Port volumes rise" not in chinese
    assert "Port volumes rise" in html(client, "/news/")
    assert "港口吞吐量上升" not in html(client, "/news/")
    assert "马士基" in html(client, "/zh/companies/")
    assert "物流论坛" in html(client, "/zh/events/")


def test_term_lists_count_the_languages_pages_and_leave_out_terms_it_has_none_for(client, bilingual):
    chinese = html(client, "/zh/industries/")
    # Chinese: the article, the company and the event carry Logistics; nothing Chinese carries Retail.
    assert "物流" in chinese and "零售" not in chinese and ">Retail<" not in chinese
    assert "3 个页面" in chinese
    english = html(client, "/industries/")
    assert ">Logistics</a>" in english and ">Retail</a>" in english
    assert "4 pages" in english  # two articles, the company and the event


def test_term_pages_show_the_languages_pages_under_the_terms_name_in_it(client, bilingual):
    chinese = html(client, "/zh/industries/logistics/")
    assert "<h1>物流" in chinese
    assert all(title in chinese for title in CHINESE_TITLES)
    assert not any(title in chinese for title in ENGLISH_TITLES)
    english = html(client, "/industries/logistics/")
    assert "<h1>Logistics" in english
    assert not any(title in english for title in CHINESE_TITLES)
    assert "暂无标记为零售的内容" in html(client, "/zh/industries/retail/")


def test_author_pages_list_the_languages_articles(client, bilingual):
    url = f"/authors/{bilingual.author.slug}/"
    chinese = html(client, "/zh" + url)
    assert "港口吞吐量上升" in chinese and "Port volumes rise" not in chinese
    english = html(client, url)
    assert "Port volumes rise" in english and "Only in English" in english and "港口吞吐量上升" not in english


def test_story_rails_and_related_companies_are_in_the_articles_language(client, bilingual):
    second = translate(bilingual.english_only, title="第二篇物流报道")
    chinese = html(client, bilingual.chinese_article.url)
    # The translation still links the English company: the reader gets its Chinese profile.
    assert bilingual.chinese_company.url in chinese
    assert f'href="{bilingual.company.url}"' not in chinese
    assert "第二篇物流报道" in chinese and "Only in English" not in chinese
    assert "更多物流报道" in chinese  # "More from 物流"
    english = html(client, bilingual.article.url)
    assert "Only in English" in english and "第二篇物流报道" not in english
    assert second.url not in english


def test_company_and_event_pages_list_the_languages_coverage(client, bilingual):
    chinese = html(client, bilingual.chinese_company.url)
    assert "港口吞吐量上升" in chinese and "物流论坛" in chinese
    assert [title for title in ENGLISH_TITLES if title in chinese] == []
    event = html(client, bilingual.chinese_event.url)
    assert "马士基" in event  # a participant and the award's recipient, in Chinese
    assert f'href="{bilingual.company.url}"' not in event
    assert "CSR Excellence Award" in event
    english_event = html(client, bilingual.event.url)
    assert "Maersk" in english_event and "马士基" not in english_event


def test_listing_filters_name_the_terms_in_the_readers_language(client, bilingual):
    chinese = html(client, "/zh/news/?industry=logistics")
    assert '<option value="logistics" selected>物流</option>' in chinese
    assert "港口吞吐量上升" in chinese and "Only in English" not in chinese
    english = html(client, "/news/?industry=logistics")
    assert '<option value="logistics" selected>Logistics</option>' in english


def test_a_term_without_a_chinese_name_keeps_its_english_one(client, bilingual):
    bilingual.logistics.name_zh = ""
    bilingual.logistics.save()
    assert "<h1>Logistics" in html(client, "/zh/industries/logistics/")


def test_cached_pages_and_fragments_are_kept_per_language(client, page_cache, bilingual):
    """The anonymous page cache, the home page's fragment cache and the cached term lists and
    filter choices: each language reads its own copy, first reader and second alike."""
    for _ in ("first", "second"):
        assert "Port volumes rise" in html(client, "/")
        chinese = html(client, "/zh/")
        assert "港口吞吐量上升" in chinese and "Port volumes rise" not in chinese
        assert ">Retail</a>" in html(client, "/industries/")
        assert "零售" not in html(client, "/zh/industries/")
        assert ">物流</option>" in html(client, "/zh/news/")
        assert ">Logistics</option>" in html(client, "/news/")
