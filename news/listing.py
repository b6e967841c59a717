"""Filtering and paginating a listing of pages by the Industry and District vocabularies.

Shared by the news, company and event index pages: the query parameters are the
vocabularies' `query_param` (`?industry=logistics&district=changning`), combinable,
validated (an unknown slug is reported, not a server error), and the result is a
keyset page (`news.pagination`), as fast deep in the archive as on page 1.
"""

from dataclasses import dataclass
from functools import reduce

from django.utils.translation import gettext

from maghub.content_cache import cached
from news.pagination import keyset_page


@dataclass
class TermFilter:
    """One vocabulary's filter: its choices, the term picked, and a message if the pick was unknown."""

    param: str
    label: str
    relation_name: str
    choices: list
    selected: object = None
    error: str = ""

    @classmethod
    def from_field(cls, field, params):
        vocabulary = field.related_model
        choices = cached(
            f"choices-{vocabulary._meta.label_lower}", lambda: list(vocabulary.objects.order_by("name"))
        )
        filter_ = cls(
            param=vocabulary.query_param,
            label=vocabulary._meta.verbose_name.capitalize(),
            relation_name=field.relation_name,
            choices=choices,
        )
        slug = params.get(filter_.param, "").strip()
        if slug:
            filter_.selected = next((term for term in choices if term.slug == slug), None)
            if filter_.selected is None:
                filter_.error = gettext(
                    "There is no %(vocabulary)s called “%(slug)s”; showing every %(vocabulary)s."
                ) % {"vocabulary": vocabulary._meta.verbose_name, "slug": slug[:60]}
        return filter_

    def apply(self, queryset):
        if self.selected is None:
            return queryset
        return queryset.filter(**{f"{self.relation_name}__tag": self.selected})


class Listing:
    """A page of `queryset` after the vocabulary filters found in `params` are applied."""

    def __init__(self, queryset, params, per_page):
        self.filters = [TermFilter.from_field(field, params) for field in queryset.model.vocabulary_fields()]
        for term_filter in self.filters:
            queryset = term_filter.apply(queryset)
        self.page = keyset_page(queryset, params, per_page)

    @property
    def items(self):
        return self.page.object_list

    @property
    def errors(self):
        return [f.error for f in self.filters if f.error]

    @property
    def selected_terms(self):
        return [f.selected for f in self.filters if f.selected is not None]

    @property
    def selected_terms_text(self) -> str:
        """The picked terms in words, e.g. "Logistics and Changning"."""
        names = [term.name for term in self.selected_terms]
        join = gettext("%(first)s and %(second)s")
        return reduce(lambda first, second: join % {"first": first, "second": second}, names) if names else ""

    @property
    def is_filtered(self):
        return bool(self.selected_terms)
