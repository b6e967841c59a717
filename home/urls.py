"""Site-wide URLs in no one language: crawlers, sharing and the headless API."""

from django.urls import path

from wagtail.contrib.sitemaps.views import sitemap

from home.api import api_router
from home.icons import favicon
from home.sitemaps import SITEMAPS
from home.views import robots_txt, share_qr

urlpatterns = [
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("share/qr/<int:page_id>.svg", share_qr, name="share_qr"),
    path("api/v2/", api_router.urls),
]
