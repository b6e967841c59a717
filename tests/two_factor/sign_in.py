"""Signing in to the admin past the second factor, for tests using the admin as someone who must give one."""

from base64 import b32decode

from django.test import Client
from django.urls import reverse

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def code_for(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The 6-digit code the user's authenticator app shows now (or `steps_ahead` periods later)."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift + steps_ahead):06d}"


def code_from_key(manual_key: str, steps_ahead: int = 0) -> str:
    """What an authenticator app set up by typing the key the enrolment page shows would display."""
    key = manual_key.replace(" ", "")
    return f"{totp(b32decode(key + '=' * (-len(key) % 8)), drift=steps_ahead):06d}"


def enrolled_device(user) -> TOTPDevice:
    """A confirmed authenticator for `user`, replacing any they had (a fresh device has used no code yet)."""
    TOTPDevice.objects.filter(user=user).delete()
    return TOTPDevice.objects.create(user=user, name="Test phone", confirmed=True)


def sign_in_with_code(client: Client, user) -> Client:
    """`client` signed in as `user` with a device, the code given through the admin's code page."""
    client.force_login(user)
    device = enrolled_device(user)
    response = client.post(reverse("two_factor_verify"), {"otp_token": code_for(device)})
    assert response.status_code == 302, response.content.decode()[:2000]
    return client
