from django.db import models
from django.utils.functional import cached_property

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Orderable, Page

from home.images import CreditedImage, CreditedRendition
from maghub.mixins import ShareableMixin
from maghub.pages import public, route_in_one_query
from news.models import ArticlePage, CompanyProfilePage, EventReportPage

__all__ = [
    "CreditedImage",
    "CreditedRendition",
    "HomePage",
    "HomeFeaturedArticle",
    "HomeFeaturedCompany",
    "InfoPage",
]


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

    top_story_count = 5

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        return route_in_one_query(self, request, path_components)

    industry_sections = 4
    per_industry = 3

    @cached_property
    def top_stories(self):
        """The editor's picks in their order, topped up with the latest articles."""
        stories = picked_in_language(ArticlePage, self.featured_articles, "article", self.locale_id)
        if len(stories) < self.top_story_count:
            latest = ArticlePage.listing_queryset(self.locale_id).exclude(pk__in=[s.pk for s in stories])
            stories += list(latest[: self.top_story_count - len(stories)])
        return stories[: self.top_story_count]

    @cached_property
    def latest_by_industry(self):
        """[(industry, [articles])]: the busiest industries among recent stories, skipping top stories."""
        shown = {story.pk for story in self.top_stories}
        recent = ArticlePage.listing_queryset(self.locale_id).exclude(pk__in=shown)[:60]
        sections = {}
        for article in recent:
            for industry in article.industry_list:
                sections.setdefault(industry, [])
                if len(sections[industry]) < self.per_industry:
                    sections[industry].append(article)
        busiest = sorted(sections.items(), key=lambda item: (-len(item[1]), item[0].display_name))
        return busiest[: self.industry_sections]

    @cached_property
    def recent_events(self):
        return list(EventReportPage.listing_queryset(self.locale_id)[:3])

    @cached_property
    def companies(self):
        """Featured companies in the editor's order, or the newest profiles."""
        picked = picked_in_language(CompanyProfilePage, self.featured_companies, "company", self.locale_id)
        return picked or list(CompanyProfilePage.listing_queryset(self.locale_id)[:8])


def picked_in_language(page_model, picks, field_name: str, locale_id) -> list:
    """The pages an editor picked (`picks`, ordered links whose `field_name` is the page), in
    the editor's order, each as its translation in `locale_id`; picks with none are left out.

    A translated home page starts with the original's picks, which point at the original
    language's pages: matching on the translation key shows each in the home page's language.
    """
    keys = list(picks.values_list(f"{field_name}__translation_key", flat=True))
    found = {
        page.translation_key: page
        for page in page_model.listing_queryset(locale_id).filter(translation_key__in=keys)
    }
    return [found[key] for key in keys if key in found]


class HomeFeaturedArticle(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_articles")
    article = models.ForeignKey("news.ArticlePage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("article", "news.ArticlePage")]


class HomeFeaturedCompany(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_companies")
    company = models.ForeignKey("news.CompanyProfilePage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("company", "news.CompanyProfilePage")]


class InfoPage(Page):
    """About, Contact, Privacy, Terms: plain pages the editors keep, linked from the footer."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    intro = models.TextField(blank=True, help_text="One or two sentences shown under the title.")
    body = RichTextField(blank=True)
    in_footer = models.BooleanField(
        default=True, help_text="Link to this page from the footer of every page."
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    promote_panels = Page.promote_panels + [FieldPanel("in_footer")]

    class Meta:
        verbose_name = "information page"

    @classmethod
    def footer_links(cls) -> list[tuple[str, str]]:
        """(title, url) of the live public pages marked for the footer, in the tree's order,
        each in the active language where it has been translated."""
        pages = public(cls.objects.live().filter(in_footer=True, locale=Locale.get_default()))
        localized = (page.localized for page in pages.order_by("path"))
        return [(page.title, page.url) for page in localized]
