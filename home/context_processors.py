"""The site shell's information pages (About, Contact, Privacy, Terms...) for the footer of every
page, given to every template as `info_links` (the base template loads no app's tags)."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from home.models import InfoPage
from maghub import content_cache


def footer_links(request: HttpRequest) -> dict:
    """`info_links`: [(title, url)], read once per change of published content, and only when shown."""
    return {
        "info_links": SimpleLazyObject(lambda: content_cache.cached("footer-links", InfoPage.footer_links))
    }
