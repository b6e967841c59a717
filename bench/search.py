"""Search at 100,000 articles on a real OpenSearch node (scripts/search-engine.sh).

Prints: how fast MagHub prepares documents from the database (and the queries per
batch), the server's bulk indexing rate, and p50/p95 latency of a realistic query
(two words + two facet filters + four facets + highlight + recency) over 200 runs,
then the same figures for its parts, so a slow part shows.
Set BENCH_ARTICLES to change the size. Uses its own SQLite file in a temp directory.

The text is drawn from about a thousand English words with Zipf frequencies, as in real
prose: a query word matches from a fraction of a percent to a few percent of the
articles, not nearly all of them (which a few dozen equally likely words would do).
Timings on a shared machine are noisy: the server's CPU time per operation is printed
beside wall time, and comparing runs by ratio is safer than by absolute figures.
"""

import itertools
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from bench.setup import setup_django

ARTICLES = int(os.environ.get("BENCH_ARTICLES", "100000"))
QUERY_RUNS = 200
PART_RUNS = 50
BROWSE_RUNS = 20  # each aggregates and sorts every document
BATCH = 1000
STOPWORDS = {"a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
             "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these",
             "they", "this", "to", "was", "will", "with"}  # fmt: skip
WORDS = [
    "logistics",
    "warehouse",
    "freight",
    "retail",
    "flagship",
    "store",
    "factory",
    "investment",
    "expansion",
    "partnership",
    "sustainability",
    "carbon",
    "emissions",
    "supply",
    "chain",
    "semiconductor",
    "pharmaceutical",
    "research",
    "laboratory",
    "consumer",
    "brand",
    "launch",
    "market",
    "growth",
    "quarter",
    "revenue",
    "export",
    "import",
    "trade",
    "customs",
    "port",
    "airport",
    "hospital",
    "insurance",
    "banking",
    "fintech",
    "automotive",
    "electric",
    "vehicle",
    "battery",
    "chemical",
    "food",
    "beverage",
    "coffee",
    "dairy",
    "luxury",
    "fashion",
    "design",
    "education",
    "school",
    "talent",
    "hiring",
    "office",
    "headquarters",
    "campus",
]


def _vocabulary() -> list[str]:
    """Business words and Faker's English word list, shuffled: a word's rank sets its frequency."""
    from faker.providers.lorem.en_US import Provider

    words = list(dict.fromkeys([*WORDS, *Provider.word_list]))
    random.Random(3).shuffle(words)
    return words


VOCABULARY = _vocabulary()
_ZIPF = list(itertools.accumulate(1 / rank for rank in range(1, len(VOCABULARY) + 1)))
# What readers type: neither the commonest words nor the rarest.
QUERY_WORDS = [word for word in VOCABULARY[20:600] if word not in STOPWORDS]


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choices(VOCABULARY, cum_weights=_ZIPF, k=n)).capitalize() + "."


def _server_cpu(pid: int) -> float:
    """CPU seconds the server process has used (user + system)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _text(rng: random.Random, vocabulary) -> tuple[str, str, list]:
    """An article's title, standfirst and two paragraphs of Zipf-distributed words."""
    from wagtail.rich_text import RichText

    paragraphs = [("paragraph", RichText(f"<p>{_sentence(rng, 40)}</p>")) for _ in range(2)]
    return _sentence(rng, 7)[:-1], _sentence(rng, 20), paragraphs


def _generate(count: int) -> list[int]:
    """A site with companies, industries and districts, then news/synthetic.py's bulk articles."""
    from wagtail.models import Page, Site

    from home.models import HomePage
    from news.models import (
        ArticlePage,
        CompanyIndexPage,
        CompanyProfilePage,
        District,
        Industry,
        NewsIndexPage,
    )
    from news.synthetic import generate_articles

    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="MagHub", slug="bench-home"))
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    home.add_child(instance=NewsIndexPage(title="News", slug="news"))
    companies_index = home.add_child(instance=CompanyIndexPage(title="Companies", slug="companies"))
    for n in range(50):
        companies_index.add_child(
            instance=CompanyProfilePage(title=f"Company {n}", slug=f"company-{n}", name_zh="公司")
        )
    for word in WORDS[:12]:
        Industry.objects.create(name=word.title(), slug=word)
    for name in ("Changning", "Minhang", "Pudong", "Jingan"):
        District.objects.create(name=name, slug=name.lower())
    generate_articles(count, seed=42, text=_text)
    return list(ArticlePage.objects.order_by("pk").values_list("pk", flat=True))


def _percentile(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def _timed(label: str, call, requests: list, pid: int) -> None:
    call(requests[0])  # connection and caches warm
    timings = []
    cpu = _server_cpu(pid)
    for request in requests:
        started = time.perf_counter()
        call(request)
        timings.append((time.perf_counter() - started) * 1000)
    cpu_ms = (_server_cpu(pid) - cpu) * 1000 / len(requests)
    print(
        f"  {label:<58} p50 {_percentile(timings, 50):6.1f} ms  p95 {_percentile(timings, 95):6.1f} ms"
        f"  (server CPU {cpu_ms:5.1f} ms/query, {len(requests)} runs)",
        flush=True,
    )


def run() -> None:
    from tests.search_engine import SearchEngine

    with tempfile.TemporaryDirectory() as tmp, SearchEngine.start() as server:
        setup_django(Path(tmp) / "bench.sqlite3")
        import logging

        from django.conf import settings
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from elasticsearch.helpers import parallel_bulk

        from search.backends import elastic
        from search.client import alias_name, get_client
        from search.indexing import chunked, create_index, document_actions
        from search.queries import SearchRequest, search, suggest
        from search.sources import PageSource

        logging.getLogger("wagtail").setLevel(logging.WARNING)
        settings.ELASTICSEARCH_URL = server.url
        settings.ELASTICSEARCH_TIMEOUT = 60
        started = time.perf_counter()
        ids = _generate(ARTICLES)
        print(f"generated {len(ids):,} articles in the database in {time.perf_counter() - started:.1f} s")

        source = PageSource()
        actions: list[dict] = []
        queries_per_batch = set()
        started = time.perf_counter()
        for batch in chunked(ids, BATCH):
            with CaptureQueriesContext(connection) as captured:
                actions += document_actions(source.load(batch), alias_name())
            queries_per_batch.add(len(captured))
        prepare = time.perf_counter() - started
        print(
            f"MagHub document preparation: {len(actions) / prepare:,.0f} docs/s "
            f"({len(actions):,} docs, batches of {BATCH}, queries per batch: {sorted(queries_per_batch)})",
            flush=True,
        )

        client = get_client(timeout=300)
        index = alias_name() + "-bench"
        create_index(client, index)
        client.indices.put_alias(index=index, name=alias_name())
        started, cpu = time.perf_counter(), _server_cpu(server.pid)
        indexed = sum(
            ok for ok, _ in parallel_bulk(client, actions, thread_count=2, chunk_size=BATCH, queue_size=4)
        )
        client.indices.refresh(index=index)
        bulk, cpu = time.perf_counter() - started, _server_cpu(server.pid) - cpu
        print(
            f"server bulk indexing: {indexed / bulk:,.0f} docs/s ({indexed:,} docs in {bulk:.1f} s; "
            f"{indexed / cpu:,.0f} docs per server CPU second)",
            flush=True,
        )
        del actions

        rng = random.Random(7)
        industries, districts = WORDS[:12], ["changning", "minhang", "pudong", "jingan"]
        requests = [
            SearchRequest(
                q=f"{rng.choice(QUERY_WORDS)} {rng.choice(QUERY_WORDS)}",
                industries=(rng.choice(industries),),
                districts=(rng.choice(districts),),
            )
            for _ in range(QUERY_RUNS)
        ]
        hits = sorted(search(SearchRequest(q=r.q)).total for r in requests[:PART_RUNS])
        print(
            f"realistic query: two words + industry + district + 4 facets + highlight + recency "
            f"(the words alone match a median {hits[len(hits) // 2]:,}, p95 {_percentile(hits, 95):,.0f} "
            f"of {indexed:,} documents; totals are exact up to {elastic.TRACK_TOTAL_HITS:,})"
        )
        _timed("search(): the realistic query, as the site runs it", search, requests, server.pid)
        print("its parts (server round trips):")
        parts = requests[:PART_RUNS]
        plain = [SearchRequest(q=r.q) for r in parts]

        def without(*keys):
            def call(request):
                body = elastic.build_search(request).to_dict()
                for key in keys:
                    body.pop(key, None)
                return get_client().search(index=alias_name(), body=body)

            return call

        execute = {
            "text only (content match, title boost, audience, recency)": without("aggs", "highlight"),
            "+ highlight": without("aggs"),
            "+ 4 facets, none selected (one pass over the matches)": without(),
        }
        for label, call in execute.items():
            _timed(label, call, plain, server.pid)
        _timed(
            "+ industry and district selected (post_filter, a pass per selection)",
            lambda r: elastic.build_search(r).execute(),
            parts,
            server.pid,
        )
        browse = [SearchRequest(industries=r.industries) for r in parts[:BROWSE_RUNS]]
        _timed("no words, one industry, newest first (browsing)", search, browse, server.pid)
        prefixes = [r.q[: rng.randint(3, len(r.q))] for r in parts]
        _timed("suggest() on 3+ typed characters", lambda text: suggest(text), prefixes, server.pid)
