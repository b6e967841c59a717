"""What only the database backend promises: a fixed number of queries, and corrections
that replace only the words matching nothing (the contract tests hold both backends to the rest)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from news.models import District, Industry
from search.queries import SearchRequest, search

pytestmark = pytest.mark.parametrize("backend", ["database"], indirect=True)

HUB = "DSV opens a logistics hub in Hongqiao"


def queries_for(request: SearchRequest) -> tuple[int, int]:
    """(SQL queries, facet values) of one search."""
    with CaptureQueriesContext(connection) as captured:
        results = search(request)
    return len(captured), sum(len(values) for values in results.facets.values())


def test_query_count_does_not_grow_with_facet_values(corpus, backend):
    request = SearchRequest(q="logistics", industries=("logistics",), districts=("minhang",))
    search(request)  # content types and the like, cached once per process
    before, values_before = queries_for(request)
    for n in range(8):
        industry = Industry.objects.create(name=f"Industry {n}", slug=f"industry-{n}")
        district = District.objects.create(name=f"District {n}", slug=f"district-{n}")
        for page in corpus.values():
            page.industries.add(industry)
            page.districts.add(district)
            page.save_revision().publish()
    search(request)  # the vocabularies' names, read again once after their terms changed
    after, values_after = queries_for(request)
    assert values_after >= values_before + 16
    assert after == before


def test_a_misspelt_word_is_corrected_and_the_correction_highlighted(corpus, backend):
    results = search(SearchRequest(q="hongqaio"))
    assert results.corrected_query == "hongqiao"
    [hit] = results.hits
    assert hit.title == HUB
    assert "<mark>Hongqiao</mark>" in hit.title_html


def test_only_the_words_matching_nothing_are_replaced(corpus, backend):
    results = search(SearchRequest(q="Logistics hongqaio"))
    assert results.corrected_query == "Logistics hongqiao"
    assert [hit.title for hit in results.hits] == [HUB]


def test_a_correctly_spelled_word_is_never_corrected(corpus, backend):
    # "retailer" is close to the title word "retail", and matches only outside the selection.
    results = search(SearchRequest(q="retailer", industries=("logistics",)))
    assert (results.total, results.corrected_query) == (0, None)
    assert search(SearchRequest(q="retailer")).corrected_query is None


def test_no_correction_is_claimed_when_the_corrected_words_find_nothing(corpus, backend):
    results = search(SearchRequest(q="hongqaio", industries=("food",)))
    assert (results.total, results.corrected_query) == (0, None)


def test_titles_holding_the_words_rank_first(corpus, backend):
    titles = [hit.title for hit in search(SearchRequest(q="logistics")).hits]
    # Both titles hold the word; the newer comes first. The company's text only mentions it.
    assert titles[:2] == [HUB, "Logistics costs fall in the Yangtze delta"]
