"""The staff desk: staff decide on one membership application at a time, after a confirmation page."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from community.exceptions import MembershipTransitionError
from community.models import Membership


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

    def get_base_object_queryset(self):
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
