"""The "Missing translations" report: live pages not live in the other language, with what to do."""

import re

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from tests.editorial.factories import StaffFactory
from tests.i18n.translations import chinese, translate
from tests.news.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def report_rows(client: Client, **filters) -> dict[str, str]:
    """The report's rows: each page title with the text of its "Missing in" cell."""
    html = client.get(reverse("missing_translations_report"), filters).content.decode()
    rows = re.findall(r'<td class="title"><a href="[^"]+">([^<]+)</a></td>(.*?)</tr>', html, re.S)
    return {title: " ".join(re.sub(r"<[^>]+>", " ", cells).split()) for title, cells in rows}


@pytest.fixture
def editor_client() -> Client:
    client = Client()
    client.force_login(StaffFactory(username="editor", role="Editors"))
    return client


def test_the_report_lists_pages_in_one_language(editor_client, news_index, chinese_news, company_index):
    translated = ArticlePageFactory(parent=news_index, title="Translated story", slug="translated")
    translate(translated, title="已翻译")
    untranslated = ArticlePageFactory(parent=news_index, title="English only", slug="english-only")
    started = ArticlePageFactory(parent=news_index, title="Translation started", slug="started")
    draft = started.copy_for_translation(chinese())
    ArticlePageFactory(parent=chinese_news, title="只有中文", slug="chinese-only")
    unpublished = ArticlePageFactory(parent=news_index, title="Not yet live", slug="not-live")
    unpublished.unpublish()

    rows = report_rows(editor_client)

    assert set(rows) == {"English only", "Translation started", "只有中文", "Companies"}
    assert rows["English only"].startswith("English 简体中文: translate")
    assert rows["Translation started"].startswith("English 简体中文: edit the draft translation")
    assert rows["只有中文"].startswith("简体中文 English: translate")
    html = editor_client.get(reverse("missing_translations_report")).content.decode()
    assert reverse("simple_translation:submit_page_translation", args=(untranslated.pk,)) in html
    assert reverse("wagtailadmin_pages:edit", args=(draft.pk,)) in html
    assert list(report_rows(editor_client, locale="zh-hans")) == ["只有中文"]


def test_the_report_queries_as_often_for_few_or_many_pages(editor_client, news_index, chinese_news):
    def queries_for_report() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get(reverse("missing_translations_report")).status_code == 200
        return len(queries)

    for n in range(3):
        ArticlePageFactory(parent=news_index, slug=f"first-{n}")
    few = queries_for_report()
    for n in range(20):
        article = ArticlePageFactory(parent=news_index, slug=f"more-{n}")
        if n % 2:
            translate(article)
    many = queries_for_report()

    assert len(report_rows(editor_client)) == 3 + 10
    assert many == few


def test_the_report_is_for_those_who_translate(home_page):
    client = Client()
    client.force_login(StaffFactory(username="reviewer", role="Membership reviewers"))

    response = client.get(reverse("missing_translations_report"))

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert reverse("missing_translations_report") not in client.get(response.url).content.decode()


def test_the_reports_menu_offers_it_to_writers(home_page):
    client = Client()
    client.force_login(StaffFactory(username="writer", role="Writers"))

    assert reverse("missing_translations_report") in client.get(reverse("wagtailadmin_home")).content.decode()
