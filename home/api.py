"""The headless API (Wagtail API v2) at /api/v2/: public pages, images and documents.

Pages are live and public only, whoever asks: a logged-in editor or a visitor
who entered a page's password sees no more here than anyone else.
`?industry=<slug>&district=<slug>` filter pages by the vocabularies.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from rest_framework.filters import BaseFilterBackend

VOCABULARY_FILTERS = {
    "industry": "industry_relations__tag__slug",
    "district": "district_relations__tag__slug",
}


class VocabularyFilter(BaseFilterBackend):
    """?industry=<slug>&district=<slug>: pages tagged with both (one value each)."""

    def filter_queryset(self, request, queryset, view):
        wanted = {
            lookup: request.GET[name] for name, lookup in VOCABULARY_FILTERS.items() if request.GET.get(name)
        }
        for lookup, slug in wanted.items():
            queryset = queryset.filter(**{lookup: slug})
        return queryset.distinct() if wanted else queryset


class PublicPagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [VocabularyFilter, *PagesAPIViewSet.filter_backends]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(VOCABULARY_FILTERS)

    def get_base_queryset(self):
        return super().get_base_queryset().public()


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
# Wagtail's documents endpoint already leaves out documents in restricted collections.
api_router.register_endpoint("documents", DocumentsAPIViewSet)
