"""Production settings start only with their secrets, and then start cleanly."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SECRETS = {
    "SECRET_KEY": "a-long-random-production-key-for-this-test-only",
    "DATABASE_URL": "sqlite:///:memory:",
    "ALLOWED_HOSTS": "maghub.example.com",
}


def start(env_overrides: dict[str, str | None]) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in (*SECRETS, "DJANGO_SETTINGS_MODULE")}
    env["DJANGO_SETTINGS_MODULE"] = "maghub.settings.production"
    env.update({k: v for k, v in env_overrides.items() if v is not None})
    return subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.DEBUG, settings.ALLOWED_HOSTS)",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("missing", sorted(SECRETS))
def test_refuses_to_start_without_each_secret(missing):
    result = start({**SECRETS, missing: None})
    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


def test_starts_with_debug_off_when_the_secrets_are_set():
    result = start(SECRETS)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "['maghub.example.com']"]
