"""PostgreSQL stops (fast shutdown: every connection cut) and starts again under a running gunicorn
while a member posts: /readyz answers 503 with the database down, a post written meanwhile is
refused (not acknowledged, and not half-stored), and the first requests after the restart succeed
on fresh connections; every acknowledged post is stored exactly once.

Runs only under DB=postgres (`make test DB=postgres`, which CI's .ci/run is): it stops and starts
the throwaway cluster of scripts/with-postgres.sh (MAGHUB_PG_*). Restarting the server cuts every
connection, other test processes' too, so `make test` runs it in its serial pass (with the browser
journeys); elsewhere (SQLite, or a PostgreSQL of one's own) tests/conftest.py deselects it and the
session's summary says so.
"""

import os
import subprocess
from urllib.parse import urlencode

from django.db import connection
from django.test import Client
from django.urls import reverse

import pytest

from community.models import Post

from .processes import WebServer

pytestmark = [pytest.mark.postgres_restart, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CSRF = "faulttestsfaulttestsfaulttests32"  # any 32 letters: Django compares cookie and header


def pg_ctl(*arguments: str) -> None:
    """Debian's pg_ctl on the suite's cluster, as the account that owns it."""
    data = os.environ["MAGHUB_PG_DATA"]
    run_as = ["runuser", "-u", os.environ["MAGHUB_PG_USER"], "--"] if os.environ.get("MAGHUB_PG_USER") else []
    command = [*run_as, os.environ["MAGHUB_PG_CTL"], "-D", data, "-w", *arguments]
    subprocess.run(command, check=True, capture_output=True, timeout=60)  # noqa: S603 - Debian's pg_ctl


@pytest.fixture
def web():
    server = WebServer()
    yield server
    server.stop()


def test_a_postgresql_restart_loses_no_acknowledged_post(web, people, category):
    thread = category.start_thread(people.moderator, "Bonded warehouses", "Who uses one in Waigaoqiao?")
    browser = Client()
    browser.force_login(people.member)
    headers = {
        "Cookie": f"sessionid={browser.cookies['sessionid'].value}; csrftoken={CSRF}",
        "X-CSRFToken": CSRF,
        "Content-Type": "application/x-www-form-urlencoded",
    }

    def reply(text: str) -> int:
        path = reverse("community:reply", args=[thread.pk])
        return web.request("POST", path, urlencode({"body": text}), headers)[0]

    assert web.request("GET", "/readyz")[0] == 200
    assert reply("Before the restart: Yangshan.") == 302

    pg_ctl("stop", "-m", "fast")
    status, body = web.request("GET", "/readyz")
    assert status == 503 and b'"database": {"status": "down"' in body
    refused = reply("While the database is down: Lingang.")
    assert refused >= 500

    pg_ctl("start", "-l", os.path.join(os.path.dirname(os.environ["MAGHUB_PG_DATA"]), "log"))
    assert web.request("GET", "/readyz")[0] == 200  # the first request after the restart, on a new connection
    assert reply("After the restart: Hongqiao.") == 302

    connection.close()  # this test process's own connection went with the restart too
    for text, stored in (("Yangshan", 1), ("Lingang", 0), ("Hongqiao", 1)):
        assert Post.objects.filter(body__contains=text).count() == stored, text
