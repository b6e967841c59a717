"""Fields that several page types share, each mixin bringing its own panels."""

from django.conf import settings
from django.db import models
from django.utils.functional import cached_property

from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField

from home.api_fields import TermsField, image_field


class VocabularyField(ClusterTaggableManager):
    """A tag field usable on an abstract mixin: the reverse name is filled in per page type."""

    def contribute_to_class(self, cls, name):
        if not cls._meta.abstract:
            self.remote_field.related_name = f"{cls._meta.model_name}_{name}"
        super().contribute_to_class(cls, name)


class TaggedPageMixin(models.Model):
    """Industries and districts, from the editor-controlled vocabularies."""

    industries = VocabularyField(through="news.PageIndustry", blank=True, verbose_name="industries")
    districts = VocabularyField(through="news.PageDistrict", blank=True, verbose_name="districts")

    panels = [
        MultiFieldPanel([FieldPanel("industries"), FieldPanel("districts")], heading="Taxonomy"),
    ]
    api_fields = [
        APIField("industries", serializer=TermsField(source="industry_list")),
        APIField("districts", serializer=TermsField(source="district_list")),
    ]

    class Meta:
        abstract = True

    @cached_property
    def industry_list(self):
        return sorted(self.industries.all(), key=lambda tag: tag.name)

    @cached_property
    def district_list(self):
        return sorted(self.districts.all(), key=lambda tag: tag.name)


class ShareableMixin(models.Model):
    """What search engines and social apps show: a share image next to Wagtail's SEO fields."""

    share_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when the page is shared; falls back to the page's main image.",
    )

    panels = [FieldPanel("share_image")]
    api_fields = [APIField("share_image", serializer=image_field(source="effective_share_image"))]

    class Meta:
        abstract = True

    @property
    def main_image(self):
        """The picture that stands for the page in listings and shares (overridden per type)."""
        return None

    @property
    def effective_share_image(self):
        return self.share_image or self.main_image


class IndexPageMixin(models.Model):
    """An index page: an intro, then its children filtered, newest first, paginated."""

    intro = models.TextField(blank=True)
    per_page = 12

    panels = [FieldPanel("intro")]

    class Meta:
        abstract = True
