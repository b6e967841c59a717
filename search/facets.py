"""The facets' values: where they come from, and the counts of either backend turned into
labelled values.

Which facets there are, in which order, and the document field each one reads is defined
once, in :data:`search.documents.FACET_FIELDS` (``FACETS`` in queries.py is its keys).
Their values: ``type`` holds document kinds (labelled by :data:`search.queries.KIND_LABELS`);
the facets in :data:`VOCABULARIES` hold slugs of a news vocabulary (labelled by its names);
``year`` labels itself.
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models import Model

from news.models import District, Industry

from .queries import FACETS, KIND_LABELS, FacetValue, SearchRequest

VOCABULARIES = {"industry": Industry, "district": District}


def tagging_model(facet: str) -> type[Model]:
    """The model tagging pages with a vocabulary facet's terms (e.g. ``PageIndustry``)."""
    return VOCABULARIES[facet]._meta.get_field("page_relations").related_model


def _names_key(facet: str) -> str:
    return f"search:vocabulary-names:{facet}"


def vocabulary_names(facet: str) -> dict[str, str]:
    """Slug -> name of every term of a vocabulary facet, in the vocabulary's order.

    Read on every search (form choices and facet labels), so kept in the shared cache until a
    term is saved or deleted (:func:`forget_vocabulary_names`).
    """
    names = cache.get(_names_key(facet))
    if names is None:
        names = dict(VOCABULARIES[facet].objects.values_list("slug", "name"))
        cache.set(_names_key(facet), names, timeout=None)
    return names


def forget_vocabulary_names(sender: type[Model], **kwargs) -> None:
    """A term was saved or deleted: the next search reads its vocabulary afresh. Forgotten now
    (this transaction's own searches) and again once committed (a search in between may have
    cached the names as they were before the commit)."""
    for facet, model in VOCABULARIES.items():
        if issubclass(sender, model):
            cache.delete(_names_key(facet))
            transaction.on_commit(lambda facet=facet: cache.delete(_names_key(facet)))


def _labels(facet: str, values: list[str]) -> dict[str, str]:
    if facet == "type":
        return {value: KIND_LABELS.get(value, value) for value in values}
    if facet in VOCABULARIES:
        return vocabulary_names(facet)
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
