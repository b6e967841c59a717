"""Where an uncached render spends its time: pyinstrument over the pages `bench.serving` measures
rendered (article, event report, company), under the production settings gunicorn runs.

Requests go straight to Django's WSGI handler (no test client instrumentation), with the cookie
that keeps the full-page cache out of the way, after warm-up requests; prints each page's
per-request wall time and pyinstrument's call tree (frames under PROFILE_MIN_PERCENT% hidden).
"""

import io
import os
import tempfile
import time
from pathlib import Path

from bench.setup import english, production_site

RUNS = int(os.environ.get("BENCH_PROFILE_RUNS", "200"))
MIN_PERCENT = float(os.environ.get("PROFILE_MIN_PERCENT", "2"))


def _paths() -> dict[str, str]:
    from maghub.pages import NEWEST_FIRST
    from news.models import ArticlePage, CompanyProfilePage, EventReportPage

    return {
        "article": english(ArticlePage).order_by(*NEWEST_FIRST).first().url,
        "event report": english(EventReportPage).first().url,
        "company": english(CompanyProfilePage).first().url,
    }


def _request(handler, path: str, cookie: str = "bench=rendered") -> int:
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "HTTP_COOKIE": cookie,
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": io.StringIO(),
    }
    status = []
    body = handler(environ, lambda line, headers, exc_info=None: status.append(line))
    b"".join(body)
    body.close()
    return int(status[0].split()[0])


def _cpu_ms(handler, path: str, cookie: str, runs: int = 200) -> float:
    for _ in range(5):
        _request(handler, path, cookie)
    started = time.process_time()
    for _ in range(runs):
        _request(handler, path, cookie)
    return (time.process_time() - started) / runs * 1000


def _cpu_costs(handler) -> None:
    """CPU per request in this process (SQLite included) and /healthz's as a share of it: what
    req/s ratios come to when the server is CPU-bound, however busy the machine is."""
    healthz = _cpu_ms(handler, "/healthz", "")
    article = _paths()["article"]
    rows = [("/healthz", healthz), ("article (cached)", _cpu_ms(handler, article, ""))]
    rows += [(name, _cpu_ms(handler, path, "bench=rendered")) for name, path in _paths().items()]
    print(f"{'page':18} {'CPU ms':>7} {'healthz CPU / page CPU':>23}")
    for name, cpu in rows:
        print(f"{name:18} {cpu:7.2f} {healthz / cpu:22.1%}")
    print()


def run() -> None:
    from pyinstrument import Profiler

    with tempfile.TemporaryDirectory() as tmp:
        production_site(Path(tmp))
        from django.core.wsgi import get_wsgi_application

        handler = get_wsgi_application()
        _cpu_costs(handler)
        for name, path in _paths().items():
            for _ in range(5):
                assert _request(handler, path) == 200, (name, path)
            profiler = Profiler(interval=0.0005)
            started = time.perf_counter()
            with profiler:
                for _ in range(RUNS):
                    _request(handler, path)
            elapsed = (time.perf_counter() - started) / RUNS * 1000
            print(f"== {name} {path}: {elapsed:.1f} ms per request under the profiler ({RUNS} requests)")
            print(
                profiler.output_text(
                    unicode=False,
                    color=False,
                    show_all=False,
                    processor_options={"filter_threshold": MIN_PERCENT / 100},
                )
            )


if __name__ == "__main__":
    run()
