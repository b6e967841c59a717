from django.db import migrations

# Every listing shows one language's pages (maghub.pages.in_language), newest first: on
# (locale_id, first_published_at, path) the database reads a page of one language's newest rows
# from one index. With only Wagtail's index on locale_id, SQLite picked it and sorted every page
# of the language; (first_published_at, path) from migration 0005 still serves what is not per
# language.
INDEX = "news_page_locale_first_published_path"


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0006_bilingual_roles_and_recognitions"),
    ]

    operations = [
        migrations.RunSQL(
            f'CREATE INDEX "{INDEX}" ON "wagtailcore_page" (locale_id, first_published_at, path)',
            reverse_sql=f'DROP INDEX "{INDEX}"',
        )
    ]
