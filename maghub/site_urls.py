"""Absolute URLs from the Wagtail Site's configured hostname, port and scheme.

Links that travel (share links and QR codes, canonical and Open Graph URLs, sitemaps, feeds,
e-mails) must lead to where the site is served, which the Site record in the admin says
(Settings → Sites; `load_demo` sets it for `make run`): not the Host a request came in by,
nor the settings of the process that sends a background e-mail. Site.root_url gives the
scheme: https on port 443, http otherwise.
"""

from __future__ import annotations

from django.conf import settings

from wagtail.models import Site


def site_for(request=None) -> Site | None:
    """The Site serving `request`, else the default Site (None before any is configured)."""
    site = Site.find_for_request(request) if request is not None else None
    return site or Site.objects.filter(is_default_site=True).select_related("root_page").first()


def site_root_url(request=None) -> str:
    """``scheme://host[:port]`` of the site, without a trailing slash."""
    site = site_for(request)
    return site.root_url if site else settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(path: str, request=None) -> str:
    """`path` on the site's configured host; URLs that already name a host are kept."""
    if path.startswith(("http://", "https://")):
        return path
    if path.startswith("//"):
        return site_root_url(request).split("//", 1)[0] + path
    return site_root_url(request) + path
