"""An administrator's first sign-in to the admin in the browser: sent to enrol, sets up an
authenticator app from the key shown, and from then on gives a code after the password.
The `page` fixture fails the test on any Content-Security-Policy violation on the way."""

import re

from django.urls import reverse

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.editorial.factories import StaffFactory
from tests.two_factor.sign_in import code_for, code_from_key

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery staple"


def sign_in(page, username):
    page.goto(reverse("wagtailadmin_login"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_an_administrator_enrols_then_signs_in_with_a_code(home_page, page, screenshot):
    StaffFactory(username="ada", first_name="Ada", role="Administrators")

    sign_in(page, "ada")
    expect(page).to_have_url(re.compile(re.escape(reverse("two_factor_enrol")) + r"\?next="))
    qr_code = page.get_by_role("img", name="QR code for your authenticator app")
    assert qr_code.evaluate("img => img.complete && img.naturalWidth") > 0
    screenshot(page, "enrol")
    key = page.locator("[data-two-factor-key]").inner_text()
    page.get_by_label("6-digit code").fill(code_from_key(key))
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    expect(page).to_have_url(re.compile(re.escape(reverse("wagtailadmin_home")) + "$"))
    expect(page.get_by_text("Two-factor sign-in is on")).to_be_visible()

    page.context.clear_cookies()
    sign_in(page, "ada")
    expect(page).to_have_url(re.compile(re.escape(reverse("two_factor_verify")) + r"\?next="))
    page.get_by_label("6-digit code").fill("000000" if code_from_key(key, 1) != "000000" else "111111")
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_role("status")).to_contain_text("That code is not right")
    screenshot(page, "wrong-code")

    page.wait_for_timeout(1100)  # django-otp's delay after one wrong code
    # The next period's code: the app's current one was used to enrol, and a code counts once.
    # Counted from the clock the device learnt at enrolment: a code typed across a 30-second
    # boundary leaves it one period behind.
    page.get_by_label("6-digit code").fill(code_for(TOTPDevice.objects.get(user__username="ada"), 1))
    page.get_by_role("button", name="Verify").click()
    expect(page).to_have_url(re.compile(re.escape(reverse("wagtailadmin_home")) + "$"))
    expect(page.get_by_role("main")).to_be_visible()
