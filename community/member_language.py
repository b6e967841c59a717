"""A member's language: the community's pages and e-mails follow `Membership.language`.

Sign-up records the language the application was made in; the profile form and the site's language
switcher (a POST to `switch_language` for a signed-in member) change it. A member who opens a
community or account page in the other language is sent to the same page in theirs, so a link
shared by someone reading in the other language still opens in the reader's own.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import translate_url
from django.utils import translation

from community.access import membership_of
from maghub.i18n import localized_path

# The unprefixed paths whose pages follow the member's language (the rest of the site follows
# the path alone, so a member can read an article in either language).
MEMBER_PATHS = ("/community/", "/accounts/")


def language_of(user) -> str:
    """The language to address `user` in: their membership's preference, else the site's default."""
    membership = membership_of(user)
    return membership.language if membership is not None else settings.LANGUAGE_CODE


def is_supported(language_code: str) -> bool:
    return language_code in dict(settings.LANGUAGES)


def url_in(language_code: str, url: str) -> str:
    """A site URL in either language ("/zh/community/?page=2"), in `language_code`: the same view
    under that language's prefix (unchanged when it resolves to none)."""
    with translation.override(translation.get_language_from_path(url) or settings.LANGUAGE_CODE):
        return translate_url(url, language_code)


def preferred_location(request: HttpRequest) -> str | None:
    """Where a member reading a community or account page in the other language should be, or None.

    Only GETs (a POST is answered where it was sent), and only on the member paths, which load the
    membership anyway (the masthead reads it): the check costs no query of its own.
    """
    if request.method not in ("GET", "HEAD"):
        return None
    active = translation.get_language()
    if not request.path_info.startswith(tuple(localized_path(path, active) for path in MEMBER_PATHS)):
        return None
    if not request.user.is_authenticated:
        return None
    membership = membership_of(request.user)
    if membership is None or membership.language == active or not is_supported(membership.language):
        return None
    here = request.get_full_path()
    there = url_in(membership.language, here)
    return there if there != here else None


class MemberLanguageMiddleware:
    """Sends a signed-in member to the community and account pages in their language (after
    AuthenticationMiddleware, which gives the user, and PathLanguageMiddleware, the language)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        location = preferred_location(request)
        if location is not None:
            return HttpResponseRedirect(location)
        return self.get_response(request)
