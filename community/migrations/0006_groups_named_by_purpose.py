"""Groups named by what their members do, so the user editor tells them apart.

- "Community moderators" (no admin permissions; community/access.py checks membership of it)
  moderate the forum on the site: "Forum moderators".
- Wagtail's "Moderators" had been stripped to admin access alone; it becomes the staff who decide
  on membership applications, "Membership reviewers", with the permission to do so.
"""

from django.db import migrations

RENAMES = {"Community moderators": "Forum moderators", "Moderators": "Membership reviewers"}
REVIEWER_PERMISSIONS = ["view_membership", "change_membership"]


def _membership_permissions(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="community", model="membership")
    return [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": f"Can {codename.split('_')[0]} membership"},
        )[0]
        for codename in REVIEWER_PERMISSIONS
    ]


def name_by_purpose(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    for old, new in RENAMES.items():
        Group.objects.filter(name=old).update(name=new)
    reviewers, _ = Group.objects.get_or_create(name="Membership reviewers")
    reviewers.permissions.add(*_membership_permissions(apps))


def restore_names(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    reviewers = Group.objects.filter(name="Membership reviewers").first()
    if reviewers is not None:
        reviewers.permissions.remove(*_membership_permissions(apps))
    for old, new in RENAMES.items():
        Group.objects.filter(name=new).update(name=old)


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0005_deletion_reason_and_thread_notices"),
        ("home", "0003_editorial_roles"),
    ]

    operations = [migrations.RunPython(name_by_purpose, restore_names)]
