"""Hidden means hidden everywhere: quotes, notifications, history, reports and quoting follow one rule."""

from django.urls import reverse

import pytest

from .conftest import SECRET

pytestmark = pytest.mark.django_db

SOURCE = "Broker Liang at Yangshan clears reefers overnight."


def quote_reply(client, thread, post, extra: str = "Thanks!"):
    """Quote `post` as a browser would: open the quote form, add a line, submit what the form holds."""
    url = reverse("community:reply", args=[thread.pk])
    form = client.get(url, {"quote": post.pk}).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data["body"] = f"{data['body']}{extra}"
    response = client.post(url, data)
    assert response.status_code == 302
    return thread.posts.last()


@pytest.fixture
def source(thread, users):
    return thread.reply(users.moderator, SOURCE)


@pytest.fixture
def moderator_client(client, users):
    client.force_login(users.moderator)
    return client


def page_of(client, thread) -> bytes:
    return client.get(thread.get_absolute_url()).content


def test_a_quote_shows_the_source_while_it_is_visible(member_client, thread, source):
    quote_reply(member_client, thread, source)
    assert page_of(member_client, thread).count(b"Yangshan clears reefers") == 2


@pytest.mark.parametrize("viewer", ["member", "moderator"])
def test_hiding_the_source_removes_it_from_every_quote(client, thread, source, users, viewer):
    client.force_login(users.member)
    quote_reply(client, thread, source)
    source.set_hidden(users.moderator, True)
    client.force_login(getattr(users, viewer))
    page = page_of(client, thread)
    assert b"quoted post removed" in page
    # moderators still read the hidden post itself, but no longer through the quote
    assert page.count(b"Yangshan clears reefers") == (1 if viewer == "moderator" else 0)


def test_deleting_the_source_removes_it_from_every_quote(client, thread, users):
    client.force_login(users.moderator)
    source = thread.reply(users.moderator, SOURCE)
    client.force_login(users.member)
    quote_reply(client, thread, source)
    source.soft_delete(users.moderator)
    for viewer in (users.member, users.moderator):
        client.force_login(viewer)
        page = page_of(client, thread)
        assert b"quoted post removed" in page and b"Yangshan" not in page


def test_a_hidden_or_deleted_post_cannot_be_quoted(moderator_client, thread, source, users):
    url = reverse("community:reply", args=[thread.pk])
    source.set_hidden(users.moderator, True)
    assert b"Yangshan" not in moderator_client.get(url, {"quote": source.pk}).content


def test_a_hidden_threads_title_leaves_members_notifications(member_client, thread, users):
    assert SECRET.encode() in member_client.get(reverse("community:notifications")).content
    thread.moderate(users.moderator, "hide")
    response = member_client.get(reverse("community:notifications"))
    assert SECRET.encode() not in response.content
    # The mention no longer counts as unread; what is left is the notice to the thread's author
    # (the member), which says what happened without the title.
    assert b"A moderator hid your thread" in response.content
    assert b'<span class="count">1<' in response.content


class TestADeletedPostsBodyIsGoneForModeratorsToo:
    @pytest.fixture
    def deleted(self, thread, users):
        post = thread.reply(users.member, "First draft naming Broker Fang.")
        post.edit(users.member, "Second draft naming Broker Fang at Pudong.")
        post.soft_delete(users.member)
        return post

    @pytest.mark.parametrize("name", ["post_history", "post_report"])
    def test_its_pages(self, moderator_client, deleted, name):
        response = moderator_client.get(reverse(f"community:{name}", args=[deleted.pk]))
        assert b"Broker Fang" not in response.content

    def test_quoting_it(self, moderator_client, thread, deleted):
        response = moderator_client.get(reverse("community:reply", args=[thread.pk]), {"quote": deleted.pk})
        assert b"Broker Fang" not in response.content

    def test_the_report_queue(self, client, thread, users):
        post = thread.reply(users.member, "Broker Fang's mobile is 139 0000 0000.")
        client.force_login(users.moderator)
        client.post(reverse("community:post_report", args=[post.pk]), {"reason": "confidential"})
        post.soft_delete(users.member)
        response = client.get(reverse("community:report_queue"))
        assert b"Broker Fang" not in response.content and b"deleted by its author" in response.content
