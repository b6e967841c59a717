"""Who may see what in search results: the single place the community app plugs into."""

from .documents import MEMBERS, PUBLIC


def audiences_for(user) -> frozenset[str]:
    """The audiences whose documents ``user`` may see in results, facets and suggestions.

    Everyone sees ``public``. ``members`` is granted by the community app's permission
    ``community.view_post``; until that app defines it, nobody but a superuser has it.
    LEAD: when community lands, replace this check with its own rule (e.g.
    ``community.models.Membership.is_approved(user)``) so search and forum agree.
    """
    if user is not None and user.is_authenticated and user.has_perm("community.view_post"):
        return frozenset({PUBLIC, MEMBERS})
    return frozenset({PUBLIC})
