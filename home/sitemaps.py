"""/sitemap.xml and /robots.txt: what crawlers may read, from one list of private areas.

The sitemap lists the pages of every language, each with `xhtml:link rel="alternate"` to its
translations (and x-default, the English page), in a number of queries that does not grow with
the number of pages, translations or authors.
"""

import operator
from functools import reduce
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.db.models import Q
from django.utils.functional import cached_property

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from maghub.i18n import bcp47
from maghub.pages import public
from maghub.site_urls import site_root_url
from news.models import ArticleAuthor, ArticlePage, Author

# Areas that are members-only, per-user or not content: robots.txt disallows them
# and the sitemap leaves out any page under them.
NOT_FOR_CRAWLERS = ("/admin/", "/accounts/", "/community/", "/search/", "/api/", "/share/")


def hreflang(language_code: str) -> str:
    return language_code if language_code == "x-default" else bcp47(language_code)


class PublicPagesSitemap(Sitemap):
    """Live pages without view restrictions (Wagtail's rules) under the site's home page and its
    translations, minus the private areas."""

    @cached_property
    def pages(self):
        home = self.get_wagtail_site().root_page
        trees = Page.objects.filter(translation_key=home.translation_key, depth=home.depth, live=True)
        roots = list(trees.values_list("path", "url_path"))
        in_a_tree = reduce(operator.or_, (Q(path__startswith=path) for path, _ in roots))
        private = reduce(
            operator.or_,
            (
                Q(url_path__startswith=url_path + prefix[1:])
                for _, url_path in roots
                for prefix in NOT_FOR_CRAWLERS
            ),
        )
        return public(Page.objects.filter(in_a_tree).exclude(private).live())

    def items(self):
        # No page type has a sitemap entry of its own: plain page rows, in one query rather than
        # one more per page type (Wagtail's .specific()).
        return self.pages.order_by("path").defer_streamfields()

    def translations(self, pages) -> dict:
        """{translation key: [(language code, page)]} of `pages`' listed translations, when they
        have one at least: one query."""
        keys = {page.translation_key for page in pages}
        found = self.pages.filter(translation_key__in=keys).select_related("locale").order_by("locale_id")
        grouped = {}
        for page in found:
            grouped.setdefault(page.translation_key, []).append((page.locale.language_code, page))
        return {key: versions for key, versions in grouped.items() if len(versions) > 1}

    def alternates(self, versions) -> list[dict]:
        """The page in each language, then x-default: the page in the default language."""
        default = [("x-default", page) for code, page in versions if code == settings.LANGUAGE_CODE]
        return [
            {"lang_code": hreflang(code), "location": page.get_full_url(self.request)}
            for code, page in versions + default
        ]

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        translations = self.translations(pages)
        urls = []
        for item in pages:
            alternates = self.alternates(translations.get(item.translation_key, []))
            urls += [{**info, "alternates": alternates} for info in item.get_sitemap_urls(self.request)]
        last_mods = {url_info.get("lastmod") for url_info in urls}
        # Empty when the whole site is private.
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


class AuthorsSitemap(DjangoSitemap):
    """Byline pages, in each language the author has an article in. Django's sitemaps take the
    host from the request; ours from the Site, as the page sitemap does (Wagtail's get_full_url)."""

    i18n = True
    alternates = True
    x_default = True

    def get_protocol(self, protocol=None):
        return urlsplit(site_root_url()).scheme

    def get_domain(self, site=None):
        return urlsplit(site_root_url()).netloc

    @cached_property
    def languages_by_author(self) -> dict:
        """{author id: [language codes of their public articles]}, in the order of LANGUAGES."""
        order = [code for code, _ in settings.LANGUAGES]
        links = ArticleAuthor.objects.filter(page__in=public(ArticlePage.objects.live()))
        pairs = links.values_list("author_id", "page__locale__language_code").distinct()
        languages = {}
        for author_id, code in pairs:
            languages.setdefault(author_id, set()).add(code)
        return {author_id: sorted(codes, key=order.index) for author_id, codes in languages.items()}

    @cached_property
    def authors(self) -> list:
        return list(Author.objects.filter(pk__in=list(self.languages_by_author)).order_by("name"))

    def items(self):
        return self.authors

    def get_languages_for_item(self, author):
        return self.languages_by_author[author.pk]

    def location(self, author):
        return author.get_absolute_url()

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url_info in urls:
            for alternate in url_info["alternates"]:
                alternate["lang_code"] = hreflang(alternate["lang_code"])
        return urls


SITEMAPS = {"pages": PublicPagesSitemap, "authors": AuthorsSitemap}


def robots_lines(sitemap_url: str) -> list[str]:
    return [
        "User-agent: *",
        *(f"Disallow: {prefix}" for prefix in NOT_FOR_CRAWLERS),
        f"Sitemap: {sitemap_url}",
    ]
