"""Articles, their authors and the news index."""

from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import slugify

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from maghub.api_fields import AuthorsField, PageLinksField, image_field
from maghub.blocks import StoryBodyBlock
from maghub.i18n import localized_name
from maghub.images import image_prefetch
from maghub.mixins import ShareableMixin
from maghub.pages import translations_in
from maghub.reading import reading_minutes, stream_text
from maghub.search_fields import StreamTextField
from news.models.mixins import IndexPageMixin, TaggedPageMixin


class Author(index.Indexed, models.Model):
    """A byline: staff writer, photographer or contributor (a snippet)."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=140, unique=True, blank=True)
    role = models.CharField(max_length=120, blank=True, help_text='e.g. "Shanghai Daily reporter".')
    role_zh = models.CharField("Chinese role", max_length=120, blank=True, help_text="e.g. 《上海日报》记者.")
    bio = models.TextField(blank=True)
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("role_zh")]),
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

    @property
    def display_role(self) -> str:
        """The role in the reader's language (the English one when no Chinese role is given)."""
        return localized_name(self.role, self.role_zh)


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
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The picture above the headline; also the story's picture in listings and when shared.",
    )
    lead_image_caption = models.CharField(
        max_length=255, blank=True, help_text="What the picture shows, printed under it."
    )
    lead_image_credit = models.CharField(
        max_length=255,
        blank=True,
        help_text='Who took the picture, e.g. "Dong Jun / SHINE". Leave empty to print the credit '
        "stored with the image.",
    )
    body = StreamField(
        StoryBodyBlock(),
        blank=True,
        help_text="The story: paragraphs, subheadings, pictures, quotes, embeds, galleries and fact boxes.",
    )
    # Written through `company_mentions` (the editor's page chooser); read and queried here.
    companies_mentioned = models.ManyToManyField(
        "news.CompanyProfilePage",
        through="news.ArticleCompany",
        blank=True,
        related_name="articles_mentioning",
    )

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("standfirst"),
            InlinePanel(
                "author_links",
                label="Byline",
                heading="Authors",
                help_text="Who wrote the story, in the order the byline names them (authors are managed "
                "under Vocabulary).",
            ),
            MultiFieldPanel(
                [FieldPanel("lead_image"), FieldPanel("lead_image_caption"), FieldPanel("lead_image_credit")],
                heading="Lead image",
            ),
            FieldPanel("body"),
            MultipleChooserPanel(
                "company_mentions",
                chooser_field_name="companyprofilepage",
                heading="Companies mentioned",
                label="Company",
                help_text="Companies the story is about or quotes. Each one is linked under the story, "
                "and the story is listed on the company's profile.",
            ),
        ]
        + TaggedPageMixin.panels
    )
    promote_panels = Page.promote_panels + ShareableMixin.panels

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
        """The live companies mentioned, in the article's language, by name (from the page in hand,
        so previews show the draft's)."""
        keys = self.company_mentions.values_list("companyprofilepage__translation_key", flat=True)
        company_model = self._meta.get_field("companies_mentioned").related_model
        return list(translations_in(company_model, keys, self.locale_id).order_by("title"))

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


class ArticleCompany(Orderable):
    """A company an article mentions, in the order the editor chose them.

    The fields are named as Django names an automatic through model's, like the events'
    participating companies, so code reading page-company links reads both the same way.
    """

    articlepage = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="company_mentions")
    companyprofilepage = models.ForeignKey(
        "news.CompanyProfilePage", on_delete=models.CASCADE, related_name="+", verbose_name="company"
    )

    panels = [FieldPanel("companyprofilepage")]

    class Meta(Orderable.Meta):
        unique_together = [("articlepage", "companyprofilepage")]

    @classmethod
    def article_ids_mentioning(cls, company):
        """The ids of the articles that mention `company` in any of its languages (a translated
        article keeps its original's links until an editor changes them), as a subquery."""
        return cls.objects.filter(companyprofilepage__translation_key=company.translation_key).values(
            "articlepage"
        )

    @classmethod
    def mentioning(cls, companies):
        """Unsaved mentions of `companies` in that order, for a new page's `company_mentions`."""
        return [cls(companyprofilepage=company, sort_order=n) for n, company in enumerate(companies)]
