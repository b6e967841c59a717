"""Search at 100,000 articles on a real OpenSearch node (scripts/search-engine.sh).

Prints: how fast MagHub prepares documents from the database (and the queries per batch), the
rate of ``search_index --rebuild`` (documents read, prepared and bulk loaded into a new index),
then p50/p95 of a realistic query (two words + an industry and a district selected + the four
facets + highlight + recency) over 200 runs, its parts, browsing with no words and suggestions,
each against its goal, and MagHub's own share of a search request timed on recorded answers
(see bench/engine.py). Where a goal is missed, the engine's profile of the slowest request
follows. Set BENCH_ARTICLES to change the size, SEARCH_ENGINE_HEAP the engine's heap (4g
here). Uses its own SQLite file in a temp directory.

The text is drawn from about a thousand English words with Zipf frequencies, as in real
prose: a query word matches from a fraction of a percent to a few percent of the
articles, not nearly all of them (which a few dozen equally likely words would do).
Timings on a shared machine are noisy: beside wall time it prints the engine's own ``took``
and its CPU time per operation; comparing runs by ratio is safer than by absolute figures.
"""

import cProfile
import io
import itertools
import json
import os
import pstats
import random
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.engine import RECORDING_NODE, REPLAY_NODE, WIRE
from bench.setup import process_cpu, setup_django

ARTICLES = int(os.environ.get("BENCH_ARTICLES", "100000"))
QUERY_RUNS = 200
PART_RUNS = 50
WARM_RUNS = 300
BROWSE_RUNS = 50  # each aggregates and sorts every document
BATCH = 1000
# Issue 9's goals at 100,000 articles.
QUERY_GOAL_MS, BROWSE_GOAL_MS, SUGGEST_GOAL_MS, SHARE_GOAL_MS = 50, 100, 20, 5
BULK_GOAL = 3000
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


@dataclass
class Figure:
    """One timed operation: wall time and the engine's own ``took`` per call, in ms."""

    label: str
    wall: list[float]
    took: list[float]
    own: list[float]  # this process's CPU time per call
    cpu_ms: float | None = None  # the engine's CPU time per call
    goal_ms: float | None = None
    goal_on_own_cpu: bool = False  # judge MagHub's share by its CPU time: a busy machine adds waits

    @property
    def p95(self) -> float:
        return _percentile(self.own if self.goal_on_own_cpu else self.wall, 95)

    @property
    def missed(self) -> bool:
        return self.goal_ms is not None and self.p95 >= self.goal_ms

    def line(self) -> str:
        took = (
            f"  took p50 {_percentile(self.took, 50):5.1f} / p95 {_percentile(self.took, 95):5.1f}"
            if any(self.took)
            else ""
        )
        own = f"  MagHub CPU p50 {_percentile(self.own, 50):4.1f} / p95 {_percentile(self.own, 95):4.1f}"
        cpu = f"  engine CPU {self.cpu_ms:5.1f}/call" if self.cpu_ms is not None else ""
        goal = ""
        if self.goal_ms is not None:
            judged = "MagHub CPU" if self.goal_on_own_cpu else "wall"
            goal = f"  [goal: {judged} p95 < {self.goal_ms:g} ms: {'MISSED' if self.missed else 'met'}]"
        wall = f"wall p50 {_percentile(self.wall, 50):6.1f} / p95 {_percentile(self.wall, 95):6.1f}"
        return f"  {self.label:<52} {wall}{took}{own}{cpu}  ({len(self.wall)} runs){goal}"


def _timed(label: str, call, items: list, pid: int | None, goal_ms: float | None = None, **options) -> Figure:
    """Time ``call`` on each item after one warm-up call; prints and returns the figure.

    ``pid``: the engine's, to count its CPU time (None when the engine is not involved).
    """
    call(items[0])  # connection and caches warm
    wall, took, own = [], [], []
    cpu = process_cpu(pid) if pid else 0.0
    for item in items:
        mark = WIRE.mark()
        started, started_cpu = time.perf_counter(), time.process_time()
        call(item)
        wall.append((time.perf_counter() - started) * 1000)
        own.append((time.process_time() - started_cpu) * 1000)
        took.append(WIRE.took_since(mark))
    cpu_ms = (process_cpu(pid) - cpu) * 1000 / len(items) if pid else None
    figure = Figure(label, wall, took, own, cpu_ms, goal_ms, **options)
    print(figure.line(), flush=True)
    return figure


def _profile(body: bytes) -> None:
    """The engine's profile of one request body, summarised: where its time went."""
    from search.client import alias_name, get_client

    request = json.loads(body)
    response = get_client(timeout=60).search(index=alias_name(), body={**request, "profile": True})
    print(f"    profile (took {response['took']} ms; times in ms):")
    for shard in response["profile"]["shards"]:
        for search in shard["searches"]:
            nodes = sorted(_query_nodes(search["query"]), key=lambda node: -node[1])
            for description, ms in nodes[:6]:
                print(f"      query   {ms:7.2f}  {description}")
            print(f"      rewrite {search['rewrite_time'] / 1e6:7.2f}")
            for collector in search["collector"]:
                print(f"      collect {collector['time_in_nanos'] / 1e6:7.2f}  {collector['name']}")
        for aggregation in shard.get("aggregations", []):
            for name, ms in _aggregation_times(aggregation):
                print(f"      agg     {ms:7.2f}  {name}")
        if "fetch" in shard:
            print(f"      fetch   {shard['fetch']['time_in_nanos'] / 1e6:7.2f}  (hits, _source, highlight)")


def _query_nodes(nodes: list[dict], depth: int = 0):
    for node in nodes:
        yield f"{'  ' * depth}{node['type']} {node['description'][:90]}", node["time_in_nanos"] / 1e6
        yield from _query_nodes(node.get("children", []), depth + 1)


def _aggregation_times(aggregation: dict, path: str = ""):
    name = f"{path}/{aggregation['description']}"
    yield name, aggregation["time_in_nanos"] / 1e6
    for child in aggregation.get("children", []):
        yield from _aggregation_times(child, name)


def _slowest(figure: Figure, bodies: list[bytes]) -> bytes:
    """The request body of the call whose engine ``took`` was largest."""
    return bodies[max(range(len(figure.took)), key=figure.took.__getitem__)]


def _report_misses(figures: list[tuple[Figure, list[bytes]]]) -> None:
    for figure, bodies in figures:
        if figure.missed and bodies:
            print(f"  goal missed by '{figure.label.strip()}': the engine's profile of its slowest request")
            _profile(_slowest(figure, bodies))


def _bodies_of(call, items: list) -> list[bytes]:
    """The first request body each call sends (the search itself)."""
    bodies = []
    for item in items:
        mark = len(WIRE.bodies)
        call(item)
        bodies.append(WIRE.bodies[mark])
    return bodies


def run() -> None:
    os.environ.setdefault("SEARCH_ENGINE_HEAP", "4g")
    from tests.search_engine import SearchEngine

    with tempfile.TemporaryDirectory() as tmp, SearchEngine.start() as server:
        setup_django(Path(tmp) / "bench.sqlite3")
        import logging

        from django.conf import settings

        logging.getLogger("wagtail").setLevel(logging.WARNING)
        settings.ELASTICSEARCH_URL = server.url
        settings.ELASTICSEARCH_TIMEOUT = 60
        settings.ELASTICSEARCH_NODE_CLASS = RECORDING_NODE
        print(f"engine: {_engine_version()}, heap {os.environ['SEARCH_ENGINE_HEAP']}")
        started = time.perf_counter()
        ids = _generate(ARTICLES)
        print(f"generated {len(ids):,} articles in the database in {time.perf_counter() - started:.1f} s")
        _time_preparation(ids)
        indexed = _time_rebuild(server.pid)
        _warm_up()
        requests = _realistic(random.Random(7), QUERY_RUNS)
        missed = _time_searches(requests, indexed, server.pid)
        share = _time_share(requests[:PART_RUNS], server.pid)
        _report_misses(missed)
        if share.missed:
            settings.ELASTICSEARCH_NODE_CLASS = REPLAY_NODE
            print("  goal missed by MagHub's share: cProfile of the search page on recorded answers")
            _python_profile(_page(), _page_params(requests[:PART_RUNS]))


def _time_preparation(ids: list[int]) -> None:
    """MagHub's side of indexing alone: reading pages and building their documents."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from search.client import alias_name
    from search.indexing import chunked, document_actions
    from search.sources import PageSource

    source = PageSource()
    prepared = 0
    queries_per_batch = set()
    started = time.perf_counter()
    for batch in chunked(ids, BATCH):
        with CaptureQueriesContext(connection) as captured:
            prepared += sum(1 for _ in document_actions(source.load(batch), alias_name()))
        queries_per_batch.add(len(captured))
    prepare = time.perf_counter() - started
    print(
        f"MagHub document preparation: {prepared / prepare:,.0f} docs/s "
        f"({prepared:,} docs, batches of {BATCH}, queries per batch: {sorted(queries_per_batch)})",
        flush=True,
    )


def _time_rebuild(pid: int) -> int:
    """``search_index --rebuild`` end to end; returns the number of documents indexed."""
    from search.client import get_client
    from search.indexing import rebuild

    started, cpu, own = time.perf_counter(), process_cpu(pid), time.process_time()
    name, indexed = rebuild(get_client(timeout=300))
    load, cpu, own = time.perf_counter() - started, process_cpu(pid) - cpu, time.process_time() - own
    rate = indexed / load
    segments = len(get_client().cat.segments(index=name, format="json"))
    print(
        f"search_index --rebuild (read, prepare, bulk load, refresh, swap): {rate:,.0f} docs/s "
        f"({indexed:,} docs in {load:.1f} s; per CPU second: {indexed / cpu:,.0f} docs of the engine's, "
        f"{indexed / own:,.0f} of MagHub's; {segments} segments) "
        f"[goal >= {BULK_GOAL:,} docs/s: {'met' if rate >= BULK_GOAL else 'MISSED'}]",
        flush=True,
    )
    return indexed


def _warm_up() -> None:
    """A serving engine has compiled its hot paths and loaded its caches: warm it up with other
    words and selections (and with browsing and suggestions) before timing anything."""
    from search.queries import SearchRequest, search, suggest

    started = time.perf_counter()
    for request in _realistic(random.Random(11), WARM_RUNS):
        search(request)
        search(SearchRequest(industries=request.industries))
        suggest(request.q[:4])
    print(f"engine warmed up with {WARM_RUNS} of each request kind in {time.perf_counter() - started:.1f} s")


def _time_searches(requests: list, indexed: int, pid: int) -> list[tuple[Figure, list[bytes]]]:
    """The realistic query, its parts, browsing and suggestions; returns the goal figures with
    the request bodies behind them (for a profile where a goal is missed)."""
    from search.client import alias_name, get_client
    from search.queries import SearchRequest, search, suggest

    parts = requests[:PART_RUNS]
    plain = [SearchRequest(q=r.q, language=r.language) for r in parts]
    hits = sorted(search(r).total for r in plain)
    print(
        f"realistic query: two words + industry + district + 4 facets + highlight + recency "
        f"(the words alone match a median {hits[len(hits) // 2]:,}, p95 {_percentile(hits, 95):,.0f} "
        f"of {indexed:,} documents); wall = the whole call, took = the engine's own time"
    )
    realistic = _timed(
        "search(): the realistic query, as the site runs it", search, requests, pid, QUERY_GOAL_MS
    )
    print("its parts (the site's request body, parts removed; engine round trips):")
    plain_bodies = [json.loads(body) for body in _bodies_of(search, plain)]

    def without(*keys):
        def call(body):
            return get_client().search(
                index=alias_name(), body={k: v for k, v in body.items() if k not in keys}
            )

        return call

    for label, keys in {
        "words only (text match, audience, recency)": ("aggs", "highlight"),
        "+ highlight": ("aggs",),
        "+ 4 facets, nothing selected": (),
    }.items():
        _timed(label, without(*keys), plain_bodies, pid)
    _timed("+ industry and district selected (= the realistic query)", search, parts, pid)
    browse = [SearchRequest(industries=r.industries, language=r.language) for r in requests[:BROWSE_RUNS]]
    browsing = _timed("browsing: no words, one industry, newest first", search, browse, pid, BROWSE_GOAL_MS)
    rng = random.Random(7)
    prefixes = [r.q[: rng.randint(3, len(r.q))] for r in parts]
    suggesting = _timed("suggest() on 3+ typed characters", suggest, prefixes, pid, SUGGEST_GOAL_MS)
    return [
        (realistic, _bodies_of(search, requests)),
        (browsing, _bodies_of(search, browse)),
        (suggesting, _bodies_of(suggest, prefixes)),
    ]


def _page_params(requests: list) -> list[dict]:
    return [{"q": r.q, "industry": r.industries[0], "district": r.districts[0]} for r in requests]


def _time_share(requests: list, pid: int) -> Figure:
    """The search page on the engine, then on its recorded answers: MagHub's own share."""
    from django.conf import settings

    from search.queries import search

    print("MagHub's own share, on the engine's recorded answers (no engine):")
    pages = _page_params(requests)
    _timed("search page on the engine (for comparison)", _page(), pages, pid)
    settings.ELASTICSEARCH_NODE_CLASS = REPLAY_NODE
    try:
        _timed("search(): body, client, parse, facets, hits", search, requests, None)
        return _timed(
            "search page: form, search(), template render",
            _page(),
            pages,
            None,
            SHARE_GOAL_MS,
            goal_on_own_cpu=True,
        )
    finally:
        settings.ELASTICSEARCH_NODE_CLASS = RECORDING_NODE


# MagHub's own modules (not the libraries under site-packages), and the ORM and template
# entry points, whose cumulative times say what the database and the rendering cost.
PROFILE_SCOPE = (
    r"^(?!.*site-packages).*/(search|news|home|maghub)/",
    r"shortcuts.py.*render|query.py.*_fetch_all",
)


def _python_profile(call, items: list) -> None:
    """Cumulative time per function over ``items``, for MagHub's code and the ORM and templates."""
    profile = cProfile.Profile()
    profile.runcall(lambda: [call(item) for item in items])
    for scope in PROFILE_SCOPE:
        report = io.StringIO()
        pstats.Stats(profile, stream=report).sort_stats("cumulative").print_stats(scope, 14)
        lines = report.getvalue().splitlines()
        start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
        print("\n".join(f"    {line}" for line in lines[start:] if line.strip()))


def _realistic(rng: random.Random, count: int) -> list:
    """Two words read from Zipf text, one industry and one district selected, the reader's
    language first (as the search page asks: English readers)."""
    from django.conf import settings

    from search.queries import SearchRequest

    districts = ["changning", "minhang", "pudong", "jingan"]
    return [
        SearchRequest(
            q=f"{rng.choice(QUERY_WORDS)} {rng.choice(QUERY_WORDS)}",
            industries=(rng.choice(WORDS[:12]),),
            districts=(rng.choice(districts),),
            language=settings.LANGUAGE_CODE,
        )
        for _ in range(count)
    ]


def _page():
    """GET /search/ through Django's WSGI handler and every middleware, as gunicorn would call it
    (the test client would add its own instrumentation of template rendering)."""
    from django.core.handlers.wsgi import WSGIHandler
    from django.test import RequestFactory

    handler, factory = WSGIHandler(), RequestFactory()

    def call(params):
        statuses = []
        body = handler(
            factory.get("/search/", params).environ, lambda status, headers: statuses.append(status)
        )
        b"".join(body)
        assert statuses == ["200 OK"], statuses

    return call


def _engine_version() -> str:
    from search.client import get_client

    version = get_client().info()["version"]
    name = version.get("distribution", "elasticsearch")
    return f"{name} {version['number']} (Lucene {version['lucene_version']})"
