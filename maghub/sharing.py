"""Sharing into WeChat, which shows no card from Open Graph: a QR code and a short text."""

import hashlib
import io

from django.core.cache import cache

import segno

from maghub.seo import describe, shorten

SHARE_TEXT_MAX = 120
QR_CACHE_SECONDS = 60 * 60 * 24


def share_text(page) -> str:
    """Title and the gist, short enough for a WeChat message or Moments post."""
    summary = describe(page)
    text = f"{page.title} — {summary}" if summary else page.title
    return shorten(text, SHARE_TEXT_MAX)


def qr_svg(url: str, title: str = "") -> str:
    """An SVG QR code of `url`, cached: the same URL always makes the same picture."""
    key = "share-qr:" + hashlib.sha256(f"{url}\n{title}".encode()).hexdigest()
    svg = cache.get(key)
    if svg is None:
        buffer = io.BytesIO()
        segno.make(url, error="m", micro=False).save(
            buffer, kind="svg", scale=4, border=2, title=title or None, xmldecl=False, encoding="utf-8"
        )
        svg = buffer.getvalue().decode()
        cache.set(key, svg, QR_CACHE_SECONDS)
    return svg
