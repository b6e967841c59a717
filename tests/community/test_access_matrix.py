"""The access matrix: every URL pattern of the project, walked from the resolver, for every role.

Community and account routes must each have an expected outcome per role below
(a new route fails this test until someone decides who may see it). Every other
route must never fail (500) and never show community text to a non-member.
"""

import pytest

from community.models import Notification, Report
from community.notifications import email_verification_token

from .conftest import SECRET
from .urlwalk import all_routes, sample_url

ROLES = ["anonymous", "pending", "rejected", "suspended", "member", "moderator"]
NON_MEMBERS = ROLES[:4]
LOGIN = "login"  # anonymous users are redirected to the login page
REFUSED = 403  # logged in, not an approved member: the "members only" page with the reason

# Community routes: (member, moderator). Non-members: LOGIN if anonymous, REFUSED otherwise.
COMMUNITY = {
    "community:index": (200, 200),
    "community:category": (200, 200),
    "community:thread_create": (200, 200),
    "community:thread": (200, 200),
    "community:reply": (200, 200),
    "community:post": (302, 302),
    "community:post_edit": (200, 404),  # the member's own post; not the moderator's
    "community:post_delete": (200, 404),
    "community:post_history": (200, 200),
    "community:post_report": (200, 404),  # the moderator's post; nobody reports their own
    "community:member": (200, 200),
    "community:my_threads": (200, 200),
    "community:notifications": (200, 200),
    "community:notification_open": (302, 404),  # the member's notification
    "community:thread_moderate": (403, 405),  # POST only
    "community:thread_move": (403, 200),
    "community:post_moderate": (403, 405),
    "community:report_queue": (403, 200),
    "community:report_close": (403, 405),
    "community:moderation_log": (403, 200),
}

# Account routes: one outcome for every role, or a dict for anonymous vs everyone logged in.
EVERYONE = {
    "login": 200,
    "logout": 405,  # POST only
    "password_reset": 200,
    "password_reset_done": 200,
    "password_reset_confirm": 302,  # a valid link moves the token into the session
    "password_reset_complete": 200,
    "signup_done": 200,
    "verify_email": 200,
    "switch_language": 405,  # POST only
}
LOGGED_IN = {  # anonymous → login page
    "password_change": 200,
    "password_change_done": 200,
    "profile": 200,
    "resend_verification": 405,  # POST only
}
ANONYMOUS_ONLY = {"signup": (200, 302)}  # logged-in users are sent to their profile


@pytest.fixture
def world(thread, users, home_page):
    """Real objects to build every community URL from."""
    opening, moderator_reply = thread.posts.order_by("created_at")
    Report.objects.create(post=moderator_reply, reporter=users.member, reason="spam")
    notification = Notification.objects.get(recipient=users.member)
    member_post = {"post_id": opening.pk}
    other_post = {"post_id": moderator_reply.pk}
    kwargs = {
        "community:category": {"category_slug": thread.category.slug},
        "community:thread_create": {"category_slug": thread.category.slug},
        "community:thread": {"thread_id": thread.pk},
        "community:reply": {"thread_id": thread.pk},
        "community:post": other_post,
        "community:post_edit": member_post,
        "community:post_delete": member_post,
        "community:post_history": member_post,
        "community:post_report": other_post,
        "community:member": {"username": users.member.username},
        "community:notification_open": {"notification_id": notification.pk},
        "community:thread_moderate": {"thread_id": thread.pk},
        "community:thread_move": {"thread_id": thread.pk},
        "community:post_moderate": other_post,
        "community:report_close": {"report_id": Report.objects.get().pk},
        "verify_email": {"token": email_verification_token(users.pending.membership)},
    }
    return kwargs


def expected_status(route_name: str, role: str):
    if route_name in COMMUNITY:
        if role == "anonymous":
            return LOGIN
        if role in NON_MEMBERS:
            return REFUSED
        return COMMUNITY[route_name][role == "moderator"]
    if route_name in EVERYONE:
        return EVERYONE[route_name]
    if route_name in LOGGED_IN:
        return LOGIN if role == "anonymous" else LOGGED_IN[route_name]
    anonymous, logged_in = ANONYMOUS_ONLY[route_name]
    return anonymous if role == "anonymous" else logged_in


def test_every_community_route_has_an_expectation():
    community_routes = {route.name for route in all_routes() if route.is_community}
    classified = {*COMMUNITY, *EVERYONE, *LOGGED_IN, *ANONYMOUS_ONLY}
    assert community_routes == classified


def test_the_walk_covers_the_whole_project():
    names = {route.name for route in all_routes()}
    assert {"healthz", "wagtail_serve", "community:thread", "login", "wagtailadmin_home"} <= names


@pytest.mark.parametrize("role", ROLES)
def test_access_matrix(role, client, users, world):
    from django.urls import reverse

    client.raise_request_exception = False  # collect 500s, do not stop at the first
    user = getattr(users, role)
    if user is not None:
        client.force_login(user)
    world = {**world, "password_reset_confirm": password_reset_kwargs(users.member)}
    failures = []
    for route in all_routes():
        if route.is_community:
            url = sample_url(route, world.get(route.name, {}))
            response = client.get(url)
            expected = expected_status(route.name, role)
            if expected == LOGIN:
                ok = response.status_code == 302 and response["Location"].startswith(reverse("login"))
            else:
                ok = response.status_code == expected
            if not ok:
                failures.append(f"{url}: expected {expected}, got {response.status_code}")
        else:
            url = sample_url(route)
            response = client.get(url)
            if response.status_code >= 500:
                failures.append(f"{url}: {response.status_code}")
        body = response.content.decode(errors="replace") if not response.streaming else ""
        if role in NON_MEMBERS and SECRET in body:
            failures.append(f"{url}: community text shown to a {role} user")
    assert not failures, "\n".join(failures)


def password_reset_kwargs(user) -> dict:
    """A valid reset link for `user` (made after login: the token covers last_login)."""
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    user.refresh_from_db()
    return {
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
    }
