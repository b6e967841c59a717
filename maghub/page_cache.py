"""The full-page cache: a cookieless reader's GET is answered from the shared cache.

Responses are kept with the content version (`maghub.content_cache`), which every publish,
unpublish, move, delete, restriction, vocabulary, company or image change moves on: one change
makes every cached page stale at once, so the next reader of the article, its index, home, its
industry and district pages, the feeds and the sitemap gets a fresh render. Dropping every page
on each change costs one render per page per change, which a news site's publishing rate affords,
and needs no map of which page shows which.

Only requests that carry nothing of a person are served or stored: no cookie other than the CSRF
cookie, no Authorization header, not under the paths that serve people (admin, community,
accounts). A response is stored only when it is a plain 200 to a GET that set no cookie, used no
CSRF token, was rendered for no logged-in user and asks for no other caching itself (search is
`never_cache`). Everything else is marked private.

A cache outage is a miss: the page is rendered as if nothing were cached.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import (
    cc_delim_re,
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)
from django.utils.http import http_date

from maghub.content_cache import KEY as VERSION_KEY
from maghub.content_cache import content_version, remember

logger = logging.getLogger(__name__)

# Browsers and proxies may reuse a page briefly; the server's own copy is dropped on every change.
PUBLIC_CACHE_CONTROL = {"public": True, "max_age": 30, "stale_while_revalidate": 60}


def _quietly(operation):
    try:
        return operation()
    except Exception:
        logger.warning("Page cache unavailable; serving uncached.", exc_info=True)
        return None


class AnonymousPageCache:
    """Middleware, placed before the session and authentication middleware so a hit costs one
    cache round trip and nothing else; on the way out it sees the response with every cookie set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds:
            return self.get_response(request)
        if not self.is_anonymous_read(request):
            return self.private(self.get_response(request))
        key = self.key(request)
        # The page and the content version in one round trip; a page kept under an older
        # version is a miss, and the fresh render replaces it.
        found = _quietly(lambda: cache.get_many([VERSION_KEY, key])) or {}
        if VERSION_KEY in found:
            remember(found[VERSION_KEY])  # a miss renders under it without asking again
        version = content_version()
        stored = found.get(key)
        if stored is not None and stored[0] == version:
            return self.conditional(request, self.rebuild(stored), version)
        response = self.get_response(request)
        if not self.is_storable(request, response):
            return self.private(response)
        set_response_etag(response)
        response["Last-Modified"] = http_date(version // 10**9)
        patch_cache_control(response, **PUBLIC_CACHE_CONTROL)
        # Every header the inner middleware set (X-Frame-Options too); cookies are kept apart.
        kept = (version, response.content, list(response.items()))
        _quietly(lambda: cache.set(key, kept, seconds))
        return self.conditional(request, response, version)

    @staticmethod
    def is_anonymous_read(request) -> bool:
        """A GET or HEAD from someone the site cannot tell apart from any other reader."""
        return (
            request.method in ("GET", "HEAD")
            and "HTTP_AUTHORIZATION" not in request.META
            and set(request.COOKIES) <= {settings.CSRF_COOKIE_NAME}
            and not request.path_info.startswith(settings.PAGE_CACHE_EXCLUDED_PATHS)
        )

    @staticmethod
    def is_storable(request, response) -> bool:
        """The same page any cookieless reader would get, with nothing of this one in it."""
        cache_control = {
            d.split("=")[0].strip().lower() for d in cc_delim_re.split(response.get("Cache-Control", ""))
        }
        vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}
        user = getattr(request, "user", None)
        return (
            request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not cache_control & {"private", "no-store", "no-cache"}
            # Cookie: the request had none that names anyone; anything else would need a key of its own.
            and vary <= {"cookie"}
            and not (user is not None and user.is_authenticated)
            and b"csrfmiddlewaretoken" not in response.content
        )

    @staticmethod
    def key(request) -> str:
        address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        return f"maghub:page:{hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()}"

    @staticmethod
    def rebuild(stored):
        _, content, headers = stored
        return HttpResponse(content, headers=dict(headers))

    @staticmethod
    def conditional(request, response, version):
        """304 Not Modified when the reader's copy (If-None-Match / If-Modified-Since) is current."""
        return get_conditional_response(
            request, etag=response["ETag"], last_modified=version // 10**9, response=response
        )

    @staticmethod
    def private(response):
        """Not for shared caches: left as the view set it, else private and not stored."""
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response
