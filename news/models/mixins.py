"""What the news page types share: vocabulary terms and index pages, each mixin bringing its own panels."""

import json
import operator
from functools import reduce

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.utils.functional import cached_property

from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.forms.tags import TagField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.widgets import AdminTagWidget
from wagtail.api import APIField

from maghub.api_fields import TermsField
from maghub.pages import NEWEST_FIRST, ViewRestrictionsInOneQuery, in_language, public
from news.listing import Listing


class VocabularyTagWidget(AdminTagWidget):
    """Wagtail's tag widget, suggesting the vocabulary's terms as the editor types.

    Enter picks the highlighted suggestion, or, when there is none, turns what was typed into a
    term: with Wagtail's "autocomplete only" mode such a term vanished without a word. The field
    then refuses a term the vocabulary does not have, with a message naming it.
    """

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        options = json.loads(widget_attrs["data-w-tag-options-value"])
        widget_attrs["data-w-tag-options-value"] = json.dumps({**options, "autocompleteOnly": False})
        widget_attrs["data-vocabulary"] = ""  # news/static/news/admin/vocabulary-field.js
        vocabulary = self.tag_model._meta.verbose_name_plural
        context["widget"]["help_text"] = (
            f"Type a few letters and pick one of the {vocabulary} suggested, or type a whole term and "
            "press Enter. Only terms listed under Vocabulary are accepted."
        )
        return context


class VocabularyTagField(TagField):
    """The admin's tag field for a controlled vocabulary: an unknown term is an error, not dropped,
    and a term typed in another case is saved as the vocabulary spells it."""

    widget = VocabularyTagWidget

    def clean(self, value):
        names = super(TagField, self).clean(value)  # taggit's parsing, before Wagtail's filtering
        if self.free_tagging or not names:
            return super().clean(value)
        known = {
            name.lower(): name
            for name in self.tag_model.objects.filter(
                reduce(operator.or_, (Q(name__iexact=name) for name in names))
            ).values_list("name", flat=True)
        }
        unknown = [name for name in names if name.lower() not in known]
        if unknown:
            vocabulary = self.tag_model._meta.verbose_name_plural
            raise ValidationError(
                "%(terms)s: not in the list of %(vocabulary)s. Pick an existing term, "
                "or ask an editor to add it under Vocabulary.",
                code="unknown_term",
                params={"vocabulary": vocabulary, "terms": ", ".join(f"“{name}”" for name in unknown)},
            )
        return list(dict.fromkeys(known[name.lower()] for name in names))


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

    industries = VocabularyField(
        through="news.PageIndustry",
        blank=True,
        verbose_name="industries",
        help_text="The sectors this page is about. The page is listed on each industry's page "
        "and feed, and readers filter listings and search by them.",
    )
    districts = VocabularyField(
        through="news.PageDistrict",
        blank=True,
        verbose_name="districts",
        help_text="The Shanghai districts this page is about, listed the same way as industries.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("industries"), FieldPanel("districts")], heading="Industries and districts"
        ),
    ]
    listing_ordering = NEWEST_FIRST
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
    def listing_queryset(cls, locale=None):
        """Public live pages of this type in one language (`locale`, else the reader's), newest
        first, ready to render as cards."""
        term_prefetches = [
            Prefetch(field.relation_name, queryset=field.through.objects.select_related("tag"))
            for field in cls.vocabulary_fields()
        ]
        return (
            in_language(public(cls.objects.live()), locale)
            .prefetch_related(*term_prefetches, *cls.listing_prefetches())
            .order_by(*cls.listing_ordering)
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
        return self.listing_model.listing_queryset(self.locale_id).child_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = Listing(self.listed_pages(), request.GET, per_page=self.per_page)
        return context
