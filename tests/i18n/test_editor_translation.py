"""Editors translate a page in the admin: simple_translation's "Translate", then the page editor."""

from django.test import Client
from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from news.models import ArticlePage
from tests.editorial.factories import StaffFactory
from tests.i18n.translations import chinese, translate
from tests.news.factories import ArticlePageFactory
from tests.two_factor.sign_in import sign_in_with_code

pytestmark = pytest.mark.django_db


def translate_url(page) -> str:
    return reverse("simple_translation:submit_page_translation", args=(page.pk,))


def signed_in(role: str) -> Client:
    """An admin client for a member of `role`, past the second factor where the role must give one."""
    return sign_in_with_code(Client(), StaffFactory(username=role.lower(), role=role))


def article_form(page, **fields):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "standfirst": page.standfirst,
            "body": streamfield([]),
            "author_links": inline_formset([]),
            "company_mentions": inline_formset([]),
            "comments": inline_formset([]),
            **fields,
        }
    )


@pytest.fixture
def chinese_news(news_index):
    """The Chinese home page and news section, live: what an article's translation goes under."""
    translate(news_index.get_parent(), title="MagHub 上海")
    return translate(news_index, title="新闻")


def test_an_editor_translates_an_article_edits_it_and_publishes_it_under_zh(chinese_news, news_index):
    article = ArticlePageFactory(parent=news_index, title="Port volumes rise", slug="port-volumes")
    client = signed_in("Editors")

    explorer = client.get(reverse("wagtailadmin_explore", args=(news_index.pk,))).content.decode()
    assert translate_url(article) in explorer
    form = client.get(translate_url(article))
    assert form.status_code == 200
    assert "简体中文" in form.content.decode()

    response = client.post(translate_url(article), {"locales": [chinese().pk]})

    draft = ArticlePage.objects.get(locale=chinese(), translation_key=article.translation_key)
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=(draft.pk,))
    assert not draft.live
    assert draft.get_parent().pk == chinese_news.pk
    assert client.get("/zh/news/port-volumes/").status_code == 404

    rewritten = article_form(draft, title="港口吞吐量上升", standfirst="洋山港集装箱量创新高。")
    edit_url = reverse("wagtailadmin_pages:edit", args=(draft.pk,))
    edited = client.post(edit_url, {**rewritten, "action-publish": "1"})

    assert edited.status_code == 302
    draft.refresh_from_db()
    assert draft.live
    assert draft.url == "/zh/news/port-volumes/"
    page = client.get("/zh/news/port-volumes/").content.decode()
    assert "港口吞吐量上升" in page
    assert "洋山港集装箱量创新高。" in page
    english = Client().get("/news/port-volumes/").content.decode()
    assert "Port volumes rise" in english
    assert "港口吞吐量上升" not in english


def test_a_page_whose_section_is_untranslated_points_to_the_section_first(news_index):
    article = ArticlePageFactory(parent=news_index, title="Only in English", slug="only")
    client = signed_in("Editors")

    html = client.get(translate_url(article)).content.decode()

    assert "disabled" in html
    assert translate_url(news_index) in html
    assert not Page.objects.filter(locale=chinese()).exists()


@pytest.mark.parametrize("role", ["Writers", "Editors", "Administrators"])
def test_the_roles_that_write_pages_may_translate(chinese_news, news_index, role):
    article = ArticlePageFactory(parent=news_index, slug="translatable")

    assert signed_in(role).get(translate_url(article)).status_code == 200


def test_a_writer_translation_waits_for_review(chinese_news, news_index):
    article = ArticlePageFactory(parent=news_index, title="Port volumes rise", slug="port-volumes")
    client = signed_in("Writers")

    client.post(translate_url(article), {"locales": [chinese().pk]})
    draft = ArticlePage.objects.get(locale=chinese(), translation_key=article.translation_key)
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=(draft.pk,))).content.decode()

    assert 'name="action-publish"' not in edit_page
    assert 'name="action-submit"' in edit_page


@pytest.mark.parametrize("role", ["Membership reviewers", "Forum moderators"])
def test_roles_that_change_no_pages_may_not_translate(chinese_news, news_index, role):
    article = ArticlePageFactory(parent=news_index, slug="not-theirs")
    client = Client()
    client.force_login(StaffFactory(username="someone", role=role))

    response = client.get(translate_url(article))

    assert response.status_code in (302, 403)
    assert not ArticlePage.objects.filter(locale=chinese()).exists()
