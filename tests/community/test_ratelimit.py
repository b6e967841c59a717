"""Rate limits on posting, sign-up and login, per user and per IP address."""

from django.urls import reverse

import pytest

from .factories import PASSWORD, member

pytestmark = pytest.mark.django_db


def test_posting_is_limited_per_user(member_client, thread, settings):
    settings.COMMUNITY_RATE_LIMITS = {"post": {"user": "3/m", "ip": "100/m"}}
    url = reverse("community:reply", args=[thread.pk])
    codes = [member_client.post(url, {"body": f"reply {n}"}).status_code for n in range(4)]
    assert codes == [302, 302, 302, 429]
    assert thread.posts.count() == 2 + 3


def test_posting_is_limited_per_ip_across_users(client, thread, settings):
    settings.COMMUNITY_RATE_LIMITS = {"post": {"user": "100/m", "ip": "2/m"}}
    url = reverse("community:reply", args=[thread.pk])
    codes = []
    for n in range(3):
        client.force_login(member())
        codes.append(client.post(url, {"body": f"reply {n}"}, REMOTE_ADDR="10.0.0.7").status_code)
    assert codes == [302, 302, 429]
    client.force_login(member())
    assert client.post(url, {"body": "other office"}, REMOTE_ADDR="10.0.0.8").status_code == 302


def test_signup_is_limited_per_ip(client, settings):
    settings.COMMUNITY_RATE_LIMITS = {"signup": {"ip": "2/h"}}
    codes = [client.post(reverse("signup"), {}).status_code for _ in range(3)]
    assert codes == [200, 200, 429]


def test_login_is_limited_per_username(client, settings):
    settings.COMMUNITY_RATE_LIMITS = {"login": {"user": "3/15m", "ip": "100/15m"}}
    user = member()
    for n in range(3):
        client.post(
            reverse("login"), {"username": user.username, "password": "wrong"}, REMOTE_ADDR=f"10.0.0.{n}"
        )
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_login_works_below_the_limit(client):
    user = member()
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/community/"
