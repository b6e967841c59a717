from django.db import migrations

# Indexes on Wagtail's page table for what every request and every listing asks of it at scale.
# Wagtail's own migrations have no index on `url_path`, which routing looks pages up by
# (maghub.pages.route_in_one_query), so each request scanned the page table's path index; and
# listings read the newest pages first, with the (unique) tree path as the tie-breaker
# (maghub.pages.NEWEST_FIRST): on (first_published_at, path) both SQLite and PostgreSQL walk
# one index backwards and stop after a page of rows instead of sorting every page of the type.
INDEXES = {
    "news_page_url_path": "url_path",
    "news_page_first_published_path": "first_published_at, path",
}


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0004_editor_help_texts"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            f'CREATE INDEX "{name}" ON "wagtailcore_page" ({columns})',
            reverse_sql=f'DROP INDEX "{name}"',
        )
        for name, columns in INDEXES.items()
    ]
