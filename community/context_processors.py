"""The member's state for the site's masthead, given to every template as `account`.

A context processor rather than a tag library: the masthead lives in the project's base template,
which loads no app's tags (tests/test_import_arrows.py)."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from community import access
from community.models import Notification


def account_state(request: HttpRequest) -> dict | None:
    """Who is signed in, how many notifications they have not read and their language preference;
    None for a visitor (no query, so the anonymous page stays the same for everyone)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    membership = access.membership_of(user)
    return {
        "name": (membership and membership.full_name) or user.get_full_name() or user.get_username(),
        "unread_count": Notification.objects.visible_to(user).unread().count(),
        # A member's switcher also changes their preference (community/member_language.py).
        "language": membership.language if membership else None,
    }


def account(request: HttpRequest) -> dict:
    """`account` (see `account_state`), worked out only when a template reads it."""
    return {"account": SimpleLazyObject(lambda: account_state(request))}
