"""Reader pages at size: render time and query count of the pages readers open most.

Builds the demo site plus BENCH_PAGE_ARTICLES synthetic articles (default 20,000) in a
temporary SQLite database, then requests each page through Django's test client:
prints median and p95 over PAGE_RUNS requests and the queries each request made.
/news/ on page 1, on a deep page typed as ?page=N and on the same page reached by the
"Older" link (keyset cursor) show that listings do not slow down with the archive; the
first request of each page (cold renditions) is not timed.
"""

import os
import statistics
import tempfile
import time
from pathlib import Path

from bench.setup import setup_django

ARTICLES = int(os.environ.get("BENCH_PAGE_ARTICLES", "20000"))
PAGE_RUNS = 30


def _older_link(path: str) -> str:
    """The "Older" link of a listing page: the cursor-carrying URL readers follow."""
    import html
    import re

    from django.test import Client

    found = re.search(r'rel="next" href="([^"]+)"', Client().get(path).content.decode())
    return path.split("?")[0] + html.unescape(found.group(1))


def _paths() -> list[str]:
    from news.models import ArticlePage, CompanyProfilePage, District, EventReportPage, Industry

    article = ArticlePage.objects.live().order_by("-first_published_at").first()
    company = CompanyProfilePage.objects.live().get(slug="muji")
    event = EventReportPage.objects.live().first()
    district = District.objects.get(slug="changning")
    industry = Industry.objects.order_by("name").first()
    deep_page = ArticlePage.objects.live().count() // 12 // 2
    return [
        "/",
        "/news/",
        f"/news/?page={deep_page}",
        _older_link(f"/news/?page={deep_page - 1}"),
        f"/news/?district={district.slug}&industry={industry.slug}",
        article.url,
        "/companies/",
        company.url,
        "/events/",
        event.url,
        district.get_absolute_url(),
        "/feeds/news/",
        "/search/?q=logistics+hongqiao",
    ]


def _measure(client, path: str) -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(path)  # warm: renditions, template loading
    assert response.status_code == 200, (path, response.status_code)
    timings = []
    for _ in range(PAGE_RUNS):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], len(captured)


def run() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(Path(tmp) / "pages.sqlite3")
        from django.core.management import call_command
        from django.test import Client

        from news.synthetic import generate_articles

        call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        started = time.perf_counter()
        generate_articles(ARTICLES, seed=7)
        print(f"site: demo content + {ARTICLES:,} articles in {time.perf_counter() - started:.1f} s")

        client = Client()
        print(f"{'page':58} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        for path in _paths():
            median, p95, queries = _measure(client, path)
            print(f"{path[:58]:58} {median:10.1f} {p95:8.1f} {queries:8d}", flush=True)


if __name__ == "__main__":
    run()
