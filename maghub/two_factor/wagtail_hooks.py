"""The two-factor pages live under /admin/, and the account settings link to enrolment."""

from django.urls import path, reverse

from wagtail import hooks

from maghub.two_factor import views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/", views.enrol, name="two_factor_enrol"),
        path("two-factor/verify/", views.verify, name="two_factor_verify"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor_enrol"),
        "label": "Two-factor sign-in",
        "help_text": "Sign in with a code from an authenticator app on your phone as well as your password.",
    }
