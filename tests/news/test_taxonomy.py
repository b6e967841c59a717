"""/industries/<slug>/ and /districts/<slug>/ show everything tagged with the term."""

from django.urls import reverse

import pytest

from news import sections
from news.models import ArticlePage
from tests.news.factories import (
    ArticlePageFactory,
    CompanyProfilePageFactory,
    DistrictFactory,
    EventReportPageFactory,
    IndustryFactory,
)

pytestmark = pytest.mark.django_db


def test_district_page_shows_articles_companies_and_events(client, news_index, company_index, event_index):
    changning = DistrictFactory(name="Changning", name_zh="长宁区")
    ArticlePageFactory(parent=news_index, title="Hongqiao story", districts=[changning])
    CompanyProfilePageFactory(parent=company_index, title="Haleon", districts=[changning])
    EventReportPageFactory(parent=event_index, title="IBP forum", districts=[changning])
    ArticlePageFactory(parent=news_index, title="Pudong story", districts=[DistrictFactory(name="Pudong")])
    ArticlePageFactory(parent=news_index, title="Draft story", districts=[changning], live=False)

    response = client.get(changning.get_absolute_url())
    assert response.status_code == 200
    assert [s.title for s in response.context["sections"]] == ["Articles", "Companies", "Event reports"]
    html = response.content.decode()
    for text in ("长宁区", "Hongqiao story", "Haleon", "IBP forum", changning.feed_url):
        assert text in html
    assert "Pudong story" not in html and "Draft story" not in html


def test_industry_page_links_to_the_filtered_index_when_there_is_more(client, news_index, monkeypatch):
    logistics = IndustryFactory(name="Logistics")
    monkeypatch.setattr(sections, "SECTION_TYPES", [("Articles", ArticlePage, "news/cards/article.html", 2)])
    for _ in range(3):
        ArticlePageFactory(parent=news_index, industries=[logistics])
    html = client.get(reverse("news:industry", args=["logistics"])).content.decode()
    assert f'href="{news_index.url}?industry=logistics"' in html


def test_term_lists_count_live_pages_and_leave_out_terms_without_any(client, news_index):
    logistics = IndustryFactory(name="Logistics")
    IndustryFactory(name="Retail")
    banking = IndustryFactory(name="Banking")
    ArticlePageFactory(parent=news_index, industries=[logistics])
    ArticlePageFactory(parent=news_index, industries=[logistics, banking], live=False)
    response = client.get(reverse("news:industry_list"))
    assert {t.name: t.page_count for t in response.context["terms"]} == {"Logistics": 1}
    html = response.content.decode()
    assert "Retail" not in html and "Banking" not in html and "(0)" not in html
    assert client.get(reverse("news:district_list")).status_code == 200


def test_unknown_term_is_404(client, home_page):
    response = client.get(reverse("news:industry", args=["no-such-industry"]))
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_term_pages_describe_themselves_to_search_engines(client, home_page):
    logistics = IndustryFactory(name="Logistics")
    changning = DistrictFactory(name="Changning", description="West Shanghai, home of Hongqiao airport.")
    assert (
        '<meta name="description" content="News, company profiles and event reports on Logistics'
        in client.get(logistics.get_absolute_url()).content.decode()
    )
    html = client.get(changning.get_absolute_url()).content.decode()
    assert '<meta name="description" content="West Shanghai, home of Hongqiao airport.">' in html
    # Absolute URLs come from the Site (maghub.site_urls), whatever Host the request carried.
    canonical = home_page.get_site().root_url + changning.get_absolute_url()
    assert f'<link rel="canonical" href="{canonical}">' in html
