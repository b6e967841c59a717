"""The community's admin views: listings whose search takes words only, and the staff desk --
applications waiting on the dashboard, each row's decisions, each decision after a confirmation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.timezone import localtime
from django.views.generic import TemplateView

from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.views.snippets import IndexView, InspectView

from community.exceptions import MembershipTransitionError
from community.models import Membership
from maghub.search_text import search_words


@dataclass(frozen=True)
class Decision:
    """One thing staff can do to a membership: `method` names the Membership method that does it."""

    method: str
    label: str
    past_tense: str
    consequence: str  # what it means for the applicant, after their name
    serious: bool = False

    @property
    def takes_note(self) -> bool:
        """Whether the method passes a note on to the applicant's e-mail."""
        return self.serious


DECISIONS = {
    Membership.State.APPROVED: Decision(
        "approve", "Approve", "approved", "can read and post in the community from now on"
    ),
    Membership.State.REJECTED: Decision(
        "reject", "Reject", "rejected", "cannot enter the community", serious=True
    ),
    Membership.State.SUSPENDED: Decision(
        "suspend", "Suspend", "suspended", "loses access until staff approve them again", serious=True
    ),
}


def decide(membership: Membership, decision: Decision, by, note: str = "") -> None:
    """Apply `decision` to `membership`; raises MembershipTransitionError when it is not open."""
    method = getattr(membership, decision.method)
    if decision.takes_note:
        method(by, note)
    else:
        method(by)


class MembershipDecisionView(
    PermissionCheckedMixin, BaseObjectMixin, WagtailAdminTemplateMixin, TemplateView
):
    """GET shows who the applicant is and what the decision does; POST takes it and returns to the list."""

    model = Membership
    permission_required = "change"
    template_name = "community/admin/decide_membership.html"
    header_icon = "user"
    decision: Decision | None = None
    index_url_name = ""

    def setup(self, request: HttpRequest, *args, **kwargs) -> None:
        super().setup(request, *args, **kwargs)
        if not self.user_has_permission_for_instance("change", self.object):
            raise PermissionDenied

    def get_base_object_queryset(self) -> models.QuerySet[Membership]:
        return Membership.objects.select_related("user", "company_page")

    def get_page_title(self) -> str:
        return f"{self.decision.label} {self.object.full_name}?"

    def get_breadcrumbs_items(self) -> list[dict]:
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse(self.index_url_name), "label": "Membership applications"},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs) -> dict:
        open_now = self.decision_state in self.object.open_decisions
        refusal = ""
        if not open_now:
            state = self.object.get_state_display().lower()
            refusal = f"This membership is {state}: it cannot be {self.decision.past_tense}."
        elif self.decision.method == "approve" and not self.object.email_verified:
            refusal = f"{self.object.full_name} has not confirmed their e-mail address yet."
        return {
            **super().get_context_data(**kwargs),
            "membership": self.object,
            "decision": self.decision,
            "refusal": refusal,
            "index_url": reverse(self.index_url_name),
        }

    @property
    def decision_state(self) -> str:
        return next(state for state, decision in DECISIONS.items() if decision == self.decision)

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        membership = self.object
        try:
            decide(membership, self.decision, request.user, request.POST.get("note", "").strip())
        except MembershipTransitionError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, f"{membership.full_name} {self.decision.past_tense}; they have been told by e-mail."
            )
        return redirect(self.index_url_name)


class WordSearchIndexView(IndexView):
    """A listing whose search hands only the words typed to Wagtail's backend, which would
    otherwise pass quotes on to FTS5 unescaped (see maghub.search_text)."""

    @cached_property
    def search_query(self) -> str:
        return " ".join(search_words(super().search_query))


class WorkEmailColumn(Column):
    """The applicant's work e-mail, marked when its domain is their company's website domain."""

    cell_template_name = "community/admin/work_email_cell.html"


class MembershipIndexView(WordSearchIndexView):
    """Each row offers the decisions open to it as buttons, each leading to a confirmation page."""

    decision_url_names: dict[str, str] = {}  # set per viewset through as_view()

    def get_base_queryset(self) -> models.QuerySet[Membership]:
        return super().get_base_queryset().select_related("user", "company_page")

    def get_list_more_buttons(self, instance: Membership) -> list:
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

    def get_work_email_display_value(self) -> str:
        return render_to_string("community/admin/work_email.html", {"membership": self.object})

    def _local(self, value: datetime | None) -> str:
        return date_format(localtime(value), "DATETIME_FORMAT") if value else "—"

    def get_applied_at_display_value(self) -> str:
        return self._local(self.object.applied_at)

    def get_decided_at_display_value(self) -> str:
        return self._local(self.object.decided_at)

    def get_email_verified_at_display_value(self) -> str:
        return self._local(self.object.email_verified_at)


class ApplicationsWaitingPanel(Component):
    """The dashboard's count of applications staff can decide on now, linking to them."""

    name = "membership_applications_waiting"
    order = 50
    template_name = "community/admin/applications_waiting_panel.html"

    def __init__(self, list_url: str):
        self.list_url = list_url

    def get_context_data(self, parent_context: dict | None = None) -> dict:
        return {"count": Membership.awaiting_decision().count(), "list_url": self.list_url}
