"""The site under mixed load: BENCH_LOAD_CLIENTS concurrent users (default 64) for
BENCH_LOAD_SECONDS (default 60) against gunicorn on PostgreSQL, as production runs it.

`python -m bench load` starts a throwaway PostgreSQL (scripts/with-postgres.sh) and Redis
(scripts/with-redis.sh) around `python -m bench.load`, which starts a search engine node
(scripts/search-engine.sh), loads the demo content and BENCH_LOAD_ARTICLES generated articles
(default 2,000), creates the members and an editor, serves the site with gunicorn
(gunicorn.conf.py; WEB_CONCURRENCY workers, its default unless set) and the task worker, and
drives it with the users of bench/load/clients.py: anonymous readers, searchers, members
reading, replying and starting threads, and an editor publishing in the Wagtail admin.

Prints per kind of request the count, rate, p50/p99 latency and 5xx; then, per kind of write,
how many were acknowledged, are stored exactly once, and are in the search index
(bench/load/verify.py). Writes the figures as JSON into bench/results/. Fails (exit status 1)
on any 5xx or any acknowledged write not stored once or not indexed.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.setup import free_port

ROOT = Path(__file__).resolve().parent.parent.parent
RESULTS = ROOT / "bench" / "results"
SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", "60"))
CLIENTS = int(os.environ.get("BENCH_LOAD_CLIENTS", "64"))
ARTICLES = int(os.environ.get("BENCH_LOAD_ARTICLES", "2000"))
PAGES_SAMPLED = 150


def run() -> None:
    """Around the benchmark, the throwaway PostgreSQL and Redis of scripts/ (stopped by them)."""
    scripts = ROOT / "scripts"
    env = {**os.environ, "MAGHUB_PG_PORT": str(free_port())}
    command = [
        str(scripts / "with-postgres.sh"),
        str(scripts / "with-redis.sh"),
        sys.executable,
        "-m",
        "bench.load",
    ]
    returncode = subprocess.run(command, cwd=ROOT, env=env).returncode  # noqa: S603 - our scripts
    if returncode:
        sys.exit(returncode)


def run_on_stack() -> int:
    """The benchmark itself, with DATABASE_URL and REDIS_URL set; returns the exit status."""
    from bench.load import stack
    from tests.search_engine import SearchEngine

    with tempfile.TemporaryDirectory() as directory, SearchEngine.start() as engine:
        tmp = Path(directory)
        env = stack.environment(tmp, engine.url)
        os.environ.update(env)  # this process prepares and checks what gunicorn serves
        stack.create_database()
        import django

        django.setup()
        started = time.perf_counter()
        members = stack.prepare(ARTICLES, max(1, CLIENTS // 4))
        print(
            f"prepared the site in {time.perf_counter() - started:.0f} s: demo content, "
            f"{ARTICLES:,} generated articles, {len(members)} members, an editor"
        )
        with stack.serving(env, tmp) as site:
            plan = _plan(site, members)
            print(
                f"{CLIENTS} clients for {SECONDS:.0f} s against gunicorn ({_workers()} workers) ...",
                flush=True,
            )
            since = datetime.now(UTC)
            elapsed = asyncio.run(_drive(plan))
            from bench.load import verify

            queue = verify.drain_task_queue(since)
            by_worker = verify.check_writes(plan.writes)
            sync = verify.sync_recorded_failures()
            writes = verify.check_writes(plan.writes) if sync["recorded"] else by_worker
            for kind, tally in writes.items():
                tally["indexed_before_sync"] = by_worker[kind]["indexed"]
        figures = _figures(plan, elapsed, queue, sync, writes)
        _print(figures)
        _save(figures)
        if figures["5xx"]:
            _print_errors(tmp / "gunicorn.log")
        return 0 if figures["passed"] else 1


async def _drive(plan) -> float:
    from bench.load.clients import drive

    return await drive(plan, CLIENTS, _article_form)


def _article_form(title: str, token: str) -> dict:
    """The page editor's POST data for a new article (the fields the admin form sends)."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    paragraph = f"<p>Output rises as export orders grow; the plant hires 800 more workers. {token}</p>"
    return nested_form_data(
        {
            "title": title,
            "slug": f"third-shift-{token}",
            "standfirst": "Export orders keep the Lingang plant busy around the clock.",
            "body": streamfield([("paragraph", rich_text(paragraph))]),
            "author_links": inline_formset([]),
            "comments": inline_formset([]),
        }
    )


def _workers() -> str:
    return os.environ.get("WEB_CONCURRENCY") or f"{os.cpu_count() * 2 + 1} (cores x 2 + 1)"


def _plan(site, members: list[str]):
    from wagtail.models import Locale

    from bench.load import stack
    from bench.load.clients import Plan
    from community.models import Category, Thread
    from news.models import (
        ArticlePage,
        CompanyProfilePage,
        District,
        EventReportPage,
        Industry,
        NewsIndexPage,
    )

    articles = ArticlePage.objects.live().order_by("?")[:PAGES_SAMPLED]
    pages = ["/", "/news/", "/companies/", "/events/", "/news/?page=2"]
    pages += [
        page.url for page in [*articles, *CompanyProfilePage.objects.live(), *EventReportPage.objects.live()]
    ]
    pages += [term.get_absolute_url() for term in [*Industry.objects.all(), *District.objects.all()]]
    queries = ["logistics", "investment", "supply chain", "pharmaceutical", "Hongqiao", "上海", "cold chain"]
    queries += [
        *Industry.objects.values_list("name", flat=True),
        *District.objects.values_list("name", flat=True),
    ]
    queries += [
        title.split()[0] for title in CompanyProfilePage.objects.live().values_list("title", flat=True)
    ]
    from community.ratelimit import parse_rate, rates_for

    per_minute, _ = parse_rate(rates_for("post")["user"])
    return Plan(
        base_url=site.url,
        cpu_seconds=site.cpu_seconds,
        seconds=SECONDS,
        pages=pages,
        queries=queries,
        categories=list(Category.objects.values_list("slug", flat=True)),
        threads=list(Thread.objects.values_list("pk", flat=True)),
        news_index=NewsIndexPage.objects.get(locale=Locale.get_default()).pk,
        members=members,
        member_password=stack.PASSWORD,
        editor=(stack.EDITOR, stack.PASSWORD),
        # One below the site's per-user limit: a post sent at a minute's end may land in the next.
        posts_per_minute=per_minute - 1,
    )


def _figures(plan, elapsed: float, queue: dict, sync: dict, writes: dict) -> dict:
    from bench.load.clients import BEFORE_THE_CLOCK

    kinds = {kind: timings.summary(elapsed) for kind, timings in sorted(plan.timings.items())}
    for kind in BEFORE_THE_CLOCK:
        if kind in kinds:
            kinds[kind]["per_second"] = None
    timed = sum(kind["requests"] for name, kind in kinds.items() if name not in BEFORE_THE_CLOCK)
    server_errors = sum(kind["5xx"] for kind in kinds.values())
    # Indexed implies stored exactly once under the acknowledged id.
    lost = sum(w["acknowledged"] - w["indexed"] for w in writes.values())
    return {
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "clients": CLIENTS,
        "seconds": round(elapsed, 1),
        "gunicorn_workers": _workers(),
        "cores": os.cpu_count(),
        # Other jobs on a shared machine take CPU from the site: the load average says how much.
        "load_average_1m": os.getloadavg()[0],
        "generated_articles": ARTICLES,
        "requests": timed,
        "per_second": round(timed / elapsed, 1),
        "5xx": server_errors,
        "site_cpu_s": round(plan.cpu_used, 1),
        "site_cores_used": round(plan.cpu_used / elapsed, 2),
        "site_cpu_ms_per_request": round(plan.cpu_used * 1000 / max(timed, 1), 1),
        "kinds": kinds,
        "writes": writes,
        "task_queue": queue,
        "index_sync": sync,
        "passed": server_errors == 0 and lost == 0,
    }


REQUEST_COLUMNS = (("requests", 8), ("per_second", 7), ("p50_ms", 8), ("p99_ms", 8), ("5xx", 5), ("4xx", 5))
WRITE_COLUMNS = (
    ("attempted", 9),
    ("acknowledged", 12),
    ("stored_once", 11),
    ("missing", 7),
    ("duplicated", 10),
    ("indexed_before_sync", 19),
    ("indexed", 7),
    ("stored_unacknowledged", 21),
)


def _row(name: str, values: dict, columns) -> str:
    return f"{name:16}" + "".join(
        f" {'' if values.get(key) is None else values[key]:>{width}}" for key, width in columns
    )


def _print(figures: dict) -> None:
    print(_row("request kind", {key: key for key, _ in REQUEST_COLUMNS}, REQUEST_COLUMNS) + "  failed")
    for name, kind in figures["kinds"].items():
        print(_row(name, kind, REQUEST_COLUMNS) + f"  {sum(kind['transport_failures'].values()):6d}")
    print(_row("all on the clock", figures, REQUEST_COLUMNS))
    print(
        f"the site (gunicorn, task worker) used {figures['site_cpu_s']} CPU s on the clock: "
        f"{figures['site_cores_used']} of {figures['cores']} cores, {figures['site_cpu_ms_per_request']} ms "
        f"a request; load average {figures['load_average_1m']:.1f} (other jobs share the machine)"
    )
    print(_row("write", {key: key for key, _ in WRITE_COLUMNS}, WRITE_COLUMNS))
    for name, writes in figures["writes"].items():
        print(_row(name, writes, WRITE_COLUMNS))
    queue, sync = figures["task_queue"], figures["index_sync"]
    print(
        f"tasks: {queue['enqueued']} enqueued from the start, {queue['successful']} done, failed: "
        f"{queue['failed'] or 'none'}, {queue['still_queued']} left {queue['waited_s']} s after the load; "
        f"failed index writes recorded and retried by --sync: {sync['recorded']}"
    )
    print(
        "PASSED: no 5xx, every acknowledged write stored once and indexed" if figures["passed"] else "FAILED"
    )


def _save(figures: dict) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"load-{time.strftime('%Y%m%d-%H%M%S', time.gmtime())}.json"
    path.write_text(json.dumps(figures, indent=2, ensure_ascii=False))
    print(f"figures: {path.relative_to(ROOT)}")


def _print_errors(log: Path, limit: int = 20) -> None:
    """The server's error lines (JSON, one a line), for the cause of the 5xx."""
    errors = [
        line
        for line in log.read_text(errors="replace").splitlines()
        if '"ERROR"' in line or "Traceback" in line
    ]
    print(f"server errors ({len(errors)} lines, the last {limit}):")
    for line in errors[-limit:]:
        print("  " + line[:2000])
