"""The project's message catalogues (locale/<lang>/LC_MESSAGES/django.po) for the test session.

The compiled .mo files are gitignored: `make test` builds them (scripts/compile-messages.sh), and a
bare `pytest` builds any that are missing or older than their .po at session start, so a test that
expects Chinese never meets a stale or absent catalogue.
"""

import shutil
import subprocess
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def po_files() -> list[Path]:
    return sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))


def msgfmt() -> str:
    path = shutil.which("msgfmt")
    if path is None:
        raise RuntimeError("msgfmt is missing: run scripts/install-test-system-deps.sh (Debian's gettext)")
    return path


def compile_stale() -> list[Path]:
    """Compile each .po whose .mo is missing or older, as `manage.py compilemessages` does."""
    compiled = []
    for po in po_files():
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        subprocess.run([msgfmt(), "--check-format", "-o", str(mo), str(po)], check=True)  # noqa: S603 - msgfmt
        compiled.append(mo)
    return compiled
