"""Industry and District: controlled vocabularies shared by every page type."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from taggit.models import TagBase, TaggedItemBase
from wagtail.admin.panels import FieldPanel

from maghub.i18n import content_language, localized_name


class VocabularyTerm(TagBase):
    """A term editors manage in the admin; writers can only pick existing ones."""

    free_tagging = False
    query_param = ""  # per vocabulary: the listing's query parameter and the stem of its URL names

    name_zh = models.CharField("Chinese name", max_length=100, blank=True)
    description = models.TextField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("name_zh"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def get_absolute_url(self):
        return reverse(f"news:{self.query_param}", args=[self.slug])

    @property
    def display_name(self) -> str:
        """The term's name in the active language: the Chinese name in Chinese when editors gave
        one, else the English name."""
        return localized_name(self.name, self.name_zh)

    @property
    def summary(self) -> str:
        """The term page's meta description: the editors' description, else what the page lists."""
        return self.description or gettext(
            "News, company profiles and event reports on %(term)s from %(site)s."
        ) % {"term": self.display_name, "site": settings.WAGTAIL_SITE_NAME}

    @property
    def feed_url(self):
        return reverse(f"news:{self.query_param}_feed", args=[self.slug])

    @classmethod
    def with_page_counts(cls) -> list:
        """The terms some live page in the active language carries, by name in that language, with
        how many: a term nothing carries yet would be a dead end in the list."""
        live = Q(
            page_relations__content_object__live=True,
            page_relations__content_object__locale__language_code=content_language(),
        )
        counted = cls.objects.annotate(page_count=Count("page_relations", filter=live))
        return sorted(counted.filter(page_count__gt=0), key=lambda term: term.display_name)

    @classmethod
    def index_url(cls):
        return reverse(f"news:{cls.query_param}_list")

    def tagged(self, page_model):
        """Live public pages of `page_model` in the active language carrying this term, newest first."""
        return page_model.tagged_with(self)


class Industry(VocabularyTerm):
    query_param = "industry"

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("industry")
        verbose_name_plural = _("industries")


class District(VocabularyTerm):
    query_param = "district"

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")


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
