from django.db import migrations


def add_chinese_locale(apps, schema_editor):
    # English exists from Wagtail's first migration (LANGUAGE_CODE); Chinese pages need theirs.
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.get_or_create(language_code="zh-hans")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_info_page"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(add_chinese_locale, migrations.RunPython.noop)]
