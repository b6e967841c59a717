"""Accounts under /accounts/: Django's auth views (un-namespaced, as they expect) plus membership."""

from django.contrib.auth import views as auth_views
from django.urls import path

from community.login import LoginView
from community.views import accounts

urlpatterns = [
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("password/change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("password/reset/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/done/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("signup/", accounts.signup, name="signup"),
    path("signup/done/", accounts.signup_done, name="signup_done"),
    path("verify/resend/", accounts.resend_verification, name="resend_verification"),
    path("verify/<str:token>/", accounts.verify_email, name="verify_email"),
    path("profile/", accounts.profile, name="profile"),
    path("language/", accounts.switch_language, name="switch_language"),
]
