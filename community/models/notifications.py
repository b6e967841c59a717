"""In-site notifications: a reply to your thread, an @mention of you."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class NotificationQuerySet(models.QuerySet):
    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)

    def visible_to(self, user) -> NotificationQuerySet:
        """`user`'s notifications about posts they may still read, and the notices telling a thread's
        author what moderators did to it (even hidden: `title_for` then leaves its title out)."""
        from community import access
        from community.models import Post, Thread

        if not access.can_read_community(user):
            return self.none()
        readable = Q(post__in=Post.objects.visible_to(user))
        moderation = Q(kind__in=Notification.MODERATION, post__thread__in=Thread.objects.visible_to(user))
        own_thread = Q(
            kind__in=Notification.THREAD_NOTICES,
            post__thread__author=user,
            post__thread__is_deleted=False,
        )
        return self.filter(readable | moderation | own_thread, recipient=user)


class Notification(models.Model):
    class Kind(models.TextChoices):
        REPLY = "reply", _("replied to your thread")
        MENTION = "mention", _("mentioned you")
        POST_HIDDEN = "post_hidden", _("A moderator hid your post")
        POST_UNHIDDEN = "post_unhidden", _("A moderator made your post visible again")
        REPORT_RESOLVED = "report_resolved", _("Moderators acted on a post you reported")
        REPORT_DISMISSED = "report_dismissed", _("Moderators looked at a post you reported and left it")
        REPORTED = "reported", _("New report on a post")
        THREAD_HIDDEN = "thread_hidden", _("A moderator hid your thread")
        THREAD_UNHIDDEN = "thread_unhidden", _("A moderator made your thread visible again")
        THREAD_LOCKED = "thread_locked", _("A moderator locked your thread")
        THREAD_UNLOCKED = "thread_unlocked", _("A moderator reopened your thread for replies")
        THREAD_MOVED = "thread_moved", _("A moderator moved your thread to another category")

    #: What moderation tells a thread's author about their thread (hidden or not: they wrote it).
    THREAD_NOTICES = (
        Kind.THREAD_HIDDEN,
        Kind.THREAD_UNHIDDEN,
        Kind.THREAD_LOCKED,
        Kind.THREAD_UNLOCKED,
        Kind.THREAD_MOVED,
    )
    #: What moderation tells people: shown whether or not they may still read the post, never naming
    #: the moderator (or, to the author, the reporter).
    MODERATION = (
        Kind.POST_HIDDEN,
        Kind.POST_UNHIDDEN,
        Kind.REPORT_RESOLVED,
        Kind.REPORT_DISMISSED,
        Kind.REPORTED,
        *THREAD_NOTICES,
    )

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
            models.UniqueConstraint(
                fields=["recipient", "post", "kind"], name="one_notification_per_post_and_kind"
            )
        ]

    def __str__(self) -> str:
        return self.headline

    def title_for(self, user) -> str:
        """The thread's title if `user` may read the thread now, else "": a hidden thread's title
        never shows, not even to its author."""
        thread = self.post.thread
        return thread.title if thread.allows_viewing_by(user) else ""

    @property
    def headline(self) -> str:
        """What happened, in words for the recipient."""
        if self.kind in self.MODERATION:
            return str(self.get_kind_display())
        actor = str(self.actor) if self.actor else gettext("A former member")
        if self.kind == self.Kind.MENTION:
            return gettext("%(actor)s mentioned you") % {"actor": actor}
        return gettext("%(actor)s replied to your thread") % {"actor": actor}
