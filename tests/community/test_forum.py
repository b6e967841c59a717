"""The forum through the client: threads, replies, quotes, edit history, soft delete, unread, listings."""

import warnings
from datetime import timedelta

from django.core.paginator import UnorderedObjectListWarning
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from community.exceptions import PostingNotAllowed
from community.models import Thread
from community.models.forum import POSTS_PER_PAGE

from .factories import member

pytestmark = pytest.mark.django_db


def test_start_a_thread_and_reply(member_client, category, users):
    response = member_client.post(
        reverse("community:thread_create", args=[category.slug]),
        {"title": "Bonded warehouse returns", "body": "How long do yours take?"},
    )
    thread = Thread.objects.get(title="Bonded warehouse returns")
    assert response["Location"] == thread.get_absolute_url()
    response = member_client.post(reverse("community:reply", args=[thread.pk]), {"body": "**Three weeks.**"})
    reply = thread.posts.last()
    assert response["Location"] == reply.get_absolute_url()
    page = member_client.get(reply.get_absolute_url(), follow=True)
    assert b"<strong>Three weeks.</strong>" in page.content


def test_quote_reply_quotes_the_post_by_reference(member_client, thread):
    quoted = thread.posts.last()
    url = reverse("community:reply", args=[thread.pk])
    form = member_client.get(url, {"quote": quoted.pk})
    assert b"Waigaoqiao" in form.content and form.context["form"]["body"].value() is None
    member_client.post(url, {"body": "Thanks!", "quote": quoted.pk})
    reply = thread.posts.last()
    assert reply.quoted == quoted and "Waigaoqiao" not in reply.body_html
    page = member_client.get(thread.get_absolute_url()).content
    assert page.count(b"Waigaoqiao") == 2 and b'class="post__quote"' in page


def test_edit_keeps_history_and_marks_the_post_edited(member_client, thread, users):
    post = thread.posts.first()
    original = post.body
    member_client.post(
        reverse("community:post_edit", args=[post.pk]), {"title": thread.title, "body": "Found one, thanks."}
    )
    post.refresh_from_db()
    assert post.body == "Found one, thanks." and post.edited_at is not None
    assert list(post.revisions.values_list("body", flat=True)) == [original]
    page = member_client.get(thread.get_absolute_url())
    assert b"edited" in page.content
    history = member_client.get(reverse("community:post_history", args=[post.pk]))
    assert b"Found one, thanks." in history.content and b"Pudong" in history.content


def test_only_the_author_edits(client, thread, users):
    other = member()
    client.force_login(other)
    post = thread.posts.first()
    assert client.get(reverse("community:post_edit", args=[post.pk])).status_code == 404
    with pytest.raises(PostingNotAllowed):
        post.edit(other, "hijacked")


def test_soft_delete_keeps_the_row_and_hides_the_text(member_client, category, users):
    thread = category.start_thread(users.moderator, "Visa renewals", "Opening post.")
    post = thread.reply(users.member, "A reply I regret.")
    response = member_client.post(reverse("community:post_delete", args=[post.pk]))
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.is_deleted and post.deleted_at and post.body == "A reply I regret."
    page = member_client.get(thread.get_absolute_url())
    assert b"A reply I regret." not in page.content
    assert b"deleted by its author" in page.content


def test_deleting_the_opening_post_deletes_the_thread(member_client, thread):
    member_client.post(reverse("community:post_delete", args=[thread.posts.first().pk]))
    thread.refresh_from_db()
    assert thread.is_deleted
    assert member_client.get(thread.get_absolute_url()).status_code == 404


def test_pagination_and_post_links_land_on_the_right_page(member_client, category, users):
    thread = category.start_thread(users.member, "Long thread", "post 0")
    for n in range(1, POSTS_PER_PAGE + 5):
        thread.reply(users.moderator, f"post {n}")
    last = thread.posts.last()
    response = member_client.get(last.get_absolute_url())
    assert response["Location"] == f"{thread.get_absolute_url()}?page=2#post-{last.pk}"
    assert member_client.get(thread.get_absolute_url(), {"page": 99}).status_code == 200  # get_page clamps


def test_unread_markers(client, category, users):
    thread = category.start_thread(users.moderator, "Customs holidays", "Closed 1–7 October.")
    client.force_login(users.member)
    assert b"New<span" in client.get(category.get_absolute_url()).content
    client.get(thread.get_absolute_url())
    assert b"New<span" not in client.get(category.get_absolute_url()).content
    thread.reply(users.moderator, "And 1 January.")
    assert b"New<span" in client.get(category.get_absolute_url()).content


@pytest.mark.parametrize("url_name", ["community:category", "community:my_threads", "community:index"])
def test_listings_take_a_constant_number_of_queries(member_client, category, users, url_name):
    url = reverse(url_name, args=[category.slug] if url_name == "community:category" else [])

    def queries_for(n_threads):
        for n in range(n_threads):
            category.start_thread(users.member, f"Thread {n}", "body").reply(member(), "reply")
        member_client.get(url)  # the first reader fills the site's caches (the footer's links)
        with CaptureQueriesContext(connection) as captured:
            assert member_client.get(url).status_code == 200
        return len(captured)

    assert queries_for(2) == queries_for(8)


def test_listings_show_pinned_threads_first_then_the_latest_activity(member_client, category, users):
    old, pinned, busy, quiet = (
        category.start_thread(users.member, title, "body") for title in ("Old", "Pinned", "Busy", "Quiet")
    )
    Thread.objects.filter(pk=old.pk).update(last_post_at=timezone.now() - timedelta(days=30))
    Thread.objects.filter(pk=pinned.pk).update(last_post_at=timezone.now() - timedelta(days=60))
    pinned.moderate(users.moderator, "pin")
    busy.reply(users.moderator, "Latest reply")
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnorderedObjectListWarning)
        listing = member_client.get(category.get_absolute_url()).context["threads"]
        recent = member_client.get(reverse("community:index")).context["threads"]
    assert [t.title for t in listing] == ["Pinned", "Busy", "Quiet", "Old"]
    assert [t.title for t in recent] == ["Busy", "Quiet", "Old", "Pinned"]


def test_thread_page_takes_a_constant_number_of_queries(member_client, category, users):
    thread = category.start_thread(users.member, "Busy", "body")

    def queries_after(n_replies):
        for _ in range(n_replies):
            thread.reply(member(), "reply")
        member_client.get(thread.get_absolute_url())  # the first visit also creates the read marker
        with CaptureQueriesContext(connection) as captured:
            member_client.get(thread.get_absolute_url())
        return len(captured)

    assert queries_after(2) == queries_after(6)


def test_member_profile_and_my_threads(member_client, thread, users):
    profile = member_client.get(reverse("community:member", args=[users.member.username]))
    assert users.member.membership.full_name.encode() in profile.content
    assert users.member.membership.job_title.encode() in profile.content
    mine = member_client.get(reverse("community:my_threads"))
    assert thread.title.encode() in mine.content


def test_profiles_of_non_members_are_not_shown(member_client, users):
    for user in (users.pending, users.rejected, users.suspended):
        assert member_client.get(reverse("community:member", args=[user.username])).status_code == 404


def test_closed_categories_take_threads_from_moderators_only(client, category, users):
    category.is_closed = True
    category.save()
    client.force_login(users.member)
    url = reverse("community:thread_create", args=[category.slug])
    assert client.post(url, {"title": "t", "body": "b"}).status_code == 403
    client.force_login(users.moderator)
    assert client.post(url, {"title": "t", "body": "b"}).status_code == 302


@pytest.mark.parametrize("body", ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<div></div>"])
def test_a_post_that_sanitises_to_nothing_is_refused(member_client, thread, category, body):
    before = thread.posts.count()
    reply = member_client.post(reverse("community:reply", args=[thread.pk]), {"body": body})
    assert reply.status_code == 200 and b"Nothing of this post would show" in reply.content
    assert thread.posts.count() == before
    start = member_client.post(
        reverse("community:thread_create", args=[category.slug]), {"title": "Empty", "body": body}
    )
    assert start.status_code == 200 and b"Nothing of this post would show" in start.content


def test_the_author_edits_the_thread_title_and_the_history_shows_a_safe_diff(member_client, thread):
    opening = thread.posts.first()
    url = reverse("community:post_edit", args=[opening.pk])
    assert member_client.get(url).context["form"]["title"].value() == thread.title
    title = "Customs <b>brokers</b> in Pudong"
    member_client.post(url, {"title": title, "body": opening.body + "\n\nSolved."})
    thread.refresh_from_db()
    assert thread.title == title
    history = member_client.get(reverse("community:post_history", args=[opening.pk])).content.decode()
    assert "<del>- Who knows a" in history
    assert "<ins>+ Customs &lt;b&gt;brokers&lt;/b&gt; in Pudong</ins>" in history
    assert "<ins>+ Solved.</ins>" in history and "<b>brokers</b>" not in history


def test_only_the_opening_post_edits_the_title(member_client, thread, users):
    reply = thread.reply(users.member, "A reply.")
    form = member_client.get(reverse("community:post_edit", args=[reply.pk])).context["form"]
    assert "title" not in form.fields
