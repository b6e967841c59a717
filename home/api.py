"""The headless API (Wagtail API v2) at /api/v2/: public pages, images and documents.

Pages are live and public only, whoever asks: a logged-in editor or a visitor
who entered a page's password sees no more here than anyone else.
The pages listing holds every language; each page's `meta.locale` is its language code
("en-gb", "zh-hans"), `?locale=zh-hans` lists one language (an unknown code is a 404, as in
Wagtail), and `?translation_of=<id>` a page's translations (Wagtail's filters).
`?industry=<slug>&district=<slug>` filter pages by the vocabularies. `?search=` takes words
only (see maghub.search_text) and `?search_operator=` is "and" or "or"; anything else is a 400.
"""

from django.core.validators import slug_re

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from rest_framework.filters import BaseFilterBackend

from maghub.search_text import search_words

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
        if not all(slug_re.match(slug) for slug in wanted.values()):
            raise BadRequestError(f"{' and '.join(VOCABULARY_FILTERS)} take a slug")
        for lookup, slug in wanted.items():
            queryset = queryset.filter(**{lookup: slug})
        return queryset.distinct() if wanted else queryset


class WordSearchFilter(SearchFilter):
    """Wagtail's ``?search=``, with the operator checked and only the words of the text searched:
    Wagtail hands both to its backend unchecked (a ValueError, or FTS5 syntax errors, otherwise)."""

    OPERATORS = ("and", "or")

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return super().filter_queryset(request, queryset, view)
        operator = request.GET.get("search_operator", "").lower()
        if "search_operator" in request.GET and operator not in self.OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        words = search_words(request.GET["search"])
        if not words:
            return queryset.none()
        params = request.GET.copy()
        params["search"] = " ".join(words)
        if operator:
            params["search_operator"] = operator
        # Wagtail's filter reads the parameters from the request: give it the cleaned ones.
        request._request.GET = params
        return super().filter_queryset(request, queryset, view)


def _with_word_search(filter_backends: list) -> list:
    return [WordSearchFilter if backend is SearchFilter else backend for backend in filter_backends]


class PublicPagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [VocabularyFilter, *_with_word_search(PagesAPIViewSet.filter_backends)]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(VOCABULARY_FILTERS)

    def get_base_queryset(self):
        return super().get_base_queryset().public()

    def get_queryset(self):
        # Every page's `meta.locale` in the listing's query, not one query per page.
        return super().get_queryset().select_related("locale")


class WordSearchImagesAPIViewSet(ImagesAPIViewSet):
    filter_backends = _with_word_search(ImagesAPIViewSet.filter_backends)


class WordSearchDocumentsAPIViewSet(DocumentsAPIViewSet):
    filter_backends = _with_word_search(DocumentsAPIViewSet.filter_backends)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", WordSearchImagesAPIViewSet)
# Wagtail's documents endpoint already leaves out documents in restricted collections.
api_router.register_endpoint("documents", WordSearchDocumentsAPIViewSet)
