"""Template tags of the community: the member's navigation bar."""

from django import template

from community import access
from community.models import Report

register = template.Library()


@register.inclusion_tag("community/includes/nav.html", takes_context=True)
def community_nav(context) -> dict:
    """Links for the member, with the unread-notification count and, for moderators, open reports.

    The count is the masthead's (`account`, community.context_processors), read once per page."""
    user = context["request"].user
    is_moderator = access.is_moderator(user)
    account = context.get("account")
    return {
        "user": user,
        "unread_count": account["unread_count"] if account else 0,
        "is_moderator": is_moderator,
        "open_reports": Report.objects.filter(status=Report.Status.OPEN).count() if is_moderator else 0,
    }
