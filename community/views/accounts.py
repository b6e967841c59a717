"""Membership under /accounts/: apply, confirm e-mail, edit the profile (login: community/login.py)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from community import access
from community.forms import AccountForm, ApplicationForm, ProfileForm
from community.notifications import membership_from_token, send_email_verification
from community.ratelimit import ratelimit
from maghub.site_urls import site_root_url


@ratelimit("signup", user_key=lambda request: None)
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("profile")
    account_form = AccountForm(request.POST or None, prefix="account")
    application_form = ApplicationForm(request.POST or None, prefix="application")
    if request.method == "POST" and account_form.is_valid() and application_form.is_valid():
        with transaction.atomic():
            membership = application_form.save_for(account_form.save())
        send_email_verification(membership)
        return redirect("signup_done")
    return render(
        request, "accounts/signup.html", {"account_form": account_form, "application_form": application_form}
    )


def signup_done(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/signup_done.html")


def verify_email(request: HttpRequest, token: str) -> HttpResponse:
    membership = membership_from_token(token)
    if membership is not None:
        membership.verify_email()
    return render(
        request, "accounts/verify_email.html", {"membership": membership}, status=200 if membership else 400
    )


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    membership = access.membership_of(request.user)
    form = ProfileForm(request.POST or None, instance=membership) if membership else None
    if form is not None and request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, gettext("Your profile was saved."))
        return redirect("profile")
    context = {
        "membership": membership,
        "form": form,
        "status_message": None
        if access.can_read_community(request.user)
        else access.refusal_message(request.user),
    }
    return render(request, "accounts/profile.html", context)


@login_required
@require_POST
@ratelimit("verify")
def resend_verification(request: HttpRequest) -> HttpResponse:
    membership = access.membership_of(request.user)
    if membership and not membership.email_verified:
        send_email_verification(membership)
        messages.success(request, gettext("We sent you a new confirmation link."))
    return redirect("profile")


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset, its link on the Site's configured host rather than the request's Host."""

    def form_valid(self, form):
        self.extra_email_context = {"site_url": site_root_url(self.request)}
        return super().form_valid(form)
