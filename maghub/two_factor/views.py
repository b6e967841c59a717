"""The admin's two-factor pages: enrol an authenticator app, and give a code after signing in."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

import django_otp

from maghub.two_factor import policy
from maghub.two_factor.enrolment import manual_key, qr_code_data_uri
from maghub.two_factor.forms import CodeForm


def _next_url(request: HttpRequest) -> str:
    """Where to go once the code is accepted: the admin page first asked for, if it is ours."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    return reverse("wagtailadmin_home")


def _sign_in_with(request: HttpRequest, device) -> None:
    # A new session key for the fully signed-in session: one fixed before the code was given is useless.
    request.session.cycle_key()
    django_otp.login(request, device)


def enrol(request: HttpRequest) -> HttpResponse:
    """Scan the QR code (or type the key), then confirm with a code. Confirming replaces any device
    the user had: one phone answers for an account."""
    device = policy.pending_device(request.user)
    form = CodeForm(device, request.POST or None)
    if form.is_valid():
        device = form.device
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        policy.confirmed_devices(request.user).exclude(pk=device.pk).delete()
        _sign_in_with(request, device)
        messages.success(
            request, "Two-factor sign-in is on: from now on you sign in with a code from your app."
        )
        return redirect(_next_url(request))
    return render(
        request,
        "two_factor/enrol.html",
        {
            "form": form,
            "qr_code": qr_code_data_uri(device),
            "manual_key": manual_key(device),
            "already_on": policy.has_device(request.user),
            "required": policy.is_required(request.user),
            "next": _next_url(request),
        },
    )


def verify(request: HttpRequest) -> HttpResponse:
    """The second step of signing in: a code from the user's app."""
    device = policy.confirmed_devices(request.user).first()
    if device is None:
        return redirect(reverse("two_factor_enrol"))
    if request.user.is_verified():
        return redirect(_next_url(request))
    form = CodeForm(device, request.POST or None)
    if form.is_valid():
        _sign_in_with(request, form.device)
        return redirect(_next_url(request))
    return render(request, "two_factor/verify.html", {"form": form, "next": _next_url(request)})
