"""Membership: an application reviewed by staff, and the member profile it becomes."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from community.exceptions import MembershipTransitionError


class Membership(index.Indexed, models.Model):
    """One per user: the application (name, company, job title, reason) and its state."""

    class State(models.TextChoices):
        PENDING = "pending", _("Pending review")
        APPROVED = "approved", _("Approved member")
        REJECTED = "rejected", _("Rejected")
        SUSPENDED = "suspended", _("Suspended")

    # Which states each decision may start from.
    TRANSITIONS = {
        State.APPROVED: {State.PENDING, State.REJECTED, State.SUSPENDED},
        State.REJECTED: {State.PENDING},
        State.SUSPENDED: {State.APPROVED},
    }

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership")
    full_name = models.CharField(max_length=150)
    company_page = models.ForeignKey(
        "news.CompanyProfilePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="community_members",
        verbose_name="company profile",
        help_text="The company's profile on MagHub, when it has one.",
    )
    company_name = models.CharField(
        max_length=200, blank=True, help_text="The company as the applicant wrote it, when it has no profile."
    )
    job_title = models.CharField(max_length=150)
    reason = models.TextField(_("reason for applying"), blank=True)
    state = models.CharField(max_length=20, choices=State.choices, default=State.PENDING, db_index=True)
    applied_at = models.DateTimeField(default=timezone.now)
    email_verified_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_note = models.TextField(blank=True, help_text="Shown to the applicant in the decision e-mail.")
    email_on_reply = models.BooleanField(_("e-mail me when someone replies to my thread"), default=True)
    email_on_mention = models.BooleanField(_("e-mail me when someone @mentions me"), default=True)
    email_on_moderation = models.BooleanField(
        _("e-mail me when a moderator acts on my post or on a post I reported"), default=True
    )
    email_on_report = models.BooleanField(_("e-mail me new reports (moderators only)"), default=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("full_name"), FieldPanel("company_page"), FieldPanel("company_name")],
            heading="Applicant",
        ),
        FieldPanel("job_title"),
        FieldPanel("reason"),
        FieldPanel("state", read_only=True),
        FieldPanel("email_verified_at", read_only=True),
        FieldPanel("decision_note"),
    ]
    search_fields = [
        index.SearchField("full_name"),
        index.SearchField("company_name"),
        index.SearchField("job_title"),
        index.AutocompleteField("full_name"),
        index.AutocompleteField("company_name"),
        index.AutocompleteField("job_title"),
        index.FilterField("state"),
    ]

    class Meta:
        ordering = ["-applied_at"]
        verbose_name = "membership application"

    def __str__(self) -> str:
        return f"{self.full_name} ({self.company})"

    def get_absolute_url(self) -> str:
        return reverse("community:member", args=[self.user.get_username()])

    @classmethod
    def company_pages(cls) -> models.Manager:
        """The company profiles a member can name, reached through `company_page` (the
        community's one link to news content) rather than by importing news."""
        return cls._meta.get_field("company_page").related_model.objects

    @classmethod
    def awaiting_decision(cls) -> models.QuerySet[Membership]:
        """Pending applications whose work e-mail is confirmed: the ones staff can decide on now."""
        return cls.objects.filter(state=cls.State.PENDING, email_verified_at__isnull=False)

    @property
    def company(self) -> str:
        return self.company_page.title if self.company_page_id else self.company_name

    @property
    def work_email(self) -> str:
        """The address the applicant confirmed: the one they signed up with."""
        return self.user.email

    @property
    def company_domain(self) -> str:
        """The host of the company profile's website, without "www." ("" when there is none)."""
        website = self.company_page.website if self.company_page_id else ""
        return (urlsplit(website).hostname or "").removeprefix("www.")

    @property
    def email_matches_company(self) -> bool:
        """Whether the work e-mail's domain is the company website's (or one of its subdomains)."""
        domain = self.work_email.rpartition("@")[2].lower()
        company = self.company_domain.lower()
        return bool(company and domain) and (domain == company or domain.endswith(f".{company}"))

    @property
    def open_decisions(self) -> list[str]:
        """The states staff may move this membership to now (see TRANSITIONS)."""
        return [state for state, sources in self.TRANSITIONS.items() if self.state in sources]

    @property
    def is_approved(self) -> bool:
        return self.state == self.State.APPROVED

    @property
    def email_verified(self) -> bool:
        return self.email_verified_at is not None

    def verify_email(self) -> None:
        """Record that the applicant clicked the link sent to their work e-mail."""
        if not self.email_verified_at:
            self.email_verified_at = timezone.now()
            self.save(update_fields=["email_verified_at"])

    def approve(self, by) -> None:
        """Staff admit the applicant (or reinstate a suspended member), who is told by e-mail.

        Needs a verified address.
        """
        if not self.email_verified:
            raise MembershipTransitionError(f"{self.full_name} has not confirmed their e-mail address yet.")
        self._decide(self.State.APPROVED, by)

    def reject(self, by, note: str = "") -> None:
        """Staff turn the application down; the applicant is told by e-mail."""
        self._decide(self.State.REJECTED, by, note)

    def suspend(self, by, note: str = "") -> None:
        """Take away a member's access (read and write) until reinstated."""
        self._decide(self.State.SUSPENDED, by, note)

    def _decide(self, state: str, by, note: str = "") -> None:
        from community.models.moderation import ModerationLog
        from community.notifications import send_membership_decision

        if self.state not in self.TRANSITIONS[state]:
            raise MembershipTransitionError(
                f"{self.full_name}'s membership is {self.get_state_display().lower()}: "
                f"it cannot become {self.State(state).label.lower()}."
            )
        self.state = state
        self.decided_at = timezone.now()
        self.decided_by = by
        if note:
            self.decision_note = note
        with transaction.atomic():
            self.save(update_fields=["state", "decided_at", "decided_by", "decision_note"])
            ModerationLog.record(by, ModerationLog.Action(f"member_{state}"), member=self.user, note=note)
            send_membership_decision(self)
