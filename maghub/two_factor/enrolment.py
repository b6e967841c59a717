"""What an authenticator app is shown: the otpauth:// link as a QR code made here, and the key to type."""

from __future__ import annotations

from base64 import b32encode

import segno
from django_otp.plugins.otp_totp.models import TOTPDevice


def qr_code_data_uri(device: TOTPDevice) -> str:
    """An SVG QR code of the device's otpauth:// link, as a data: URI for an <img>: drawn on the
    server (the secret never reaches another service) and allowed by the admin's img-src."""
    return segno.make(device.config_url, error="m", micro=False).svg_data_uri(scale=5, border=2)


def manual_key(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for apps set up by typing it in."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
