"""What a reader's GET costs: never an SQL write, and a small number of queries that does not
grow with the number of authors, terms, companies and related stories a page shows."""

import re
from dataclasses import dataclass

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from tests.community.factories import member
from tests.news.factories import (
    ArticlePageFactory,
    AuthorFactory,
    CompanyAwardFactory,
    CompanyProfilePageFactory,
    DistrictFactory,
    EventOrganiserFactory,
    EventReportPageFactory,
    ImageFactory,
    IndustryFactory,
)

pytestmark = pytest.mark.django_db

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE|BEGIN|COMMIT|SAVEPOINT|RELEASE)\b", re.IGNORECASE)

# The most queries a warm GET of each page type may run (caches filled by one earlier reader).
BUDGETS = {
    "home": 10,
    "article": 12,
    "event": 15,
    "company": 15,
    "news index": 12,
    "company index": 12,
    "event index": 12,
    "industry list": 12,
    "industry page": 12,
    "district list": 12,
    "district page": 12,
    "author page": 12,
    "feed": 12,
    "industry feed": 12,
}


@dataclass
class Site:
    urls: dict


def build_site(news_index, company_index, event_index, related: int) -> Site:
    """Every public page type, the main article, company and event each with `related` authors,
    industries, districts, companies and related stories."""
    photo = ImageFactory()
    industries = [IndustryFactory(name=f"Industry {n}") for n in range(related)]
    districts = [DistrictFactory(name=f"District {n}") for n in range(related)]
    authors = [AuthorFactory() for _ in range(related)]
    companies = [
        CompanyProfilePageFactory(
            parent=company_index, logo=photo, industries=industries[:1], districts=districts[:1]
        )
        for _ in range(related)
    ]
    company = companies[0]
    for _ in range(related):
        ArticlePageFactory(
            parent=news_index,
            lead_image=photo,
            industries=industries[:1],
            districts=districts[:1],
            authors=authors[:1],
            companies=[company],
        )
    article = ArticlePageFactory(
        parent=news_index,
        lead_image=photo,
        industries=industries,
        districts=districts,
        authors=authors,
        companies=companies,
    )
    event = EventReportPageFactory(
        parent=event_index, lead_image=photo, industries=industries, districts=districts, companies=companies
    )
    for organiser in companies:
        EventOrganiserFactory(event=event, company=organiser)
        CompanyAwardFactory(company=organiser, event=event)
    for _ in range(related):
        EventReportPageFactory(
            parent=event_index, lead_image=photo, industries=industries[:1], companies=[company]
        )
    return Site(
        urls={
            "home": "/",
            "article": article.url,
            "event": event.url,
            "company": company.url,
            "news index": news_index.url,
            "company index": company_index.url,
            "event index": event_index.url,
            "industry list": reverse("news:industry_list"),
            "industry page": industries[0].get_absolute_url(),
            "district list": reverse("news:district_list"),
            "district page": districts[0].get_absolute_url(),
            "author page": authors[0].get_absolute_url(),
            "feed": reverse("news:feed"),
            "industry feed": reverse("news:industry_feed", args=[industries[0].slug]),
            "sitemap": reverse("sitemap"),
            "search": reverse("search") + "?q=multinationals",
            "robots.txt": reverse("robots_txt"),
        }
    )


@pytest.fixture
def site_of(home_page, news_index, company_index, event_index):
    return lambda related: build_site(news_index, company_index, event_index, related)


def get(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return [query["sql"] for query in captured]


@pytest.mark.parametrize("reader", ["anonymous", "member"])
def test_a_read_never_writes(client, redis_cache, site_of, reader):
    """Every public page type, first and second reader alike: SELECTs only, on the Redis cache."""
    site = site_of(3)
    if reader == "member":
        client.force_login(member())
    for name, url in site.urls.items():
        for attempt in ("first", "second"):
            writes = [sql for sql in get(client, url) if WRITE.match(sql)]
            assert not writes, f"{attempt} GET of the {name} ({url}) wrote: {writes}"


def warm_query_count(client, url) -> int:
    get(client, url)  # the first reader fills the caches (renditions, related lists, filter choices)
    return len(get(client, url))


def test_query_counts_are_small_and_do_not_grow_with_related_items(client, redis_cache, site_of):
    """Every page type costs the same with one and with fifty related items, within its budget."""
    small = site_of(1)
    with_one = {page: warm_query_count(client, small.urls[page]) for page in BUDGETS}
    redis_cache.clear()
    large = site_of(50)
    with_fifty = {page: warm_query_count(client, large.urls[page]) for page in BUDGETS}
    report = {page: (with_one[page], with_fifty[page], budget) for page, budget in BUDGETS.items()}
    print(
        "\n".join(
            f"{page}: {one} queries with 1, {fifty} with 50 (budget {b})"
            for page, (one, fifty, b) in report.items()
        )
    )
    assert with_one == with_fifty, report
    assert all(fifty <= budget for _, fifty, budget in report.values()), report
