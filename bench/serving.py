"""Pages under load: gunicorn (gunicorn.conf.py, 2 sync workers) with production settings on
SQLite, the demo content and BENCH_SERVING_ARTICLES generated articles (2,000 by default, so a
deep listing page exists), driven by wrk (Debian's package) for BENCH_SECONDS per URL.

Prints req/s and latency percentiles for each URL as a ratio to /healthz from the same run,
and the SQL each URL costs (Django's test client, counted once caches are warm).
The cache is Redis when REDIS_URL is set, files otherwise (as `make run`).
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.setup import english, free_port, production_site, wait_for_port

SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
# Statements that write or open a transaction (a read may start with WITH: the facet counts' CTE).
WRITES = {"INSERT", "UPDATE", "DELETE", "REPLACE", "BEGIN", "SAVEPOINT", "COMMIT"}
ARTICLES = int(os.environ.get("BENCH_SERVING_ARTICLES", "2000"))
WRK = shutil.which("wrk") or "/usr/bin/wrk"
ROOT = Path(__file__).resolve().parent.parent


# Every page but one is measured rendered: a cookie the site does not know keeps the full-page
# cache (maghub/page_cache.py) out of the way, as a logged-in reader's session would.
CACHED_ARTICLE = "article (cached)"
RENDERED = ["-H", "Cookie: bench=rendered"]


def _paths() -> dict[str, str]:
    from maghub.pages import NEWEST_FIRST
    from news.models import ArticlePage, CompanyProfilePage, EventReportPage, Industry

    newest_article = english(ArticlePage).order_by(*NEWEST_FIRST).first().url
    return {
        "/healthz": "/healthz",
        "article": newest_article,
        CACHED_ARTICLE: newest_article,
        "event report": english(EventReportPage).first().url,
        "company": english(CompanyProfilePage).first().url,
        "home": "/",
        "/news/": "/news/",
        "taxonomy page": Industry.objects.order_by("name").first().get_absolute_url(),
        "deep /news/ page": f"/news/?page={max(1, english(ArticlePage).count() // 12 - 1)}",
        "search": "/search/?q=logistics+hongqiao",
    }


def _sql_counts(paths: dict[str, str]) -> dict[str, tuple[int, int]]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, counts = Client(HTTP_HOST="127.0.0.1"), {}
    for name, path in paths.items():
        client.cookies.clear()
        if name != CACHED_ARTICLE:
            client.cookies["bench"] = "rendered"
        client.get(path)
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        writes = sum(q["sql"].lstrip().split(None, 1)[0].upper() in WRITES for q in captured)
        counts[name] = (len(captured), writes)
    return counts


def _wrk(url: str, headers: list[str]) -> tuple[float, str, str]:
    out = subprocess.run(  # noqa: S603 - Debian's wrk
        [WRK, "-t2", "-c8", f"-d{SECONDS}s", "--latency", *headers, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.MULTILINE).group(1)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.MULTILINE).group(1)
    return rate, p50, p99


def _peak_worker_rss_mib(master_pid: int) -> float:
    """The largest peak resident set (VmHWM) among the gunicorn master's worker processes."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    peaks = [
        int(re.search(r"VmHWM:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text()).group(1)) / 1024
        for pid in children
    ]
    return max(peaks)


def run() -> None:
    if not Path(WRK).exists():
        sys.exit("wrk is missing: apt-get install wrk")
    with tempfile.TemporaryDirectory() as tmp:
        env = production_site(Path(tmp))
        from django.core.management import call_command

        call_command("generate_content", articles=ARTICLES, seed=1, stdout=open(os.devnull, "w"))  # noqa: SIM115
        paths = _paths()
        counts = _sql_counts(paths)
        port = free_port()
        env["PORT"] = str(port)
        server = subprocess.Popen(  # noqa: S603 - our venv's gunicorn
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "-c",
                "gunicorn.conf.py",
                "--access-logfile",
                "/dev/null",
                "maghub.wsgi",
            ],
            cwd=ROOT,
            env=env,
        )
        try:
            wait_for_port(port, server)
            base = f"http://127.0.0.1:{port}"
            for path in paths.values():  # warm every worker's caches
                for _ in range(4):
                    subprocess.run([WRK, "-t1", "-c2", "-d1s", base + path], capture_output=True)  # noqa: S603
            print(
                f"{'page':16} {'req/s':>8} {'of healthz':>11} {'p50':>9} {'p99':>9} {'SQL':>4} {'writes':>6}"
            )
            healthz = None
            for name, path in paths.items():
                rate, p50, p99 = _wrk(base + path, [] if name == CACHED_ARTICLE else RENDERED)
                healthz = healthz or rate
                sql, writes = counts[name]
                print(
                    f"{name:16} {rate:8.0f} {rate / healthz:10.1%} {p50:>9} {p99:>9} {sql:4d} {writes:6d}",
                    flush=True,
                )
            print(f"peak worker RSS: {_peak_worker_rss_mib(server.pid):.0f} MiB (goal < 150)")
        finally:
            server.terminate()
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                server.kill()


if __name__ == "__main__":
    run()
