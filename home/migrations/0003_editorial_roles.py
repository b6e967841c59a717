"""Editorial roles and the "Editorial review" workflow.

Roles are groups, granted on the root page and the root collection so they
cover every site and every image or document:

- Writers draft and submit articles for review; they cannot publish.
- Editors approve (the workflow's only step), publish, schedule and lock.
- Moderators run the members' community; they get no page permissions here
  (community/ grants them its own model permissions).
- Administrators hold every page permission and manage users.

Wagtail's default "Moderators approval" workflow is retired: the root page's
workflow becomes "Editorial review", approved by Editors.
"""

from django.db import migrations

ROLES = {
    "Writers": {
        "pages": ["add", "change"],
        "collections": {"wagtailimages.image": ["add", "choose"], "wagtaildocs.document": ["add", "choose"]},
        "models": {"news.author": ["view"], "news.industry": ["view"], "news.district": ["view"]},
    },
    "Editors": {
        "pages": ["add", "change", "publish", "lock", "unlock"],
        "collections": {
            "wagtailimages.image": ["add", "change", "choose", "delete"],
            "wagtaildocs.document": ["add", "change", "choose", "delete"],
        },
        "models": {
            "news.author": ["add", "change", "view"],
            "news.industry": ["add", "change", "view"],
            "news.district": ["add", "change", "view"],
            "news.certification": ["add", "change", "view"],
            "news.award": ["add", "change", "view"],
        },
    },
    "Moderators": {"pages": [], "collections": {}, "models": {}},
    "Administrators": {
        "pages": ["add", "change", "publish", "lock", "unlock", "bulk_delete"],
        "collections": {
            "wagtailimages.image": ["add", "change", "choose", "delete"],
            "wagtaildocs.document": ["add", "change", "choose", "delete"],
        },
        "models": {
            "auth.user": ["add", "change", "delete", "view"],
            "auth.group": ["add", "change", "delete", "view"],
            "news.author": ["add", "change", "delete", "view"],
            "news.industry": ["add", "change", "delete", "view"],
            "news.district": ["add", "change", "delete", "view"],
            "news.certification": ["add", "change", "delete", "view"],
            "news.award": ["add", "change", "delete", "view"],
            "wagtailcore.site": ["add", "change", "delete"],
            "wagtailcore.collection": ["add", "change", "delete"],
            "wagtailcore.workflow": ["add", "change", "delete"],
            "wagtailcore.task": ["add", "change", "delete"],
        },
    },
}
WORKFLOW_NAME = "Editorial review"
TASK_NAME = "Editor approval"
RETIRED_WORKFLOW_NAME = "Moderators approval"
# Apps whose permissions Wagtail's initial data hands to its default groups.
WAGTAIL_DEFAULT_APPS = ["wagtailimages", "wagtaildocs"]


def _permission(apps, label, action):
    """The auth permission `action` on `app_label.model`, created if post_migrate has not run yet."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    app_label, model = label.split(".")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{model}",
        defaults={"name": f"Can {action.replace('_', ' ')} {model}"},
    )
    return permission


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    access_admin = _permission(apps, "wagtailadmin.admin", "access")

    groups = {}
    for name, grants in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        # Start from a clean slate: Wagtail's own Moderators/Editors come with other grants.
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()
        group.permissions.remove(*Permission.objects.filter(content_type__app_label__in=WAGTAIL_DEFAULT_APPS))
        group.permissions.add(access_admin)
        for action in grants["pages"]:
            GroupPagePermission.objects.create(
                group=group, page=root_page, permission=_permission(apps, "wagtailcore.page", action)
            )
        for label, actions in grants["collections"].items():
            for action in actions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=_permission(apps, label, action)
                )
        for label, actions in grants["models"].items():
            group.permissions.add(*(_permission(apps, label, action) for action in actions))

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=TASK_NAME, defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([groups["Editors"]])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    Workflow.objects.filter(name=RETIRED_WORKFLOW_NAME).update(active=False)
    WorkflowPage.objects.filter(workflow__name=RETIRED_WORKFLOW_NAME).delete()


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    WorkflowPage.objects.filter(workflow__name=WORKFLOW_NAME).delete()
    Workflow.objects.filter(name=WORKFLOW_NAME).update(active=False)
    Group.objects.filter(name__in=["Writers", "Administrators"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_initial"),
        ("news", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
