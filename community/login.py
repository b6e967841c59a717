"""Login throttling shared by the members' login (/accounts/login/) and the Wagtail admin's.

Only failed attempts count, per (username, IP address) pair and per IP address. A username
alone is never throttled, so an attacker cannot lock a member out by failing on purpose
from elsewhere; the pair limit stops guessing one password from one place, the IP limit
stops trying many accounts from one place.
"""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from wagtail.admin.views import account as wagtail_account

from community.ratelimit import client_ip, hit, is_limited

SCOPE = "login"


def attempt_keys(request: HttpRequest) -> dict[str, str | None]:
    """The counters one login attempt counts against."""
    ip = client_ip(request)
    username = (request.POST.get("username") or "").strip().lower()
    return {"account_ip": f"{username}|{ip}" if username else None, "ip": ip}


class ThrottledLoginMixin:
    """For a LoginView: a 429 page once the limits are used up, a failed attempt counted."""

    request: HttpRequest

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if is_limited(SCOPE, attempt_keys(request)):
            return render(request, "community/rate_limited.html", status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form) -> HttpResponse:
        hit(SCOPE, attempt_keys(self.request))
        return super().form_invalid(form)


class LoginView(ThrottledLoginMixin, auth_views.LoginView):
    """The members' login."""


class AdminLoginView(ThrottledLoginMixin, wagtail_account.LoginView):
    """The Wagtail admin's login, under the same limits."""
