"""No /admin/ page for a session that owes a second factor."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse

from django_otp.middleware import OTPMiddleware

from maghub.two_factor import policy

# Reachable before the code is given: signing in and out, and what the two-factor pages themselves load
# (the admin's scripts fetch the icon sprite and put whatever comes back into the page).
ALWAYS_OPEN = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "two_factor_verify",
}
# Reachable without a code only while the user has no device yet: with one, enrolling another
# would let a stolen password replace the phone.
OPEN_UNTIL_ENROLLED = {"two_factor_enrol"}


class AdminTwoFactorMiddleware(OTPMiddleware):
    """django-otp's middleware (``request.user.is_verified()``), then for paths under
    ADMIN_CSP_PREFIX: a user with a device who has not given a code this session is sent to
    the code page; a user who must use two factors and has no device is sent to enrol."""

    # Synchronous only (gunicorn's WSGI workers): Django adapts it if an async stack ever calls it.
    async_capable = False

    def __call__(self, request: HttpRequest) -> HttpResponse:
        self._install_lazy_accessors(request)
        return self._redirect(request) or self.get_response(request)

    def _redirect(self, request: HttpRequest) -> HttpResponse | None:
        user = request.user
        if not request.path_info.startswith(settings.ADMIN_CSP_PREFIX) or not user.is_authenticated:
            return None
        if user.is_verified():
            return None
        name = _url_name(request)
        if name in ALWAYS_OPEN:
            return None
        if policy.has_device(user):
            return _to("two_factor_verify", request)
        if name in OPEN_UNTIL_ENROLLED or not policy.is_required(user):
            return None
        return _to("two_factor_enrol", request)


def _url_name(request: HttpRequest) -> str | None:
    try:
        return resolve(request.path_info).url_name
    except Resolver404:
        return None


def _to(url_name: str, request: HttpRequest) -> HttpResponse:
    return HttpResponseRedirect(f"{reverse(url_name)}?{urlencode({'next': request.get_full_path()})}")
