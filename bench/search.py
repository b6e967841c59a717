"""Search at 100,000 articles on a real osmem-server.

Prints: how fast MagHub prepares documents from the database (and the queries per
batch), the server's bulk indexing rate, and p50/p95 latency of a realistic query
(multi-field match + two filters + facets + highlight) over 200 runs.
Set BENCH_ARTICLES to change the size. Uses its own SQLite file in a temp directory.
"""

import os
import random
import statistics
import tempfile
import time
import uuid
from pathlib import Path

ARTICLES = int(os.environ.get("BENCH_ARTICLES", "100000"))
QUERY_RUNS = 200
BATCH = 1000
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


def _setup_django(db_path: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maghub.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _generate(count: int) -> list[int]:
    """Articles inserted in bulk (pages, article rows, tags, company mentions): seconds, not hours."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone

    from wagtail.models import Locale, Page, Site

    from home.models import HomePage
    from news.models import (
        ArticlePage,
        CompanyIndexPage,
        CompanyProfilePage,
        District,
        Industry,
        NewsIndexPage,
        PageDistrict,
        PageIndustry,
    )

    rng = random.Random(42)
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="MagHub", slug="bench-home"))
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    news = home.add_child(instance=NewsIndexPage(title="News", slug="news"))
    companies_index = home.add_child(instance=CompanyIndexPage(title="Companies", slug="companies"))
    companies = [
        companies_index.add_child(
            instance=CompanyProfilePage(title=f"Company {n}", slug=f"company-{n}", name_zh="公司")
        )
        for n in range(50)
    ]
    industries = [Industry.objects.create(name=w.title(), slug=w) for w in WORDS[:12]]
    districts = [
        District.objects.create(name=n, slug=n.lower()) for n in ("Changning", "Minhang", "Pudong", "Jingan")
    ]
    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    fields = [f for f in ArticlePage._meta.local_concrete_fields if f.column != "page_ptr_id"]
    columns = ", ".join(["page_ptr_id", *(f.column for f in fields)])
    placeholders = ", ".join(["%s"] * (len(fields) + 1))
    insert = f"INSERT INTO {ArticlePage._meta.db_table} ({columns}) VALUES ({placeholders})"  # noqa: S608
    now = timezone.now()
    ids: list[int] = []
    with transaction.atomic():
        for start in range(0, count, BATCH):
            pages = []
            for n in range(start, min(start + BATCH, count)):
                slug = f"article-{n}"
                published = now - timezone.timedelta(days=rng.randint(0, 3650))
                pages.append(
                    Page(
                        title=_sentence(rng, 7)[:-1],
                        draft_title="",
                        slug=slug,
                        content_type=content_type,
                        path=Page._get_path(news.path, news.depth + 1, n + 1),
                        depth=news.depth + 1,
                        numchild=0,
                        url_path=f"{news.url_path}{slug}/",
                        live=True,
                        first_published_at=published,
                        last_published_at=published,
                        locale=locale,
                        translation_key=uuid.uuid4(),
                    )
                )
            created = Page.objects.bulk_create(pages)
            batch_ids = [p.pk for p in created]
            ids += batch_ids
            rows = []
            for pk in batch_ids:
                article = ArticlePage(
                    standfirst=_sentence(rng, 20),
                    body=[{"type": "paragraph", "value": f"<p>{_sentence(rng, 80)}</p>"}],
                )
                rows.append(
                    [pk, *(f.get_db_prep_save(f.pre_save(article, True), connection) for f in fields)]
                )
            with connection.cursor() as cursor:
                cursor.executemany(insert, rows)
            PageIndustry.objects.bulk_create(
                [
                    PageIndustry(content_object_id=pk, tag=tag)
                    for pk in batch_ids
                    for tag in rng.sample(industries, 2)
                ]
            )
            PageDistrict.objects.bulk_create(
                [PageDistrict(content_object_id=pk, tag=rng.choice(districts)) for pk in batch_ids]
            )
            through = ArticlePage.companies_mentioned.through
            through.objects.bulk_create(
                [
                    through(articlepage_id=pk, companyprofilepage_id=rng.choice(companies).pk)
                    for pk in batch_ids
                ]
            )
        Page.objects.filter(pk=news.pk).update(numchild=count)
    return ids


def _percentile(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def run() -> None:
    from osmem_server import OsmemServer

    with tempfile.TemporaryDirectory() as tmp, OsmemServer.start(japanese=False) as server:
        _setup_django(Path(tmp) / "bench.sqlite3")
        from django.conf import settings
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from elasticsearch.helpers import parallel_bulk

        from search.backends.elastic import build_search
        from search.client import alias_name, get_client
        from search.indexing import chunked, create_index, document_actions
        from search.queries import SearchRequest, search
        from search.sources import PageSource

        settings.ELASTICSEARCH_URL = server.url
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
            f"({len(actions):,} docs, batches of {BATCH}, queries per batch: {sorted(queries_per_batch)})"
        )

        client = get_client(timeout=120)
        index = alias_name() + "-bench"
        create_index(client, index)
        client.indices.put_alias(index=index, name=alias_name())
        started = time.perf_counter()
        indexed = sum(
            ok for ok, _ in parallel_bulk(client, actions, thread_count=2, chunk_size=BATCH, queue_size=4)
        )
        client.indices.refresh(index=index)
        bulk = time.perf_counter() - started
        print(f"server bulk indexing: {indexed / bulk:,.0f} docs/s ({indexed:,} docs in {bulk:.1f} s)")

        rng = random.Random(7)
        industries, districts = WORDS[:12], ["changning", "minhang", "pudong", "jingan"]
        requests = [
            SearchRequest(
                q=f"{rng.choice(WORDS)} {rng.choice(WORDS)}",
                industries=(rng.choice(industries),),
                districts=(rng.choice(districts),),
            )
            for _ in range(QUERY_RUNS)
        ]
        for label, call in (
            ("server round trip", lambda r: build_search(r).execute()),
            ("search() incl. facet labels", search),
        ):
            call(requests[0])
            timings = []
            for request in requests:
                started = time.perf_counter()
                call(request)
                timings.append((time.perf_counter() - started) * 1000)
            print(
                f"query latency, {label} ({QUERY_RUNS} runs, match + 2 filters + 4 facets + highlight): "
                f"p50 {_percentile(timings, 50):.1f} ms, p95 {_percentile(timings, 95):.1f} ms"
            )
