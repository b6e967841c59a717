"""The site the load benchmark drives, as production runs it: gunicorn (gunicorn.conf.py) and the
task worker (`manage.py db_worker`) on PostgreSQL, Redis and a search engine, with the demo
content, generated articles, approved members and an editor. Not a benchmark itself."""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.setup import free_port, process_cpu, wait_for_port

ROOT = Path(__file__).resolve().parent.parent.parent
PASSWORD = "load-bench-password"  # noqa: S105 - throwaway accounts on a throwaway database
EDITOR = "load-editor"
STOP_TIMEOUT = 30


def environment(tmp: Path, search_url: str) -> dict[str, str]:
    """Production settings (bench/load/settings.py) on the services the scripts started."""
    return {
        "DJANGO_SETTINGS_MODULE": "bench.load.settings",
        "SECRET_KEY": "load-bench-only",
        "ALLOWED_HOSTS": "127.0.0.1",
        "ELASTICSEARCH_URL": search_url,
        "ELASTICSEARCH_INDEX_PREFIX": "maghub-load",
        "MEDIA_ROOT": str(tmp / "media"),
        # Mail stays on the machine: the worker "sends" notifications into memory.
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "BIND_HOST": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
    }


def create_database() -> None:
    """CREATE DATABASE for DATABASE_URL on the fresh server scripts/with-postgres.sh started."""
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(os.environ["DATABASE_URL"])
    with psycopg.connect(
        host=config["HOST"], port=config["PORT"], user=config["USER"], dbname="postgres", autocommit=True
    ) as connection:
        connection.execute(f'CREATE DATABASE "{config["NAME"]}"')


def prepare(articles: int, members: int) -> list[str]:
    """Migrate, load the demo content and ``articles`` generated articles, index them, create the
    members and the editor; returns the members' usernames."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.utils import timezone

    from community import demo as community_demo
    from community.models import Membership

    quiet = open(os.devnull, "w")  # noqa: SIM115 - for the life of the process
    call_command("migrate", verbosity=0)
    call_command("search_index", "--upgrade", stdout=quiet)  # as the deployment does, before serving
    call_command("load_demo", stdout=quiet)
    # The community's demo categories and threads, which load_demo leaves out with DEBUG off.
    community_demo.load_demo()
    call_command("generate_content", articles=articles, seed=7, stdout=quiet)
    call_command("collectstatic", "--noinput", verbosity=0)
    # The index writes the content above queued (and any that failed): done before the clock starts.
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    call_command("search_index", "--sync", stdout=quiet)
    User = get_user_model()  # noqa: N806
    password = make_password(PASSWORD)  # hashed once: the hasher is slow on purpose
    usernames = [f"load-member-{n}" for n in range(members)]
    for username in usernames:
        user = User.objects.create(username=username, email=f"{username}@example.com", password=password)
        Membership.objects.create(
            user=user,
            full_name=f"Member {username[12:]}",
            company_name="Load Testing Ltd",
            job_title="Supply chain manager",
            state=Membership.State.APPROVED,
            email_verified_at=timezone.now(),
            decided_at=timezone.now(),
        )
    editor = User.objects.create(username=EDITOR, email="editor@example.com", password=password)
    editor.groups.add(Group.objects.get(name="Editors"))
    return usernames


def _start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    with log.open("ab") as output:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)  # noqa: S603


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@dataclass
class Site:
    """The served site: its URL, and the CPU its processes have used."""

    url: str
    server: subprocess.Popen
    worker: subprocess.Popen

    def cpu_seconds(self) -> float:
        """CPU seconds of gunicorn (master and current workers) and the task worker."""
        children = Path(f"/proc/{self.server.pid}/task/{self.server.pid}/children").read_text().split()
        return sum(process_cpu(pid) for pid in [self.server.pid, self.worker.pid, *map(int, children)])


@contextmanager
def serving(env: dict[str, str], tmp: Path):
    """gunicorn and the task worker, stopped by their PIDs on the way out; yields the Site."""
    port = free_port()
    server_env = {**os.environ, **env, "PORT": str(port)}
    bin_dir = Path(sys.executable).parent
    worker = _start([sys.executable, "manage.py", "db_worker"], server_env, tmp / "worker.log")
    try:
        server = _start(
            [
                str(bin_dir / "gunicorn"),
                "-c",
                "gunicorn.conf.py",
                "--access-logfile",
                "/dev/null",
                "maghub.wsgi",
            ],
            server_env,
            tmp / "gunicorn.log",
        )
        try:
            wait_for_port(port, server)
            yield Site(f"http://127.0.0.1:{port}", server, worker)
        finally:
            _stop(server)
    finally:
        _stop(worker)
