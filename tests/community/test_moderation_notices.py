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
