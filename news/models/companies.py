"""Company profiles, the recognitions they hold, and the company directory."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from maghub.api_fields import LabelsField, image_field
from maghub.i18n import localized_name
from maghub.images import image_prefetch
from maghub.mixins import ShareableMixin
from maghub.pages import links_in_language
from maghub.search_fields import StreamTextField
from news.models.mixins import IndexPageMixin, TaggedPageMixin

from .articles import ArticleCompany, ArticlePage
from .events import EventReportPage


class Recognition(index.Indexed, models.Model):
    """A named certification or award that editors manage once and attach to many companies."""

    name = models.CharField(max_length=200, unique=True)
    name_zh = models.CharField("Chinese name", max_length=200, blank=True)
    awarded_by = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_zh")]),
        FieldPanel("awarded_by"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_zh"),
        index.AutocompleteField("name"),
        index.AutocompleteField("name_zh"),
    ]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def display_name(self) -> str:
        """The name in the reader's language (the English one when no Chinese name is given)."""
        return localized_name(self.name, self.name_zh)


# A company is found by its certifications' and awards' names in either language.
RECOGNITION_NAMES = [index.SearchField("name"), index.SearchField("name_zh")]


class Certification(Recognition):
    """E.g. "Professional Service Provider for Enterprises Going Global"."""


class Award(Recognition):
    """E.g. "CSR Excellence Award"."""


class CompanyIndexPage(IndexPageMixin, Page):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.CompanyProfilePage"]
    max_count_per_parent = 1
    per_page = 24

    content_panels = Page.content_panels + IndexPageMixin.panels

    listing_model_name = "news.CompanyProfilePage"
    card_template = "news/cards/company.html"

    class Meta:
        verbose_name = "company directory"


class CompanyProfilePage(TaggedPageMixin, ShareableMixin, Page):
    parent_page_types = ["news.CompanyIndexPage"]
    subpage_types = []

    name_zh = models.CharField("Chinese name", max_length=200, blank=True)
    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    home_country = models.CharField(max_length=100, blank=True, help_text='e.g. "Japan", "Norway".')
    website = models.URLField(
        blank=True,
        help_text="The company's own site. Staff compare its domain with the work e-mail of members "
        "who apply from this company.",
    )
    summary = models.TextField(blank=True, help_text="A paragraph on what the company does in China.")
    body = RichTextField(blank=True, features=["bold", "italic", "link", "ul", "ol", "h3"])

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("name_zh"),
            MultiFieldPanel(
                [FieldPanel("logo"), FieldPanel("home_country"), FieldPanel("website")], heading="Identity"
            ),
            FieldPanel("summary"),
            FieldPanel("body"),
            InlinePanel("certifications", label="Certification", heading="Certifications"),
            InlinePanel("awards", label="Award", heading="Awards"),
        ]
        + TaggedPageMixin.panels
    )
    promote_panels = Page.promote_panels + ShareableMixin.panels

    search_fields = Page.search_fields + [
        index.SearchField("name_zh"),
        index.SearchField("summary"),
        StreamTextField("body"),
        index.RelatedFields("certifications", [index.RelatedFields("certification", RECOGNITION_NAMES)]),
        index.RelatedFields("awards", [index.RelatedFields("award", RECOGNITION_NAMES)]),
    ]
    api_fields = [
        APIField("name_zh"),
        APIField("logo", serializer=image_field()),
        APIField("home_country"),
        APIField("website"),
        APIField("summary"),
        APIField("body"),
        APIField("certifications", serializer=LabelsField()),
        APIField("awards", serializer=LabelsField()),
        *TaggedPageMixin.api_fields,
        *ShareableMixin.api_fields,
    ]

    class Meta:
        verbose_name = "company profile"

    @classmethod
    def listing_prefetches(cls):
        return [image_prefetch("logo", "logo")]

    @property
    def name(self):
        return self.title

    @property
    def main_image(self):
        return self.logo

    monogram_tones = 6

    @property
    def monogram(self) -> str:
        """The initials shown in place of a logo: "DSV Air & Sea" -> "DA", "Siemens" -> "S"."""
        words = [word for word in self.title.split() if word[:1].isalnum()]
        return "".join(word[0] for word in words[:2]).upper()

    @property
    def monogram_tone(self) -> int:
        """One of the monogram colours, the same for a company on every page."""
        return self.pk % self.monogram_tones if self.pk else 0

    @cached_property
    def articles(self):
        """Articles that mention the company, newest first."""
        mentioning = ArticleCompany.article_ids_mentioning(self)
        return list(ArticlePage.listing_queryset(self.locale_id).filter(pk__in=mentioning)[:10])

    @cached_property
    def events(self):
        """Event reports the company took part in, hosted or organised, newest first."""
        key = self.translation_key
        involved = EventReportPage.objects.filter(
            Q(participating_companies__translation_key=key) | Q(organisers__company__translation_key=key)
        ).values("pk")
        return list(EventReportPage.listing_queryset(self.locale_id).filter(pk__in=involved))

    @cached_property
    def certification_list(self):
        return list(self.certifications.select_related("certification"))

    @cached_property
    def award_list(self):
        """The awards held, each linking to the event (in the profile's language) it was presented at."""
        return links_in_language(list(self.awards.select_related("award", "event")), "event", self.locale_id)


class CompanyCertification(Orderable):
    company = ParentalKey(CompanyProfilePage, on_delete=models.CASCADE, related_name="certifications")
    certification = models.ForeignKey(Certification, on_delete=models.PROTECT, related_name="holders")
    year = models.PositiveSmallIntegerField(null=True, blank=True)

    panels = [FieldPanel("certification"), FieldPanel("year")]

    class Meta(Orderable.Meta):
        unique_together = [("company", "certification")]

    def __str__(self):
        # In the reader's language: the company page's JSON-LD and the API list these labels.
        name = self.certification.display_name
        return f"{name} ({self.year})" if self.year else name


class CompanyAward(Orderable):
    company = ParentalKey(CompanyProfilePage, on_delete=models.CASCADE, related_name="awards")
    award = models.ForeignKey(Award, on_delete=models.PROTECT, related_name="recipients")
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    event = models.ForeignKey(
        "news.EventReportPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="awards_given",
        help_text="The event at which the award was presented, if any.",
    )
    citation = models.CharField(max_length=255, blank=True, help_text="The case or project recognised.")

    panels = [FieldPanel("award"), FieldPanel("year"), FieldPanel("event"), FieldPanel("citation")]

    def __str__(self):
        name = self.award.display_name
        return f"{name} ({self.year})" if self.year else name
