"""/sitemap.xml and /robots.txt: what crawlers may read, from one list of private areas."""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap as DjangoSitemap

from wagtail.contrib.sitemaps import Sitemap

from maghub.site_urls import site_root_url
from news.authors import authors_with_articles

# Areas that are members-only, per-user or not content: robots.txt disallows them
# and the sitemap leaves out any page under them.
NOT_FOR_CRAWLERS = ("/admin/", "/accounts/", "/community/", "/search/", "/api/", "/share/")


class PublicPagesSitemap(Sitemap):
    """Live pages without view restrictions (Wagtail's rules), minus the private areas."""

    def items(self):
        pages = super().items()
        root_path = self.get_wagtail_site().root_page.url_path.rstrip("/")
        for prefix in NOT_FOR_CRAWLERS:
            pages = pages.exclude(url_path__startswith=root_path + prefix)
        return pages


class AuthorsSitemap(DjangoSitemap):
    """Byline pages. Django's sitemaps take the host from the request; ours from the Site, as the
    page sitemap does (Wagtail's get_full_url)."""

    def get_protocol(self, protocol=None):
        return urlsplit(site_root_url()).scheme

    def get_domain(self, site=None):
        return urlsplit(site_root_url()).netloc

    def items(self):
        return authors_with_articles()

    def location(self, author):
        return author.get_absolute_url()


SITEMAPS = {"pages": PublicPagesSitemap, "authors": AuthorsSitemap}


def robots_lines(sitemap_url: str) -> list[str]:
    return [
        "User-agent: *",
        *(f"Disallow: {prefix}" for prefix in NOT_FOR_CRAWLERS),
        f"Sitemap: {sitemap_url}",
    ]
