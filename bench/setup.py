"""What every benchmark needs: Django on a throwaway SQLite file (not a benchmark itself)."""

import os
from pathlib import Path


def setup_django(db_path: Path) -> None:
    """Configure Django for the test settings on ``db_path`` and migrate it."""
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maghub.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
