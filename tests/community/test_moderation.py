"""Moderation: pin, lock, move, hide; reports and their queue; every action logged."""

from django.test import Client
from django.urls import reverse

import pytest

from community.exceptions import ThreadLocked
from community.models import ModerationLog, Report

from .factories import CategoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator_client(users):
    """The moderator, in a client of their own (tests also use `client` for members)."""
    moderator = Client()
    moderator.force_login(users.moderator)
    return moderator


def moderate(client, thread, action):
    return client.post(reverse("community:thread_moderate", args=[thread.pk]), {"action": action})


def test_pin_puts_the_thread_first(moderator_client, category, users, thread):
    newer = category.start_thread(users.member, "A newer thread", "body")
    moderate(moderator_client, thread, "pin")
    threads = list(category.threads.all())
    assert threads == [thread, newer]
    assert ModerationLog.objects.filter(action="thread_pin", thread=thread, actor=users.moderator).exists()


def test_locked_threads_refuse_replies_except_from_moderators(moderator_client, client, thread, users):
    moderate(moderator_client, thread, "lock")
    thread.refresh_from_db()
    with pytest.raises(ThreadLocked):
        thread.reply(users.member, "one more")
    assert thread.reply(users.moderator, "Locked: see the pinned FAQ.")

    client.force_login(users.member)
    response = client.post(reverse("community:reply", args=[thread.pk]), {"body": "one more"})
    assert response.status_code == 403 and b"locked" in response.content


def test_members_cannot_moderate(member_client, thread):
    assert moderate(member_client, thread, "hide").status_code == 403
    thread.refresh_from_db()
    assert not thread.is_hidden


def test_hidden_threads_disappear_for_members_only(moderator_client, client, thread, users):
    moderate(moderator_client, thread, "hide")
    client.force_login(users.member)
    assert client.get(thread.get_absolute_url()).status_code == 404
    assert thread.title.encode() not in client.get(reverse("community:index")).content
    assert moderator_client.get(thread.get_absolute_url()).status_code == 200
    moderate(moderator_client, thread, "unhide")
    assert client.get(thread.get_absolute_url()).status_code == 200


def test_move(moderator_client, thread, users):
    target = CategoryFactory(name="Logistics", slug="logistics")
    moderator_client.post(reverse("community:thread_move", args=[thread.pk]), {"category": target.pk})
    thread.refresh_from_db()
    assert thread.category == target
    entry = ModerationLog.objects.get(action="thread_move")
    assert entry.note == "Customs & trade → Logistics" and entry.actor == users.moderator


def test_hide_a_post(moderator_client, client, thread, users):
    post = thread.posts.last()
    moderator_client.post(reverse("community:post_moderate", args=[post.pk]), {"action": "hide"})
    client.force_login(users.member)
    page = client.get(thread.get_absolute_url()).content
    assert b"Waigaoqiao" not in page and b"hidden by a moderator" in page
    assert b"Waigaoqiao" in moderator_client.get(thread.get_absolute_url()).content
    assert ModerationLog.objects.filter(action="post_hide", post=post).exists()


def test_report_queue(member_client, moderator_client, thread, users):
    post = thread.posts.last()
    response = member_client.post(
        reverse("community:post_report", args=[post.pk]),
        {"reason": "confidential", "details": "Names a broker."},
    )
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.reporter, report.reason, report.status) == (users.member, "confidential", "open")

    queue = moderator_client.get(reverse("community:report_queue"))
    assert b"Names a broker." in queue.content
    moderator_client.post(
        reverse("community:report_close", args=[report.pk]), {"status": "resolved", "hide_post": "1"}
    )
    report.refresh_from_db()
    post.refresh_from_db()
    assert report.status == "resolved" and report.handled_by == users.moderator and post.is_hidden
    assert b"Names a broker." not in moderator_client.get(reverse("community:report_queue")).content
    actions = set(ModerationLog.objects.values_list("action", flat=True))
    assert {"post_hide", "report_resolved"} <= actions
    log = moderator_client.get(reverse("community:moderation_log"))
    assert b"Resolved report" in log.content


def test_reporting_twice_updates_the_open_report(member_client, thread):
    post = thread.posts.last()
    url = reverse("community:post_report", args=[post.pk])
    member_client.post(url, {"reason": "spam"})
    member_client.post(url, {"reason": "abuse"})
    assert list(Report.objects.values_list("reason", flat=True)) == ["abuse"]
