"""Scheduled publishing: `manage.py publish_scheduled` and the "Scheduled pages" report."""

from datetime import timedelta

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from news.models import ArticlePage
from tests.editorial.factories import StaffFactory
from tests.editorial.scheduling import move_schedule


def schedule(parent, slug, go_live_at):
    """An article an editor approved to go live at `go_live_at`."""
    article = parent.add_child(instance=ArticlePage(title=f"Scheduled {slug}", slug=slug, live=False))
    article.go_live_at = timezone.now() + timedelta(hours=1)
    article.save_revision().publish()
    move_schedule(article, go_live_at)
    return article


def test_publisher_makes_due_pages_live_and_leaves_future_ones(news_index):
    due = schedule(news_index, "due", timezone.now() - timedelta(minutes=5))
    future = schedule(news_index, "future", timezone.now() + timedelta(days=1))
    assert not due.live

    call_command("publish_scheduled")

    due.refresh_from_db()
    future.refresh_from_db()
    assert due.live
    assert not future.live


def test_expired_pages_are_unpublished(news_index):
    article = news_index.add_child(instance=ArticlePage(title="Short-lived", slug="short-lived"))
    ArticlePage.objects.filter(pk=article.pk).update(expire_at=timezone.now() - timedelta(minutes=1))

    call_command("publish_scheduled")

    article.refresh_from_db()
    assert not article.live
    assert article.expired


def test_editors_see_upcoming_pages_in_the_scheduled_report(client, news_index):
    schedule(news_index, "later", timezone.now() + timedelta(days=2))
    schedule(news_index, "sooner", timezone.now() + timedelta(hours=2))
    client.force_login(StaffFactory(username="editor", role="Editors"))

    response = client.get(reverse("scheduled_pages_report"))

    assert response.status_code == 200
    content = response.content.decode()
    assert content.index("Scheduled sooner") < content.index("Scheduled later")


@pytest.mark.parametrize("role", ["Writers", "Membership reviewers"])
def test_the_report_is_for_publishers_only(client, home_page, role):
    client.force_login(StaffFactory(username="someone", role=role))

    response = client.get(reverse("scheduled_pages_report"))

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
