"""Admin: forum categories as snippets; the staff desk for membership applications (a dashboard
count, per-row and bulk approve/reject/suspend); the audit of posts their authors deleted."""

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from community.admin_views import (
    DECISIONS,
    ApplicationsWaitingPanel,
    Decision,
    MembershipDecisionView,
    MembershipIndexView,
    MembershipInspectView,
    WordSearchIndexView,
    WorkEmailColumn,
    decide,
)
from community.exceptions import MembershipTransitionError
from community.models import Category, DeletedPost, Membership


class CategoryViewSet(SnippetViewSet):
    model = Category
    index_view_class = WordSearchIndexView
    icon = "folder-open-inverse"
    menu_label = "Forum categories"
    list_display = ["name", "slug", "sort_order", BooleanColumn("is_closed", label="Closed")]
    ordering = ["sort_order", "name"]


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "user"
    menu_label = "Membership applications"
    index_view_class = MembershipIndexView
    inspect_view_class = MembershipInspectView
    copy_view_enabled = False  # an application is a person's; a copy of it is nobody's
    list_display = [
        "full_name",
        "company",
        WorkEmailColumn("work_email", label="Work e-mail"),
        "job_title",
        "state",
        DateColumn("applied_at", label="Applied"),
    ]
    list_filter = ["state"]
    # The admin's search completes Membership's autocomplete fields (name, company, job title):
    # naming fields here makes Wagtail's SQLite backend look for columns its index does not have.
    ordering = ["-applied_at"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "full_name",
        "company",
        "job_title",
        "work_email",
        "reason",
        "state",
        "applied_at",
        "email_verified_at",
        "decided_at",
        "decision_note",
    ]

    def decision_url_name(self, state: str) -> str:
        return self.get_url_name(DECISIONS[state].method)

    def get_index_view_kwargs(self, **kwargs):
        names = {state: self.decision_url_name(state) for state in DECISIONS}
        return super().get_index_view_kwargs(decision_url_names=names, **kwargs)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            *(
                path(
                    f"{decision.method}/<str:pk>/",
                    MembershipDecisionView.as_view(
                        decision=decision, index_url_name=self.get_url_name("list")
                    ),
                    name=decision.method,
                )
                for decision in DECISIONS.values()
            ),
        ]


class CommunityViewSetGroup(SnippetViewSetGroup):
    menu_label = "Community"
    menu_icon = "group"
    menu_order = 250
    items = (MembershipViewSet, CategoryViewSet)


register_snippet(CommunityViewSetGroup)


class DeletedPostViewSet(ModelViewSet):
    """Read-only audit of deleted posts: who, when, why, and the body no community page shows.

    Open to users holding `community.view_deletedpost` (and superusers); it has no add, edit,
    copy or delete views, so the record cannot be changed from here.
    """

    model = DeletedPost
    icon = "bin"
    menu_label = "Deleted posts"
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["__str__", "author", "deleted_at", "deletion_reason"]
    list_filter = ["deleted_at"]
    ordering = ["-deleted_at", "-pk"]
    inspect_view_fields = ["thread", "author", "created_at", "deleted_at", "deletion_reason", "body"]

    def get_common_view_kwargs(self, **kwargs):
        read_only = dict.fromkeys(["add_url_name", "edit_url_name", "delete_url_name", "copy_url_name"])
        return super().get_common_view_kwargs(**{**kwargs, **read_only})

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]


@hooks.register("register_admin_viewset")
def register_deleted_post_audit():
    return DeletedPostViewSet("deleted_posts")


class MembershipDecisionBulkAction(SnippetBulkAction):
    """Apply one decision to the selected applications: `decision` says which."""

    models = [Membership]
    template_name = "community/admin/confirm_membership_decision.html"
    decision: Decision

    def check_perm(self, obj) -> bool:
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", obj)

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        done, errors = 0, []
        for membership in objects:
            try:
                decide(membership, cls.decision, user)
            except MembershipTransitionError as error:
                errors.append(str(error))
            else:
                done += 1
        kwargs["self"].errors = errors
        return done, 0

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}

    def get_success_message(self, num_parent_objects, num_child_objects):
        message = ngettext(
            "%(count)d application %(done)s.", "%(count)d applications %(done)s.", num_parent_objects
        ) % {"count": num_parent_objects, "done": self.decision.past_tense}
        skipped = getattr(self, "errors", [])
        return f"{message} Skipped: {' '.join(skipped)}" if skipped else message


@hooks.register("register_bulk_action")
class ApproveBulkAction(MembershipDecisionBulkAction):
    decision = DECISIONS[Membership.State.APPROVED]
    display_name = decision.label
    action_type = decision.method
    aria_label = "Approve selected applications"
    action_priority = 10


@hooks.register("register_bulk_action")
class RejectBulkAction(MembershipDecisionBulkAction):
    decision = DECISIONS[Membership.State.REJECTED]
    display_name = decision.label
    action_type = decision.method
    aria_label = "Reject selected applications"
    action_priority = 20
    classes = {"serious"}


@hooks.register("register_bulk_action")
class SuspendBulkAction(MembershipDecisionBulkAction):
    decision = DECISIONS[Membership.State.SUSPENDED]
    display_name = decision.label
    action_type = decision.method
    aria_label = "Suspend selected members"
    action_priority = 30
    classes = {"serious"}


@hooks.register("construct_homepage_panels")
def add_applications_waiting_panel(request: HttpRequest, panels: list) -> None:
    if Membership.snippet_viewset.permission_policy.user_has_permission(request.user, "change"):
        list_url = reverse(Membership.snippet_viewset.get_url_name("list"))
        panels.append(ApplicationsWaitingPanel(f"{list_url}?state={Membership.State.PENDING}"))
