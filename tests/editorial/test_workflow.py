"""Roles and the "Editorial review" workflow, exercised through the Wagtail admin."""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Page, Workflow, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from news.models import ArticlePage
from tests.editorial.factories import StaffFactory


def article_form(**fields):
    return nested_form_data(
        {
            "title": "Tesla's Lingang plant adds a third shift",
            "slug": "tesla-third-shift",
            "standfirst": "Output rises as export orders grow.",
            "body": streamfield([]),
            "author_links": inline_formset([]),
            "company_mentions": inline_formset([]),
            "comments": inline_formset([]),
            **fields,
        }
    )


def add_article(client, parent, action):
    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", parent.pk))
    return client.post(url, {**article_form(), action: "1"})


@pytest.fixture
def writer(db):
    return StaffFactory(username="writer", role="Writers")


@pytest.fixture
def editor(db):
    return StaffFactory(username="editor", role="Editors")


def test_migration_creates_the_four_roles_and_the_review_workflow(db):
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Writers",
        "Editors",
        "Membership reviewers",
        "Administrators",
    }
    workflow = Page.get_first_root_node().get_workflow()
    assert workflow.name == "Editorial review"
    [task] = [t.specific for t in workflow.tasks]
    assert [g.name for g in task.groups.all()] == ["Editors"]
    assert not Workflow.objects.get(name="Moderators approval").active


def test_a_writer_cannot_publish(client, news_index, writer):
    client.force_login(writer)
    response = add_article(client, news_index, "action-publish")

    article = ArticlePage.objects.get(slug="tesla-third-shift")
    assert response.status_code in (200, 302)
    assert not article.live
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,)))
    assert b'name="action-publish"' not in edit_page.content
    assert b'name="action-submit"' in edit_page.content


def test_a_writer_submits_for_review_and_an_editor_approves(client, news_index, writer, editor):
    client.force_login(writer)
    add_article(client, news_index, "action-submit")
    article = ArticlePage.objects.get(slug="tesla-third-shift")
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not article.live

    client.force_login(editor)
    task_state = state.current_task_state
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=(article.pk, "approve", task_state.pk),
        ),
        {"comment": "Good to go."},
    )

    assert response.status_code in (200, 302)
    article.refresh_from_db()
    state.refresh_from_db()
    assert article.live
    assert state.status == WorkflowState.STATUS_APPROVED


def test_an_editor_can_publish(client, news_index, editor):
    client.force_login(editor)
    response = add_article(client, news_index, "action-publish")

    assert response.status_code == 302
    assert ArticlePage.objects.get(slug="tesla-third-shift").live
