"""Fields that several page types share, each mixin bringing its own panels."""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.functional import cached_property

from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.forms.tags import TagField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField

from home.api_fields import TermsField, image_field
from maghub.pages import ViewRestrictionsInOneQuery, public
from news.listing import Listing


class VocabularyTagField(TagField):
    """The admin's tag field for a controlled vocabulary: an unknown term is an error, not dropped."""

    def clean(self, value):
        names = super(TagField, self).clean(value)  # taggit's parsing, before Wagtail's filtering
        if self.free_tagging or not names:
            return super().clean(value)
        known = set(self.tag_model.objects.filter(name__in=names).values_list("name", flat=True))
        known_lower = {name.lower() for name in known}
        unknown = [name for name in names if name.lower() not in known_lower]
        if unknown:
            vocabulary = self.tag_model._meta.verbose_name_plural
            raise ValidationError(
                "Not in the list of %(vocabulary)s: %(terms)s. Pick an existing term, "
                "or ask an editor to add it under Vocabulary.",
                code="unknown_term",
                params={"vocabulary": vocabulary, "terms": ", ".join(unknown)},
            )
        return super().clean(value)


class VocabularyField(ClusterTaggableManager):
    """A tag field usable on an abstract mixin: the reverse name is filled in per page type."""

    def contribute_to_class(self, cls, name):
        if not cls._meta.abstract:
            self.remote_field.related_name = f"{cls._meta.model_name}_{name}"
        super().contribute_to_class(cls, name)

    def formfield(self, form_class=TagField, **kwargs):
        if form_class is TagField:
            form_class = VocabularyTagField
        return super().formfield(form_class=form_class, **kwargs)

    @property
    def relation_name(self):
        """The reverse name of the through model on Page, e.g. "industry_relations"."""
        return self.through._meta.get_field("content_object").remote_field.related_name


class TaggedPageMixin(models.Model):
    """Industries and districts, from the editor-controlled vocabularies.

    Also the shape of a listing: `listing_queryset()` is what index pages, taxonomy
    pages, feeds and related-content boxes start from, with everything a card needs
    fetched in a constant number of queries.
    """

    industries = VocabularyField(through="news.PageIndustry", blank=True, verbose_name="industries")
    districts = VocabularyField(through="news.PageDistrict", blank=True, verbose_name="districts")

    panels = [
        MultiFieldPanel([FieldPanel("industries"), FieldPanel("districts")], heading="Taxonomy"),
    ]
    listing_ordering = ("-first_published_at",)
    api_fields = [
        APIField("industries", serializer=TermsField(source="industry_list")),
        APIField("districts", serializer=TermsField(source="district_list")),
    ]

    class Meta:
        abstract = True

    @classmethod
    def vocabulary_fields(cls):
        return [field for field in cls._meta.get_fields() if isinstance(field, VocabularyField)]

    @classmethod
    def listing_prefetches(cls):
        """Extra lookups a listing card of this type needs (images, bylines...)."""
        return []

    @classmethod
    def listing_queryset(cls):
        """Public live pages of this type, newest first, ready to render as cards."""
        term_prefetches = [
            Prefetch(field.relation_name, queryset=field.through.objects.select_related("tag"))
            for field in cls.vocabulary_fields()
        ]
        return (
            public(cls.objects.live())
            .prefetch_related(*term_prefetches, *cls.listing_prefetches())
            .order_by(*cls.listing_ordering, "-pk")
        )

    @classmethod
    def tagged_with(cls, term, queryset=None):
        """The listing (or `queryset`) narrowed to pages carrying one vocabulary term."""
        field = next(f for f in cls.vocabulary_fields() if f.related_model is type(term))
        queryset = cls.listing_queryset() if queryset is None else queryset
        return queryset.filter(**{f"{field.relation_name}__tag": term})

    def _terms(self, field_name):
        relation_name = self._meta.get_field(field_name).relation_name
        manager = getattr(self, relation_name)
        if relation_name in getattr(self, "_prefetched_objects_cache", {}):
            links = manager.all()
        else:
            links = manager.select_related("tag")
        return sorted((link.tag for link in links), key=lambda tag: tag.name)

    @cached_property
    def industry_list(self):
        return self._terms("industries")

    @cached_property
    def district_list(self):
        return self._terms("districts")

    @property
    def term_list(self):
        return self.industry_list + self.district_list

    card_term_limit = 3

    @property
    def card_terms(self):
        """A card's chips, at most three: what and where first (the first industry, the first
        district), then the others."""
        industries, districts = self.industry_list, self.district_list
        ordered = industries[:1] + districts[:1] + industries[1:] + districts[1:]
        return ordered[: self.card_term_limit]


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


class IndexPageMixin(ViewRestrictionsInOneQuery, models.Model):
    """An index page: an intro, then its children filtered, newest first, paginated."""

    intro = models.TextField(blank=True)
    per_page = 12
    listing_model_name = ""  # "app_label.ModelName" of the pages listed
    card_template = ""  # how one of them is shown in the listing

    panels = [FieldPanel("intro")]

    class Meta:
        abstract = True

    @property
    def listing_model(self):
        return apps.get_model(self.listing_model_name)

    def get_template(self, request, *args, **kwargs):
        return "news/index_page.html"  # one template for every index; cards differ

    def listed_pages(self):
        """The children the listing pages through (an index may hold some back to show apart)."""
        return self.listing_model.listing_queryset().child_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = Listing(self.listed_pages(), request.GET, per_page=self.per_page)
        return context
