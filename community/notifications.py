"""Who hears about what: in-site notifications, and e-mail through background tasks."""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from community import access
from community.access import membership_of
from community.markup import extract_mentions
from community.tasks import send_notification_email, send_templated_email

logger = logging.getLogger(__name__)

EMAIL_VERIFICATION_SALT = "community.verify-email"
EMAIL_VERIFICATION_MAX_AGE = 3 * 24 * 3600


def notify_about_post(post, previous_body: str | None = None) -> list:
    """Notify the thread's author of a reply and everyone newly @mentioned; returns the notifications.

    Only people who may read the thread hear about it, never the post's own author.
    """
    from community.models import Notification

    author = post.author
    thread = post.thread
    mentioned = extract_mentions(post.body) - extract_mentions(previous_body or "")
    recipients: dict[int, tuple] = {}
    users = get_user_model().objects.select_related("membership")
    for user in users.filter(username__in=mentioned) if mentioned else ():
        recipients[user.pk] = (user, Notification.Kind.MENTION)
    if previous_body is None and thread.author_id and thread.author_id not in recipients:
        recipients[thread.author_id] = (users.get(pk=thread.author_id), Notification.Kind.REPLY)
    recipients.pop(getattr(author, "pk", None), None)

    created = []
    about_post = Notification.objects.filter(
        post=post, kind__in=[Notification.Kind.REPLY, Notification.Kind.MENTION]
    )
    for user, kind in recipients.values():
        if not thread.allows_viewing_by(user) or about_post.filter(recipient=user).exists():
            continue
        notification = Notification.objects.create(recipient=user, post=post, actor=author, kind=kind)
        created.append(notification)
        membership = membership_of(user)
        if membership is None:
            continue
        if membership.email_on_mention if kind == Notification.Kind.MENTION else membership.email_on_reply:
            _enqueue(send_notification_email, notification.pk)
    return created


def notify_moderation(recipient, post, kind: str, actor=None) -> None:
    """Tell `recipient` what moderation did about `post` (in the site; by e-mail unless they opted out).

    Again for the same post and kind, the notification is renewed and shows as unread.
    """
    from community.models import Notification

    if recipient is None or not access.can_read_community(recipient):
        return
    notification, _ = Notification.objects.update_or_create(
        recipient=recipient,
        post=post,
        kind=kind,
        defaults={"actor": actor, "created_at": timezone.now(), "read_at": None},
    )
    membership = membership_of(recipient)
    wanted = kind == Notification.Kind.REPORTED and membership and membership.email_on_report
    wanted = wanted or (kind != Notification.Kind.REPORTED and membership and membership.email_on_moderation)
    if wanted:
        context = {
            "headline": notification.headline,
            "thread_title": notification.title_for(recipient),
            "path": reverse("community:notification_open", args=[notification.pk]),
        }
        subject = gettext("[MagHub community] %(headline)s") % {"headline": notification.headline}
        _enqueue(send_templated_email, recipient.pk, subject, "community/email/moderation.txt", context)


def notify_moderators_of_report(report) -> None:
    """Every moderator but the reporter hears of a new report."""
    from community.models import Notification

    moderators = get_user_model().objects.filter(
        groups__name=access.MODERATORS_GROUP, is_active=True, membership__state="approved"
    )
    for moderator in moderators.exclude(pk=report.reporter_id).select_related("membership"):
        notify_moderation(moderator, report.post, Notification.Kind.REPORTED, actor=report.reporter)


def send_membership_decision(membership) -> None:
    """Tell the applicant staff's decision (no community content in it)."""
    template = f"community/email/membership_{membership.state}.txt"
    subject = {
        "approved": gettext("Welcome to the MagHub community"),
        "rejected": gettext("Your MagHub community application"),
        "suspended": gettext("Your MagHub community membership is suspended"),
    }[membership.state]
    _enqueue(send_templated_email, membership.user_id, subject, template, {"note": membership.decision_note})


def email_verification_token(membership) -> str:
    """A signed, expiring token proving the applicant received mail at their address."""
    return signing.dumps({"m": membership.pk, "e": membership.user.email}, salt=EMAIL_VERIFICATION_SALT)


def membership_from_token(token: str):
    """The membership a verification token was made for, or None if invalid, expired or outdated."""
    from community.models import Membership

    try:
        data = signing.loads(token, salt=EMAIL_VERIFICATION_SALT, max_age=EMAIL_VERIFICATION_MAX_AGE)
    except signing.BadSignature:
        return None
    membership = Membership.objects.select_related("user").filter(pk=data.get("m")).first()
    if membership is None or membership.user.email != data.get("e"):
        return None
    return membership


def send_email_verification(membership) -> None:
    """Send the applicant the link that confirms their work e-mail."""
    path = reverse("verify_email", args=[email_verification_token(membership)])
    _enqueue(
        send_templated_email,
        membership.user_id,
        gettext("Confirm your e-mail for MagHub"),
        "community/email/verify_email.txt",
        {"path": path, "full_name": membership.full_name},
    )


def _enqueue(task, *args) -> None:
    """Queue a task; a broken queue is logged, never allowed to lose what the member wrote."""
    try:
        task.enqueue(*args)
    except Exception:
        logger.exception("could not enqueue %s", task.name)
