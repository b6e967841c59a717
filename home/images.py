"""The site's image model: every photo carries its credit, wherever it is used."""

from django.db import models

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

    def __setstate__(self, state):
        # A rendition is only ever unpickled out of the cache. Wagtail writes back every
        # rendition it found that is not marked as coming from there (it marks prefetched
        # ones only), which would make each page read rewrite the cache.
        super().__setstate__(state)
        self._from_cache = True
