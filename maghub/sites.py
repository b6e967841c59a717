"""The Wagtail Site a page request is for, and its home page in the request's language, kept
under the content version.

Wagtail looks the site up with a query on every page it serves (Site.find_for_request keeps
the answer on the request only), then finds the home page's translation in the active
language (`root_page.localized`: the Locale, then the translation) and its specific page, two
or three queries more. Sites and home pages change about never, and saving either moves the
content version on (maghub.content_cache), so the site is kept per host and port and its home
page per site and language (the fragment key includes the language). Only requests that
Wagtail serves ask: other views (/healthz, the admin) pay nothing.
"""

from django.http import Http404

from wagtail.models import Site
from wagtail.views import serve

from maghub.content_cache import cached

NO_SITE = "none"


def route(request, site, path: str):
    """Wagtail's `Page.route_for_request`, from the cached home page in the request's language;
    the answer is kept where Wagtail's serve() reads it (`request._wagtail_route_for_request`)."""
    home = cached(f"home-page-{site.pk}", lambda: site.root_page.localized.specific)
    try:
        request._wagtail_route_for_request = home.route(request, [part for part in path.split("/") if part])
    except Http404:
        request._wagtail_route_for_request = None


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
            if request._wagtail_site is not None:
                path = view_kwargs.get("path", view_args[0] if view_args else "")
                route(request, request._wagtail_site, path)
