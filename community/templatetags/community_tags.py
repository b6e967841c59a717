"""Template tags of the community: the member's navigation bar, the signed-in state in the masthead."""

from django import template

from community import access
from community.models import Notification, Report

register = template.Library()


@register.inclusion_tag("community/includes/nav.html", takes_context=True)
def community_nav(context) -> dict:
    """Links for the member, with the unread-notification count and, for moderators, open reports."""
    user = context["request"].user
    is_moderator = access.is_moderator(user)
    return {
        "user": user,
        "unread_count": Notification.objects.visible_to(user).unread().count(),
        "is_moderator": is_moderator,
        "open_reports": Report.objects.filter(status=Report.Status.OPEN).count() if is_moderator else 0,
    }


@register.simple_tag(takes_context=True)
def account_state(context) -> dict | None:
    """For the masthead: who is signed in and how many notifications they have not read;
    None for a visitor (no query, so the anonymous page stays the same for everyone)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    membership = access.membership_of(user)
    return {
        "name": (membership and membership.full_name) or user.get_full_name() or user.get_username(),
        "unread_count": Notification.objects.visible_to(user).unread().count(),
    }
