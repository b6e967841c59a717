"""The commands `make run` and the benchmarks rely on."""

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection

from wagtail.models import Locale, Page, Site

import pytest

from home.models import HomePage
from news.models import (
    ArticleCompany,
    ArticlePage,
    CompanyProfilePage,
    District,
    EventReportPage,
    Industry,
    NewsIndexPage,
)

pytestmark = pytest.mark.django_db


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Page, ArticlePage, CompanyProfilePage, EventReportPage, Industry, District)
    }


def test_load_demo_builds_the_launch_story_and_is_idempotent(client):
    call_command("load_demo", stdout=None)
    first = counts()
    call_command("load_demo", stdout=None)
    assert counts() == first

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    # The only other page at the top is the home page's Chinese translation.
    others = Page.objects.filter(depth=2).exclude(pk=site.root_page.pk)
    assert list(others.values_list("translation_key", flat=True)) == [site.root_page.translation_key]
    assert District.objects.count() == 18 and District.objects.filter(slug="changning").exists()
    assert first["EventReportPage"] == 2 and first["ArticlePage"] >= 10  # in English and in Chinese

    muji = CompanyProfilePage.objects.get(slug="muji", locale=Locale.get_default())
    html = client.get(muji.url).content.decode()
    assert "无印良品" in html and "China, an Opportunity" in html
    event_html = client.get(EventReportPage.objects.get(locale=Locale.get_default()).url).content.decode()
    for name in ("DSV Air &amp; Sea", "Sumitomo Pharma", "Fujian Zongteng Network", "Shanghai Daily"):
        assert name in event_html
    for url in ("/", "/news/", "/companies/", "/events/", "/districts/changning/", "/industries/logistics/"):
        assert client.get(url).status_code == 200, url
    assert "7,160" in client.get("/news/").content.decode()


def test_generate_content_appends_valid_live_articles(client):
    call_command("load_demo", stdout=None)
    before = ArticlePage.objects.filter(locale=Locale.get_default()).count()
    call_command("generate_content", articles=25, batch_size=10, seed=7, stdout=None)
    assert ArticlePage.objects.live().filter(locale=Locale.get_default()).count() == before + 25
    assert Page.find_problems() == ([], [], [], [], [])
    index = NewsIndexPage.objects.get(locale=Locale.get_default())
    assert index.get_children().count() == index.numchild == before + 25
    generated = list(ArticlePage.objects.child_of(index).order_by("-path")[:25])
    newest = generated[0]
    assert client.get(newest.url).status_code == 200
    assert newest.industries.exists() and newest.authors
    mentions = ArticleCompany.objects.filter(articlepage__in=generated)
    assert mentions.exists()
    assert not mentions.exclude(companyprofilepage__locale=Locale.get_default()).exists()  # English companies


def planner_rows(table: str) -> int:
    """How many rows the database's query planner believes `table` holds (its statistics)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
        else:
            cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = %s", [table])
        row = cursor.fetchone()
    return int(float(str(row[0]).split()[0])) if row else 0


def test_generate_content_leaves_the_planner_knowing_the_new_size():
    """After a bulk load the planner must see that articles outnumber companies: guessing every
    table the same size, SQLite read the company directory through the whole page table."""
    call_command("load_demo", stdout=None)
    call_command("generate_content", articles=300, batch_size=100, seed=7, stdout=None)
    assert planner_rows("news_articlepage") == ArticlePage.objects.count()
    assert planner_rows("news_companyprofilepage") == CompanyProfilePage.objects.count()


def test_generate_content_needs_a_news_index():
    with pytest.raises(CommandError, match="load_demo"):
        call_command("generate_content", articles=1)


def test_dev_admin_is_refused_outside_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("ensure_dev_admin")
    assert not get_user_model().objects.exists()


def test_dev_admin_is_created_once_in_debug(settings):
    settings.DEBUG = True
    call_command("ensure_dev_admin", stdout=None)
    call_command("ensure_dev_admin", stdout=None)
    assert get_user_model().objects.get().is_superuser
