"""Editors translate a page in the admin (simple_translation's "Translate", then the page editor); the
review workflow and scheduled publishing apply to the translation as to any page."""

import re
from datetime import timedelta

from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from news.models import ArticlePage
from tests.editorial.factories import StaffFactory
from tests.editorial.scheduling import move_schedule
from tests.i18n.translations import chinese
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


def test_a_writer_s_translation_goes_through_editorial_review(chinese_news, news_index):
    article = ArticlePageFactory(parent=news_index, title="Port volumes rise", slug="port-volumes")
    writer = signed_in("Writers")
    writer.post(translate_url(article), {"locales": [chinese().pk]})
    draft = ArticlePage.objects.get(locale=chinese(), translation_key=article.translation_key)
    edit_url = reverse("wagtailadmin_pages:edit", args=(draft.pk,))
    edit_page = writer.get(edit_url).content.decode()
    assert 'name="action-publish"' not in edit_page

    writer.post(edit_url, {**article_form(draft, title="港口吞吐量上升"), "action-submit": "1"})

    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(draft.pk))
    assert state.workflow.name == "Editorial review"
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert Client().get("/zh/news/port-volumes/").status_code == 404

    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=(draft.pk, "approve", state.current_task_state.pk)
    )
    signed_in("Editors").post(approve, {"comment": "可以发布。"})

    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert "港口吞吐量上升" in Client().get("/zh/news/port-volumes/").content.decode()
    assert "Port volumes rise" in Client().get("/news/port-volumes/").content.decode()


def test_a_scheduled_translation_goes_live_at_its_time_and_the_english_stays(chinese_news, news_index):
    article = ArticlePageFactory(parent=news_index, title="Port volumes rise", slug="port-volumes")
    english_revision = article.live_revision_id
    editor = signed_in("Editors")
    editor.post(translate_url(article), {"locales": [chinese().pk]})
    draft = ArticlePage.objects.get(locale=chinese(), translation_key=article.translation_key)
    later = timezone.localtime(timezone.now() + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M")
    scheduled = article_form(draft, title="港口吞吐量上升", go_live_at=later)

    editor.post(reverse("wagtailadmin_pages:edit", args=(draft.pk,)), {**scheduled, "action-publish": "1"})
    call_command("publish_scheduled")

    draft.refresh_from_db()
    assert not draft.live
    assert Client().get("/zh/news/port-volumes/").status_code == 404
    report = editor.get(reverse("scheduled_pages_report")).content.decode()
    assert re.search(r"港口吞吐量上升</a></td>\s*<td>简体中文</td>", report)

    move_schedule(draft, timezone.now() - timedelta(minutes=1))
    call_command("publish_scheduled")

    draft.refresh_from_db()
    article.refresh_from_db()
    assert draft.live
    assert "港口吞吐量上升" in Client().get("/zh/news/port-volumes/").content.decode()
    assert (article.live, article.title, article.live_revision_id) == (
        True,
        "Port volumes rise",
        english_revision,
    )
    assert not article.revisions.filter(approved_go_live_at__isnull=False).exists()


@pytest.mark.parametrize("role", ["Membership reviewers", "Forum moderators"])
def test_roles_that_change_no_pages_may_not_translate(chinese_news, news_index, role):
    article = ArticlePageFactory(parent=news_index, slug="not-theirs")
    client = Client()
    client.force_login(StaffFactory(username="someone", role=role))

    response = client.get(translate_url(article))

    assert response.status_code in (302, 403)
    assert not ArticlePage.objects.filter(locale=chinese()).exists()
