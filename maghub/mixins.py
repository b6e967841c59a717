"""The share image every public page type carries (the home page and the news pages)."""

from django.conf import settings
from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField

from maghub.api_fields import image_field
from maghub.pages import ViewRestrictionsInOneQuery


class ShareableMixin(ViewRestrictionsInOneQuery, models.Model):
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
