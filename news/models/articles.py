"""Articles, their authors and the news index."""

from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import slugify

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.api_fields import AuthorsField, PageLinksField, image_field
from home.blocks import StoryBodyBlock
from home.images import image_prefetch
from home.mixins import IndexPageMixin, ShareableMixin, TaggedPageMixin
from home.reading import reading_minutes, stream_text
from home.search_fields import StreamTextField


class Author(index.Indexed, models.Model):
    """A byline: staff writer, photographer or contributor (a snippet)."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=140, unique=True, blank=True)
    role = models.CharField(max_length=120, blank=True, help_text='e.g. "Shanghai Daily reporter".')
    bio = models.TextField(blank=True)
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("bio"),
        FieldPanel("photo"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:140] or "author"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("author_detail", kwargs={"slug": self.slug})


class NewsIndexPage(IndexPageMixin, Page):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.ArticlePage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + IndexPageMixin.panels

    listing_model_name = "news.ArticlePage"
    card_template = "news/cards/article.html"


class ArticlePage(TaggedPageMixin, ShareableMixin, Page):
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    standfirst = models.TextField(blank=True, help_text="One or two sentences under the headline.")
    lead_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_image_caption = models.CharField(max_length=255, blank=True)
    lead_image_credit = models.CharField(
        max_length=255, blank=True, help_text="Overrides the credit stored with the image."
    )
    body = StreamField(StoryBodyBlock(), blank=True)
    companies_mentioned = ParentalManyToManyField(
        "news.CompanyProfilePage", blank=True, related_name="articles_mentioning"
    )

    content_panels = Page.content_panels + [
        FieldPanel("standfirst"),
        InlinePanel("author_links", label="Byline", heading="Authors"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_caption"), FieldPanel("lead_image_credit")],
            heading="Lead image",
        ),
        FieldPanel("body"),
        FieldPanel("companies_mentioned"),
    ]
    promote_panels = Page.promote_panels + ShareableMixin.panels + TaggedPageMixin.panels

    search_fields = Page.search_fields + [index.SearchField("standfirst"), StreamTextField("body")]
    api_fields = [
        APIField("standfirst"),
        APIField("authors", serializer=AuthorsField()),
        APIField("lead_image", serializer=image_field()),
        APIField("lead_image_caption"),
        APIField("lead_image_credit_text"),
        APIField("body"),
        APIField("companies_mentioned", serializer=PageLinksField()),
        APIField("reading_time"),
        *TaggedPageMixin.api_fields,
        *ShareableMixin.api_fields,
    ]

    class Meta:
        verbose_name = "article"

    @classmethod
    def listing_prefetches(cls):
        return [
            image_prefetch("lead_image", "card"),
            Prefetch("author_links", queryset=ArticleAuthor.objects.select_related("author")),
        ]

    @cached_property
    def reading_time(self):
        """Minutes a reader needs for the standfirst and body."""
        return reading_minutes(self.standfirst, *stream_text(self.body))

    @property
    def main_image(self):
        return self.lead_image

    @property
    def headline(self):
        return self.title

    @cached_property
    def authors(self):
        if "author_links" in getattr(self, "_prefetched_objects_cache", {}):
            return [link.author for link in self.author_links.all()]
        return [link.author for link in self.author_links.select_related("author")]

    @cached_property
    def companies(self):
        """The live companies mentioned, by name."""
        return sorted((c for c in self.companies_mentioned.all() if c.live), key=lambda c: c.title)

    @property
    def lead_image_credit_text(self):
        if self.lead_image_credit:
            return self.lead_image_credit
        return self.lead_image.credit if self.lead_image else ""


class ArticleAuthor(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="author_links")
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="article_links")

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        unique_together = [("page", "author")]
