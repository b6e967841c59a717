"""Rate limits on posting, sign-up and login, per user and per IP address."""

from django.urls import reverse

import pytest

from .factories import PASSWORD, UserFactory, member

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


def attempt(client, username, password="wrong", ip="10.0.0.1", url=None):  # noqa: S107
    return client.post(url or reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_failed_logins_are_limited_per_account_and_ip(client, settings):
    settings.COMMUNITY_RATE_LIMITS = {"login": {"account_ip": "3/15m", "ip": "100/15m"}}
    user = member()
    assert [attempt(client, user.username).status_code for _ in range(3)] == [200, 200, 200]
    response = attempt(client, user.username, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_failures_from_elsewhere_cannot_lock_the_member_out(client, settings):
    settings.COMMUNITY_RATE_LIMITS = {"login": {"account_ip": "3/15m", "ip": "5/15m"}}
    user = member()
    for n in range(20):
        attempt(client, user.username, ip=f"10.9.{n // 4}.{n}")
    response = attempt(client, user.username, PASSWORD, ip="10.0.0.1")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_one_address_trying_many_accounts_is_limited(client, settings):
    settings.COMMUNITY_RATE_LIMITS = {"login": {"account_ip": "100/15m", "ip": "3/15m"}}
    codes = [attempt(client, f"guess{n}").status_code for n in range(4)]
    assert codes == [200, 200, 200, 429]


def test_successful_logins_do_not_count(client, settings):
    settings.COMMUNITY_RATE_LIMITS = {"login": {"account_ip": "2/15m", "ip": "2/15m"}}
    user = member()
    for _ in range(4):
        assert attempt(client, user.username, PASSWORD).status_code == 302
        client.logout()


def test_the_admin_login_is_limited_too(client, settings):
    settings.COMMUNITY_RATE_LIMITS = {"login": {"account_ip": "2/15m", "ip": "100/15m"}}
    user = UserFactory(is_superuser=True)
    url = reverse("wagtailadmin_login")
    assert [attempt(client, user.username, url=url).status_code for _ in range(2)] == [200, 200]
    assert attempt(client, user.username, PASSWORD, url=url).status_code == 429
    assert attempt(client, user.username, PASSWORD, ip="10.0.0.2", url=url).status_code == 302


def test_login_works_below_the_limit(client):
    user = member()
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/community/"
