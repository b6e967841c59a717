"""The production task worker (``manage.py db_worker``) as a process of its own, on the test's database."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from django.db import connection

MANAGE = Path(__file__).resolve().parents[2] / "manage.py"


class Worker:
    def __init__(self, smtp_port: int, *options: str):
        database = {**connection.settings_dict, "TEST": {}}
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.faults.worker_settings",
            "MAGHUB_WORKER_DATABASE": json.dumps(database, default=str),
            "MAGHUB_WORKER_SMTP_PORT": str(smtp_port),
        }
        command = [
            sys.executable,
            str(MANAGE),
            "db_worker",
            "--no-startup-delay",
            "--interval",
            "0.1",
            *options,
        ]
        self.process = subprocess.Popen(  # noqa: S603 - our own manage.py
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )

    def kill(self) -> None:
        """SIGKILL: the worker dies mid-task, as when it runs out of memory or its host goes."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def finish(self, timeout: float = 60) -> str:
        """Wait for a ``--batch`` worker to empty the queue; its output."""
        output, _ = self.process.communicate(timeout=timeout)
        assert self.process.returncode == 0, output
        return output
