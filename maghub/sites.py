"""The Wagtail Site a page request is for, kept under the content version.

Wagtail looks the site up with a query on every page it serves (Site.find_for_request keeps
the answer on the request only); sites change about never, and saving one moves the content
version on (maghub.content_cache), so the answer is kept per host and port. Only requests that
Wagtail serves ask: other views (/healthz, the admin) pay nothing.
"""

from wagtail.models import Site
from wagtail.views import serve

from maghub.content_cache import cached

NO_SITE = "none"


class CachedSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is serve:
            key = f"site-{request.get_host()}-{request.get_port()}"
            site = cached(key, lambda: Site._find_for_request(request) or NO_SITE)
            request._wagtail_site = None if site == NO_SITE else site
