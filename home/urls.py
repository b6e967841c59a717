"""Site-wide URLs outside the page tree: crawlers, sharing, bylines and the headless API."""

from django.urls import path

from wagtail.contrib.sitemaps.views import sitemap

from home.api import api_router
from home.icons import favicon
from home.sitemaps import SITEMAPS
from home.views import robots_txt, share_qr
from news.authors import author_detail

urlpatterns = [
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("share/qr/<int:page_id>.svg", share_qr, name="share_qr"),
    path("authors/<slug:slug>/", author_detail, name="author_detail"),
    path("api/v2/", api_router.urls),
]
