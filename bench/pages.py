"""Reader pages at size: render times of the pages readers open most, at 1,000 and 100,000
articles (and at BENCH_ARTICLES when it asks for more, e.g. 1,000,000), and their ratio to 1,000.

Each size is the demo site plus that many synthetic articles (`generate_articles`, seed 7) in a
SQLite database of its own, built in a subprocess: in a temporary folder, or kept in
BENCH_PAGES_DB_DIR and reused by the next run (a database is only kept once it is complete).
Pages are requested through Django's test client with the full-page cache off: "warm" is the
median of PAGE_RUNS renders once the content-version caches are filled (what a reader gets),
"after a change" the first render after the content version moved (what the first reader after
a publish gets). /news/ on a deep page, by a bare ?page=N and by its "Older" link, shows that
listings do not slow down with the archive. Goals: at most 1.5x the 1,000-article time at
100,000, 2x at 1,000,000, for home, /news/, a taxonomy page, a company and an article.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.setup import setup_django

BASE_SIZE = 1000
PAGE_RUNS = 30
GOALS = {100_000: 1.5, 1_000_000: 2.0}
GOAL_PAGES = ["home", "/news/", "taxonomy page", "company", "article"]


def sizes() -> list[int]:
    asked = int(os.environ.get("BENCH_ARTICLES", "100000"))
    return sorted({BASE_SIZE, min(asked, 100_000), asked})


def _older_link(client, path: str) -> str:
    """The "Older" link of a listing page: the cursor-carrying URL readers follow."""
    import html
    import re

    found = re.search(r'rel="next" href="([^"]+)"', client.get(path).content.decode())
    return path.split("?")[0] + html.unescape(found.group(1))


def _paths(client) -> dict[str, str]:
    from wagtail.models import Locale

    from news.models import ArticlePage, CompanyProfilePage, District, EventReportPage, Industry

    article = ArticlePage.objects.live().order_by("-first_published_at").first()
    deep_page = ArticlePage.objects.live().filter(locale=Locale.get_default()).count() // 12 // 2
    district = District.objects.get(slug="changning")
    industry = Industry.objects.order_by("name").first()
    return {
        "home": "/",
        "/news/": "/news/",
        "deep page by ?page=N": f"/news/?page={deep_page}",
        "deep page by its Older link": _older_link(client, f"/news/?page={deep_page - 1}"),
        "/news/ filtered": f"/news/?district={district.slug}&industry={industry.slug}",
        "taxonomy page": industry.get_absolute_url(),
        "district page": district.get_absolute_url(),
        "company": CompanyProfilePage.objects.live().get(slug="muji", locale=Locale.get_default()).url,
        "article": article.url,
        "event report": EventReportPage.objects.live().first().url,
        "/companies/": "/companies/",
        "feed": "/feeds/news/",
    }


def _timed(client, path: str) -> tuple[float, int, float]:
    """Wall ms, queries and CPU ms of one request (SQLite runs in this process, so its CPU time
    is the render's whole cost, and far steadier than wall time on a shared machine)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        started, cpu = time.perf_counter(), time.process_time()
        response = client.get(path)
        elapsed, cpu = (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000
    assert response.status_code == 200, (path, response.status_code)
    return elapsed, len(captured), cpu


def _keep_media(location: Path) -> None:
    """Image files beside the database (the test settings keep them in memory), so that a kept
    database's images are there to render the next time it is used."""
    from django.conf import settings
    from django.test.utils import override_settings

    files = {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(location)}}
    # Through override_settings, whose signal makes the storage Django set up already let go.
    override_settings(STORAGES={**settings.STORAGES, "default": files}).enable()


def _database(size: int, folder: Path) -> Path:
    """The site with `size` articles, built unless a complete one is kept in `folder`."""
    db = folder / f"pages-{size}.sqlite3"
    if db.exists():
        setup_django(db)
        _keep_media(folder / f"pages-{size}-media")
        return db
    building = folder / f"pages-{size}.building.sqlite3"
    building.unlink(missing_ok=True)
    setup_django(building)
    _keep_media(folder / f"pages-{size}-media")
    from django.core.management import call_command
    from django.db import connection

    from news.synthetic import generate_articles

    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    started = time.perf_counter()
    generate_articles(size, seed=7)
    print(f"  built {size:,} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    connection.close()
    building.rename(db)
    # Django is set up already in this process: point its connection at the renamed file (a
    # second setup would leave it on the old name, where SQLite would create an empty database).
    connection.settings_dict["NAME"] = str(db)
    return db


def measure(size: int, folder: Path) -> dict:
    """Render times of every page at `size` articles (run in a process of its own)."""
    _database(size, folder)
    from django.test import Client

    from maghub.content_cache import bump_content_version

    client = Client()
    figures = {}
    for name, path in _paths(client).items():
        client.get(path)  # renditions, templates, the content-version caches
        runs = sorted(_timed(client, path) for _ in range(PAGE_RUNS))
        bump_content_version()
        after_change, _, _ = _timed(client, path)
        figures[name] = {
            "path": path,
            "warm": statistics.median(t for t, _, _ in runs),
            "p95": runs[int(len(runs) * 0.95) - 1][0],
            "cpu": statistics.median(c for _, _, c in runs),
            "queries": runs[0][1],
            "after_change": after_change,
        }
    return figures


def run() -> None:
    kept = os.environ.get("BENCH_PAGES_DB_DIR")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(kept or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        results = {}
        for size in sizes():
            out = subprocess.run(  # noqa: S603 - this module, our interpreter
                [sys.executable, "-m", "bench.pages", str(size), str(folder)],
                stdout=subprocess.PIPE,
                text=True,
                check=True,
            ).stdout
            results[size] = json.loads(out.strip().splitlines()[-1])
            _print_size(size, results[size])
        _print_ratios(results)


def _print_size(size: int, figures: dict) -> None:
    print(f"\n{size:,} articles")
    print(f"{'page':30} {'warm ms':>8} {'p95':>7} {'CPU ms':>7} {'queries':>8} {'after a change ms':>18}")
    for name, f in figures.items():
        print(
            f"{name[:30]:30} {f['warm']:8.1f} {f['p95']:7.1f} {f['cpu']:7.1f} {f['queries']:8d}"
            f" {f['after_change']:18.1f}"
        )


def _print_ratios(results: dict) -> None:
    base = results[BASE_SIZE]
    larger = [size for size in results if size != BASE_SIZE]
    for figure, label in (("warm", "warm render time"), ("cpu", "warm render CPU time")):
        print(f"\n{label} as a ratio to {BASE_SIZE:,} articles (goal: 1.5x at 100k, 2x at 1M)")
        print(f"{'page':30} " + " ".join(f"{size:>12,}" for size in larger))
        for name in base:
            ratios = []
            for size in larger:
                ratio = results[size][name][figure] / base[name][figure]
                goal = GOALS.get(size)
                mark = "" if name not in GOAL_PAGES or goal is None else (" ok" if ratio <= goal else " !!")
                ratios.append(f"{ratio:9.2f}x{mark:3}")
            print(f"{name[:30]:30} " + " ".join(f"{r:>12}" for r in ratios))


if __name__ == "__main__":
    if len(sys.argv) == 3:
        print(json.dumps(measure(int(sys.argv[1]), Path(sys.argv[2]))))
    else:
        run()
