"""Who may start a translation: the roles that write pages.

simple_translation's "Translate" makes a draft copy of a page in the other language's tree; it asks
for the `simple_translation.submit_translation` permission and for the right to change the page.
Writers translate as they write (their copy still goes through "Editorial review" before it is
live), Editors and Administrators as they publish. Membership reviewers and forum moderators
change no pages, so they get none.
"""

from django.db import migrations

TRANSLATORS = ["Writers", "Editors", "Administrators"]


def _submit_translation(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="simple_translation", model="simpletranslation")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    permission = _submit_translation(apps)
    for group in Group.objects.filter(name__in=TRANSLATORS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    permission = _submit_translation(apps)
    for group in Group.objects.filter(name__in=TRANSLATORS):
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_chinese_locale"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
