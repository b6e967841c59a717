from django.db import connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.cache import cache_control, never_cache

from wagtail.models import Page

from home.sitemaps import robots_lines
from maghub.sharing import qr_svg
from maghub.site_urls import absolute_url


def words_of_path(path: str, limit: int = 80) -> str:
    """What a missing URL was probably about: its last segment as words (``/news/dsv-hub/`` → ``dsv hub``)."""
    segment = next((part for part in reversed(path.split("/")) if part), "")
    return " ".join(segment.replace("-", " ").replace("_", " ").split())[:limit]


def page_not_found(request, exception=None):
    """The 404 page, its search box filled in with the words of the missing URL."""
    return render(request, "404.html", {"suggested_query": words_of_path(request.path)}, status=404)


@never_cache
def healthz(request):
    """Liveness and database readiness for load balancers and docker-compose."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


@cache_control(public=True, max_age=60 * 60)
def robots_txt(request):
    """Crawlers: stay out of the private areas, read the sitemap."""
    sitemap_url = absolute_url(reverse("sitemap"), request)
    return HttpResponse("\n".join(robots_lines(sitemap_url)) + "\n", content_type="text/plain")


@cache_control(public=True, max_age=60 * 60 * 24)
def share_qr(request, page_id):
    """The QR code of a public page's URL, for scanning it into WeChat."""
    page = get_object_or_404(Page.objects.live().public(), pk=page_id)
    url = page.get_full_url(request)
    if not url:  # the tree's root and pages outside any site have no address to share
        raise Http404("This page has no public address.")
    svg = qr_svg(url, title=gettext("QR code for %(title)s") % {"title": page.title})
    return HttpResponse(svg, content_type="image/svg+xml")
