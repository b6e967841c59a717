"""What the community's rules raise; views turn these into responses."""


class CommunityError(Exception):
    """Base class: the message is safe to show to the member."""


class PostingNotAllowed(CommunityError):
    """The user may not write here (not an approved member, suspended, closed category...)."""


class ThreadLocked(PostingNotAllowed):
    """The thread is locked: only moderators may still reply."""


class MembershipTransitionError(CommunityError):
    """A membership cannot move from its current state to the requested one."""
