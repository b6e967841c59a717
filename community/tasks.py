"""Background work: e-mail goes through django-tasks so a request never waits on the mail server.

Each e-mail is written in its recipient's language (community/member_language.py), whatever the
language of the request that queued it: the task renders subject, body and links under
`translation.override`, so `{% url %}` gives the `/zh/` paths to a Chinese reader. Arguments carry
no translated text (a subject is its message id, translated here); a link passed in the context is
made in the recipient's language by the caller.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from django_tasks import task

from community import access
from community.member_language import language_of
from maghub.i18n import bcp47
from maghub.site_urls import site_root_url


@task()
def send_templated_email(user_id: int, subject: str, template: str, context: dict) -> None:
    """Send one plain-text e-mail rendered from `template` to the user's address, in their language;
    `subject` is an untranslated message id (marked with gettext_noop where it is written)."""
    user = get_user_model().objects.select_related("membership").get(pk=user_id)
    if not user.email:
        return
    with translation.override(language_of(user)):
        body = render_to_string(template, {**context, "user": user, "base_url": site_root_url()})
        _send(user, gettext(subject), body)


@task()
def send_notification_email(notification_id: int) -> None:
    """E-mail one notification in its recipient's language, after checking again that they may
    still hear of it: a reply or mention only while they may read the post, a moderation notice
    while they are a member (it may be about a post hidden from them, its title then left out)."""
    from community.models import Notification

    notification = (
        Notification.objects.select_related("recipient__membership", "actor", "post__thread__category")
        .filter(pk=notification_id)
        .first()
    )
    if notification is None:
        return
    recipient = notification.recipient
    is_moderation = notification.kind in Notification.MODERATION
    allowed = access.can_read_community if is_moderation else notification.post.allows_viewing_by
    if not allowed(recipient):
        return
    with translation.override(language_of(recipient)):
        headline = notification.headline
        context = {
            "headline": headline,
            "post": notification.post,
            "thread": notification.post.thread,
            "thread_title": notification.title_for(recipient),
            "user": recipient,
            "path": reverse("community:notification_open", args=[notification.pk]),
            "base_url": site_root_url(),
        }
        template = "community/email/moderation.txt" if is_moderation else "community/email/notification.txt"
        subject = gettext("[MagHub community] %(headline)s") % {"headline": headline}
        _send(recipient, subject, render_to_string(template, context))


def _send(user, subject: str, body: str) -> None:
    """Mail `user` in the active language, which the message declares for mail clients."""
    headers = {"Content-Language": bcp47(translation.get_language())}
    EmailMessage(subject, body, None, [user.email], headers=headers).send()
