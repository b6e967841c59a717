"""The facets' values: where they come from, and the counts of either backend turned into
labelled values.

Which facets there are, in which order, and the document field each one reads is defined
once, in :data:`search.documents.FACET_FIELDS` (``FACETS`` in queries.py is its keys).
Their values: ``type`` holds document kinds (labelled by :data:`search.queries.KIND_LABELS`);
``language`` content language codes (labelled by each language's own name); the facets in
:data:`VOCABULARIES` hold slugs of a news vocabulary (labelled by its names in the reader's
language); ``year`` labels itself.
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models import Model

from wagtail.coreutils import get_content_languages

from maghub.i18n import content_language, language_name
from news.models import District, Industry

from .queries import FACETS, KIND_LABELS, FacetValue, SearchRequest

VOCABULARIES = {"industry": Industry, "district": District}


def tagging_model(facet: str) -> type[Model]:
    """The model tagging pages with a vocabulary facet's terms (e.g. ``PageIndustry``)."""
    return VOCABULARIES[facet]._meta.get_field("page_relations").related_model


def _names_key(facet: str, language: str) -> str:
    return f"search:vocabulary-names:{facet}:{language}"


def vocabulary_names(facet: str) -> dict[str, str]:
    """Slug -> name in the reader's language of every term of a vocabulary facet, in the
    vocabulary's order.

    Read on every search (form choices and facet labels), so kept in the shared cache until a
    term is saved or deleted (:func:`forget_vocabulary_names`).
    """
    key = _names_key(facet, content_language())
    names = cache.get(key)
    if names is None:
        terms = VOCABULARIES[facet].objects.only("slug", "name", "name_zh")
        names = {term.slug: term.display_name for term in terms}
        cache.set(key, names, timeout=None)
    return names


def forget_vocabulary_names(sender: type[Model], **kwargs) -> None:
    """A term was saved or deleted: the next search reads its vocabulary afresh. Forgotten now
    (this transaction's own searches) and again once committed (a search in between may have
    cached the names as they were before the commit)."""
    for facet, model in VOCABULARIES.items():
        if issubclass(sender, model):
            keys = [_names_key(facet, language) for language in get_content_languages()]
            cache.delete_many(keys)
            transaction.on_commit(lambda keys=keys: cache.delete_many(keys))


def _labels(facet: str, values: list[str]) -> dict[str, str]:
    if facet == "type":
        return {value: KIND_LABELS.get(value, value) for value in values}
    if facet in VOCABULARIES:
        return vocabulary_names(facet)
    if facet == "language":
        return {value: language_name(value) for value in values if value in get_content_languages()}
    return {value: value for value in values}


def build_facets(request: SearchRequest, counts: dict[str, dict[str, int]]) -> dict[str, list[FacetValue]]:
    """Labelled facet values, most frequent first; a selected value stays listed even at zero."""
    selection = request.facet_selection()
    facets = {}
    for facet in FACETS:
        facet_counts = dict(counts.get(facet, {}))
        selected = set(selection.get(facet, ()))
        for value in selected:
            facet_counts.setdefault(value, 0)
        labels = _labels(facet, list(facet_counts))
        values = [
            FacetValue(value, labels.get(value, value), count, value in selected)
            for value, count in facet_counts.items()
            if value in labels or facet == "year"
        ]
        if facet == "year":
            values.sort(key=lambda v: v.value, reverse=True)
        else:
            values.sort(key=lambda v: (-v.count, v.label.lower()))
        facets[facet] = values
    return facets
