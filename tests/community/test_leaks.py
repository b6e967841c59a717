"""Member-only text never leaves the community: feeds, sitemap, APIs, search, e-mail to non-members.

These surfaces belong to other apps; the test asks for each one that exists in
the project (as the URL resolver answers) and checks what non-members receive.
"""

import pytest

from .conftest import SECRET
from .urlwalk import all_routes, sample_url

pytestmark = pytest.mark.django_db

QUERY = SECRET.split("-")[0]  # a word of the secret, for search-like endpoints
SURFACES = [
    "/feeds/news/",
    "/sitemap.xml",
    "/api/v2/pages/",
    f"/api/v2/pages/?search={QUERY}",
    f"/api/search/?q={QUERY}",
    f"/api/search/?q={QUERY}&facets=1",
    f"/search/?q={QUERY}",
    f"/api/search/suggest/?q={QUERY}",
    "/api/search/suggest/?q=who+knows",  # the thread's title, as a member would type it
]
LEAKY_WORDS = ("feed", "rss", "atom", "sitemap", "api", "search", "suggest", "export", "json")


def surfaces() -> list[str]:
    """The known leak surfaces plus every route whose pattern looks like one."""
    found = set(SURFACES)
    for route in all_routes():
        outside = not route.is_community and not route.pattern.startswith("admin/")
        if outside and any(word in route.pattern.lower() for word in LEAKY_WORDS):
            found.add(sample_url(route))
    return sorted(found)


@pytest.mark.parametrize("role", ["anonymous", "pending", "rejected", "suspended"])
def test_no_surface_shows_community_text_to_non_members(client, home_page, thread, users, role):
    client.raise_request_exception = False
    if getattr(users, role):
        client.force_login(getattr(users, role))
    for url in surfaces():
        response = client.get(url)
        assert response.status_code < 500, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert SECRET.encode() not in body, url


def test_community_pages_ask_search_engines_not_to_index(member_client, thread):
    assert (
        b'<meta name="robots" content="noindex, nofollow">'
        in member_client.get(thread.get_absolute_url()).content
    )
