"""In-site notifications: a reply to your thread, an @mention of you."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class NotificationQuerySet(models.QuerySet):
    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)

    def visible_to(self, user) -> NotificationQuerySet:
        """`user`'s notifications about posts they may still read: a hidden thread's title never shows."""
        from community.models import Post

        return self.filter(recipient=user, post__in=Post.objects.visible_to(user))


class Notification(models.Model):
    class Kind(models.TextChoices):
        REPLY = "reply", "replied to your thread"
        MENTION = "mention", "mentioned you"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_notifications"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    post = models.ForeignKey("community.Post", on_delete=models.CASCADE, related_name="notifications")
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "post"], name="one_notification_per_post")
        ]

    def __str__(self) -> str:
        return f"{self.actor} {self.get_kind_display()}"
