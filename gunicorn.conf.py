"""gunicorn settings for `make run` and docker-compose (`gunicorn -c gunicorn.conf.py maghub.wsgi`).

Environment overrides: PORT, WEB_CONCURRENCY (workers), GUNICORN_TIMEOUT, GUNICORN_MAX_REQUESTS.
"""

import multiprocessing
import os

bind = f"{os.environ.get('BIND_HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"  # noqa: S104 - in a container
# Sync workers: a page is CPU work on one core; two per core plus one keeps the cores busy
# while one worker waits on the database or the cache.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# A request that has not finished in this time is stuck: the worker is replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Behind a load balancer that keeps connections open, answer on the same connection.
keepalive = 5
# Recycle workers now and then (memory growth), staggered so they never restart all at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
# Load the application once in the master: workers fork with it already imported.
preload_app = True
accesslog = "-"
errorlog = "-"
# Client, request, status, bytes, referrer, user agent and the time taken in microseconds.
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(D)sus'
