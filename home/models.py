from django.db import models

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable, Page

from home.images import CreditedImage, CreditedRendition
from home.mixins import ShareableMixin

__all__ = ["CreditedImage", "CreditedRendition", "HomePage", "HomeFeaturedArticle", "HomeFeaturedCompany"]


class HomePage(ShareableMixin, Page):
    """The front page: top stories, latest by industry, recent events, featured companies."""

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    tagline = models.CharField(max_length=255, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("tagline"),
        InlinePanel("featured_articles", label="Top story", heading="Top stories", max_num=5),
        InlinePanel("featured_companies", label="Company", heading="Featured companies", max_num=8),
    ]
    promote_panels = Page.promote_panels + ShareableMixin.panels


class HomeFeaturedArticle(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_articles")
    article = models.ForeignKey("news.ArticlePage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("article", "news.ArticlePage")]


class HomeFeaturedCompany(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_companies")
    company = models.ForeignKey("news.CompanyProfilePage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("company", "news.CompanyProfilePage")]
