"""Fixtures for the malformed-input tests: the search tests' newsroom and backends, community members."""

import pytest

from tests.community.conftest import category, member_client, thread, users  # noqa: F401
from tests.search.conftest import backend, corpus, elasticsearch, vocabulary  # noqa: F401


@pytest.fixture
def member_pages(thread, users) -> list[str]:  # noqa: F811 - the fixtures imported above
    """Every community page a member reads, on the thread's own category, thread and post."""
    post = thread.posts.first()
    return [
        "/community/",
        f"/community/c/{thread.category.slug}/",
        f"/community/t/{thread.pk}/",
        f"/community/t/{thread.pk}/reply/",
        f"/community/p/{post.pk}/history/",
        f"/community/members/{users.member.username}/",
        "/community/my-threads/",
        "/community/notifications/",
    ]
