"""What every benchmark needs: Django on a throwaway SQLite file, free ports, servers that are up
(not a benchmark itself)."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path


def setup_django(db_path: Path) -> None:
    """Configure Django for the test settings on ``db_path`` and migrate it."""
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maghub.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def free_port() -> int:
    """A TCP port nothing listens on now, on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, server: subprocess.Popen) -> None:
    """Return once ``server`` accepts connections on ``port``; exit if it dies or takes over 60 s."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    sys.exit(f"{server.args[0]} did not start on port {port}")


def process_cpu(pid: int) -> float:
    """CPU seconds process ``pid`` has used (user + system)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def production_site(tmp: Path) -> dict[str, str]:
    """The demo site under production settings (SQLite in `tmp`, files cache unless REDIS_URL is
    set), as gunicorn serves it: configures this process the same way and returns the environment
    for a server process."""
    db = tmp / "serving.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "maghub.settings.production",
        "SECRET_KEY": "bench-only",
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "DATABASE_URL": f"sqlite:///{db}",
        "CACHE_DIR": str(tmp / "cache"),
        "MEDIA_ROOT": str(tmp / "media"),
        "WEB_CONCURRENCY": "2",
        "BIND_HOST": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
        "SECURE_SSL_REDIRECT": "0",  # wrk talks plain HTTP on loopback
        # No worker recycling inside a measurement: a worker's boot takes seconds on a busy machine.
        "GUNICORN_MAX_REQUESTS": "1000000",
    }
    os.environ.update(env)
    setup_django(db)
    from django.core.management import call_command

    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    call_command("collectstatic", "--noinput", verbosity=0)
    return env


def english(model):
    """The live pages of `model` at unprefixed URLs (Chinese translations share their originals'
    publication times, so "the newest" must be asked of one language)."""
    from wagtail.models import Locale

    from maghub.pages import in_language

    return in_language(model.objects.live(), Locale.get_default())
