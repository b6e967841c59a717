from django.db import connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache

from wagtail.models import Page

from home.sharing import qr_svg
from home.sitemaps import robots_lines


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
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    return HttpResponse("\n".join(robots_lines(sitemap_url)) + "\n", content_type="text/plain")


@cache_control(public=True, max_age=60 * 60 * 24)
def share_qr(request, page_id):
    """The QR code of a public page's URL, for scanning it into WeChat."""
    page = get_object_or_404(Page.objects.live().public(), pk=page_id)
    url = page.get_full_url(request)
    if not url:  # the tree's root and pages outside any site have no address to share
        raise Http404("This page has no public address.")
    svg = qr_svg(url, title=f"QR code for {page.title}")
    return HttpResponse(svg, content_type="image/svg+xml")
