"""axe-core and the Nu HTML Checker on rendered pages: zero serious/critical violations, zero errors.

One test over the demo content (what `make run` shows), in English and in Chinese: each page
is opened in Chromium and checked with axe there; their HTML goes through one run of the Nu
checker. A failure lists every page's problems at once.
"""

from django.urls import reverse

import pytest

from news.models import ArticlePage, Author, CompanyProfilePage, District, EventReportPage, Industry
from tests.e2e.conftest import assert_no_findings, axe_violations, demo_page, html_errors

pytestmark = pytest.mark.e2e


def pages_to_check():
    """{name: path} of every kind of public page, from the demo content."""
    article = demo_page(ArticlePage, "maghub-2-launched-in-greater-hongqiao")
    return {
        "home": "/",
        "news-listing": "/news/",
        "news-filtered": f"/news/?{District.query_param}=changning",
        "article": article.url,
        "companies-listing": "/companies/",
        "company": demo_page(CompanyProfilePage, "dsv-air-sea").url,
        "events-listing": "/events/",
        "event": demo_page(EventReportPage, "china-an-opportunity-forum-2024").url,
        "industry": Industry.objects.get(slug="logistics").get_absolute_url(),
        "districts": reverse("news:district_list"),
        "author": Author.objects.first().get_absolute_url(),
        "search": f"{reverse('search')}?q=Hongqiao",
        "search-faceted": f"{reverse('search')}?q=Hongqiao&{District.query_param}=changning&type=article",
        "about": "/about/",
        "login": reverse("login"),
        "signup": reverse("signup"),
        "not-found": "/no-such-story/",
        # The same gates in Chinese: the home page, a story and a search in Chinese.
        "home-zh": "/zh/",
        "article-zh": demo_page(ArticlePage, article.slug, "zh-hans").url,
        "search-zh": f"/zh{reverse('search')}?q=虹桥",
    }


def test_public_pages_are_accessible_and_valid(demo_site, page, screenshot):
    documents, violations = {}, {}
    for name, path in pages_to_check().items():
        response = page.goto(path)
        assert response.status == (404 if name == "not-found" else 200), path
        documents[name] = response.text()
        violations[name] = axe_violations(page)
        screenshot(page, name)

    assert_no_findings("axe-core (serious, critical)", violations)
    assert_no_findings("Nu HTML Checker errors", html_errors(documents))
