"""Two-factor sign-in to the admin, through its pages: enrolling, the code after the password,
who must enrol, throttled guessing, and the pages' Content-Security-Policy."""

import re
import time
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.urls import reverse

import pytest

from tests.editorial.factories import StaffFactory
from tests.two_factor.sign_in import code_for, code_from_key, enrolled_device, sign_in_with_code

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
ADMIN_PAGES = ["/admin/", "/admin/pages/", "/admin/account/", "/admin/images/", "/admin/api/main/pages/"]


def password_login(client, user):
    response = client.post(reverse("wagtailadmin_login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def redirect_to(url_name, path):
    return f"{reverse(url_name)}?{urlencode({'next': path})}"


def shown_key(html: str) -> str:
    return re.search(r"data-two-factor-key>([A-Z2-7 ]+)<", html).group(1)


def enrol(client, next_path=""):
    """Read the enrolment page as a phone would (the key), and confirm with the code it makes."""
    url = reverse("two_factor_enrol") + (f"?{urlencode({'next': next_path})}" if next_path else "")
    page = client.get(url)
    assert page.status_code == 200
    return client.post(url, {"otp_token": code_from_key(shown_key(page.content.decode())), "next": next_path})


def superuser():
    return get_user_model().objects.create_superuser("root", "root@maghub.example", PASSWORD)


def test_an_editor_enrols_from_the_account_settings_and_then_needs_a_code(client):
    editor = StaffFactory(username="mei", role="Editors")
    password_login(client, editor)
    assert reverse("two_factor_enrol") in client.get(reverse("wagtailadmin_account")).content.decode()

    page = client.get(reverse("two_factor_enrol")).content.decode()
    assert re.search(r'<img src="data:image/svg\+xml[^"]+" alt="QR code for your authenticator app"', page)
    response = enrol(client)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert client.get("/admin/").status_code == 200

    client.post(reverse("wagtailadmin_logout"))
    password_login(client, editor)
    assert client.get("/admin/pages/")["Location"] == redirect_to("two_factor_verify", "/admin/pages/")


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_no_admin_page_is_served_before_the_code(client, path):
    editor = StaffFactory(username="mei", role="Editors")
    enrolled_device(editor)
    password_login(client, editor)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == redirect_to("two_factor_verify", path)


def test_a_wrong_code_is_refused(client):
    editor = StaffFactory(username="mei", role="Editors")
    device = enrolled_device(editor)
    password_login(client, editor)
    response = client.post(reverse("two_factor_verify"), {"otp_token": wrong_code(device)})
    assert response.status_code == 200 and "That code is not right" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_the_right_code_opens_the_admin_page_first_asked_for(client):
    editor = StaffFactory(username="mei", role="Editors")
    device = enrolled_device(editor)
    password_login(client, editor)
    asked = client.get("/admin/pages/")["Location"]
    response = client.post(asked, {"otp_token": code_for(device), "next": "/admin/pages/"})
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def wrong_code(device):
    return "000000" if code_for(device) != "000000" else "111111"


def test_guessing_is_throttled(client):
    editor = StaffFactory(username="mei", role="Editors")
    device = enrolled_device(editor)
    password_login(client, editor)
    verify = reverse("two_factor_verify")
    right = code_for(device)

    client.post(verify, {"otp_token": wrong_code(device)})
    refused = client.post(verify, {"otp_token": right})  # right, but straight after a wrong one
    assert "Too many wrong codes" in refused.content.decode()
    assert client.get("/admin/").status_code == 302

    time.sleep(1.1)  # django-otp's delay after one failure: 1 s, doubling with each further one
    assert client.post(verify, {"otp_token": right}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_code_page_refuses_what_is_not_six_digits(client):
    editor = StaffFactory(username="mei", role="Editors")
    enrolled_device(editor)
    password_login(client, editor)
    response = client.post(reverse("two_factor_verify"), {"otp_token": "12ab56"})
    assert "Enter the 6 digits" in response.content.decode()


def administrator():
    return StaffFactory(username="ada", role="Administrators")


@pytest.mark.parametrize("make_user", [administrator, superuser])
def test_administrators_without_a_device_must_enrol_before_anything_else(client, make_user):
    user = make_user()
    password_login(client, user)
    for path in ADMIN_PAGES:
        assert client.get(path)["Location"] == redirect_to("two_factor_enrol", path)

    page = client.get(redirect_to("two_factor_enrol", "/admin/pages/"))
    assert "needs a second factor" in page.content.decode()
    assert enrol(client, "/admin/pages/")["Location"] == "/admin/pages/"
    assert all(client.get(path).status_code == 200 for path in ADMIN_PAGES)


def test_an_administrator_may_still_sign_out_before_enrolling(client):
    password_login(client, administrator())
    assert client.post(reverse("wagtailadmin_logout"))["Location"] == reverse("wagtailadmin_login")
    assert client.get("/admin/")["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.mark.parametrize("role", ["Editors", "Writers", "Membership reviewers", "Forum moderators"])
def test_other_roles_are_not_forced_to_enrol(client, role):
    user = StaffFactory(username="sam", role=role)
    user.user_permissions.add(*_admin_access())
    password_login(client, user)
    assert client.get("/admin/").status_code == 200


def _admin_access():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")


def test_the_admin_icons_load_before_the_code(client):
    editor = StaffFactory(username="mei", role="Editors")
    enrolled_device(editor)
    password_login(client, editor)
    sprite = client.get(reverse("wagtailadmin_sprite"))
    assert sprite.status_code == 200 and b"<svg" in sprite.content


def test_a_password_alone_cannot_enrol_a_new_phone(client):
    editor = StaffFactory(username="mei", role="Editors")
    enrolled_device(editor)
    password_login(client, editor)
    response = client.get(reverse("two_factor_enrol"))
    assert response["Location"] == redirect_to("two_factor_verify", reverse("two_factor_enrol"))


def test_enrolling_again_replaces_the_old_phone(client):
    user = superuser()
    old = enrolled_device(user)
    sign_in_with_code(client, user)  # replaces `old` too; enrol once more through the page
    assert enrol(client).status_code == 302
    devices = list(user.totpdevice_set.all())
    assert len(devices) == 1 and devices[0].confirmed and devices[0].pk != old.pk


def test_the_code_page_sends_nobody_to_another_site(client):
    editor = StaffFactory(username="mei", role="Editors")
    device = enrolled_device(editor)
    password_login(client, editor)
    response = client.post(
        reverse("two_factor_verify"), {"otp_token": code_for(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("wagtailadmin_home")


def test_the_code_is_the_admins_business_only(client):
    editor = StaffFactory(username="mei", role="Editors")
    enrolled_device(editor)
    password_login(client, editor)
    assert client.get("/").status_code == 200  # the public site does not ask for the code


@pytest.mark.parametrize("url_name", ["two_factor_enrol", "two_factor_verify"])
def test_the_two_factor_pages_run_no_inline_code(client, url_name):
    user = superuser()
    if url_name == "two_factor_verify":
        enrolled_device(user)
    password_login(client, user)
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    assert "default-src 'self'" in response["Content-Security-Policy"]
    main = re.search(r"<main.*</main>", response.content.decode(), re.S).group(0)
    assert "<script" not in main and "style=" not in main
    assert not re.search(r"<[^>]+\son\w+=", main)  # no inline event handlers either


def test_the_admin_client_fixture_is_past_the_code_page(admin_client, admin_user):
    assert admin_client.get("/admin/").status_code == 200
    assert [d.confirmed for d in admin_user.totpdevice_set.all()] == [True]
