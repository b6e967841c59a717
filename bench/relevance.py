"""Relevance on both backends: nDCG@10 and MRR of the judged query set in tests/search/relevance/
(its fixed corpus plus generated noise), overall and per query group, then the worst queries
with what ranked above their ideal document. Uses its own SQLite file in a temp directory and
its own OpenSearch node (scripts/search-engine.sh)."""

import logging
import tempfile
import time
from pathlib import Path

from bench.setup import setup_django

WORST = 8


def run() -> None:
    from tests.search_engine import SearchEngine

    with tempfile.TemporaryDirectory() as tmp, SearchEngine.start() as engine:
        setup_django(Path(tmp) / "bench.sqlite3")
        from tests.search.relevance.corpus import build_corpus
        from tests.search.relevance.evaluation import measure, summary

        logging.getLogger("wagtail").setLevel(logging.WARNING)
        started = time.perf_counter()
        corpus = build_corpus()
        print(
            f"corpus: {len(corpus.slugs)} fixed documents and {corpus.noise:,} generated articles "
            f"in {time.perf_counter() - started:.1f} s",
            flush=True,
        )
        started = time.perf_counter()
        reports = measure(corpus, engine.url, "bench-relevance")
        queries = len(next(iter(reports.values())).results)
        print(f"{queries} judged queries on {len(reports)} backends in {time.perf_counter() - started:.1f} s")
        print(summary(reports, worst=WORST))
