from django.conf import settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from community.login import AdminLoginView
from home.views import healthz
from maghub.health import readyz
from maghub.i18n import language_patterns
from news.authors import author_detail

# Addresses with one language: probes, the admin (each editor picks its language), documents,
# and what home.urls serves to crawlers and API clients (robots.txt, sitemap.xml, /api/v2/).
urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    # The admin's login under the members' login throttling (community/login.py).
    path("admin/login/", AdminLoginView.as_view(), name="wagtailadmin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("home.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# What readers read, in English at these paths and in Chinese under /zh/.
urlpatterns += language_patterns(
    path("", include("news.urls")),
    path("authors/<slug:slug>/", author_detail, name="author_detail"),
    path("", include("search.urls")),
    path("accounts/", include("community.account_urls")),
    path("community/", include("community.urls")),
    path("", include(wagtail_urls)),
)

handler404 = "home.views.page_not_found"
