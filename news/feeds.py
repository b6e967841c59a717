"""RSS 2.0 feeds: the latest articles, overall and per industry or district.

Every link is absolute on the Site's configured host (Django's Feed would otherwise prefix the
host the request came in by).
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from maghub.site_urls import absolute_url
from news.models import ArticlePage, District, Industry


class NewsFeed(Feed):
    title = _("MagHub Shanghai: latest news")
    description = _("News for multinational companies in Shanghai, from MagHub.")
    size = 30

    def link(self):
        return absolute_url(reverse("news:feed"))

    def feed_url(self):
        return self.link()

    def items(self):
        return ArticlePage.listing_queryset()[: self.size]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.standfirst or item.search_description

    def item_link(self, item):
        return item.get_full_url()

    def item_guid(self, item):
        return f"maghub-page-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return pgettext("list separator", ", ").join(author.name for author in item.authors) or None

    def item_categories(self, item):
        return [term.name for term in item.term_list]


class TermFeed(NewsFeed):
    """The latest articles carrying one term of `vocabulary`."""

    vocabulary = None
    url_name = ""

    def get_object(self, request, slug):
        return get_object_or_404(self.vocabulary, slug=slug)

    def title(self, term):
        return gettext("MagHub Shanghai: %(term)s") % {"term": term.name}

    def description(self, term):
        return gettext("The latest MagHub news tagged %(term)s.") % {"term": term.name}

    def link(self, term):
        return absolute_url(term.get_absolute_url())

    def feed_url(self, term):
        return absolute_url(reverse(self.url_name, args=[term.slug]))

    def items(self, term):
        return term.tagged(ArticlePage)[: self.size]


class IndustryFeed(TermFeed):
    vocabulary = Industry
    url_name = "news:industry_feed"


class DistrictFeed(TermFeed):
    vocabulary = District
    url_name = "news:district_feed"
