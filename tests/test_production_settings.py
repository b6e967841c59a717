"""Production settings start only with their secrets, and then start cleanly."""

import os
import secrets
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


PRINT_SETTINGS = [
    "-c",
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.DEBUG, settings.ALLOWED_HOSTS)",
]


def start(
    env_overrides: dict[str, str | None], args: list[str] = PRINT_SETTINGS
) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in (*SECRETS, "DJANGO_SETTINGS_MODULE")}
    # Nor the deployment knobs, nor what the browser tests' conftest sets for its live server.
    env = {k: v for k, v in env.items() if not k.startswith(("SECURE_", "DJANGO_"))}
    env["DJANGO_SETTINGS_MODULE"] = "maghub.settings.production"
    env.update({k: v for k, v in env_overrides.items() if v is not None})
    return subprocess.run(  # noqa: S603 - our own interpreter and fixed arguments
        [sys.executable, *args],
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


def test_deploy_checks_pass_with_only_the_required_variables_set():
    """`manage.py check --deploy` finds nothing: HTTPS, HSTS, secure cookies are the defaults."""
    key = secrets.token_urlsafe(50)  # the check wants a long, random-looking key
    result = start(
        {**SECRETS, "SECRET_KEY": key}, ["manage.py", "check", "--deploy", "--fail-level", "WARNING"]
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
