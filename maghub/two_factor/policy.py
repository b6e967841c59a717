"""Who must use a second factor, and which device answers for a user."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from django_otp.plugins.otp_totp.models import TOTPDevice


def is_required(user: AbstractBaseUser) -> bool:
    """Superusers and members of TWO_FACTOR_REQUIRED_GROUPS may not use the admin without a device:
    they can change every page, user and group, so a stolen password must not be enough."""
    return user.is_superuser or user.groups.filter(name__in=settings.TWO_FACTOR_REQUIRED_GROUPS).exists()


def confirmed_devices(user: AbstractBaseUser) -> QuerySet[TOTPDevice]:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True)


def has_device(user: AbstractBaseUser) -> bool:
    return confirmed_devices(user).exists()


def pending_device(user: AbstractBaseUser) -> TOTPDevice:
    """The device being enrolled: one unconfirmed device per user, kept across page loads so
    the QR code scanned stays the one the confirming code is checked against."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    return device
