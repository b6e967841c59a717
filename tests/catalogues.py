"""The project's message catalogues (locale/<lang>/LC_MESSAGES/django.po) for the test session.

The compiled .mo files are gitignored: scripts/compile-messages.sh builds them, run by `make test`
and again by the test session's start (tests/conftest.py), so a bare `pytest` never meets a stale
or absent catalogue.
"""

import shutil
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def msgfmt() -> str:
    path = shutil.which("msgfmt")
    if path is None:
        raise RuntimeError("msgfmt is missing: run scripts/install-test-system-deps.sh (Debian's gettext)")
    return path
