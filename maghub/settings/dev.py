"""A laptop: debug on, a fixed key, mail to the console, tasks run at once."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-deploy"  # noqa: F405, S105
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]  # noqa: F405
# Admin e-mails link to where `make run` serves the site (its PORT).
WAGTAILADMIN_BASE_URL = os.environ.get(
    "WAGTAILADMIN_BASE_URL", f"http://127.0.0.1:{os.environ.get('PORT') or 8000}"
)
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# `scripts/search-engine.sh start` runs OpenSearch locally; export ELASTICSEARCH_URL to use it.
ELASTICSEARCH_NODE_CLASS = "search.opensearch.OpenSearchNode"
