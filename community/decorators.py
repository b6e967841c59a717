"""View decorators that apply the access rule of community/access.py."""

from __future__ import annotations

import functools
from collections.abc import Callable

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext

from community import access


def refusal_response(request: HttpRequest, message: str) -> HttpResponse:
    """The 403 page that tells the user, in words, why they cannot do this."""
    context = {"message": message, "membership": access.membership_of(request.user)}
    return render(request, "community/refused.html", context, status=403)


def _refuse(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return refusal_response(request, access.refusal_message(request.user))


def member_required(view: Callable) -> Callable:
    """Anonymous → login; logged in but not an approved member → the 403 "not a member" page."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not access.can_read_community(request.user):
            return _refuse(request)
        return view(request, *args, **kwargs)

    return wrapped


def moderator_required(view: Callable) -> Callable:
    """As member_required, and members who are not moderators get a 403."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not access.can_read_community(request.user):
            return _refuse(request)
        if not access.is_moderator(request.user):
            return refusal_response(request, gettext("Only moderators may do that."))
        return view(request, *args, **kwargs)

    return wrapped
