"""Search on the database backend (no ELASTICSEARCH_URL): bulk writes and query latency on SQLite.

Builds the demo site plus BENCH_DATABASE_ARTICLES synthetic articles (default 20,000)
with ``generate_content``'s writer, whose batches also reach Wagtail's search index
(the text index this backend reads), and prints the articles written per second.
Then prints p50/p95 over RUNS searches and the SQL queries each one made, for: two
words with an industry and a district selected (the goal is under 150 ms at 20,000),
the words alone, browsing an industry without words, a misspelling (its fuzzy retry),
a Chinese name, and suggestions. SQLite runs in this process, so the CPU time per search
is printed beside wall time: on a shared machine it is the steadier figure.
"""

import os
import statistics
import tempfile
import time
from functools import partial
from pathlib import Path

from bench.setup import setup_django

ARTICLES = int(os.environ.get("BENCH_DATABASE_ARTICLES", "20000"))
RUNS = 50


def _percentile(values: list[float], p: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def _timed(label: str, call) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    call()  # warm: content types, labels
    wall, cpu = [], []
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as captured:
            started, cpu_started = time.perf_counter(), time.process_time()
            answer = call()
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
    total = getattr(answer, "total", len(answer) if isinstance(answer, list) else 0)
    print(
        f"  {label:<42} p50 {_percentile(wall, 50):6.1f} ms  p95 {_percentile(wall, 95):6.1f} ms"
        f"  (cpu p50 {_percentile(cpu, 50):6.1f}  p95 {_percentile(cpu, 95):6.1f})"
        f"  {len(captured):3d} queries  {total:6,} results",
        flush=True,
    )


def run() -> None:
    os.environ["ELASTICSEARCH_URL"] = ""
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(Path(tmp) / "database_search.sqlite3")
        from django.conf import settings
        from django.core.management import call_command

        from news.models import District, Industry
        from news.synthetic import generate_articles
        from search.queries import SearchRequest, search, suggest

        call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        started = time.perf_counter()
        generate_articles(ARTICLES, seed=7)
        elapsed = time.perf_counter() - started
        print(
            f"generate_content: {ARTICLES:,} articles with Wagtail's index in {elapsed:.1f} s "
            f"({ARTICLES / elapsed:,.0f} articles/s)"
        )
        industry = Industry.objects.get(slug="logistics").slug
        district = District.objects.get(slug="changning").slug
        print(f"database backend at {ARTICLES:,} articles on SQLite ({RUNS} runs each):")
        # As the search page asks for an English reader: English documents first.
        reader = partial(SearchRequest, language=settings.LANGUAGE_CODE)
        cases = [
            ("logistics hongqiao + industry + district", reader(
                q="logistics hongqiao", industries=(industry,), districts=(district,))),
            ("logistics hongqiao", reader(q="logistics hongqiao")),
            ("industry, no words (newest first)", reader(industries=(industry,))),
            ("logistcs (misspelt: fuzzy retry)", reader(q="logistcs")),
            ("无印良品", reader(q="无印良品")),
        ]  # fmt: skip
        for label, request in cases:
            _timed(label, lambda request=request: search(request))
        _timed("suggestions: hongq", lambda: suggest("hongq"))


if __name__ == "__main__":
    run()
