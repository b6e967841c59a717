"""The hook points search indexing relies on: what is announced, and that a broken receiver breaks nothing."""

import pytest

from community import signals
from community.models import Post

pytestmark = pytest.mark.django_db


@pytest.fixture
def announced():
    events = []

    def on_post(sender, post, action, **kwargs):
        events.append(("post", action, post.pk, post.is_visible))

    def on_thread(sender, thread, action, **kwargs):
        events.append(("thread", action, thread.pk))

    signals.post_changed.connect(on_post)
    signals.thread_changed.connect(on_thread)
    yield events
    signals.post_changed.disconnect(on_post)
    signals.thread_changed.disconnect(on_thread)


def test_lifecycle_is_announced(announced, category, users):
    thread = category.start_thread(users.member, "Title", "Opening")
    reply = thread.reply(users.moderator, "Reply")
    reply.edit(users.moderator, "Reply, edited")
    reply.set_hidden(users.moderator, True)
    thread.posts.first().soft_delete(users.member)
    thread.moderate(users.moderator, "hide")
    opening = thread.posts.first().pk
    assert announced == [
        ("post", "created", opening, True),
        ("post", "created", reply.pk, True),
        ("post", "edited", reply.pk, True),
        ("post", "hidden", reply.pk, False),
        ("post", "deleted", opening, False),
        ("thread", "deleted", thread.pk),
        ("thread", "hidden", thread.pk),
    ]
    assert not Post.objects.indexable().exists()


def test_a_failing_receiver_never_breaks_the_post(category, users):
    def broken(**kwargs):
        raise ConnectionError("search server down")

    signals.post_changed.connect(broken)
    try:
        thread = category.start_thread(users.member, "Still saved", "body")
    finally:
        signals.post_changed.disconnect(broken)
    assert thread.posts.count() == 1
