"""The one access rule of the community: who may read, who may write, who moderates.

Every surface (views, notifications, e-mail, search filtering) asks these
functions; model methods (`allows_viewing_by`, `allows_posting_by`) build on them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    from community.models import Membership

    AnyUser = AbstractBaseUser | AnonymousUser

MODERATORS_GROUP = "Forum moderators"  # created by migrations 0002 and 0005


def membership_of(user: AnyUser) -> Membership | None:
    """The user's membership application, or None (anonymous, staff without one)."""
    if not getattr(user, "is_authenticated", False):
        return None
    from community.models import Membership

    try:
        return user.membership
    except Membership.DoesNotExist:
        return None


def can_read_community(user: AnyUser) -> bool:
    """True for approved members (and superusers): the only people who see anything of the community."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    membership = membership_of(user)
    return membership is not None and membership.is_approved


def can_post(user: AnyUser) -> bool:
    """True when the user may write posts: an approved, not suspended member."""
    return can_read_community(user)


def is_moderator(user: AnyUser) -> bool:
    """Readers who are in the Forum moderators group (or superusers)."""
    if not can_read_community(user):
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_community_is_moderator", None)
    if cached is None:
        cached = user.groups.filter(name=MODERATORS_GROUP).exists()
        user._community_is_moderator = cached
    return cached


def refusal_message(user: AnyUser) -> str:
    """Why `user` may not read or write in the community, in words for that user."""
    from community.models import Membership

    if not getattr(user, "is_authenticated", False):
        return gettext("Please log in: the community is open to approved members only.")
    membership = membership_of(user)
    if membership is None:
        return gettext("The community is open to approved members only. Apply for membership to join.")
    messages = {
        Membership.State.PENDING: (
            gettext(
                "Your membership application is waiting for review by MagHub staff. "
                "You can read and post once it is approved."
            )
            if membership.email_verified
            else gettext(
                "Please confirm your e-mail address with the link we sent you; "
                "MagHub staff review applications once the address is confirmed."
            )
        ),
        Membership.State.REJECTED: (
            gettext(
                "Your membership application was not approved, so you cannot read or post in the community."
            )
        ),
        Membership.State.SUSPENDED: gettext(
            "Your membership is suspended: you cannot read or post in the community."
        ),
    }
    return messages.get(membership.state) or gettext("You cannot read or post in the community.")
