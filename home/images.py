"""The site's image model: every photo carries its credit, wherever it is used."""

from django.db import models
from django.db.models import Prefetch

from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CreditedImage(AbstractImage):
    credit = models.CharField(
        max_length=255, blank=True, help_text='Photographer and agency, e.g. "Dong Jun / SHINE".'
    )
    alt_text = models.CharField(
        max_length=255, blank=True, help_text="Describe the picture for readers who cannot see it."
    )

    admin_form_fields = (*Image.admin_form_fields, "alt_text", "credit")

    @property
    def default_alt_text(self):
        return self.alt_text or self.title


class CreditedRendition(AbstractRendition):
    image = models.ForeignKey(CreditedImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


# Rendition specs used by listing cards; templates use the same literals in {% image %}.
CARD_RENDITION = "fill-640x360"
LOGO_RENDITION = "max-240x120"


def image_prefetch(field_name, *filter_specs):
    """Prefetch an image foreign key together with the renditions a template will ask for."""
    return Prefetch(field_name, queryset=CreditedImage.objects.prefetch_renditions(*filter_specs))
