"""The admin's audit of deleted posts: the only place a deleted body and its reason are shown."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

import pytest

from community.models import Post
from tests.two_factor.sign_in import sign_in_with_code

pytestmark = pytest.mark.django_db

WITHDRAWN = "Broker Li quoted 4.2% — XQZ-withdrawn-figure"


@pytest.fixture
def deleted(client, thread, users):
    post = thread.reply(users.member, WITHDRAWN)
    client.force_login(users.member)
    response = client.post(
        reverse("community:post_delete", args=[post.pk]), {"reason": "Posted the wrong figure"}
    )
    assert response.status_code == 302
    client.logout()
    post.refresh_from_db()
    return post


def auditor(*permissions: str):
    user = get_user_model().objects.create_user("auditor", "auditor@maghub.example", "pw")
    user.user_permissions.add(
        *(Permission.objects.get(codename=codename) for codename in ("access_admin", *permissions))
    )
    return user


def test_the_delete_form_offers_an_optional_reason(member_client, thread, users):
    post = thread.reply(users.member, "Second thoughts")
    page = member_client.get(reverse("community:post_delete", args=[post.pk])).content.decode()
    assert 'name="reason"' in page and "Reason (optional)" in page
    member_client.post(reverse("community:post_delete", args=[post.pk]))
    post.refresh_from_db()
    assert post.is_deleted and post.deletion_reason == ""


def test_the_audit_lists_who_deleted_what_when_and_why(client, deleted, users):
    client.force_login(auditor("view_deletedpost"))
    listing = client.get(reverse("deleted_posts:index"))
    assert listing.status_code == 200
    page = listing.content.decode()
    assert users.member.username in page and "Posted the wrong figure" in page
    assert reverse("deleted_posts:inspect", args=[deleted.pk]) in page

    inspect = client.get(reverse("deleted_posts:inspect", args=[deleted.pk])).content.decode()
    assert "XQZ-withdrawn-figure" in inspect and "Posted the wrong figure" in inspect


def test_the_audit_lists_only_deleted_posts(client, deleted, thread):
    client.force_login(auditor("view_deletedpost"))
    live = thread.posts.filter(is_deleted=False).first()
    assert client.get(reverse("deleted_posts:inspect", args=[live.pk])).status_code == 404


def test_the_audit_is_read_only_even_for_superusers(client, deleted):
    sign_in_with_code(client, get_user_model().objects.create_superuser("boss", "boss@maghub.example", "pw"))
    page = client.get(reverse("deleted_posts:index")).content.decode()
    assert "XQZ-withdrawn" not in page  # the listing shows the reason, the body only on inspection
    for path in (f"edit/{deleted.pk}/", f"delete/{deleted.pk}/", "new/"):
        assert client.get(reverse("deleted_posts:index") + path).status_code == 404


def test_without_the_permission_there_is_no_audit(client, deleted, users):
    client.force_login(auditor())
    admin_home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("deleted_posts:index") not in admin_home
    for url in (reverse("deleted_posts:index"), reverse("deleted_posts:inspect", args=[deleted.pk])):
        response = client.get(url)
        assert response.status_code in (302, 403) and "XQZ-withdrawn" not in response.content.decode()


def test_community_pages_keep_the_deleted_body_from_moderators(client, deleted, users):
    client.force_login(users.moderator)
    urls = [
        deleted.thread.get_absolute_url(),
        reverse("community:post_history", args=[deleted.pk]),
        reverse("community:reply", args=[deleted.thread_id]) + f"?quote={deleted.pk}",
        reverse("community:moderation_log"),
    ]
    for url in urls:
        response = client.get(url, follow=True)
        assert "XQZ-withdrawn" not in response.content.decode(), url
        assert "Posted the wrong figure" not in response.content.decode(), url
    assert Post.objects.visible_to(users.moderator).filter(pk=deleted.pk).count() == 0
