"""The "Missing translations" admin report: live pages that readers of another language cannot read.

A page counts as translated into a language when a live page with its translation key is in that
language's tree; an alias there (the same page in the other tree, not rewritten) does not count.
For each missing language the report links to the translation's draft when one was started, to
simple_translation's "Translate" otherwise.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Locale, Page

from home.reports import PAGE_TYPE

TRANSLATOR_PERMISSION = "simple_translation.submit_translation"


def _translations_in(locale: Locale) -> QuerySet:
    """Pages of `locale` sharing the outer page's translation key, aliases left out."""
    return Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale=locale, alias_of__isnull=True
    )


def missing_translations(pages: QuerySet, locales: list[Locale]) -> QuerySet:
    """The live pages of `pages` (aliases and the tree's root left out) that lack a live translation
    in one of `locales` other than their own: one query, whatever the number of pages.

    Each page is annotated, per locale, with `live_in_<locale pk>` and `draft_in_<locale pk>` (the
    pk of its translation there, live or not), which `MissingTranslation.of` reads.
    """
    annotations = {}
    lacking = Q()
    for locale in locales:
        annotations[f"live_in_{locale.pk}"] = Exists(_translations_in(locale).filter(live=True))
        annotations[f"draft_in_{locale.pk}"] = Subquery(_translations_in(locale).values("pk")[:1])
        lacking |= Q(**{f"live_in_{locale.pk}": False}) & ~Q(locale=locale)
    return (
        pages.live()
        .filter(depth__gt=1, alias_of__isnull=True)
        .annotate(**annotations)
        .filter(lacking)
        .select_related("locale", "content_type")
        .order_by("path")
    )


@dataclass(frozen=True)
class MissingTranslation:
    """One language a page is not live in, and the draft translation already started, if any."""

    locale: Locale
    draft_pk: int | None

    @classmethod
    def of(cls, page: Page, locales: list[Locale]) -> list["MissingTranslation"]:
        """The languages a page from `missing_translations` lacks."""
        return [
            cls(locale, getattr(page, f"draft_in_{locale.pk}"))
            for locale in locales
            if locale.pk != page.locale_id and not getattr(page, f"live_in_{locale.pk}")
        ]


class MissingTranslationsFilterSet(WagtailFilterSet):
    """The page's own language (WagtailFilterSet adds the locale filter to translatable models)."""

    class Meta:
        model = Page
        fields = []


class MissingTranslationsView(PageReportView):
    page_title = "Missing translations"
    header_icon = "globe"
    results_template_name = "home/reports/missing_translations_results.html"
    index_url_name = "missing_translations_report"
    index_results_url_name = "missing_translations_report_results"
    filterset_class = MissingTranslationsFilterSet
    list_export = ["title", "locale", "missing_languages", PAGE_TYPE]
    export_headings = {"locale": "Language", "missing_languages": "Missing in", PAGE_TYPE: "Type"}

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(TRANSLATOR_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return "missing-translations"

    def get_queryset(self):
        self.locales = list(Locale.objects.order_by("pk"))
        pages = self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
        self.queryset = missing_translations(pages, self.locales)
        return super().get_queryset()

    def decorate_paginated_queryset(self, pages):
        for page in pages:
            page.missing = MissingTranslation.of(page, self.locales)
            page.missing_languages = ", ".join(gap.locale.get_display_name() for gap in page.missing)
        return pages
