"""Statistics for the database's query planner, refreshed where table sizes jump.

Listings join Wagtail's page table (every page of the site) to a page type's own table (a
few dozen companies, or a million articles). Without statistics SQLite guesses every table is
the same size, and for the company directory it walked the whole page table's date index
instead of the few company rows. `ANALYZE` gives it the real proportions: after `migrate`
(every deploy and `make run`) on SQLite, and after a bulk load (`generate_content`) on either
database, where PostgreSQL's autovacuum would otherwise analyze only some time later.
"""

from django.db import connections

# Rows SQLite samples per index (its documented default for approximate ANALYZE is 400s):
# the proportions are what matter, and a sample keeps ANALYZE at a second or less at 1M pages.
SQLITE_ANALYSIS_LIMIT = 1000


def refresh_statistics(using: str = "default") -> None:
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"PRAGMA analysis_limit = {SQLITE_ANALYSIS_LIMIT}")
        cursor.execute("ANALYZE")


def refresh_after_migrate(sender, using="default", **kwargs) -> None:
    """post_migrate: on SQLite, which has no background analysis of its own."""
    if connections[using].vendor == "sqlite":
        refresh_statistics(using)
