"""Event reports and their index."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from maghub.api_fields import LabelsField, PageLinksField, image_field
from maghub.blocks import GalleryBlock, StoryBodyBlock
from maghub.images import image_prefetch
from maghub.mixins import ShareableMixin
from maghub.pages import links_in_language, public, translations_in
from maghub.search_fields import StreamTextField
from news.models.mixins import IndexPageMixin, TaggedPageMixin


class EventIndexPage(IndexPageMixin, Page):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.EventReportPage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + IndexPageMixin.panels

    listing_model_name = "news.EventReportPage"
    card_template = "news/cards/event.html"
    upcoming_limit = 6

    class Meta:
        verbose_name = "event index"

    @staticmethod
    def _now():
        """The current minute: the listing's query, and so the key its page count is kept under,
        stays the same for a minute (with the second it changed, and was recounted, every request)."""
        return timezone.now().replace(second=0, microsecond=0)

    def listed_pages(self):
        """Past events; the ones still to come are shown above them (`upcoming`)."""
        return super().listed_pages().filter(start__lt=self._now())

    def upcoming(self):
        """Events still to come, soonest first."""
        soonest = super().listed_pages().filter(start__gte=self._now()).order_by("start")
        return list(soonest[: self.upcoming_limit])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = context["listing"]
        first_page = not listing.is_filtered and listing.page.number == 1
        context["upcoming"] = self.upcoming() if first_page else []
        return context


class EventReportPage(TaggedPageMixin, ShareableMixin, Page):
    parent_page_types = ["news.EventIndexPage"]
    subpage_types = []

    standfirst = models.TextField(blank=True)
    start = models.DateTimeField()
    end = models.DateTimeField(null=True, blank=True)
    venue = models.CharField(max_length=255, blank=True)
    lead_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    participating_companies = ParentalManyToManyField(
        "news.CompanyProfilePage",
        blank=True,
        related_name="events_attended",
        help_text="Companies that took part; each one's profile lists this event.",
    )
    body = StreamField(StoryBodyBlock(), blank=True)
    gallery = StreamField([("photos", GalleryBlock())], blank=True, max_num=1)

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("standfirst"),
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("venue")],
                heading="When and where",
            ),
            InlinePanel("organisers", label="Host or organiser", heading="Hosts and organisers"),
            FieldPanel("participating_companies"),
            FieldPanel("lead_image"),
            FieldPanel("body"),
            FieldPanel("gallery"),
        ]
        + TaggedPageMixin.panels
    )
    promote_panels = Page.promote_panels + ShareableMixin.panels

    search_fields = Page.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("venue"),
        StreamTextField("body"),
    ]
    api_fields = [
        APIField("standfirst"),
        APIField("start"),
        APIField("end"),
        APIField("venue"),
        APIField("lead_image", serializer=image_field()),
        APIField("organisers", serializer=LabelsField()),
        APIField("participating_companies", serializer=PageLinksField()),
        APIField("body"),
        *TaggedPageMixin.api_fields,
        *ShareableMixin.api_fields,
    ]

    class Meta:
        verbose_name = "event report"

    listing_ordering = ("-start", "-pk")

    @classmethod
    def listing_prefetches(cls):
        return [image_prefetch("lead_image", "card")]

    @property
    def event_name(self):
        return self.title

    @property
    def main_image(self):
        return self.lead_image

    @cached_property
    def companies(self):
        """The live public participating companies in the event's language, by name (the rail
        shows their names and countries)."""
        # A subquery for a saved event; the in-memory relation's keys for a preview.
        keys = self.participating_companies.values_list("translation_key", flat=True)
        companies = translations_in(self.participating_companies.model, keys, self.locale_id)
        return list(public(companies).order_by("title"))

    @cached_property
    def host_list(self):
        """Hosts and organisers, each linking to its profile in the event's language if it has one."""
        return links_in_language(list(self.organisers.select_related("company")), "company", self.locale_id)

    @cached_property
    def awards_presented(self):
        """Awards handed out at this event, with the companies that received them: each once, the
        company in this page's language when it is translated.

        An award names the event in one language, and a company's translation copies its awards,
        so every language version of the event and of the company is looked at (one query).
        """
        rows = self.awards_given.model.objects.filter(
            event__translation_key=self.translation_key, company__live=True
        ).select_related("award", "company")
        presented = {}
        for row in rows:
            key = (row.award_id, row.company.translation_key)
            if key not in presented or row.company.locale_id == self.locale_id:
                presented[key] = row
        return list(presented.values())

    @property
    def is_multi_day(self):
        return bool(self.end) and self.end.date() != self.start.date()

    def clean(self):
        super().clean()
        if self.end and self.start and self.end < self.start:
            raise ValidationError({"end": "The event cannot end before it starts."})


class EventOrganiser(Orderable):
    class Role(models.TextChoices):
        HOST = "host", _("Host")
        ORGANISER = "organiser", _("Organiser")
        CO_ORGANISER = "co-organiser", _("Co-organiser")
        SUPPORTER = "supporter", _("Supporting organisation")

    event = ParentalKey(EventReportPage, on_delete=models.CASCADE, related_name="organisers")
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.HOST)
    company = models.ForeignKey(
        "news.CompanyProfilePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events_organised",
        help_text="Link to the organisation's profile, if it has one.",
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("company")]

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"
