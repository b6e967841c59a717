"""Notifications: replies to your thread and @mentions, in the site and by e-mail, with opt-outs."""

from django.core import mail
from django.urls import reverse

import pytest

from community.models import Membership, Notification

from .factories import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def started(category, users):
    """A thread by the member, without replies yet."""
    return category.start_thread(users.member, "Cold chain partners in Lingang", "Any recommendations?")


def test_a_reply_notifies_the_thread_author(client, started, users):
    mail.outbox.clear()
    client.force_login(users.moderator)
    client.post(reverse("community:reply", args=[started.pk]), {"body": "We use a partner in Lingang."})
    notification = Notification.objects.get(recipient=users.member)
    assert notification.kind == "reply" and notification.actor == users.moderator
    (email,) = mail.outbox
    assert email.to == [users.member.email]
    assert "Cold chain partners in Lingang" in email.body and "replied to your thread" in email.subject


def test_a_mention_notifies_the_member_mentioned(started, users):
    mentioned = member(user__username="lars-nielsen")
    mail.outbox.clear()
    post = started.reply(users.moderator, "Ask @lars-nielsen, he runs DSV's cold chain.")
    assert '<a class="mention" href="/community/members/lars-nielsen/"' in post.body_html
    assert Notification.objects.get(recipient=mentioned).kind == "mention"
    assert sorted(email.to[0] for email in mail.outbox) == sorted([mentioned.email, users.member.email])


def test_nobody_is_notified_of_their_own_post(started, users):
    started.reply(users.member, f"Bumping this, @{users.member.username}.")
    assert not Notification.objects.exists()


def test_non_members_are_never_notified_or_mailed(started, users):
    mail.outbox.clear()
    started.reply(
        users.moderator, f"@{users.pending.username} @{users.suspended.username} @{users.rejected.username}"
    )
    recipients = set(Notification.objects.values_list("recipient__username", flat=True))
    assert recipients == {users.member.username}
    assert [email.to for email in mail.outbox] == [[users.member.email]]


def test_email_opt_out_keeps_the_in_site_notification(started, users):
    Membership.objects.filter(user=users.member).update(email_on_reply=False)
    mail.outbox.clear()
    started.reply(users.moderator, "Reply without e-mail.")
    assert Notification.objects.filter(recipient=users.member).exists()
    assert mail.outbox == []


def test_mentions_added_by_an_edit_notify_once(started, users):
    mentioned = member(user__username="kenji-sato")
    post = started.reply(users.moderator, "First version.")
    post.edit(users.moderator, "Second version, cc @kenji-sato.")
    post.edit(users.moderator, "Third version, cc @kenji-sato again.")
    assert Notification.objects.filter(recipient=mentioned).count() == 1


def test_a_failing_mail_server_does_not_lose_the_post(started, users, settings):
    settings.EMAIL_BACKEND = "tests.community.broken_mail.BrokenBackend"
    post = started.reply(users.moderator, "Saved even though mail is down.")
    assert post.pk and Notification.objects.filter(recipient=users.member).exists()


def test_notification_list_and_mark_read(member_client, started, users):
    started.reply(users.moderator, "A reply.")
    page = member_client.get(reverse("community:notifications"))
    assert b"replied to your thread" in page.content
    notification = Notification.objects.get()
    response = member_client.get(reverse("community:notification_open", args=[notification.pk]))
    assert response["Location"] == notification.post.get_absolute_url()
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_a_mention_in_an_opening_post_notifies(client, category, users):
    mentioned = member(user__username="mei-chen")
    mail.outbox.clear()
    client.force_login(users.member)
    client.post(
        reverse("community:thread_create", args=[category.slug]),
        {"title": "Reefer plugs at Yangshan", "body": "@mei-chen, how many plugs does Yangshan have?"},
    )
    assert Notification.objects.get(recipient=mentioned).kind == "mention"
    assert [email.to for email in mail.outbox] == [[mentioned.email]]
