"""Running the judged queries through the public search API on each backend, and the figures.

The OpenSearch backend reads an index that ``search_index --rebuild`` bulk loads; the database
backend reads Wagtail's own search index. Both answer ``search.queries.search``.
"""

import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings

import yaml

from search.client import get_client
from search.queries import SearchRequest, search

from .corpus import Corpus
from .metrics import CUTOFF, ndcg, reciprocal_rank

QUERIES_FILE = Path(__file__).with_name("queries.yaml")
OPENSEARCH = "opensearch"
DATABASE = "database"
BACKENDS = (OPENSEARCH, DATABASE)
# What ``SearchResults.backend`` says for each: a search that fell back to the database during
# an outage must not be counted as the engine's answer.
ANSWERED_BY = {OPENSEARCH: "elasticsearch", DATABASE: "database"}
# Relevance, not latency, is measured here: a node busy with other work must not time out.
TIMEOUT_SECONDS = 60


@dataclass(frozen=True)
class JudgedQuery:
    q: str
    group: str
    grades: dict[str, int]

    @property
    def ideal(self) -> set[str]:
        best = max(self.grades.values())
        return {slug for slug, grade in self.grades.items() if grade == best}


def load_queries() -> list[JudgedQuery]:
    """The judged queries of queries.yaml."""
    return [JudgedQuery(**entry) for entry in yaml.safe_load(QUERIES_FILE.read_text())]


@dataclass(frozen=True)
class QueryResult:
    query: JudgedQuery
    ranked: list[tuple[str, str]]  # (slug or document id, title), best first
    total: int

    @property
    def keys(self) -> list[str]:
        return [key for key, _ in self.ranked]

    @property
    def ndcg(self) -> float:
        return ndcg(self.keys, self.query.grades)

    @property
    def reciprocal_rank(self) -> float:
        return reciprocal_rank(self.keys, self.query.grades)

    def above_ideal(self) -> list[tuple[str, str]]:
        """The results ranked above the first ideal document (all of them when it is missing)."""
        ideal = self.query.ideal
        for rank, (key, _) in enumerate(self.ranked):
            if key in ideal:
                return self.ranked[:rank]
        return self.ranked


@dataclass(frozen=True)
class BackendReport:
    backend: str
    results: list[QueryResult]

    @property
    def ndcg(self) -> float:
        return statistics.fmean(result.ndcg for result in self.results)

    @property
    def mrr(self) -> float:
        return statistics.fmean(result.reciprocal_rank for result in self.results)

    def groups(self) -> dict[str, "BackendReport"]:
        """The same report split by query group, in queries.yaml order."""
        names = dict.fromkeys(result.query.group for result in self.results)
        return {
            name: BackendReport(self.backend, [r for r in self.results if r.query.group == name])
            for name in names
        }

    def worst(self, count: int) -> list[QueryResult]:
        return sorted(self.results, key=lambda result: (result.ndcg, result.reciprocal_rank))[:count]


@contextmanager
def on_backend(backend: str, engine_url: str, index_prefix: str) -> Iterator[None]:
    """Search settings that send ``search()`` to ``backend``."""
    url = engine_url if backend == OPENSEARCH else ""
    with override_settings(
        ELASTICSEARCH_URL=url, ELASTICSEARCH_INDEX_PREFIX=index_prefix, ELASTICSEARCH_TIMEOUT=TIMEOUT_SECONDS
    ):
        cache.clear()  # no remembered outage of another run
        yield


def evaluate(backend: str, corpus: Corpus, queries: list[JudgedQuery]) -> BackendReport:
    """Every query through ``search()`` on the backend the settings select."""
    results = []
    for query in queries:
        answer = search(SearchRequest(q=query.q, per_page=CUTOFF))
        if answer.backend != ANSWERED_BY[backend]:
            raise RuntimeError(f"{query.q!r} was answered by {answer.backend}, not {backend}")
        ranked = [(corpus.key(hit.id), hit.title) for hit in answer.hits]
        results.append(QueryResult(query, ranked, answer.total))
    return BackendReport(backend, results)


def measure(corpus: Corpus, engine_url: str, index_prefix: str) -> dict[str, BackendReport]:
    """Index the corpus on the engine, then run every judged query on both backends."""
    queries = load_queries()
    reports = {}
    for backend in BACKENDS:
        with on_backend(backend, engine_url, index_prefix):
            if backend == OPENSEARCH:
                call_command("search_index", "--rebuild", stdout=StringIO())
            reports[backend] = evaluate(backend, corpus, queries)
    return reports


def drop_indices(engine_url: str, index_prefix: str) -> None:
    """Delete the indices ``measure`` built."""
    with on_backend(OPENSEARCH, engine_url, index_prefix):
        get_client().indices.delete(index=f"{index_prefix}-*", allow_no_indices=True, ignore_unavailable=True)


def summary(reports: dict[str, BackendReport], worst: int = 0) -> str:
    """nDCG@10 and MRR per backend and per query group; then the ``worst`` queries of each
    backend with what ranked above their ideal document."""
    groups = list(next(iter(reports.values())).groups())
    lines = [f"{'':<18}" + "".join(f"{name:>24}" for name in reports)]
    lines.append(f"{'':<18}" + "".join(f"{'nDCG@10':>14}{'MRR':>10}" for _ in reports))
    rows = [("all", dict(reports))]
    rows += [(group, {name: report.groups()[group] for name, report in reports.items()}) for group in groups]
    for label, by_backend in rows:
        count = len(next(iter(by_backend.values())).results)
        cells = "".join(f"{report.ndcg:>14.3f}{report.mrr:>10.3f}" for report in by_backend.values())
        lines.append(f"{label + f' ({count})':<18}{cells}")
    for name, report in reports.items():
        if not worst:
            break
        lines.append(f"\nworst queries on {name}:")
        for result in report.worst(worst):
            lines.append(
                f"  {result.query.q!r} ({result.query.group}): nDCG@10 {result.ndcg:.3f}, "
                f"RR {result.reciprocal_rank:.3f}, {result.total} hits; ideal {sorted(result.query.ideal)}"
            )
            for key, title in result.above_ideal()[:5]:
                lines.append(f"      above it: {title} [{key}]")
    return "\n".join(lines)
