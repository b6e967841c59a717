"""Moderation closes the loop: moderators hear of reports, authors and reporters hear the outcome."""

from django.core import mail
from django.urls import reverse

import pytest

from community.models import Membership

from .factories import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(users):
    users.author = member(user__username="author-ana")
    users.second_moderator = member(moderator=True)
    Membership.objects.filter(user=users.second_moderator).update(email_on_report=False)
    return users


@pytest.fixture
def reported(client, thread, people):
    post = thread.reply(people.author, "Broker Fang's mobile is 139 0000 0000.")
    mail.outbox.clear()
    client.force_login(people.member)
    client.post(reverse("community:post_report", args=[post.pk]), {"reason": "confidential"})
    return post


def notices(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("community:notifications")).content.decode()


def test_moderators_hear_of_a_new_report_in_the_site_and_by_email_unless_opted_out(client, reported, people):
    for moderator in (people.moderator, people.second_moderator):
        assert "New report on a post" in notices(client, moderator)
    assert [email.to for email in mail.outbox] == [[people.moderator.email]]
    assert "New report on a post" in mail.outbox[0].subject


def test_the_author_and_the_reporter_hear_the_outcome(client, reported, people):
    Membership.objects.filter(user=people.member).update(email_on_moderation=False)
    client.force_login(people.moderator)
    report = reported.reports.get()
    mail.outbox.clear()
    client.post(reverse("community:report_close", args=[report.pk]), {"status": "resolved", "hide_post": "1"})

    author_page = notices(client, people.author)
    assert "A moderator hid your post" in author_page and "Who knows a" in author_page
    assert people.member.username not in author_page and people.moderator.username not in author_page
    assert "Moderators acted on a post you reported" in notices(client, people.member)
    assert [email.to for email in mail.outbox] == [[people.author.email]]  # the reporter opted out
    assert "Broker Fang" not in mail.outbox[0].body


def test_a_dismissed_report_tells_the_reporter(client, reported, people):
    client.force_login(people.moderator)
    client.post(reverse("community:report_close", args=[reported.reports.get().pk]), {"status": "dismissed"})
    assert "left it" in notices(client, people.member)
    assert "A moderator" not in notices(client, people.author)


@pytest.fixture
def authors_thread(category, people):
    thread = category.start_thread(people.author, "Customs brokers in Lingang", "Who do you use?")
    mail.outbox.clear()
    return thread


def moderate(client, people, thread, action: str) -> None:
    client.force_login(people.moderator)
    response = client.post(reverse("community:thread_moderate", args=[thread.pk]), {"action": action})
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("action", "headline", "title_shown"),
    [
        # Hidden means hidden: not even its author reads the title of a hidden thread.
        ("hide", "A moderator hid your thread", False),
        ("lock", "A moderator locked your thread", True),
    ],
)
def test_the_threads_author_hears_when_it_is_hidden_or_locked_and_undone(
    client, authors_thread, people, action, headline, title_shown
):
    title = "Customs brokers in Lingang"
    moderate(client, people, authors_thread, action)
    page = notices(client, people.author)
    assert headline in page and (title in page) == title_shown
    assert people.moderator.username not in page
    assert [email.to for email in mail.outbox] == [[people.author.email]]
    assert headline in mail.outbox[0].subject and (title in mail.outbox[0].body) == title_shown

    mail.outbox.clear()
    moderate(client, people, authors_thread, f"un{action}")
    again = {"hide": "made your thread visible again", "lock": "reopened your thread for replies"}[action]
    page = notices(client, people.author)
    assert again in page and title in page
    assert [email.to for email in mail.outbox] == [[people.author.email]]


def test_the_author_of_a_hidden_thread_is_told_and_the_notice_opens_no_thread(client, authors_thread, people):
    moderate(client, people, authors_thread, "hide")
    client.force_login(people.author)
    notification = people.author.community_notifications.get()
    response = client.get(reverse("community:notification_open", args=[notification.pk]), follow=True)
    assert response.status_code == 200
    assert "only moderators can open it now" in response.content.decode()
    # Other members heard nothing and see nothing of it.
    assert "Customs brokers in Lingang" not in notices(client, people.member)


def test_the_threads_author_hears_of_a_move_unless_opted_out(client, authors_thread, people):
    Membership.objects.filter(user=people.author).update(email_on_moderation=False)
    target = type(authors_thread.category).objects.create(name="Logistics", slug="logistics")
    client.force_login(people.moderator)
    client.post(reverse("community:thread_move", args=[authors_thread.pk]), {"category": target.pk})
    assert "moved your thread to another category" in notices(client, people.author)
    assert mail.outbox == []


def test_moderators_acting_on_their_own_thread_are_not_told(client, category, people):
    thread = category.start_thread(people.moderator, "Moderator's own thread", "Rules of the board")
    moderate(client, people, thread, "lock")
    assert "locked your thread" not in notices(client, people.moderator)
