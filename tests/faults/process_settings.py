"""Settings of the processes the fault tests start beside themselves (the task worker, gunicorn):
the test settings on the test's own database (MAGHUB_FAULT_DATABASE, JSON), with production's
database queue and, when MAGHUB_FAULT_SMTP_PORT is set, a real SMTP server."""

import json
import os

from maghub.settings.test import *  # noqa: F403

DATABASES = {"default": json.loads(os.environ["MAGHUB_FAULT_DATABASE"])}
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
if os.environ.get("MAGHUB_FAULT_SMTP_PORT"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = "127.0.0.1"
    EMAIL_PORT = int(os.environ["MAGHUB_FAULT_SMTP_PORT"])
    EMAIL_TIMEOUT = 60  # longer than a test: a worker is still waiting on the mail server when it dies
