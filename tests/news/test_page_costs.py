"""What a reader's GET costs: never an SQL write, and a small number of queries that does not
grow with the number of authors, terms, companies and related stories a page shows."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

import pytest
import redis

from maghub.i18n import localized_path
from news.models import ArticlePage
from tests.community.factories import member
from tests.i18n.translations import chinese, translate
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
    "sitemap": 12,
}


@dataclass
class Site:
    urls: dict
    pages: list  # every page made, parents first


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
    events = [
        EventReportPageFactory(
            parent=event_index, lead_image=photo, industries=industries[:1], companies=[company]
        )
        for _ in range(related)
    ]
    return Site(
        pages=[
            news_index.get_parent(),
            news_index,
            company_index,
            event_index,
            *companies,
            *ArticlePage.objects.child_of(news_index),
            event,
            *events,
        ],
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
        },
    )


# One address for both languages (the sitemap lists both).
IN_NO_LANGUAGE = {"sitemap": "/sitemap.xml", "robots.txt": "/robots.txt"}


def in_chinese(site: Site) -> Site:
    """The same site with every page translated into Chinese, at the Chinese pages' URLs."""
    translations = {
        page.pk: page.get_translation_or_none(chinese()) or translate(page, title=f"{page.title}（中文）")
        for page in site.pages
    }
    with translation.override(settings.LANGUAGE_CODE):  # the English pages' URLs
        by_url = {page.url: translations[page.pk] for page in site.pages}
    urls = {
        name: by_url[url].url if url in by_url else localized_path(url, "zh-hans")
        for name, url in site.urls.items()
        if name not in IN_NO_LANGUAGE
    }
    return Site(urls={**urls, **IN_NO_LANGUAGE}, pages=list(translations.values()))


@pytest.fixture
def site_of(home_page, news_index, company_index, event_index):
    def built(related):
        # In English whatever language an earlier request left active.
        with translation.override(settings.LANGUAGE_CODE):
            return build_site(news_index, company_index, event_index, related)

    return built


def get(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return [query["sql"] for query in captured]


@pytest.mark.parametrize("reader", ["anonymous", "member"])
@pytest.mark.parametrize("language", ["English", "Chinese"])
def test_a_read_never_writes(client, redis_cache, site_of, reader, language):
    """Every public page type, first and second reader alike, in both languages: SELECTs only,
    on the Redis cache."""
    site = site_of(3)
    if language == "Chinese":
        site = in_chinese(site)
    if reader == "member":
        client.force_login(member())
    for name, url in site.urls.items():
        for attempt in ("first", "second"):
            writes = [sql for sql in get(client, url) if WRITE.match(sql)]
            assert not writes, f"{attempt} GET of the {name} ({url}) wrote: {writes}"


def warm_query_count(client, url) -> int:
    get(client, url)  # the first reader fills the caches (renditions, related lists, filter choices)
    return len(get(client, url))


@pytest.mark.parametrize("language", ["English", "Chinese"])
def test_query_counts_are_small_and_do_not_grow_with_related_items(client, redis_cache, site_of, language):
    """Every page type costs the same with one and with fifty related items, within its budget,
    in English and in a site translated into Chinese (read at its /zh/ URLs)."""

    def built(related):
        site = site_of(related)
        return in_chinese(site) if language == "Chinese" else site

    small = built(1)
    with_one = {page: warm_query_count(client, small.urls[page]) for page in BUDGETS}
    redis_cache.clear()
    large = built(50)
    with_fifty = {page: warm_query_count(client, large.urls[page]) for page in BUDGETS}
    report = {page: (with_one[page], with_fifty[page], budget) for page, budget in BUDGETS.items()}
    print(
        f"{language}:\n"
        + "\n".join(
            f"{page}: {one} queries with 1, {fifty} with 50 (budget {b})"
            for page, (one, fifty, b) in report.items()
        )
    )
    assert with_one == with_fifty, report
    assert all(fifty <= budget for _, fifty, budget in report.values()), report


class RedisCommands:
    """The commands this process sends to Redis while it is active (each one passed on as sent)."""

    def __init__(self, monkeypatch):
        self.sent = []
        send = redis.Redis.execute_command

        def counted(client, *args, **options):
            self.sent.append(args[0] if args[0] != "SET" else f"SET {args[1]}")  # SET names its key
            return send(client, *args, **options)

        monkeypatch.setattr(redis.Redis, "execute_command", counted)


# The most round trips to the shared cache a warm render of a page may make (fragments, the
# site, the language links, the content version read once per request).
CACHE_BUDGET = 12
NEVER_CACHED = {"search"}  # never_cache: rendered for every reader


def test_a_page_asks_the_shared_cache_a_few_times_and_a_cached_page_once(
    client, page_cache, site_of, monkeypatch
):
    site = site_of(related=3)
    commands = RedisCommands(monkeypatch)
    for name, url in site.urls.items():
        client.get(url)  # the first reader fills the caches
        commands.sent.clear()
        client.get(url)
        if name not in NEVER_CACHED:
            assert commands.sent == ["MGET"], name  # the page and the content version together
        client.cookies["reader"] = "rendered"  # a cookie keeps the page cache out of the way
        client.get(url)  # renders, filling what a render keeps
        commands.sent.clear()
        client.get(url)
        client.cookies.clear()
        assert len(commands.sent) <= CACHE_BUDGET, (name, commands.sent)
        assert not [command for command in commands.sent if command.startswith("SET")], (name, commands.sent)
