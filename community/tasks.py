"""Background work: e-mail goes through django-tasks so a request never waits on the mail server."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.translation import gettext

from django_tasks import task

from maghub.site_urls import site_root_url


@task()
def send_templated_email(user_id: int, subject: str, template: str, context: dict) -> None:
    """Send one plain-text e-mail rendered from `template` to the user's address."""
    user = get_user_model().objects.get(pk=user_id)
    if not user.email:
        return
    body = render_to_string(template, {**context, "user": user, "base_url": site_root_url()})
    send_mail(subject, body, None, [user.email])


@task()
def send_notification_email(notification_id: int) -> None:
    """E-mail one notification, after checking again that the recipient may still read the post."""
    from community.models import Notification

    notification = (
        Notification.objects.select_related("recipient__membership", "actor", "post__thread__category")
        .filter(pk=notification_id)
        .first()
    )
    if notification is None or not notification.post.allows_viewing_by(notification.recipient):
        return
    context = {
        "notification": notification,
        "post": notification.post,
        "thread": notification.post.thread,
        "recipient": notification.recipient,
        "base_url": site_root_url(),
    }
    subject = gettext("[MagHub community] %(headline)s") % {"headline": notification.headline}
    body = render_to_string("community/email/notification.txt", context)
    send_mail(subject, body, None, [notification.recipient.email])
