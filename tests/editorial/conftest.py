"""Published content for the SEO, sitemap, API and reading tests."""

from datetime import timedelta

from django.utils import timezone

from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction

import pytest

from home.images import CreditedImage
from news.models import (
    ArticleAuthor,
    ArticleCompany,
    ArticlePage,
    Author,
    CompanyProfilePage,
    District,
    EventReportPage,
    Industry,
)


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


@pytest.fixture
def terms(db):
    return {
        "logistics": Industry.objects.create(name="Logistics"),
        "finance": Industry.objects.create(name="Finance"),
        "changning": District.objects.create(name="Changning"),
        "pudong": District.objects.create(name="Pudong"),
    }


@pytest.fixture
def photo(db):
    return CreditedImage.objects.create(
        title="Warehouse", file=get_test_image_file(size=(1600, 900)), credit="Dong Jun / SHINE"
    )


@pytest.fixture
def company(company_index, terms, photo):
    page = CompanyProfilePage(
        title="DSV",
        slug="dsv",
        summary="Danish freight forwarder.",
        website="https://www.dsv.com",
        logo=photo,
    )
    page.industries.add(terms["logistics"])
    page.districts.add(terms["changning"])
    return publish(company_index, page)


@pytest.fixture
def author(db):
    return Author.objects.create(name="Li Wei", role="Reporter")


def make_article(news_index, slug, *, industry=None, district=None, company=None, author=None, **fields):
    page = ArticlePage(title=f"Article {slug}", slug=slug, standfirst=f"Standfirst of {slug}.", **fields)
    if industry:
        page.industries.add(industry)
    if district:
        page.districts.add(district)
    if company:
        page.company_mentions = ArticleCompany.mentioning([company])
    if author:
        page.author_links.add(ArticleAuthor(author=author))
    return publish(news_index, page)


@pytest.fixture
def article(news_index, terms, company, author, photo):
    return make_article(
        news_index,
        "dsv-hub",
        industry=terms["logistics"],
        district=terms["changning"],
        company=company,
        author=author,
        lead_image=photo,
    )


@pytest.fixture
def draft_article(news_index, terms):
    page = ArticlePage(title="Draft story", slug="draft-story", live=False)
    page.industries.add(terms["logistics"])
    news_index.add_child(instance=page)
    page.save_revision()
    return page


@pytest.fixture
def private_article(news_index, terms):
    page = make_article(news_index, "private-story", industry=terms["logistics"], district=terms["changning"])
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")
    return page


@pytest.fixture
def event(event_index, terms, company):
    start = timezone.now() - timedelta(days=3)
    page = EventReportPage(
        title="CSR Awards 2026",
        slug="csr-awards",
        start=start,
        end=start + timedelta(hours=4),
        venue="Hongqiao",
    )
    page.participating_companies = [company]
    page.industries.add(terms["finance"])
    page.districts.add(terms["pudong"])
    return publish(event_index, page)
