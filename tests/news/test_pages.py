"""What readers see on an article, a company profile and an event report."""

from datetime import timedelta

import pytest

from news.models import EventOrganiser
from tests.news.factories import (
    ArticlePageFactory,
    AwardFactory,
    CertificationFactory,
    CompanyAwardFactory,
    CompanyCertificationFactory,
    CompanyProfilePageFactory,
    DistrictFactory,
    EventOrganiserFactory,
    EventReportPageFactory,
    IndustryFactory,
)

pytestmark = pytest.mark.django_db


def test_article_shows_more_from_its_industry_and_district(client, news_index):
    logistics, retail = IndustryFactory(name="Logistics"), IndustryFactory(name="Retail")
    changning = DistrictFactory(name="Changning")
    article = ArticlePageFactory(parent=news_index, industries=[logistics], districts=[changning])
    older = ArticlePageFactory(parent=news_index, title="Older logistics", industries=[logistics])
    by_industry = ArticlePageFactory(parent=news_index, title="Same industry", industries=[logistics])
    by_district = ArticlePageFactory(parent=news_index, title="Same district", districts=[changning])
    ArticlePageFactory(parent=news_index, title="Unrelated", industries=[retail])
    ArticlePageFactory(parent=news_index, title="Related draft", industries=[logistics], live=False)

    html = client.get(article.url).content.decode()

    assert html.count("<h1") == 1
    assert f'<a href="{logistics.get_absolute_url()}">More from Logistics</a>' in html
    assert f'<a href="{changning.get_absolute_url()}">More from Changning</a>' in html
    assert html.index(by_industry.title) < html.index(older.title)  # newest first
    assert by_district.title in html
    assert "Unrelated" not in html
    assert "Related draft" not in html


def test_company_page_shows_events_articles_and_recognitions(client, news_index, company_index, event_index):
    muji = CompanyProfilePageFactory(parent=company_index, title="MUJI", name_zh="无印良品")
    other = CompanyProfilePageFactory(parent=company_index, title="Haleon")
    forum = EventReportPageFactory(
        parent=event_index, title="China, an Opportunity forum", companies=[muji, other]
    )
    hosted = EventReportPageFactory(parent=event_index, title="MUJI store tour")
    EventOrganiserFactory(event=hosted, name="MUJI China", role=EventOrganiser.Role.HOST, company=muji)
    EventReportPageFactory(parent=event_index, title="Unrelated event", companies=[other])
    ArticlePageFactory(parent=news_index, title="MUJI at the forum", companies=[muji])
    CompanyCertificationFactory(
        company=muji, certification=CertificationFactory(name="Going Global"), year=2024
    )
    CompanyAwardFactory(company=muji, award=AwardFactory(name="CSR Excellence Award"), event=forum, year=2024)

    response = client.get(muji.url)
    page = response.context["page"]
    assert [e.title for e in page.events] == ["MUJI store tour", forum.title]
    html = response.content.decode()
    for text in (
        "无印良品",
        "China, an Opportunity forum",
        "MUJI at the forum",
        "Going Global",
        "CSR Excellence Award",
    ):
        assert text in html
    assert "Unrelated event" not in html


def test_event_page_lists_companies_hosts_and_awards(client, company_index, event_index):
    dsv = CompanyProfilePageFactory(parent=company_index, title="DSV Air & Sea")
    rina = CompanyProfilePageFactory(parent=company_index, title="RINA")
    draft = CompanyProfilePageFactory(parent=company_index, title="Draft Co", live=False)
    event = EventReportPageFactory(parent=event_index, companies=[rina, dsv, draft])
    event.end = event.start + timedelta(days=1)
    event.save()
    EventOrganiserFactory(event=event, name="Shanghai Daily", role=EventOrganiser.Role.HOST)
    CompanyAwardFactory(company=rina, award=AwardFactory(name="CSR Excellence Award"), event=event)

    response = client.get(event.url)
    assert [c.title for c in response.context["page"].companies] == ["DSV Air & Sea", "RINA"]
    html = response.content.decode()
    assert "Shanghai Daily" in html and "CSR Excellence Award" in html
    assert "Draft Co" not in html


def test_breadcrumbs_lead_home(client, news_index):
    article = ArticlePageFactory(parent=news_index, title="A story")
    html = client.get(article.url).content.decode()
    assert '<nav class="breadcrumbs" aria-label="Breadcrumb">' in html
    assert f'<a href="{news_index.url}">News</a>' in html
    assert '<span aria-current="page">A story</span>' in html
