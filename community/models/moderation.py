"""Reports from members and the log of every moderation action."""

from __future__ import annotations

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from community import access
from community.exceptions import PostingNotAllowed


class ModerationLog(models.Model):
    """Who did what to which thread, post or member, and when. Append-only."""

    class Action(models.TextChoices):
        THREAD_PIN = "thread_pin", _("Pinned thread")
        THREAD_UNPIN = "thread_unpin", _("Unpinned thread")
        THREAD_LOCK = "thread_lock", _("Locked thread")
        THREAD_UNLOCK = "thread_unlock", _("Unlocked thread")
        THREAD_HIDE = "thread_hide", _("Hid thread")
        THREAD_UNHIDE = "thread_unhide", _("Unhid thread")
        THREAD_MOVE = "thread_move", _("Moved thread")
        POST_HIDE = "post_hide", _("Hid post")
        POST_UNHIDE = "post_unhide", _("Unhid post")
        REPORT_RESOLVED = "report_resolved", _("Resolved report")
        REPORT_DISMISSED = "report_dismissed", _("Dismissed report")
        MEMBER_APPROVED = "member_approved", _("Approved member")
        MEMBER_REJECTED = "member_rejected", _("Rejected application")
        MEMBER_SUSPENDED = "member_suspended", _("Suspended member")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=30, choices=Action.choices)
    thread = models.ForeignKey("community.Thread", null=True, on_delete=models.SET_NULL, related_name="+")
    post = models.ForeignKey("community.Post", null=True, on_delete=models.SET_NULL, related_name="+")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.actor} {self.get_action_display().lower()} at {self.created_at:%Y-%m-%d %H:%M}"

    @classmethod
    def record(
        cls, actor, action: str, *, thread=None, post=None, member=None, note: str = ""
    ) -> ModerationLog:
        """Write one entry of the log."""
        return cls.objects.create(
            actor=actor, action=action, thread=thread, post=post, member=member, note=note
        )


class Report(models.Model):
    """A member flags a post for moderators, with a reason."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        ABUSE = "abuse", _("Abusive or harassing")
        CONFIDENTIAL = "confidential", _("Shares confidential or personal information")
        OFF_TOPIC = "off_topic", _("Off-topic")
        OTHER = "other", _("Something else")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        RESOLVED = "resolved", _("Resolved (action taken)")
        DISMISSED = "dismissed", _("Dismissed")

    post = models.ForeignKey("community.Post", on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=20, choices=Reason.choices)
    details = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"],
                condition=models.Q(status="open"),
                name="one_open_report_per_member",
            )
        ]

    def __str__(self) -> str:
        return f"Report on post {self.post_id}: {self.get_reason_display()}"

    def close(self, moderator, status: str, *, hide_post: bool = False) -> None:
        """Resolve or dismiss the report (optionally hiding the post), logged."""
        if not access.is_moderator(moderator):
            raise PostingNotAllowed(gettext("Only moderators may do that."))
        with transaction.atomic():
            if hide_post and not self.post.is_hidden:
                self.post.set_hidden(moderator, True, note=f"Report: {self.get_reason_display()}")
            self.status, self.handled_by, self.handled_at = status, moderator, timezone.now()
            self.save(update_fields=["status", "handled_by", "handled_at"])
            action = (
                ModerationLog.Action.REPORT_RESOLVED
                if status == self.Status.RESOLVED
                else ModerationLog.Action.REPORT_DISMISSED
            )
            ModerationLog.record(
                moderator, action, thread=self.post.thread, post=self.post, note=self.details
            )
        from community.models.notifications import Notification
        from community.notifications import notify_moderation

        outcome = (
            Notification.Kind.REPORT_RESOLVED
            if status == self.Status.RESOLVED
            else Notification.Kind.REPORT_DISMISSED
        )
        notify_moderation(self.reporter, self.post, outcome)
