"""Industry and District: controlled vocabularies shared by every page type."""

from django.db import models

from modelcluster.fields import ParentalKey
from taggit.models import TagBase, TaggedItemBase


class VocabularyTerm(TagBase):
    """A term editors manage in the admin; writers can only pick existing ones."""

    free_tagging = False

    name_zh = models.CharField("Chinese name", max_length=100, blank=True)
    description = models.TextField(blank=True)

    class Meta:
        abstract = True
        ordering = ["name"]


class Industry(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name_plural = "industries"


class District(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        pass


class PageIndustry(TaggedItemBase):
    tag = models.ForeignKey(Industry, related_name="page_relations", on_delete=models.CASCADE)
    content_object = ParentalKey(
        "wagtailcore.Page", related_name="industry_relations", on_delete=models.CASCADE
    )


class PageDistrict(TaggedItemBase):
    tag = models.ForeignKey(District, related_name="page_relations", on_delete=models.CASCADE)
    content_object = ParentalKey(
        "wagtailcore.Page", related_name="district_relations", on_delete=models.CASCADE
    )
