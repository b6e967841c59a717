"""The one field both pages ask for: a 6-digit code, checked by django-otp with its throttling."""

from __future__ import annotations

from django import forms
from django.db import transaction
from django.utils import timezone

from django_otp.models import VerifyNotAllowed
from django_otp.plugins.otp_totp.models import TOTPDevice


class CodeForm(forms.Form):
    otp_token = forms.RegexField(
        label="6-digit code",
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": "Enter the 6 digits your authenticator app shows now."},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, device: TOTPDevice, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_otp_token(self) -> str:
        token = self.cleaned_data["otp_token"].strip()
        # Locked for the check, so two concurrent posts cannot both use one code or dodge the throttle;
        # the refusal is raised after the transaction, which must commit the failure count.
        with transaction.atomic():
            device = TOTPDevice.objects.select_for_update().get(pk=self.device.pk)
            allowed, details = device.verify_is_allowed()
            accepted = allowed and device.verify_token(token)
        if not allowed:
            raise forms.ValidationError(_refusal(details), code="throttled")
        if not accepted:
            raise forms.ValidationError(
                "That code is not right. Enter the code your app shows now.", code="invalid_token"
            )
        self.device = device
        return token


def _refusal(details: dict) -> str:
    if details.get("reason") == VerifyNotAllowed.N_FAILED_ATTEMPTS and details.get("locked_until"):
        seconds = max(1, round((details["locked_until"] - timezone.now()).total_seconds()))
        return f"Too many wrong codes. Wait {seconds} seconds, then enter the code your app shows."
    return "Codes cannot be checked right now. Try again in a minute."
