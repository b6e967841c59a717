"""Settings of the task worker the fault tests start as a process of its own: the test settings on
the test's own database (MAGHUB_WORKER_DATABASE, JSON), with production's database queue and SMTP."""

import json
import os

from maghub.settings.test import *  # noqa: F403

DATABASES = {"default": json.loads(os.environ["MAGHUB_WORKER_DATABASE"])}
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ["MAGHUB_WORKER_SMTP_PORT"])
EMAIL_TIMEOUT = 60  # longer than the test: the worker is still waiting on the mail server when it dies
