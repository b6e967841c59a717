"""The database cache's table is part of the schema: `migrate` alone makes a working site."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("home", "0003_editorial_roles")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
