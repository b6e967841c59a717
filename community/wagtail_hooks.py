"""Admin: forum categories as snippets; the staff desk for membership applications (a dashboard
count, per-row and bulk approve/reject/suspend)."""

from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.timezone import localtime
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, InspectView, SnippetViewSet, SnippetViewSetGroup

from community.admin_views import DECISIONS, Decision, MembershipDecisionView, decide
from community.exceptions import MembershipTransitionError
from community.models import Category, Membership
from maghub.search_text import search_words


class WordSearchIndexView(IndexView):
    """A listing whose search hands only the words typed to Wagtail's backend, which would
    otherwise pass quotes on to FTS5 unescaped (see maghub.search_text)."""

    @cached_property
    def search_query(self) -> str:
        return " ".join(search_words(super().search_query))


class CategoryViewSet(SnippetViewSet):
    model = Category
    index_view_class = WordSearchIndexView
    icon = "folder-open-inverse"
    menu_label = "Forum categories"
    list_display = ["name", "slug", "sort_order", BooleanColumn("is_closed", label="Closed")]
    ordering = ["sort_order", "name"]


class WorkEmailColumn(Column):
    """The applicant's work e-mail, marked when its domain is their company's website domain."""

    cell_template_name = "community/admin/work_email_cell.html"


class MembershipIndexView(WordSearchIndexView):
    """Each row offers the decisions open to it as buttons, each leading to a confirmation page."""

    decision_url_names: dict[str, str] = {}  # noqa: RUF012 -- filled per viewset through as_view()

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user", "company_page")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        for state in instance.open_decisions:
            decision = DECISIONS[state]
            buttons.append(
                ListingButton(
                    decision.label,
                    url=reverse(self.decision_url_names[state], args=[instance.pk]),
                    icon_name="warning" if decision.serious else "check",
                    attrs={"aria-label": f"{decision.label} {instance.full_name}"},
                    priority=5,
                )
            )
        return buttons


class MembershipInspectView(InspectView):
    """The application in full, with its times in the site's time zone like the listing's."""

    def get_work_email_display_value(self):
        return render_to_string("community/admin/work_email.html", {"membership": self.object})

    def _local(self, value):
        return date_format(localtime(value), "DATETIME_FORMAT") if value else "—"

    def get_applied_at_display_value(self):
        return self._local(self.object.applied_at)

    def get_decided_at_display_value(self):
        return self._local(self.object.decided_at)

    def get_email_verified_at_display_value(self):
        return self._local(self.object.email_verified_at)


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


class ApplicationsWaitingPanel(Component):
    """The dashboard's count of applications staff can decide on now, linking to them."""

    name = "membership_applications_waiting"
    order = 50
    template_name = "community/admin/applications_waiting_panel.html"

    def __init__(self, list_url: str):
        self.list_url = list_url

    def get_context_data(self, parent_context=None):
        return {"count": Membership.awaiting_decision().count(), "list_url": self.list_url}


@hooks.register("construct_homepage_panels")
def add_applications_waiting_panel(request, panels):
    if Membership.snippet_viewset.permission_policy.user_has_permission(request.user, "change"):
        list_url = reverse(Membership.snippet_viewset.get_url_name("list"))
        panels.append(ApplicationsWaitingPanel(f"{list_url}?state={Membership.State.PENDING}"))
