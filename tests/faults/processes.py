"""Production processes on the test's database, each a process of its own: the task worker
(``manage.py db_worker``) and the web server (gunicorn)."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

from django.db import connection

from .observe import wait_until

ROOT = Path(__file__).resolve().parents[2]


def _environment(**extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.faults.process_settings",
        "MAGHUB_FAULT_DATABASE": json.dumps({**connection.settings_dict, "TEST": {}}, default=str),
        **extra,
    }


class Worker:
    def __init__(self, smtp_port: int, *options: str):
        command = [
            sys.executable,
            str(ROOT / "manage.py"),
            "db_worker",
            "--no-startup-delay",
            "--interval",
            "0.1",
            *options,
        ]
        self.process = subprocess.Popen(  # noqa: S603 - our own manage.py
            command,
            env=_environment(MAGHUB_FAULT_SMTP_PORT=str(smtp_port)),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
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


class WebServer:
    """gunicorn with the production configuration (one worker), on a free port of 127.0.0.1."""

    def __init__(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = subprocess.Popen(  # noqa: S603 - the virtualenv's gunicorn
            [str(Path(sys.executable).with_name("gunicorn")), "-c", "gunicorn.conf.py", "maghub.wsgi"],
            cwd=ROOT,
            env=_environment(BIND_HOST="127.0.0.1", PORT=str(self.port), WEB_CONCURRENCY="1"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(self._answers, 60, "gunicorn answering")

    def _answers(self) -> bool:
        try:
            return self.request("GET", "/healthz")[0] == 200
        except OSError:
            return False

    def request(
        self, method: str, path: str, body: str = "", headers: dict | None = None
    ) -> tuple[int, bytes]:
        """One request on a connection of its own; the status and body (redirects are not followed)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request(method, path, body=body, headers={"Host": "localhost", **(headers or {})})
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
