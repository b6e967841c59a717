"""Who may see what in search results: the single place the community app plugs into."""

from community.access import can_read_community

from .documents import MEMBERS, PUBLIC


def audiences_for(user) -> frozenset[str]:
    """The audiences whose documents ``user`` may see in results, facets and suggestions.

    Everyone sees ``public``; ``members`` (community posts) only those who may read the
    community (:func:`community.access.can_read_community`), so search and forum agree.
    """
    if can_read_community(user):
        return frozenset({PUBLIC, MEMBERS})
    return frozenset({PUBLIC})
