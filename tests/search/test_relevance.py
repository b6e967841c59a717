"""Relevance floors: nDCG@10 and MRR of the judged query set (tests/search/relevance/) on both
backends, over the fixed corpus and its generated noise, built once for the module."""

from django.db import transaction

import pytest
import yaml

from tests import search_engine as engine

from .relevance.corpus import CORPUS_FILE, build_corpus
from .relevance.evaluation import BACKENDS, DATABASE, OPENSEARCH, drop_indices, load_queries, measure, summary

# A little below what the search query measured when these were set (`python -m bench relevance`), so
# that a change ranking worse fails here; raise them when relevance improves.
FLOORS = {
    OPENSEARCH: {"ndcg": 0.95, "mrr": 0.97},
    DATABASE: {"ndcg": 0.85, "mrr": 0.88},
}


# The marker makes pytest-django create the test database; each test then runs in a savepoint
# inside the module's transaction.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def reports(django_db_setup, django_db_blocker, worker_id):
    """Both backends' reports; the corpus lives in a transaction rolled back afterwards."""
    url, prefix = engine.session_url(), f"relevance-{worker_id}"
    with django_db_blocker.unblock(), transaction.atomic():
        try:
            yield measure(build_corpus(), url, prefix)
        finally:
            transaction.set_rollback(True)
            drop_indices(url, prefix)


@pytest.mark.parametrize("backend", BACKENDS)
def test_relevance_stays_above_its_floors(reports, backend):
    report = reports[backend]
    figures = summary({backend: report}, worst=5)
    assert report.ndcg >= FLOORS[backend]["ndcg"], figures
    assert report.mrr >= FLOORS[backend]["mrr"], figures


def test_the_judged_set_covers_every_group_and_names_only_fixed_documents():
    corpus = yaml.safe_load(CORPUS_FILE.read_text())
    slugs = {entry["slug"] for kind in ("companies", "articles", "events") for entry in corpus[kind]}
    queries = load_queries()
    assert len(queries) >= 40
    assert {query.group for query in queries} == {
        "names", "places", "english", "phrases", "misspellings", "chinese"
    }  # fmt: skip
    assert {slug for query in queries for slug in query.grades} <= slugs
    assert all(query.grades and set(query.grades.values()) <= {1, 2} for query in queries)
